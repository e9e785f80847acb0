"""Who said it: a speaker and a speaker chain (outermost first) for every claim of a sentence.

The chain starts with the outlet (the article's source). A paragraph that is only "X reports:"
adds X for the paragraphs after it. Inside a sentence:
- "according to X", "carried by X": X passed the words on (outer);
- "X said ...", "..., X said", "..., said X", "X told Reuters" (Reuters is outer to X);
- "citing Y", "quoting Y": Y is the source of the speaker it follows (inner);
- "it said", "he added", "the ministry said", "the agency said": a speaker named earlier;
- "X said A, while Y said B", "X blamed ISIS, which said B": two speakers side by side, each
  for its own part of the sentence (a segment), not one quoting the other.
Known speakers get canonical names (`lexicon/attribution.toml`): "SOHR" and "the Observatory"
are one origin. Unnamed sources keep their words ("activists"). A claim's speaker is the
innermost speaker named by a verb (or by "according to"); with nobody named, the outlet. A
sentence that goes on with a quotation keeps the speaker of the one before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from workbench.extract import lexicon
from workbench.extract.gazetteer import Hit
from workbench.extract.sentences import Sentence
from workbench.extract.speakers import STRONG, Speakers

_THAT = re.compile(r"\s*(?:that\b|:)")
_NOT_SPEECH = re.compile(r"\s+(?:the\s+lives|lives|responsibility|the\s+life)\b", re.I)
_RELATIVE_TAIL = re.compile(r",\s*(?:which|who|whose)\b[^,]*,?\s*$", re.I)
_APPOSITIVE_TAIL = re.compile(r",\s*(?:a|an|the)\s+[^,]{1,60},?\s*$", re.I)
_NAME_END = re.compile(r"[A-Z][\w'’\-]*\s*$")
_RELATIVE_END = re.compile(r",?\s*\b(?:which|who)\s*$", re.I)
_COORDINATORS = (" and ", " but ", " while ", " whereas ", "; ")
_RELATIVE_SUBJECT = re.compile(  # ", which a war monitor" before "said"
    r",\s*(?:which|whom)\s+(?P<who>(?:the|a|an)\s+(?:[\w'’.\-]+\s+){0,4}[\w'’.\-]+|"
    r"(?-i:[A-Z])[\w'’.\-]*(?:\s+[\w'’.\-]+){0,4})\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    chain: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Segments:
    """A sentence's attributions: each holds from its start offset (in the sentence) on."""

    parts: tuple[tuple[int, Attribution], ...]

    def at(self, pos: int) -> Attribution:
        found = self.parts[0][1]
        for start, who in self.parts:
            if start <= pos:
                found = who
        return found

    @property
    def last(self) -> Attribution:
        return self.parts[-1][1]


@dataclass
class _Segment:
    start: int
    links: list[str] = field(default_factory=list)
    speaker: str | None = None


@dataclass(frozen=True)
class _Patterns:
    weak: frozenset[str]
    told: frozenset[str]
    passive: re.Pattern[str]
    header: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    data = lexicon.load("attribution")
    return _Patterns(
        weak=frozenset(lexicon.normal(v) for v in data["weak_verbs"]),
        told=frozenset(lexicon.normal(v) for v in data["told"]),
        # "were reported", "is said to", "so-called", "the alleged attack": no speech
        passive=re.compile(
            r"(?:\b(?:was|were|is|are|been|be|being|so|the|a|an|its|their|this|his|her)\s+"
            r"(?:\w+ly\s+)?|-)$",
            re.I,
        ),
        header=re.compile(
            r"^(?P<who>[^.;:\"“]{1,80}?)\s+" + lexicon.alternation(data["header_verbs"]) + r"\s*:$",
            re.I,
        ),
    )


def canonical_outlet(outlet: str | None) -> str | None:
    """The outlet's canonical speaker name when the lists know it ("sana" -> "SANA")."""
    if not outlet or not outlet.strip():
        return None
    outlet = outlet.strip()
    for hit in lexicon.gazetteer().find(outlet, ("speaker",)):
        if hit.start == 0 and hit.end == len(outlet):
            return hit.canonical
    return outlet


def _dedupe(chain: list[str]) -> list[str]:
    out: list[str] = []
    for name in chain:
        if not out or out[-1].lower() != name.lower():
            out.append(name)
    return out


def _quote_open_after(text: str, was_open: bool) -> bool:
    """Whether a quotation is still open after this sentence ("... the market," he said. "It")."""
    if "“" in text or "”" in text:
        return (1 if was_open else 0) + text.count("“") - text.count("”") > 0
    return was_open != (text.count('"') % 2 == 1)


def attribute(
    sentences: list[Sentence], hits: list[list[Hit]], outlet: str | None
) -> list[Segments]:
    """The attributions of each sentence; `hits`: each sentence's gazetteer hits (its offsets)."""
    names = Speakers()
    base_outlet = canonical_outlet(outlet)
    header: str | None = None
    header_paragraph = -1
    out: list[Segments] = []
    previous: Segments | None = None
    open_quote = False
    waiting: list[int] = []  # sentences of a quotation whose speaker is named where it ends
    for i, s in enumerate(sentences):
        same_paragraph = i > 0 and sentences[i - 1].paragraph == s.paragraph
        whole_paragraph = not same_paragraph and (
            i + 1 == len(sentences) or sentences[i + 1].paragraph != s.paragraph
        )
        header_like = whole_paragraph and s.text.endswith(":")  # "RT reports:"
        found = _patterns().header.match(s.text) if header_like else None
        if found:
            who = names.resolve(s.text, 0, found.end("who"), hits[i])
            header, header_paragraph = who or found.group("who").strip(), s.paragraph
            names.remember(header)
        base = [x for x in (base_outlet, header if s.paragraph > header_paragraph else None) if x]
        starts_in_quote = open_quote and same_paragraph
        quote_goes_on = (  # '"It was a mistake," he said. "We regret it."'
            same_paragraph
            and s.text[:1] in '"“'
            and previous is not None
            and previous.last.speaker not in (None, base_outlet)
            and any(q in sentences[i - 1].text for q in '"“”')
        )
        segments = _segments(s.text, hits[i], names)
        names.mentioned(hits[i], s.text)
        if segments:
            parts = tuple(
                (seg.start, _attribution(_dedupe([*base, *seg.links]), seg.speaker))
                for seg in segments
            )
            result = Segments(parts)
        elif (starts_in_quote or quote_goes_on) and previous is not None:
            result = Segments(((0, previous.last),))
        else:
            result = Segments(((0, _attribution(_dedupe(base), None)),))
        out.append(result)
        previous = result
        open_quote = _quote_open_after(s.text, starts_in_quote)
        if segments and starts_in_quote:  # '"It was a mistake. The pilot erred," he said.'
            for k in waiting:
                out[k] = Segments(((0, result.parts[0][1]),))
        if not segments and open_quote and result.last.speaker == (base[-1] if base else None):
            waiting = [*waiting, i] if starts_in_quote else [i]
        else:
            waiting = []
    return out


def _attribution(chain: list[str], speaker: str | None) -> Attribution:
    return Attribution(speaker or (chain[-1] if chain else None), tuple(chain))


def _segments(text: str, hits: list[Hit], names: Speakers) -> list[_Segment]:
    """The sentence's segments with their links (outer first); empty when nobody is named."""
    p = _patterns()
    outer: list[str] = []
    citings: list[tuple[int, str]] = []
    # verb position, speaker, where a side-by-side segment starts, whether it starts even for
    # the first speaker ("..., which a monitor said ...": the words before are not the monitor's)
    speakers: list[tuple[int, str, int | None, bool]] = []
    listeners: dict[int, str] = {}  # "told Reuters": outer to the speaker of that verb
    for h in hits:
        table = h.entry.table
        if table in ("outer", "citing"):
            name = names.after(text, h.end, hits, lowercase=True)
            if name and table == "outer":
                outer.append(name)
            elif name:
                citings.append((h.start, name))
        if table != "verb" or p.passive.search(text, max(0, h.start - 20), h.start):
            continue
        if h.canonical in p.weak and not _THAT.match(text, h.end):
            continue
        if _NOT_SPEECH.match(text, h.end):
            continue  # "claimed the lives of", "claimed responsibility"
        name, segment_at, relative = None, None, False
        told = h.canonical in p.told  # "X, told Reuters": Reuters listens, X speaks
        inverted = _inverted(text, h.start)
        if inverted and not told:  # '"...," said X', "..., said X"
            name = names.after(text, h.end, hits)
        if name is None:
            name, segment_at, relative = _speaker_before(text, h.start, hits, names)
        if name is None and inverted and told:  # '... "White Helmets" told AFP': AFP passed it on
            name = names.after(text, h.end, hits)
        if name is None:
            continue
        speakers.append((h.start, name, segment_at, relative))
        names.last = name  # "X said he had counted": "he" is X
        if told:
            listener = names.after(text, h.end, hits, media_only=True)
            if listener:
                listeners[h.start] = listener
    if not (outer or speakers or citings):
        return []
    segments = [_Segment(0, list(outer))]
    for i, (pos, name, segment_at, relative) in enumerate(speakers):
        current = segments[-1]
        if segment_at is not None and (current.speaker is not None or relative):
            current = _Segment(segment_at, list(outer))
            segments.append(current)
        if pos in listeners:
            current.links.append(listeners[pos])
        current.links += names.links(name)
        current.speaker = name
        following = speakers[i + 1][0] if i + 1 < len(speakers) else len(text)
        current.links += [c for at, c in citings if pos < at < following or (i == 0 and at < pos)]
    if not speakers:
        segments[0].links += [c for _, c in citings]
        segments[0].speaker = outer[-1] if outer else None
    for seg in segments:
        for name in seg.links:
            names.remember(name)
    names.last = segments[-1].speaker or names.last
    return segments


def _inverted(text: str, verb_start: int) -> bool:
    """'"...," said X': nothing names the speaker before the verb."""
    before = text[:verb_start].rstrip()
    return not before or before[-1] in ",\"”’'" or before.endswith(("-", "–", "—"))


def _coordinated(span: str) -> int | None:
    """Where "and/but/while X" begins when X (at most six words) ends the span."""
    low = span.lower()
    at = max(low.rfind(word) for word in _COORDINATORS)
    if at < 0 or len(low[at:].split()) > 7:
        return None
    return at - 1 if at and low[at - 1] == "," else at


def _strip_adverbials(text: str, start: int, end: int, hits: list[Hit]) -> int:
    """Where the words before a verb end once "also", "on Saturday", "in a statement" are off."""
    adverbials = [h for h in hits if h.entry.table == "adverbial" and start <= h.start < end]
    while True:
        while end > start and text[end - 1] in " ,\t\n":
            end -= 1
        last = next((h for h in reversed(adverbials) if h.end == end), None)
        if last is None:
            return end
        end = last.start


def _speaker_before(
    text: str, verb_start: int, hits: list[Hit], names: Speakers
) -> tuple[str | None, int | None, bool]:
    """The speaker named before a verb, where a side-by-side segment starts (if it does), and
    whether that segment starts even when no speaker was named before it."""
    start = max(0, verb_start - 120)
    for m in STRONG.finditer(text, start, verb_start):
        start = m.end()
    raw = text[start:verb_start]
    span = raw[: _strip_adverbials(text, start, verb_start, hits) - start]
    person = names.affiliated(text, start, start + len(span), hits)
    if person:  # "the monitor's director, Karim Haddad, told"
        return person, None, False
    low = span.lower()
    relative_subject = (  # the pattern needs "which" or "whom" (with a dotless ı, no ASCII)
        _RELATIVE_SUBJECT.search(span)
        if "which" in low or "whom" in low or not span.isascii()
        else None
    )
    if relative_subject:  # "the strike, which a war monitor said had killed 42"
        who_start = start + relative_subject.start("who")
        name = names.resolve(text, who_start, start + len(span), hits, near_end=True)
        return name, start + relative_subject.start(), True
    if raw.rstrip().endswith(","):  # an aside closed by a comma before the verb
        span = _RELATIVE_TAIL.sub("", span)  # "The group, which says it relies on ..., said"
        appositive = _APPOSITIVE_TAIL.search(span)  # "The Media Centre, an activist network, said"
        if appositive and _NAME_END.search(span, 0, appositive.start()):
            span = span[: appositive.start()]
    relative = _RELATIVE_END.search(span, max(0, len(span) - 12))  # "ISIS, which said"
    segment_at = start + relative.start() if relative else None
    if relative:
        span = span[: relative.start()]
    coordinated = _coordinated(span)  # "..., while Moscow has said"
    if coordinated is not None and segment_at is None:
        segment_at = start + coordinated
    end = start + len(span)
    if end <= start:
        return None, None, False
    if span == "and" or span.endswith(" and"):
        return names.subject(text, verb_start, hits), None, False
    return names.resolve(text, start, end, hits, near_end=True), segment_at, False
