"""Turning data into terminal text that is always shown literally.

Everything that comes from articles or reviewers (text, titles, outlets, speakers, notes, names)
goes through `literal()`: a rich `Text` (never parsed as markup) whose control characters are
replaced one for one by visible symbols, so an ANSI escape shows as `␛[31m` instead of colouring
the screen, and offsets into the article text stay valid.
"""

from __future__ import annotations

import re

from rich.text import Text

from workbench.models import Claim, Verdict

# C0 controls except tab and newline, DEL, and C1 controls
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
_PICTURE = {0x7F: "␡"}


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ for ESC
    return _PICTURE.get(code, "�")


def visible(s: str) -> str:
    """`s` with every control character (but tab and newline) replaced by a visible symbol."""
    return _CONTROL.sub(_picture, s)


def one_line(s: str) -> str:
    return " ".join(visible(s).split())


def literal(s: str | None, style: str = "", *, width: int | None = None) -> Text:
    """Data as Text, on one line, cut to `width` cells with an ellipsis."""
    text = Text(one_line(s or ""), style=style, no_wrap=True, end="")
    if width is not None and text.cell_len > width:
        text.truncate(max(width - 1, 0))
        text.append("…")
    return text


VERDICT_STYLE = {
    "corroborated": "bold green",
    "disputed": "bold red",
    "unverified": "bold yellow",
}
VERDICT_MARK = {"corroborated": "✔", "disputed": "✘", "unverified": "?"}
STATUS_STYLE = {
    "conflict": "bold white on dark_red",
    "update": "bold black on dodger_blue2",
    "agree": "bold black on green3",
    "single": "black on grey62",
}
# a group's status in one sign, where room is short: sources differ, agree, a rising toll, one
STATUS_SIGN = {"conflict": "≠", "agree": "=", "update": "↑", "single": "1"}


def verdict_text(verdict: str | None, *, short: bool = False, mark_only: bool = False) -> Text:
    """A verdict as a coloured word: "✔ corroborated", short "✔ corr", or just "✔"."""
    if verdict is None:
        return Text("–", style="dim")
    if mark_only:
        return Text(VERDICT_MARK[verdict], style=VERDICT_STYLE[verdict])
    word = verdict[:4] if short else verdict
    return Text(f"{VERDICT_MARK[verdict]} {word}", style=VERDICT_STYLE[verdict])


def status_badge(status: str, *, short: bool = False) -> Text:
    """ " CONFLICT " on red, or when short " ≠ " (see STATUS_SIGN)."""
    label = STATUS_SIGN.get(status, status[:1]) if short else status.upper()
    return Text(f" {label} ", style=STATUS_STYLE.get(status, "reverse"))


def others_text(verdicts: tuple[Verdict, ...], *, width: int, short: bool = False) -> Text:
    """Other reviewers' current verdicts: "bob ✔ ana ✘" (or, short, how many of each: "✔2✘1")."""
    text = Text(no_wrap=True, end="")
    if short:
        for name in ("corroborated", "disputed", "unverified"):
            n = sum(v.verdict == name for v in verdicts)
            if n:
                text.append(f"{VERDICT_MARK[name]}{n}", style=VERDICT_STYLE[name])
        return text or Text("–", style="dim")
    for v in verdicts:
        if text:
            text.append(" ")
        text.append_text(literal(v.reviewer, width=8))
        if v.verdict is None:
            text.append(" ✎", style="dim")
        else:
            text.append(" " + VERDICT_MARK[v.verdict], style=VERDICT_STYLE[v.verdict])
    if text.cell_len > width:
        text.truncate(max(width - 1, 0))
        text.append("…")
    return text or Text("–", style="dim")


def count_range(low: int | None, high: int | None, approximate: bool | None = None) -> str:
    """An interval as a reviewer reads it: "45–?" (at least 45), "?–49", "62", "40–45"."""
    if low is None and high is None:
        return "?"
    prefix = "~" if approximate else ""
    if low is not None and high is not None:
        return f"{prefix}{low}" if low == high else f"{prefix}{low}–{high}"
    if low is not None:
        return f"{prefix}{low}–?"
    return f"{prefix}?–{high}"


def claim_value(claim: Claim) -> str:
    """The value a claim asserts, in a few characters."""
    if claim.kind == "casualty":
        value = count_range(claim.low, claim.high, claim.approximate)
        if claim.rising:
            value = "↑" + value
    elif claim.kind == "weapon":
        value = claim.canonical or claim.value or "?"
        if claim.count:
            value += f" ×{claim.count}"
    elif claim.kind == "actor":
        value = claim.canonical or claim.value or "?"
        if claim.role:
            value += f" ({claim.role})"
    elif claim.kind == "intent":
        value = claim.canonical or claim.value or "?"
        if claim.hypothetical:
            value += " (if)"
    else:
        value = claim.value or claim.canonical or "?"
    if claim.says_not:
        value = "not " + value
    return one_line(value)


def speaker_chain(claim: Claim, outlet: str | None) -> str:
    """Who said it, outermost first, without the outlet the table already shows."""
    chain = list(claim.speaker_chain) or ([claim.speaker] if claim.speaker else [])
    if chain and outlet and chain[0] == outlet:
        chain = chain[1:]
    return " › ".join(one_line(link) for link in chain) or "(the outlet)"


def short_date(published: str | None, *, wide: bool) -> str:
    """ "2016-03-13 08:30" when wide, "03-13 08:30" (or "03-13") when narrow."""
    if not published:
        return "?"
    day, _, rest = published.partition("T")
    clock = rest[:5] if rest else ""
    return f"{day if wide else day[5:]} {clock}".strip()
