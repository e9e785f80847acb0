"""Naming a speaker from the words around a speech verb, with what the article named before.

`Speakers` remembers, across one article's sentences, who was named last ("it said", "he
added"), the last speaker of each kind ("the ministry", "the agency") and full names ("Barazi" is
"Homs Governor Talal Barazi"). It resolves words to a speaker name in this order: a known speaker
(`[[speaker]]` aliases, canonical name), a reference to an earlier one, a pronoun, an unnamed
source kept as its words ("local activists"), a capitalised name, a "the/a ..." phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from workbench.extract import lexicon
from workbench.extract.gazetteer import Hit

STRONG = re.compile(r"[\"“”;:()\[\]]")  # a speaker's name never runs across these
_NAME_RUN = re.compile(
    r"(?:[A-Z][\w'’.\-]*\s+(?:(?:al|el|bin|ibn|de|of|the|for|and|du|von)[\s\-]+)?){0,6}"
    r"[A-Z][\w'’.\-]*$"
)
_DETERMINER_NP = re.compile(r"(?:^|\s)((?:the|a|an)\s+(?:[\w'’\-]+\s+){0,3}[\w'’\-]+)$", re.I)
_PREPOSITION_START = re.compile(
    r"\s*,?\s*(?:at|in|from|of|with|for|near|inside|outside|on|based\s+in)\b", re.I
)
_PREPOSITIONS = {"in", "on", "at", "from", "of", "near", "to", "with", "for", "into"}
_PREPOSITIONS |= {"across", "over", "under", "around", "about", "after", "before", "during"}
_PREPOSITIONS |= {"against", "toward", "towards", "through", "inside", "outside", "than"}
_OF_NAME = re.compile(r"\s+of\s+[A-Z]")
_DEMONYM = re.compile(r"([A-Z][a-z]+(?:ian|an|ish|i|ese))\s+$")
_NAME_START = re.compile(
    r"\s*(?:[A-Z][\w'’.\-]*\s+(?:(?:al|el|bin|ibn|de|du|von)[\s\-]+)?){0,4}[A-Z][\w'’.\-]*"
)
_NOT_NAMES = {"Published", "Posted", "Updated", "Since", "Later", "Meanwhile", "However"}
_NOT_NAMES |= {"Earlier", "Also", "Last", "Separately", "Elsewhere", "Then", "Meantime"}
_DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august"}
_DATE_WORDS |= {"september", "october", "november", "december", "jan", "feb", "mar", "apr"}
_DATE_WORDS |= {"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday"}
_DATE_WORDS |= {"wednesday", "thursday", "friday", "saturday", "sunday"}
_SKIP_START = {"the", "a", "an", "but", "and", "as", "while", "when", "he", "she", "it", "they"}
_SUBJECT_ENDS = {"has", "have", "had", "was", "were", "is", "are", "also", "said", "says", "will"}
_AFTER_END = re.compile(r"[,;:.\"“”()]|\s(?:that|who|which|as|on|in|after|when|while)\s")
_AFTER_LEAD = re.compile(
    r"\s*(?:information\s+(?:received\s+)?from\s+|reports\s+(?:by|from)\s+)?", re.I
)
_KIND_WORDS = (
    ("ministry", "ministry"),
    ("agency", "agency"),
    ("observatory", "monitor"),
    ("monitor", "monitor"),
    ("army", "military"),
    ("military", "military"),
    ("command", "military"),
    ("group", "group"),
    ("centre", "group"),
    ("center", "group"),
    ("network", "group"),
    ("alliance", "group"),
    ("committee", "group"),
    ("organisation", "group"),
    ("organization", "group"),
)


_PERSON = (  # a person's full name: "Karim Haddad", "Omar al-Sheikh"
    r"(?-i:[A-Z])[\w'’.\-]*(?:\s+(?:(?:al|el|bin|ibn|de|abu|abdel|abdul)[\s\-]+)?"
    r"(?-i:[A-Z])[\w'’.\-]*){1,3}"
)
_ORG = r"(?:[\w'’.\-]+\s+){0,6}?[\w'’.\-]+?"
_POSSESSIVE_PRONOUNS = {"its", "their", "his", "her"}


@cache
def _affiliations() -> tuple[re.Pattern[str], ...]:
    """ "the monitor's director, Karim Haddad", "Karim Haddad, the monitor's director", "Karim
    Haddad, director of the monitor", "the head of the monitor, Karim Haddad" (at a span's end)."""
    titles = lexicon.alternation(lexicon.load("attribution")["titles"])
    title = rf"(?:[\w\-]+\s+){{0,2}}?{titles}"
    of_org = rf"(?:(?:the|its|a)\s+)?{title}\s+(?:of|at)\s+(?P<org2>{_ORG})"
    org_title = rf"(?P<org>{_ORG})(?:['’]s)?\s+{title}"
    return (
        re.compile(rf"(?:^|\s)(?:{of_org}|{org_title})\s*,\s*(?P<name>{_PERSON})\s*,?\s*$", re.I),
        re.compile(
            rf"(?:^|\s)(?P<name>{_PERSON})\s*,\s*"
            rf"(?:(?P<org>{_ORG})['’]s\s+{title}|{of_org})\s*,?\s*$",
            re.I,
        ),
    )


@cache
def _pronouns() -> re.Pattern[str]:
    words = lexicon.load("attribution")["pronouns"]
    return re.compile(r"(?:^|\s)" + lexicon.alternation(words) + r"$", re.I)


def _name_words(words: list[str]) -> list[str]:
    """A capitalised run as a name: without "The"/"Later" in front, and no date in it."""
    while words and (words[0].lower() in _SKIP_START or words[0] in _NOT_NAMES):
        words = words[1:]
    if any(w.rstrip(".").lower() in _DATE_WORDS for w in words):
        return []
    return words


def _lower_article(words: str) -> str:
    """ "A military source" at a sentence start is "a military source"."""
    first, _, rest = words.partition(" ")
    if rest and first in ("A", "An", "The"):
        return f"{first.lower()} {rest}"
    return words


def _after_preposition(text: str, pos: int) -> bool:
    """Whether the words at `pos` follow a preposition ("in Qasr al-Wadi", "on the ground")."""
    before = text[:pos].split()
    return bool(before) and before[-1].lower() in _PREPOSITIONS


@dataclass
class Speakers:
    """What one article has named so far, and how to name a speaker from words."""

    last: str | None = None  # the speaker named last ("it said")
    by_kind: dict[str, str] = field(default_factory=dict)  # kind -> last speaker of that kind
    names: list[str] = field(default_factory=list)  # capitalised names, in order
    affiliation: dict[str, str] = field(default_factory=dict)  # person -> organisation

    def remember(self, name: str | None, kind: str | None = None) -> None:
        """Note a speaker that the article named (by a verb, or just mentioned)."""
        if not name:
            return
        kinds = {kind} if kind else set()
        low = name.lower()
        kinds |= {k for word, k in _KIND_WORDS if word in low}
        if "monitor" in kinds:
            kinds.add("group")  # "the group" is also the monitor named last
        for k in kinds:
            self.by_kind[k] = name
        if name[:1].isupper():
            self.names.append(name)

    def links(self, name: str) -> list[str]:
        """A speaker's links in a chain: a person, then the organisation they speak for."""
        org = self.affiliation.get(name)
        return [name, org] if org else [name]

    def affiliated(self, text: str, start: int, end: int, hits: list[Hit]) -> str | None:
        """The person in "the monitor's director, Karim Haddad" (ending text[start:end]), noted
        as speaking for the organisation; None when the words are no such phrase or the person is
        a known speaker of their own ("Igor Konashenkov" is the ministry's voice)."""
        span = text[start:end]
        if "," not in span or not any(
            h.entry.table == "title" and h.end > start and h.start < end for h in hits
        ):
            return None
        for pattern in _affiliations():
            m = pattern.search(span)
            if m:
                break
        else:
            return None
        at, to = start + m.start("name"), start + m.end("name")
        if any(h.entry.table == "speaker" and at <= h.start < to for h in hits):
            return None
        group = "org" if m.group("org") else "org2"
        words = m.group(group)
        if words.lower() in _POSSESSIVE_PRONOUNS:
            org = self.last
        else:
            org = self.resolve(text, start + m.start(group), start + m.end(group), hits)
        name = self.full_name(" ".join(m.group("name").split()))
        if not org or org == name:
            return None
        self.affiliation[name] = org
        return name

    def mentioned(self, hits: list[Hit], text: str) -> None:
        """Remember the known speakers a sentence mentions ("Turkey's Foreign Ministry
        condemned ...": a later "the ministry" is Turkey's)."""
        for h in hits:
            if h.entry.table == "speaker":
                self.remember(h.canonical, h.entry.get("kind"))
                if "ministry" in text[h.start : h.end].lower():
                    self.by_kind["ministry"] = h.canonical

    def named(self, text: str, hit: Hit) -> str | None:
        if hit.entry.table == "speaker":
            return hit.canonical
        if hit.entry.table == "reference":
            return self.by_kind.get(hit.canonical) or _lower_article(text[hit.start : hit.end])
        return None

    def resolve(
        self, text: str, start: int, end: int, hits: list[Hit], *, near_end: bool = False
    ) -> str | None:
        """The speaker named by text[start:end]; `near_end`: only names ending close to `end`
        (a few words, or a place: "a nurse at the field hospital in Qasr al-Wadi said")."""

        def close(h: Hit) -> bool:
            if h.start < start or h.end > end:
                return False
            gap = text[h.end : end]
            if not near_end:
                return True
            if STRONG.search(gap):
                return False
            words = len(gap.split())
            return words <= 4 or (words <= 9 and _PREPOSITION_START.match(gap) is not None)

        for table in ("speaker", "reference"):
            inside = [h for h in hits if h.entry.table == table and close(h)]
            if table == "reference":  # "The Army of Conquest" names a group of its own
                inside = [h for h in inside if not _OF_NAME.match(text, h.end)]
            if inside:
                return self.named(text, max(inside, key=lambda h: (h.end, h.end - h.start)))
        span = text[start:end].strip().rstrip(",")
        if not span:
            return None
        pronoun = _pronouns().search(span)
        if pronoun and len(span) - pronoun.end() <= 1:
            return self.last
        unnamed = [h for h in hits if h.entry.table == "unnamed" and close(h)]
        if unnamed:
            h = max(unnamed, key=lambda h: (h.end, h.end - h.start))
            words = h.entry.phrase  # as the list spells it: "Activists" is "activists"
            prev = _DEMONYM.search(text, max(start, h.start - 30), h.start)
            if prev and not any(
                p.start <= prev.start(1) < p.end for p in hits if p.entry.table == "place"
            ):
                words = f"{prev.group(1)} {words}"  # "Syrian activists", "Kurdish officials"
            return words
        actors = {(h.start, h.end) for h in hits if h.entry.table == "actor"}
        places = [  # a capital that is also a party ("Damascus denies") may speak
            (h.start, h.end)
            for h in hits
            if h.entry.table == "place" and (h.start, h.end) not in actors
        ]
        name = self._plain_name(" ".join(span.split()[-8:]), places, end)
        if name is None and len(span.split()) <= 16:
            # "Ammar al-Selmo the head of the Civil Defense in eastern Aleppo told": the subject
            first = [h for h in hits if h.entry.table == "speaker" and start <= h.start < end]
            if first:
                return first[0].canonical
            lead = _NAME_START.match(span)
            person = _name_words(lead.group(0).split() if lead else [])
            if len(person) >= 2:  # a person's full name
                return self.full_name(" ".join(person))
        return name

    def _plain_name(self, tail: str, places: list[tuple[int, int]], end: int) -> str | None:
        """A capitalised name ending the words (not a place), or a short "the/a ..." phrase."""
        name = _NAME_RUN.search(tail)
        is_place = name is not None and any(e == end for _, e in places)
        if name and not is_place and not _after_preposition(tail, name.start()):
            words = _name_words(name.group(0).split())
            if words:
                return self.full_name(" ".join(words))
        np = _DETERMINER_NP.search(tail)
        if np and len(np.group(1).split()) <= 5 and not _after_preposition(tail, np.start(1)):
            return _lower_article(np.group(1))
        return None

    def full_name(self, words: str) -> str:
        """ "Barazi said" after "Homs Governor Talal Barazi said": the same speaker."""
        if " " not in words:
            for name in reversed(self.names):
                if name.split()[-1] == words:
                    return name
        return words

    def subject(self, text: str, before: int, hits: list[Hit]) -> str | None:
        """ "The General Command has called ... and said": the subject at the sentence start."""
        for h in hits:
            if h.start < 40 and h.end <= before and h.entry.table in ("speaker", "reference"):
                return self.named(text, h)
        words = list(re.finditer(r"[\w'’.\-]+", text[:before]))[:8]
        for i, w in enumerate(words):
            word = w.group(0)
            if i and word.islower() and (word.endswith("ed") or word in _SUBJECT_ENDS):
                return self.resolve(text, 0, words[i - 1].end(), hits, near_end=True)
        return None

    def after(
        self,
        text: str,
        pos: int,
        hits: list[Hit],
        *,
        media_only: bool = False,
        lowercase: bool = False,
    ) -> str | None:
        """The speaker named right after `pos` ("according to X", "said X", "citing X").

        `media_only`: only a news outlet ("told Reuters"); `lowercase`: a plain noun phrase may
        name it too ("according to medical workers")."""
        m = _AFTER_END.search(text, pos + 1)
        span_end = min(m.start() if m else len(text), pos + 110)
        lead = _AFTER_LEAD.match(text, pos)
        start = lead.end() if lead else pos
        span = text[start:span_end].strip()
        near = [h for h in hits if start <= h.start <= start + 12 and h.end <= span_end + 40]
        for table in ("speaker", "reference", "unnamed"):
            for h in near:
                if h.entry.table != table:
                    continue
                kind = h.entry.get("kind")
                if media_only and (table != "speaker" or kind not in ("media", "agency")):
                    continue
                if table == "speaker":
                    return h.canonical
                if table == "reference":
                    found = self.by_kind.get(h.canonical)
                    return found or (_lower_article(span) if len(span.split()) <= 8 else None)
                return _lower_article(text[h.start : h.end])
        words = span.split()
        if media_only or not words or len(words) > 8:
            return None
        pronoun = _pronouns().search(span)
        if pronoun and pronoun.start() == 0 and self.last:
            return self.last  # "according to the source"
        if words[0].lower() in ("the", "a", "an"):
            return _lower_article(" ".join(words))
        if words[0][:1].isupper():
            return self.full_name(" ".join(words))
        if lowercase and len(words) <= 5:
            return " ".join(words)
        return None
