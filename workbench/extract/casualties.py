"""Casualty counts in one sentence: outcome, subject and its class, the count as an interval.

A count becomes a casualty when the words around it say what happened to whom:
- after it: "Sixty-two Syrian soldiers were killed", "over 100 injured", "62 dead";
- before it: "killing at least 20 people", "claimed the lives of 129 loyalists";
- a toll: "the death toll rose to 48" (`rising`), "the number of wounded reached 90";
- a part of the count before it: "..., including 11 children" (`sub`);
- a list: "killed 129 loyalists and 116 rebels", "10 children and 13 rebels were killed";
- zero: "no one was killed" (negated, 0-0).
Everything else (years, dates, ages, measures, "Resolution 2254", "two F-16 jet fighters") is
left alone. Vocabulary: `lexicon/casualty.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from workbench.extract import lexicon
from workbench.extract.gazetteer import Hit
from workbench.extract.numbers import Quantity, find_quantities, looks_like_count

WEAK_OUTCOMES = ("missing", "captured", "displaced")  # need a subject noun to count


@dataclass(frozen=True, slots=True)
class Casualty:
    """One casualty count; offsets are relative to the sentence."""

    quantity: Quantity
    outcome: str
    subject: str | None
    subject_class: str
    end: int  # where the words making the claim end (for lists and shared subjects)
    rising: bool = False
    sub: bool = False  # part of the count before it ("including 11 children")
    negated: bool = False
    how: str = "after"  # which pattern found it: after, before, toll, sub, list, zero


@dataclass(frozen=True)
class _Patterns:
    np: re.Pattern[str]  # a subject noun phrase at a position
    after: re.Pattern[str]  # [of the] [subject] [aux...] outcome, at the end of a count
    after_outcome: dict[str, str]
    before: re.Pattern[str]  # active outcome right before a count
    before_outcome: dict[str, str]
    toll: re.Pattern[str]
    toll_outcome: dict[str, str]
    rising: re.Pattern[str]
    earlier: re.Pattern[str]
    sub_before: re.Pattern[str]
    sub_after: re.Pattern[str]
    subjects: re.Pattern[str]
    subject_class: dict[str, str]
    list_gap: re.Pattern[str]
    connector: re.Pattern[str]


def _by_phrase(table: dict[str, Any], part: str | None = None) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, entry in table.items():
        for p in entry[part] if part else entry:
            out.setdefault(lexicon.normal(p), name)
    return out


@cache
def _patterns() -> _Patterns:
    data = lexicon.load("casualty")
    outcomes = data["outcomes"]
    after_outcome = _by_phrase(outcomes, "after")
    before_outcome = _by_phrase(outcomes, "before")
    subject_class = _by_phrase(data["subjects"])
    np_words = data["noun_phrase"]
    head = lexicon.words_pattern(subject_class, plural=True, hyphen_ends=True)
    stop = lexicon.alternation(np_words["stop"])
    # modifiers: an acronym ("IS", "YPG") or any word but a stop word
    mod = rf"(?:\(?(?-i:[A-Z]{{2,5}})\)?(?!\w)|(?!{stop}(?!\w))\(?[A-Za-z][\w'’\-]*\)?)"
    one_np = rf"(?:{mod}\s+){{0,4}}?{head}"
    np = rf"{one_np}(?:\s+(?:and|or|&)\s+{one_np})?"
    between = lexicon.alternation(np_words["between"])
    sub_after_words = lexicon.alternation(data["subcounts"]["after"])
    inner = lexicon.alternation(data["subcounts"]["inner"])
    tolls = _by_phrase({name: data["tolls"][name] for name in ("killed", "injured")})
    # "the number of Nusra and rebel fighters killed in battles ... has risen to 39"
    number_of = lexicon.alternation(data["tolls"]["number_of"])
    toll_words = _by_phrase(data["tolls"]["number_of_outcomes"])
    return _Patterns(
        np=re.compile(rf"\s+(?:of\s+(?:the\s+|those\s+)?)?(?P<np>{np})", re.I),
        after=re.compile(
            # "three of the injured died", "dozens of people", "20 of them were killed"
            rf"(?:\s+of\s+(?:the|those)\s+(?:injured|wounded|dead|victims)"
            rf"|\s+of(?:\s+(?:the|them|those|whom))?)?(?:\s+(?P<np>{np})"
            # "33 members of the Islamic State group were killed"
            rf"(?:\s+(?:of|from)\s+[^,.;:]{{1,90}}?(?=\s+(?:{between})(?!\w)))?)?"
            rf"(?:\s*,?\s+{inner}(?!\w)[^,.;:]{{0,80}}?"
            rf"(?:,|(?=\s+(?:were|was|have|had|are)\b)))?"
            rf"(?:\s*,?\s*(?:{between})(?!\w))*"
            rf"\s+(?P<out>{lexicon.alternation(after_outcome)})(?!\w)",
            re.I,
        ),
        after_outcome=after_outcome,
        before=re.compile(
            rf"(?<!\w)(?P<out>{lexicon.alternation(before_outcome)})\s+(?:(?:all|the)\s+)?$",
            re.I,
        ),
        before_outcome=before_outcome,
        toll=re.compile(
            rf"(?<!\w)(?P<toll>{lexicon.alternation(tolls)}|{number_of}\s+"
            rf"(?:[\w'’()\-]+\s+){{0,10}}?(?P<tout>{lexicon.alternation(toll_words)}))(?!\w)"
            rf"(?P<gap>[^;!?]{{0,120}}?)\s*$",
            re.I,
        ),
        toll_outcome={**toll_words, **tolls},
        rising=re.compile(lexicon.words_pattern(data["tolls"]["rising"]), re.I),
        earlier=re.compile(rf"(?<!\w){lexicon.alternation(data['tolls']['earlier'])}\s+$", re.I),
        sub_before=re.compile(
            rf"(?<!\w){lexicon.alternation(data['subcounts']['before'])}\s*:?\s+$", re.I
        ),
        sub_after=re.compile(
            rf"\s+{sub_after_words}\s+(?:(?:were|are|was|being)\s+)?(?P<np>{np})", re.I
        ),
        subjects=re.compile(head, re.I),
        subject_class=subject_class,
        list_gap=re.compile(r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as|plus|&)?\s*(?:,\s*)?", re.I),
        connector=re.compile(
            r"(?:to|at|of|reached|reaching|hit|hits|stands\s+at|stood\s+at|is|was|now|:)\s*$", re.I
        ),
    )


def classify(subject: str | None) -> str:
    """The class of a subject noun phrase: civilian, military, armed-group, mixed or unknown."""
    if not subject:
        return "unknown"
    p = _patterns()
    classes: list[str] = []
    for m in p.subjects.finditer(subject):
        key = lexicon.normal(m.group(0))
        name = p.subject_class.get(key)
        if name is None and key.endswith("es"):
            name = p.subject_class.get(key[:-2])
        if name is None and key.endswith("s"):
            name = p.subject_class.get(key[:-1])
        if name is not None:
            classes.append(name)
    known = {c for c in classes if c != "unknown"}
    if len(known) > 1:
        return "mixed"
    if known:
        return known.pop()
    return "unknown"


def _outcome(table: dict[str, str], words: str) -> str:
    return table.get(lexicon.normal(words), "killed")


def find_casualties(
    sentence: str, quantities: list[Quantity] | None = None, hits: list[Hit] | None = None
) -> list[Casualty]:
    """Casualty counts in one sentence, left to right; a count said twice in it is kept once."""
    p = _patterns()
    found: dict[int, Casualty] = {}  # by quantity start
    if quantities is None:
        quantities = find_quantities(sentence)
    loose: list[Quantity] = []
    for q in quantities:
        c = _read(sentence, q, p)
        if c is None:
            loose.append(q)
        else:
            found[q.start] = c
    _lists(sentence, loose, found, p)
    out = sorted(found.values(), key=lambda c: c.quantity.start)
    out = _shared_subjects(sentence, out)
    out.extend(_zeros(sentence, p, out, hits))
    unique: dict[tuple[str, int | None, int | None, bool], Casualty] = {}
    for c in sorted(out, key=lambda c: c.quantity.start):
        unique.setdefault((c.outcome, c.quantity.low, c.quantity.high, c.sub), c)
    return list(unique.values())


def _np_after(sentence: str, q: Quantity, p: _Patterns) -> re.Match[str] | None:
    return p.np.match(sentence, q.end)


def _read(sentence: str, q: Quantity, p: _Patterns) -> Casualty | None:
    window = max(0, q.start - 130)
    if p.earlier.search(sentence, max(0, q.start - 24), q.start):
        return None
    np_match = _np_after(sentence, q, p)
    person = np_match is not None
    if not looks_like_count(sentence, q, person_follows=person):
        return None
    subject = np_match.group("np") if np_match else None
    np_end = np_match.end() if np_match else q.end
    # a part of the count before it
    if p.sub_before.search(sentence, max(0, q.start - 40), q.start):
        if subject:
            return Casualty(q, "", subject, classify(subject), np_end, sub=True, how="sub")
    sub = p.sub_after.match(sentence, q.end)
    if sub:
        np = sub.group("np")
        return Casualty(q, "", np, classify(np), sub.end(), sub=True, how="sub")
    # active: "killing 62 people"
    before = p.before.search(sentence, max(0, q.start - 40), q.start)
    if before:
        outcome = _outcome(p.before_outcome, before.group("out"))
        if subject or outcome not in WEAK_OUTCOMES:
            return Casualty(q, outcome, subject, classify(subject), np_end, how="before")
    # passive or noun: "62 soldiers were killed", "62 dead"
    after = p.after.match(sentence, q.end)
    if after:
        outcome = _outcome(p.after_outcome, after.group("out"))
        subject = after.group("np")
        among = after.group("out").lower().startswith("among")  # "5 children were among the dead"
        if subject or outcome not in WEAK_OUTCOMES:
            return Casualty(
                q, outcome, subject, classify(subject), after.end(), sub=among, how="after"
            )
    # a toll: "the death toll rose to 48"
    toll = p.toll.search(sentence, window, q.start)
    if toll:
        gap = toll.group("gap")
        if re.search(r"\d", gap) and not p.connector.search(gap):
            return None
        rising = bool(p.rising.search(gap)) or bool(
            p.rising.search(sentence, max(0, toll.start() - 30), toll.start())
        )
        outcome = _outcome(p.toll_outcome, toll.group("tout") or toll.group("toll"))
        return Casualty(q, outcome, subject, classify(subject), np_end, rising=rising, how="toll")
    return None


def _lists(sentence: str, loose: list[Quantity], found: dict[int, Casualty], p: _Patterns) -> None:
    """Counts in a list with a casualty: "killed 129 loyalists and 116 rebels" (both ways)."""
    changed = True
    while changed and loose:
        changed = False
        ordered = sorted(found.values(), key=lambda c: c.quantity.start)
        for q in list(loose):
            np_match = _np_after(sentence, q, p)
            if np_match is None or not looks_like_count(sentence, q, person_follows=True):
                continue
            subject = np_match.group("np")
            prev = [c for c in ordered if c.end <= q.start]
            nxt = [c for c in ordered if c.quantity.start >= np_match.end()]
            kin: Casualty | None = None
            end = np_match.end()
            if prev and p.list_gap.fullmatch(sentence, prev[-1].end, q.start):
                kin = prev[-1]
            elif (
                nxt
                and nxt[0].how == "after"
                and p.list_gap.fullmatch(sentence, np_match.end(), nxt[0].quantity.start)
            ):
                kin = nxt[0]
            if kin is None or not kin.subject and kin.how != "before":
                continue
            found[q.start] = replace(
                kin,
                quantity=q,
                subject=subject,
                subject_class=classify(subject),
                end=end,
                rising=False,
                how="list" if not kin.sub else "sub",
            )
            loose.remove(q)
            changed = True


def _shared_subjects(sentence: str, found: list[Casualty]) -> list[Casualty]:
    """ "62 soldiers were killed and over 100 injured": the second count shares the subject."""
    out: list[Casualty] = []
    for c in found:
        if out and c.subject is None and c.how == "after":
            prev = out[-1]
            if prev.subject and re.fullmatch(
                r"\s*,?\s*and\s*", sentence[prev.end : c.quantity.start]
            ):
                c = replace(c, subject=prev.subject, subject_class=prev.subject_class)
        out.append(c)
    return out


def _zeros(
    sentence: str, p: _Patterns, found: list[Casualty], hits: list[Hit] | None
) -> list[Casualty]:
    """ "no one was killed": a zero count, negated."""
    if hits is None:
        hits = lexicon.gazetteer().find(sentence, ("zero",))
    out: list[Casualty] = []
    for h in hits:
        if h.entry.table != "zero" or any(c.quantity.start <= h.start < c.end for c in found):
            continue
        q = Quantity(h.start, h.end, h.start, h.end, 0, 0, False, None, False, False)
        out.append(Casualty(q, h.canonical, None, "unknown", h.end, negated=True, how="zero"))
    return out
