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

_TOKEN = re.compile(r"[^\W_]+")
_JOIN = re.compile(r"[\s\-'’.]{0,3}|\s+")  # what may stand between the words of one phrase


@dataclass(frozen=True, slots=True)
class Entry:
    table: str  # which list: actor, speaker, place, weapon, ...
    canonical: str
    phrase: str  # the phrase as written in the list
    exact: bool = False  # capitals must match ("US", "IS")
    info: tuple[tuple[str, str], ...] = ()  # extra fields from the list (kind, governorate)

    def get(self, name: str) -> str | None:
        return dict(self.info).get(name)


@dataclass(frozen=True, slots=True)
class Hit:
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
    no_hyphen_end: set[str] = field(default_factory=set)  # tables refusing "rebel-held"

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
            parts = [m.group(0).lower() for m in _TOKEN.finditer(phrase)]
            if not parts:
                continue
            is_exact = phrase in exact_set or (phrase.isupper() and len(key(phrase)) <= 3)
            entry = Entry(table, canonical, phrase, is_exact, extra)
            variants = [parts]
            if plural and not is_exact:
                variants += [[*parts[:-1], parts[-1] + "s"], [*parts[:-1], parts[-1] + "es"]]
            for variant in variants:
                k = "".join(variant)
                bucket = self.entries.setdefault(k, [])
                if all(
                    (e.table, e.canonical, e.exact) != (table, canonical, is_exact) for e in bucket
                ):
                    bucket.append(entry)
                self.first[variant[0]] = max(self.first.get(variant[0], 0), len(variant))
                for n in range(1, len(variant)):
                    self.prefixes.add("".join(variant[:n]))

    def find(self, text: str, tables: Iterable[str] | None = None) -> list[Hit]:
        """Leftmost-longest hits per table, in text order."""
        wanted = set(tables) if tables is not None else None
        words = [w.lower() for w in _TOKEN.findall(text)]
        first, prefixes, entries = self.first, self.prefixes, self.entries
        candidates = [i for i, w in enumerate(words) if w in first]
        if not candidates:
            return []
        spans = [m.span() for m in _TOKEN.finditer(text)]
        best: list[Hit] = []
        taken: dict[str, int] = {}  # table -> end offset of its last hit
        for i in candidates:
            found: dict[str, Hit] = {}
            acc = ""
            for j in range(i, min(i + first[words[i]], len(words))):
                if j > i and not _JOIN.fullmatch(text, spans[j - 1][1], spans[j][0]):
                    break  # a phrase does not run across ")" or "," or a quote
                acc += words[j]
                for entry in entries.get(acc, ()):
                    if wanted is not None and entry.table not in wanted:
                        continue
                    start, end = spans[i][0], spans[j][1]
                    if start < taken.get(entry.table, -1):
                        continue
                    if entry.exact and key_exact(text[start:end]) != key_exact(entry.phrase):
                        continue
                    if entry.table in self.no_hyphen_end and text[end : end + 1] == "-":
                        continue
                    found[entry.table] = Hit(start, end, entry)  # longer n overwrites
                if acc not in prefixes:
                    break
            for table, hit in found.items():
                best.append(hit)
                taken[table] = hit.end
        best.sort(key=lambda h: (h.start, h.entry.table))
        return best


def key_exact(text: str) -> str:
    return "".join(m.group(0) for m in _TOKEN.finditer(text))
