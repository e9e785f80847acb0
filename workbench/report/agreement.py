"""Agreement between reviewers: Cohen's kappa for two, Fleiss' kappa for more. Pure functions.

Kappa is the agreement beyond what chance alone would give: 1 is perfect agreement, 0 is what
chance gives, below 0 is worse than chance. It is undefined (None) when chance already explains
everything, e.g. when every judgement falls in one category.

Fleiss' kappa here accepts claims judged by different numbers of reviewers (at least two each):
each claim's agreement is averaged over its own pairs of judgements and the category shares are
taken over all judgements. With the same number of reviewers on every claim this is exactly
Fleiss (1971). The tallies take judgements one claim at a time, so a report can stream.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

# Landis & Koch (1977): the usual words for kappa values, by upper bound (below 0: "poor").
BANDS: tuple[tuple[float, str], ...] = (
    (0.20, "slight"),
    (0.40, "fair"),
    (0.60, "moderate"),
    (0.80, "substantial"),
)


def describe_kappa(kappa: float | None) -> str:
    """Landis & Koch's word for a kappa value ("n/a" when undefined)."""
    if kappa is None:
        return "n/a"
    if kappa < 0:
        return "poor"
    for upper, word in BANDS:
        if kappa <= upper + 1e-9:
            return word
    return "almost perfect"


def _kappa(observed: float, expected: float) -> float | None:
    if expected >= 1.0 - 1e-12:
        return None
    return (observed - expected) / (1.0 - expected)


@dataclass
class CohenTally:
    """Pairs of judgements by two raters on the same items."""

    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, a: str, b: str, n: int = 1) -> None:
        self.pairs[(a, b)] += n

    @property
    def items(self) -> int:
        return sum(self.pairs.values())

    @property
    def agreed(self) -> int:
        return sum(n for (a, b), n in self.pairs.items() if a == b)

    def observed(self) -> float | None:
        return self.agreed / self.items if self.items else None

    def expected(self) -> float | None:
        n = self.items
        if not n:
            return None
        first: Counter[str] = Counter()
        second: Counter[str] = Counter()
        for (a, b), k in self.pairs.items():
            first[a] += k
            second[b] += k
        return sum(first[c] * second[c] for c in first) / (n * n)

    def kappa(self) -> float | None:
        po, pe = self.observed(), self.expected()
        return None if po is None or pe is None else _kappa(po, pe)


def cohen_kappa(pairs: Iterable[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters from their (first, second) judgement of each item."""
    tally = CohenTally()
    for a, b in pairs:
        tally.add(a, b)
    return tally.kappa()


@dataclass
class FleissTally:
    """Per-item category counts of many raters, kept as running sums."""

    items: int = 0
    agreed: int = 0  # items on which every judgement is the same
    _pair_agreement: float = 0.0  # sum over items of P_i
    _totals: Counter[str] = field(default_factory=Counter)

    def add(self, counts: Mapping[str, int], times: int = 1) -> None:
        """One item (or `times` alike): how many raters put it in each category (two or more)."""
        n = sum(counts.values())
        if n < 2:
            raise ValueError("an item needs judgements by two or more raters")
        self.items += times
        self.agreed += times * (sum(1 for k in counts.values() if k) == 1)
        self._pair_agreement += times * sum(k * (k - 1) for k in counts.values()) / (n * (n - 1))
        for category, k in counts.items():
            self._totals[category] += times * k

    def observed(self) -> float | None:
        return self._pair_agreement / self.items if self.items else None

    def expected(self) -> float | None:
        total = sum(self._totals.values())
        if not total:
            return None
        return sum((k / total) ** 2 for k in self._totals.values())

    def kappa(self) -> float | None:
        po, pe = self.observed(), self.expected()
        return None if po is None or pe is None else _kappa(po, pe)


def fleiss_kappa(items: Iterable[Sequence[int]]) -> float | None:
    """Fleiss' kappa from each item's count of raters per category (columns are categories)."""
    tally = FleissTally()
    for row in items:
        tally.add({str(j): k for j, k in enumerate(row)})
    return tally.kappa()


@dataclass(frozen=True)
class Agreement:
    """Agreement between reviewers over one scope (one event, or everything)."""

    method: str  # "cohen", "fleiss", or "" when fewer than two reviewers judged the same claims
    reviewers: tuple[str, ...]
    claims: int  # claims judged by two or more reviewers
    agreed: int  # of those, claims on which every reviewer gave the same verdict
    observed: float | None
    expected: float | None
    kappa: float | None

    @property
    def disagreed(self) -> int:
        return self.claims - self.agreed

    @property
    def label(self) -> str:
        return {"cohen": "Cohen's kappa", "fleiss": "Fleiss' kappa"}.get(self.method, "")


@dataclass
class AgreementTally:
    """Judgements per claim, counted by pattern: claims judged alike (the same reviewers giving
    the same verdicts) are one entry, so a tally of 100k claims holds a few dozen entries."""

    patterns: Counter[tuple[tuple[str, str], ...]] = field(default_factory=Counter)

    def add(self, judgements: Mapping[str, str]) -> None:
        """One claim's current verdicts by reviewer; claims judged by fewer than two are skipped."""
        if len(judgements) > 1:
            self.patterns[tuple(sorted(judgements.items()))] += 1

    @property
    def reviewers(self) -> set[str]:
        return {name for pattern in self.patterns for name, _ in pattern}

    @property
    def fleiss(self) -> FleissTally:
        tally = FleissTally()
        for pattern, n in sorted(self.patterns.items()):
            tally.add(Counter(verdict for _, verdict in pattern), n)
        return tally

    @property
    def pairs(self) -> dict[tuple[str, str], CohenTally]:
        pairs: dict[tuple[str, str], CohenTally] = {}
        for pattern, n in sorted(self.patterns.items()):
            for (a, x), (b, y) in combinations(pattern, 2):
                pairs.setdefault((a, b), CohenTally()).add(x, y, n)
        return pairs

    def result(self) -> Agreement:
        reviewers = tuple(sorted(self.reviewers))
        if len(reviewers) == 2:
            c = CohenTally()
            for pattern, n in self.patterns.items():
                c.add(pattern[0][1], pattern[1][1], n)
            return Agreement(
                "cohen", reviewers, c.items, c.agreed, c.observed(), c.expected(), c.kappa()
            )
        if len(reviewers) > 2:
            f = self.fleiss
            return Agreement(
                "fleiss", reviewers, f.items, f.agreed, f.observed(), f.expected(), f.kappa()
            )
        return Agreement("", reviewers, 0, 0, None, None, None)

    def pairwise(self) -> list[tuple[str, str, Agreement]]:
        """Cohen's kappa for every pair of reviewers who judged the same claims, by name."""
        return [
            (
                a,
                b,
                Agreement(
                    "cohen", (a, b), t.items, t.agreed, t.observed(), t.expected(), t.kappa()
                ),
            )
            for (a, b), t in sorted(self.pairs.items())
        ]
