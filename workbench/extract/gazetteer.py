"""Finding names from word lists in text, fast: one pass over the words, dictionary look-ups.

A phrase is known by its key: its letters and digits in lower case with everything else dropped,
so "Deir ez-Zor" and "Deir Ezzor", "F-16" and "F16", "U.S.-led" and "US-led", "Assad's forces"
and "Assads forces" are one key. A phrase marked exact (short acronyms such as "US", "IS",
"WHO") must also match its capitals. Matches are leftmost-longest within one table; tables (actors,
speakers, places, weapons) do not compete with each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate, compress
from typing import NamedTuple

_TOKEN = re.compile(r"[^\W_]+")
_SPLIT = re.compile(r"([^\W_]+)")  # the tokens and what stands between them
_JOIN = re.compile(r"[\s\-'’.]{0,3}|\s+")  # what may stand between the words of one phrase


@dataclass(frozen=True, slots=True)
class Entry:
    table: str  # which list: actor, speaker, place, weapon, ...
    canonical: str
    phrase: str  # the phrase as written in the list
    exact: bool = False  # capitals must match ("US", "IS")
    info: tuple[tuple[str, str], ...] = ()  # extra fields from the list (kind, governorate)

    def get(self, name: str) -> str | None:
        for field_name, value in self.info:
            if field_name == name:
                return value
        return None


class Hit(NamedTuple):
    """A phrase of a list found in a text (a tuple: many are made, and cheaply)."""

    start: int
    end: int
    entry: Entry

    @property
    def canonical(self) -> str:
        return self.entry.canonical


def key(text: str) -> str:
    return "".join(m.group(0) for m in _TOKEN.finditer(text)).lower()


@dataclass
class Gazetteer:
    """Phrases of several tables, looked up by key. Build once per process (see `lexicon`)."""

    entries: dict[str, list[Entry]] = field(default_factory=dict)  # key -> entries
    first: dict[str, int] = field(default_factory=dict)  # first-token key -> most tokens
    prefixes: set[str] = field(default_factory=set)  # keys of the leading words of phrases
    keys: set[str] = field(default_factory=set)  # the keys of phrases and of their leading words
    no_hyphen_end: set[str] = field(default_factory=set)  # tables refusing "rebel-held"
    synonyms: dict[str, str] = field(default_factory=dict)  # word -> the word it stands for

    def add(
        self,
        table: str,
        canonical: str,
        phrases: Iterable[str],
        *,
        exact: Iterable[str] = (),
        plural: bool = False,
        info: dict[str, str] | None = None,
    ) -> None:
        exact_set = set(exact)
        extra = tuple(sorted((info or {}).items()))
        for phrase in [*phrases, *exact_set]:
            parts = [self._word(m.group(0)) for m in _TOKEN.finditer(phrase)]
            if not parts:
                continue
            is_exact = phrase in exact_set or (phrase.isupper() and len(key(phrase)) <= 3)
            entry = Entry(table, canonical, phrase, is_exact, extra)
            variants = [parts]
            if "s" in parts[1:]:  # "SANA's correspondent" is also written "SANAs correspondent"
                merged: list[str] = []
                for part in parts:
                    if part == "s" and merged:
                        merged[-1] += "s"
                    else:
                        merged.append(part)
                variants.append(merged)
            if plural and not is_exact:
                variants += [[*v[:-1], v[-1] + end] for v in list(variants) for end in ("s", "es")]
            for variant in variants:
                k = "".join(variant)
                bucket = self.entries.setdefault(k, [])
                if all(
                    (e.table, e.canonical, e.exact) != (table, canonical, is_exact) for e in bucket
                ):
                    bucket.append(entry)
                self.first[variant[0]] = max(self.first.get(variant[0], 0), len(variant))
                self.keys.add(k)
                for n in range(1, len(variant)):
                    self.prefixes.add("".join(variant[:n]))
                    self.keys.add("".join(variant[:n]))

    def _word(self, word: str) -> str:
        low = word.lower()
        return self.synonyms.get(low, low)

    def find(self, text: str, tables: Iterable[str] | None = None) -> list[Hit]:
        """Leftmost-longest hits per table, in text order."""
        wanted = set(tables) if tables is not None else None
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer ("İ"): keep offsets
            low = "".join(ch.lower()[0] for ch in text)
        first, prefixes, entries, synonyms = self.first, self.prefixes, self.entries, self.synonyms
        keys = self.keys
        parts = _SPLIT.split(low)  # between, token, between, token, ..., between
        tokens = parts[1::2]
        if synonyms:
            tokens = [synonyms.get(w, w) for w in tokens]
        candidates = list(compress(range(len(tokens)), map(first.__contains__, tokens)))
        if not candidates:
            return []
        offsets = list(accumulate(map(len, parts)))  # token k is offsets[2k]:offsets[2k + 1]
        count = len(tokens)
        no_hyphen = self.no_hyphen_end
        join = _JOIN.fullmatch
        best: list[Hit] = []
        taken: dict[str, int] = {}  # table -> end offset of its last hit
        for i in candidates:
            acc = tokens[i]
            if acc not in entries and (i + 1 == count or acc + tokens[i + 1] not in keys):
                continue  # "the" before a word no phrase goes on with: nothing starts here
            found: dict[str, Hit] | None = None
            start, end = offsets[2 * i], offsets[2 * i + 1]
            j = i
            last = i + first[acc] - 1
            if last >= count:
                last = count - 1
            while True:
                bucket = entries.get(acc)
                if bucket:
                    for entry in bucket:
                        table = entry.table
                        if start < taken.get(table, -1) or (
                            wanted is not None and table not in wanted
                        ):
                            continue
                        if entry.exact and key_exact(text[start:end]) != key_exact(entry.phrase):
                            continue
                        if table in no_hyphen and text[end : end + 1] == "-":
                            continue
                        if found is None:
                            found = {}
                        found[table] = _hit(Hit, (start, end, entry))  # longer n overwrites
                if j >= last or acc not in prefixes:
                    break
                gap_start = end
                j += 1
                gap_end, end = offsets[2 * j], offsets[2 * j + 1]
                if not (gap_end - gap_start == 1 and text[gap_start] == " ") and not join(
                    text, gap_start, gap_end
                ):
                    break  # a phrase does not run across ")" or "," or a quote
                acc += tokens[j]
            if found:  # one start: in table order, the hits stay sorted by (start, table)
                for table in sorted(found) if len(found) > 1 else found:
                    hit = found[table]
                    best.append(hit)
                    taken[table] = hit.end
        return best


_hit = tuple.__new__  # Hit(start, end, entry) without NamedTuple's own __new__ in between


def key_exact(text: str) -> str:
    return "".join(m.group(0) for m in _TOKEN.finditer(text))


def by_table(hits: Iterable[Hit]) -> dict[str, list[Hit]]:
    """Hits grouped by table, each group in text order."""
    out: dict[str, list[Hit]] = {}
    for h in hits:
        out.setdefault(h.entry.table, []).append(h)
    return out


def cue_before(
    text: str, cues: list[Hit], pos: int, gap: re.Pattern[str], reach: int = 60
) -> Hit | None:
    """The last cue ending before `pos` (within `reach`) when only `gap` stands between."""
    for h in reversed(cues):
        if h.end <= pos:
            if pos - h.end <= reach and gap.fullmatch(text, h.end, pos):
                return h
            return None
    return None
