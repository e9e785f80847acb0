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
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple, cast

from workbench.extract import lexicon
from workbench.extract.gazetteer import Hit, by_table, cue_before
from workbench.extract.numbers import Quantity, find_quantities, looks_like_count

WEAK_OUTCOMES = ("missing", "captured", "displaced")  # need a subject noun to count


class Casualty(NamedTuple):
    """One casualty count; offsets are relative to the sentence."""

    quantity: Quantity
    outcome: str
    subject: str | None
    subject_class: str
    end: int  # where the words making the claim end (for lists and shared subjects)
    rising: bool = False
    sub: bool = False  # part of the count before it ("including 11 children")
    negated: bool = False
    how: str = "after"  # which pattern found it: after, before, toll, sub, partitive, list, zero


@dataclass(frozen=True)
class _Patterns:
    np: re.Pattern[str]  # a subject noun phrase at a position
    after: re.Pattern[str]  # [of the] [subject] [aux...] outcome, at the end of a count
    after_outcome: dict[str, str]
    sub_after: re.Pattern[str]
    subjects: re.Pattern[str]
    subject_class: dict[str, str]
    list_gap: re.Pattern[str]
    connector: re.Pattern[str]
    sub_first: frozenset[str]  # the first words of `sub_after`'s phrases ("of", "among")
    partitive: re.Pattern[str]  # "of the wounded" after a count
    partitive_outcome: dict[str, str]  # normal(whole) -> outcome
    partitive_subject: re.Pattern[str]  # "were children" after a partitive


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
    partitives = {k: v for k, v in data["partitives"].items() if k in outcomes}
    partitive_outcome = _by_phrase(partitives)
    subject_verbs = lexicon.alternation(data["partitives"]["subject_verbs"])
    inner = lexicon.alternation(data["subcounts"]["inner"])
    return _Patterns(
        np=re.compile(rf"\s+(?:of\s+(?:the\s+|those\s+)?)?(?P<np>{np})", re.I),
        after=re.compile(
            # "dozens of people", "20 of them were killed"
            rf"(?:\s+of(?:\s+(?:the|them|those|whom|its|their|his|her))?)?(?:\s+(?P<np>{np})"
            # "33 members of the Islamic State group were killed"
            rf"(?:\s+(?:of|from)\s+[^,.;:]{{1,90}}?(?=\s+(?:{between})(?!\w)))?)?"
            # an aside: ", including 11 children,", " - mainly women and children -"
            rf"(?:\s*,?\s+{inner}(?!\w)[^,.;:]{{0,80}}?"
            rf"(?:,|(?=\s+(?:were|was|have|had|are|dead|killed|wounded|injured)\b))"
            rf"|\s+[-–—]\s+[^-–—.;]{{1,80}}?\s+[-–—])?"
            rf"(?:\s*,?\s*(?:{between})(?!\w))*"
            rf"\s+(?P<out>{lexicon.alternation(after_outcome)})(?!\w)",
            re.I,
        ),
        after_outcome=after_outcome,
        sub_after=re.compile(
            rf"\s+{sub_after_words}\s+(?:(?:were|are|was|being)\s+)?(?P<np>{np})"
            # "68 children were among the 126 people killed": a part of the count after it
            rf"|(?:\s+(?P<among_np>{np}))?\s+(?:were|was|are)\s+(?:also\s+)?among\s+(?:the\s+)?"
            rf"(?:at\s+least\s+|more\s+than\s+|some\s+)?(?=\d|[a-z]+\s+(?:people|of))",
            re.I,
        ),
        subjects=re.compile(head, re.I),
        subject_class=subject_class,
        list_gap=re.compile(
            r"\s*(?:,\s*)?(?:and|or|as\s+well\s+as|plus|&|along\s+with|together\s+with)?"
            r"\s*(?:,\s*)?",
            re.I,
        ),
        connector=re.compile(
            r"(?:to|at|of|reached|reaching|hit|hits|stands\s+at|stood\s+at|is|was|now|:)\s*$", re.I
        ),
        sub_first=frozenset(lexicon.normal(w).split()[0] for w in data["subcounts"]["after"]),
        partitive=re.compile(
            rf"\s+of\s+(?P<whole>{lexicon.alternation(partitive_outcome)})(?!\w)", re.I
        ),
        partitive_outcome=partitive_outcome,
        # "five of the dead [in Jayrud] were children"
        partitive_subject=re.compile(
            rf"(?:\s+(?:in|at|from)\s+[A-Z][\w'’\-]*)?\s+{subject_verbs}\s+(?P<np>{np})", re.I
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
    sentence: str,
    quantities: list[Quantity] | None = None,
    hits: list[Hit] | None = None,
    cues: dict[str, list[Hit]] | None = None,
) -> list[Casualty]:
    """Casualty counts in one sentence, left to right; a count said twice in it is kept once.

    `cues`: the hits by table (`by_table(hits)`), when the caller has them."""
    p = _patterns()
    found: dict[int, Casualty] = {}  # by quantity start
    if quantities is None:
        quantities = find_quantities(sentence)
    if cues is None:
        cues = by_table(lexicon.gazetteer().find(sentence) if hits is None else hits)
    loose: list[Quantity] = []
    nps: dict[int, Any] = {}  # count end -> its subject noun phrase match
    for q in quantities:
        part = p.partitive.match(sentence, q.end)
        if part:  # "three of the injured died": a part of a group, or no count of harm at all
            c = _partitive(sentence, q, p, part)
            if c is not None:
                found[q.start] = c
            continue
        c = _read(sentence, q, p, cues, nps)
        if c is None:
            loose.append(q)
        else:
            found[q.start] = c
    _lists(sentence, loose, found, p, cues, nps)
    out = sorted(found.values(), key=lambda c: c.quantity.start)
    out = _shared_subjects(sentence, out)
    out.extend(_zeros(out, cues.get("zero", [])))
    unique: dict[tuple[str, int | None, int | None, bool], Casualty] = {}
    for c in sorted(out, key=lambda c: c.quantity.start):
        unique.setdefault((c.outcome, c.quantity.low, c.quantity.high, c.sub), c)
    return list(unique.values())


_NO_MATCH = object()


def _np_after(
    sentence: str, q: Quantity, p: _Patterns, memo: dict[int, Any]
) -> re.Match[str] | None:
    """The subject noun phrase right after a count (read once per count: `memo`)."""
    found = memo.get(q.end, _NO_MATCH)
    if found is _NO_MATCH:
        found = memo[q.end] = p.np.match(sentence, q.end)
    return cast("re.Match[str] | None", found)


_EARLIER_GAP = re.compile(r"\s+")
_SUB_GAP = re.compile(r"\s*:?\s+")
_BEFORE_GAP = re.compile(r"\s+(?:(?:all|the)\s+)?", re.I)
_ADJACENT = re.compile(r"\s+")
_TOLL_REACH = 130  # characters from "the death toll" to its count
_AFTER_REACH = 260  # characters from a count to the outcome word after it
_NUMBER_OF_REACH = 80  # "the number of <up to ten words> killed"
_CLAUSE_END = re.compile(r"[;!?]")
_DIGIT = re.compile(r"\d")


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _may_be_sub(sentence: str, pos: int, p: _Patterns) -> bool:
    """Whether `sub_after` can match at pos: its phrases start right there ("of them") or the
    sentence has "among" (", were among the 126")."""
    word = _NEXT_WORD.match(sentence, pos)
    return bool(word and word.group(1).lower() in p.sub_first) or "among" in sentence.lower()


def _read(
    sentence: str, q: Quantity, p: _Patterns, cues: dict[str, list[Hit]], nps: dict[int, Any]
) -> Casualty | None:
    if cue_before(sentence, cues.get("earlier", []), q.start, _EARLIER_GAP, 1):
        return None  # "rose to 27, up from 18": 18 is an earlier figure
    np_match = _np_after(sentence, q, p, nps)
    if not looks_like_count(sentence, q, person_follows=np_match is not None, cues=cues):
        return None
    subject = np_match.group("np") if np_match else None
    np_end = np_match.end() if np_match else q.end
    # a part of the count before it
    if subject and cue_before(sentence, cues.get("subcount", []), q.start, _SUB_GAP, 3):
        return Casualty(q, "", subject, classify(subject), np_end, sub=True, how="sub")
    sub = p.sub_after.match(sentence, q.end) if _may_be_sub(sentence, q.end, p) else None
    if sub:
        np = sub.group("np") or sub.group("among_np")
        return Casualty(q, "", np, classify(np), sub.end(), sub=True, how="sub")
    # active: "killing 62 people"
    before = cue_before(sentence, cues.get("cas_before", []), q.start, _BEFORE_GAP, 6)
    after = (  # the long pattern only runs where an outcome word follows
        p.after.match(sentence, q.end)
        if any(0 <= h.start - q.end <= _AFTER_REACH for h in cues.get("cas_after", ()))
        else None
    )
    if after and before and _ADJACENT.fullmatch(sentence, q.end, after.start("out")):
        if lexicon.normal(sentence[before.start : before.end]) in p.after_outcome:
            before = None  # "2 persons killed 13 injured": "killed" is the 2's, "injured" the 13's
    if before and (subject or before.canonical not in WEAK_OUTCOMES):
        return Casualty(q, before.canonical, subject, classify(subject), np_end, how="before")
    # passive or noun: "62 soldiers were killed", "62 dead"
    if after:
        outcome = _outcome(p.after_outcome, after.group("out"))
        subject = after.group("np")
        among = after.group("out").lower().startswith("among")  # "5 children were among the dead"
        if subject or outcome not in WEAK_OUTCOMES:
            return Casualty(
                q, outcome, subject, classify(subject), after.end(), sub=among, how="after"
            )
    return _toll(sentence, q, p, cues, subject, np_end)


def _partitive(sentence: str, q: Quantity, p: _Patterns, part: re.Match[str]) -> Casualty | None:
    """ "three of the injured died" (killed, a part of the toll, subject "the injured"), "five of
    the dead were children" (killed, subject "children"); None when no outcome or subject follows
    ("several of the wounded were in a critical condition" is a condition, not a count of harm)."""
    whole = part.group("whole")
    after = p.after.match(sentence, part.end())
    if after:
        subject = after.group("np") or whole
        outcome = _outcome(p.after_outcome, after.group("out"))
        return Casualty(
            q, outcome, subject, classify(subject), after.end(), sub=True, how="partitive"
        )
    said = p.partitive_subject.match(sentence, part.end())
    if said:
        subject = said.group("np")
        outcome = p.partitive_outcome[lexicon.normal(whole)]
        return Casualty(
            q, outcome, subject, classify(subject), said.end(), sub=True, how="partitive"
        )
    return None


def _toll(
    sentence: str,
    q: Quantity,
    p: _Patterns,
    cues: dict[str, list[Hit]],
    subject: str | None,
    np_end: int,
) -> Casualty | None:
    """ "The death toll rose to 48", "the number of fighters killed ... reached 39"."""
    toll = next((h for h in reversed(cues.get("toll", [])) if h.end <= q.start), None)
    if toll is None:
        return None
    outcome, gap_start = toll.canonical, toll.end
    if outcome == "number_of":
        said = next(
            (
                h
                for h in cues.get("toll_outcome", [])
                if toll.end <= h.start and h.end <= q.start
                and h.start - toll.end <= _NUMBER_OF_REACH
            ),
            None,
        )  # fmt: skip
        if said is None:
            return None
        outcome, gap_start = said.canonical, said.end
    if q.start - gap_start > _TOLL_REACH:
        return None
    gap = sentence[gap_start : q.start]
    if _CLAUSE_END.search(gap) or (_DIGIT.search(gap) and not p.connector.search(gap)):
        return None
    rising = any(toll.start - 30 <= h.start < q.start for h in cues.get("rising", []))
    return Casualty(q, outcome, subject, classify(subject), np_end, rising=rising, how="toll")


def _lists(
    sentence: str,
    loose: list[Quantity],
    found: dict[int, Casualty],
    p: _Patterns,
    cues: dict[str, list[Hit]],
    nps: dict[int, Any],
) -> None:
    """Counts in a list with a casualty: "killed 129 loyalists and 116 rebels" (both ways)."""
    changed = True
    while changed and loose:
        changed = False
        ordered = sorted(found.values(), key=lambda c: c.quantity.start)
        for q in list(loose):
            np_match = _np_after(sentence, q, p, nps)
            if np_match is None or not looks_like_count(sentence, q, True, cues):
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
            found[q.start] = kin._replace(
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
                c = c._replace(subject=prev.subject, subject_class=prev.subject_class)
        out.append(c)
    return out


def _zeros(found: list[Casualty], zeros: list[Hit]) -> list[Casualty]:
    """ "no one was killed": a zero count, negated."""
    out: list[Casualty] = []
    for h in zeros:
        if any(c.quantity.start <= h.start < c.end for c in found):
            continue
        q = Quantity(h.start, h.end, h.start, h.end, 0, 0, False, None, False, False)
        out.append(Casualty(q, h.canonical, None, "unknown", h.end, negated=True, how="zero"))
    return out
