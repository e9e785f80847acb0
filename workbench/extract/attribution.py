"""Who said it: a speaker and a speaker chain (outermost first) for every sentence.

The chain starts with the outlet (the article's source). A paragraph that is only "X reports:"
adds X for the paragraphs after it. Inside a sentence:
- "according to X", "carried by X": X passed the words on (outer);
- "X said ...", "..., X said", "..., said X", "X told Reuters" (Reuters is outer to X);
- "citing Y", "quoting Y": Y is the source of the speaker it follows (inner);
- "it said", "he added", "the ministry said", "the agency said": the speaker named earlier.
Known speakers get their canonical names (`lexicon/attribution.toml`): "SOHR" and "the
Observatory" are one origin. Unnamed sources keep their words ("activists"). The speaker of a
claim is the innermost speaker named by a verb (or by "according to"); with nobody named, the
outlet (and the chain is the outlet alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from workbench.extract import lexicon
from workbench.extract.gazetteer import Hit
from workbench.extract.sentences import Sentence

_STRONG = re.compile(r"[\"“”;:()\[\]]")
_THAT = re.compile(r"\s*(?:that\b|:)")
_NAME_RUN = re.compile(
    r"(?:[A-Z][\w'’.\-]*\s+(?:(?:al|el|bin|ibn|de|of|the|for|and|du|von)[\s\-]+)?){0,6}"
    r"[A-Z][\w'’.\-]*$"
)
_DETERMINER_NP = re.compile(r"(?:^|\s)((?:the|a|an)\s+(?:[\w'’\-]+\s+){0,3}[\w'’\-]+)$", re.I)
_SENTENCE_SUBJECT = re.compile(
    r"^\s*((?:[\w'’.\-]+\s+){0,6}?[\w'’.\-]+)\s+(?:has|have|had|was|is|also)\b"
)
_KIND_WORDS = (
    ("ministry", "ministry"),
    ("agency", "agency"),
    ("observatory", "monitor"),
    ("monitor", "monitor"),
    ("army", "military"),
    ("military", "military"),
    ("command", "military"),
)
_SKIP_START = {"the", "a", "an", "but", "and", "as", "while", "when", "he", "she", "it", "they"}


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    chain: tuple[str, ...]


@dataclass
class _State:
    outlet: str | None
    header: str | None = None  # "RT reports:" for the paragraphs after it
    header_paragraph: int = -1
    last: str | None = None  # the speaker named last (for "it said")
    by_kind: dict[str, str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # people and bodies named so far
    kinds: dict[str, str] = field(default_factory=dict)  # speaker -> kind


@dataclass(frozen=True)
class _Patterns:
    weak: frozenset[str]
    told: frozenset[str]
    passive: re.Pattern[str]
    adverbials: re.Pattern[str]
    pronouns: re.Pattern[str]
    header: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    data = lexicon.load("attribution")
    return _Patterns(
        weak=frozenset(lexicon.normal(v) for v in data["weak_verbs"]),
        told=frozenset(lexicon.normal(v) for v in data["told"]),
        passive=re.compile(r"(?:\b(?:was|were|is|are|been|be|being|so)\s+(?:\w+ly\s+)?|-)$", re.I),
        adverbials=re.compile(
            r"(?:[\s,]+" + lexicon.alternation(data["adverbials"]) + r")*[\s,]*$", re.I
        ),
        pronouns=re.compile(r"(?:^|\s)" + lexicon.alternation(data["pronouns"]) + r"$", re.I),
        header=re.compile(
            r"^(?P<who>[^.;:\"“]{1,80}?)\s+" + lexicon.alternation(data["header_verbs"]) + r"\s*:$",
            re.I,
        ),
    )


def canonical_outlet(outlet: str | None) -> str | None:
    """The outlet's canonical speaker name when the lists know it ("sana" -> "SANA")."""
    if not outlet:
        return None
    for hit in lexicon.gazetteer().find(outlet, ("speaker",)):
        if hit.start == 0 and hit.end == len(outlet.strip()):
            return hit.canonical
    return outlet.strip()


def attribute(
    sentences: list[Sentence], hits: list[list[Hit]], outlet: str | None
) -> list[Attribution]:
    """One attribution per sentence; `hits`: each sentence's gazetteer hits (sentence offsets)."""
    state = _State(outlet=canonical_outlet(outlet))
    out: list[Attribution] = []
    previous: Attribution | None = None
    open_quote = False
    for i, s in enumerate(sentences):
        whole_paragraph = (i == 0 or sentences[i - 1].paragraph != s.paragraph) and (
            i + 1 == len(sentences) or sentences[i + 1].paragraph != s.paragraph
        )
        header = _patterns().header.match(s.text) if whole_paragraph else None
        if header:
            who = _resolve(s.text, 0, header.end("who"), hits[i], state)
            state.header = who or header.group("who").strip()
            state.header_paragraph = s.paragraph
            _remember(state, state.header, hits[i])
        starts_in_quote = open_quote and i > 0 and sentences[i - 1].paragraph == s.paragraph
        links, speaker = _links(s.text, hits[i], state)
        base = [x for x in (state.outlet, _header_for(state, s)) if x]
        if links:
            chain = _dedupe([*base, *links])
            speaker = speaker or chain[-1]
        elif starts_in_quote and previous is not None:
            chain, speaker = list(previous.chain), previous.speaker
        else:
            chain = _dedupe(base)
            speaker = chain[-1] if chain else None
        result = Attribution(speaker, tuple(chain))
        out.append(result)
        previous = result
        open_quote = _quote_open_after(s.text, starts_in_quote)
    return out


def _header_for(state: _State, s: Sentence) -> str | None:
    if state.header and s.paragraph > state.header_paragraph:
        return state.header
    return None


def _quote_open_after(text: str, was_open: bool) -> bool:
    """Whether a quotation is still open after this sentence ("... the market," he said. "It")."""
    if "“" in text or "”" in text:
        return (1 if was_open else 0) + text.count("“") - text.count("”") > 0
    return was_open != (text.count('"') % 2 == 1)


def _dedupe(chain: list[str]) -> list[str]:
    out: list[str] = []
    for name in chain:
        if not out or out[-1].lower() != name.lower():
            out.append(name)
    return out


def _kind_of(name: str, hits: list[Hit], state: _State) -> str | None:
    if name in state.kinds:
        return state.kinds[name]
    for h in hits:
        if h.entry.table == "speaker" and h.canonical == name:
            return h.entry.get("kind") or None
    low = name.lower()
    for word, kind in _KIND_WORDS:
        if word in low:
            return kind
    return None


def _remember(state: _State, name: str | None, hits: list[Hit]) -> None:
    if not name:
        return
    state.last = name
    kind = _kind_of(name, hits, state)
    if kind:
        state.kinds[name] = kind
        state.by_kind[kind] = name
    if name[:1].isupper():
        state.names.append(name)


def _links(text: str, hits: list[Hit], state: _State) -> tuple[list[str], str | None]:
    """This sentence's links (outer first) and its speaker, remembering what it names."""
    p = _patterns()
    outer: list[tuple[int, str]] = []
    speakers: list[tuple[int, str]] = []  # (verb position, speaker)
    listeners: list[tuple[int, str]] = []  # "told Reuters": outer to the speaker
    citings: list[tuple[int, str]] = []
    for h in hits:
        table = h.entry.table
        if table == "outer" or table == "citing":
            name = _resolve_after(text, h.end, hits, state)
            if name:
                (outer if table == "outer" else citings).append((h.start, name))
        if table != "verb":
            continue
        verb = h.canonical
        if p.passive.search(text, max(0, h.start - 20), h.start):
            continue
        if verb in p.weak and not _THAT.match(text, h.end):
            continue
        name = _speaker_before(text, h.start, hits, state)
        if name is None and _inverted(text, h.start):
            name = _resolve_after(text, h.end, hits, state)
        if name is None:
            continue
        speakers.append((h.start, name))
        if verb in p.told:
            listener = _resolve_after(text, h.end, hits, state, media_only=True)
            if listener:
                listeners.append((h.start, listener))
    if not (outer or speakers):
        return [], None
    chain = [name for _, name in sorted(outer)]
    chain += [name for _, name in listeners]
    for i, (pos, name) in enumerate(speakers):
        chain.append(name)
        nxt = speakers[i + 1][0] if i + 1 < len(speakers) else len(text)
        first = i == 0
        for cpos, cname in citings:
            if pos < cpos < nxt or (first and cpos < pos):
                chain.append(cname)
    if not speakers:
        for _, cname in citings:
            chain.append(cname)
    speaker = speakers[-1][1] if speakers else (outer[-1][1] if outer else None)
    for name in chain:
        _remember(state, name, hits)
    if speaker:
        state.last = speaker
    return chain, speaker


def _inverted(text: str, verb_start: int) -> bool:
    """'"...," said X': nothing names the speaker before the verb."""
    before = text[:verb_start].rstrip()
    return not before or before[-1] in ",\"”’'" or before.endswith(("-", "–", "—"))


def _speaker_before(text: str, verb_start: int, hits: list[Hit], state: _State) -> str | None:
    p = _patterns()
    start = max(0, verb_start - 120)
    for m in _STRONG.finditer(text, start, verb_start):
        start = m.end()
    end = start + len(p.adverbials.sub("", text[start:verb_start], count=1))
    if end <= start:
        return None
    span = text[start:end]
    if re.search(r"(?:^|\s)and$", span):
        return _sentence_subject(text, verb_start, hits, state)
    return _resolve(text, start, end, hits, state, near_end=True)


def _sentence_subject(text: str, before: int, hits: list[Hit], state: _State) -> str | None:
    """ "The General Command has called ... and said": the subject at the sentence start."""
    for h in hits:
        if h.start < 40 and h.end <= before and h.entry.table in ("speaker", "reference"):
            return _named(text, h, state)
    m = _SENTENCE_SUBJECT.match(text)
    if m and m.end(1) < before:
        return _resolve(text, m.start(1), m.end(1), hits, state, near_end=True)
    return None


def _named(text: str, hit: Hit, state: _State) -> str | None:
    if hit.entry.table == "speaker":
        return hit.canonical
    if hit.entry.table == "reference":
        return state.by_kind.get(hit.canonical) or text[hit.start : hit.end]
    return None


def _resolve(
    text: str, start: int, end: int, hits: list[Hit], state: _State, *, near_end: bool = False
) -> str | None:
    """The speaker named by text[start:end]; `near_end`: only names ending close to `end`."""

    def close(h: Hit) -> bool:
        if h.start < start or h.end > end:
            return False
        gap = text[h.end : end]
        return not near_end or (len(gap.split()) <= 4 and not _STRONG.search(gap))

    for table in ("speaker", "reference"):
        inside = [h for h in hits if h.entry.table == table and close(h)]
        if inside:
            return _named(text, max(inside, key=lambda h: (h.end, h.end - h.start)), state)
    span = text[start:end].strip().rstrip(",")
    if not span:
        return None
    pronoun = _patterns().pronouns.search(span)
    if pronoun and len(span) - pronoun.end() <= 1:
        return state.last
    unnamed = [h for h in hits if h.entry.table == "unnamed" and close(h)]
    if unnamed:
        h = max(unnamed, key=lambda h: (h.end, h.end - h.start))
        words = text[h.start : h.end]
        prev = re.search(r"([A-Z][\w'’\-]+)\s+$", text[max(start, h.start - 30) : h.start])
        if prev and prev.group(1).lower() not in _SKIP_START:
            words = prev.group(1) + " " + words
        return words
    tail = " ".join(span.split()[-8:])
    name = _NAME_RUN.search(tail)
    if name:
        words = name.group(0).strip()
        first = words.split()[0].lower()
        if first in _SKIP_START:
            words = words.split(" ", 1)[1] if " " in words else ""
        if words:
            return _earlier_full_name(words, state)
    determiner = _DETERMINER_NP.search(tail)
    if determiner and len(determiner.group(1).split()) <= 5:
        return determiner.group(1)
    return None


def _earlier_full_name(words: str, state: _State) -> str:
    """ "Barazi said" after "Homs Governor Talal Barazi said": the same speaker."""
    if " " not in words:
        for name in reversed(state.names):
            if name.split()[-1] == words:
                return name
    return words


def _resolve_after(
    text: str, pos: int, hits: list[Hit], state: _State, *, media_only: bool = False
) -> str | None:
    """The speaker named right after `pos` ("according to X", "said X", "citing X")."""
    span_end = len(text)
    m = re.compile(r"[,;:.\"“”()]|\s(?:that|who|which|as|on|in|after|when|while)\s").search(
        text, pos + 1
    )
    if m:
        span_end = m.start()
    span_end = min(span_end, pos + 110)
    lead = re.match(
        r"\s*(?:information\s+(?:received\s+)?from\s+|reports\s+(?:by|from)\s+)?", text[pos:]
    )
    start = pos + (lead.end() if lead else 0)
    for h in hits:
        if h.start >= start and h.start - start <= 12 and h.end <= span_end + 40:
            if media_only and (
                h.entry.table != "speaker" or h.entry.get("kind") not in ("media", "agency")
            ):
                continue
            if h.entry.table in ("speaker", "reference"):
                return _named(text, h, state)
            if h.entry.table == "unnamed":
                return text[h.start : h.end]
    if media_only:
        return None
    span = text[start:span_end].strip()
    words = span.split()
    if not words or len(words) > 8:
        return None
    if words[0][:1].isupper() or words[0].lower() in ("the", "a", "an"):
        return _earlier_full_name(" ".join(words), state)
    return None
