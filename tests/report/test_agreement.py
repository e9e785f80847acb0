"""Cohen's and Fleiss' kappa against textbook values, and how reviewers' verdicts are tallied."""

from __future__ import annotations

import pytest

from workbench.report.agreement import (
    AgreementTally,
    CohenTally,
    FleissTally,
    cohen_kappa,
    describe_kappa,
    fleiss_kappa,
)


def pairs(yes_yes: int, yes_no: int, no_yes: int, no_no: int) -> list[tuple[str, str]]:
    return (
        [("yes", "yes")] * yes_yes
        + [("yes", "no")] * yes_no
        + [("no", "yes")] * no_yes
        + [("no", "no")] * no_no
    )


@pytest.mark.parametrize(
    ("table", "kappa"),
    [
        # Wikipedia, "Cohen's kappa", worked example: po 0.7, pe 0.5
        ((20, 5, 10, 15), 0.4),
        # Wikipedia, "same percentage agreement, different kappa" (both po 0.6)
        ((45, 15, 25, 15), 0.1304),
        ((25, 35, 5, 35), 0.2593),
        # perfect agreement over two categories
        ((10, 0, 0, 10), 1.0),
        # always opposite: the worst possible with balanced marginals
        ((0, 10, 10, 0), -1.0),
    ],
)
def test_cohen_textbook_values(table: tuple[int, int, int, int], kappa: float) -> None:
    assert cohen_kappa(pairs(*table)) == pytest.approx(kappa, abs=5e-5)


def test_cohen_observed_and_expected() -> None:
    tally = CohenTally()
    for a, b in pairs(20, 5, 10, 15):
        tally.add(a, b)
    assert (tally.items, tally.agreed) == (50, 35)
    assert tally.observed() == pytest.approx(0.7)
    assert tally.expected() == pytest.approx(0.5)


@pytest.mark.parametrize(
    "judgements",
    [
        [],  # nothing judged
        [("yes", "yes")] * 5,  # one category only: chance explains everything
    ],
)
def test_cohen_undefined(judgements: list[tuple[str, str]]) -> None:
    assert cohen_kappa(judgements) is None


# Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories.
FLEISS_EXAMPLE = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def test_fleiss_textbook_example() -> None:
    assert fleiss_kappa(FLEISS_EXAMPLE) == pytest.approx(0.210, abs=5e-4)
    tally = FleissTally()
    for row in FLEISS_EXAMPLE:
        tally.add({str(j): k for j, k in enumerate(row)})
    assert tally.observed() == pytest.approx(0.378, abs=5e-4)
    assert tally.expected() == pytest.approx(0.213, abs=5e-4)
    assert tally.items == 10 and tally.agreed == 1  # only subject 1 is unanimous


@pytest.mark.parametrize(
    ("items", "kappa"),
    [
        ([[3, 0], [0, 3], [3, 0]], 1.0),  # unanimous on every item
        ([[3, 0, 0]] * 4, None),  # one category only: undefined
        ([[1, 1], [1, 1]], -1.0),  # two raters always split evenly
    ],
)
def test_fleiss_edges(items: list[list[int]], kappa: float | None) -> None:
    result = fleiss_kappa(items)
    assert result == (None if kappa is None else pytest.approx(kappa))


def test_fleiss_refuses_an_item_judged_once() -> None:
    with pytest.raises(ValueError, match="two or more"):
        FleissTally().add({"yes": 1})


def test_fleiss_of_two_raters_is_scotts_pi_not_cohen() -> None:
    # Scott's pi pools both raters' marginals; Cohen keeps them apart. 45/15/25/15:
    # pooled yes share (60 + 70) / 200 = 0.65, pe = 0.65^2 + 0.35^2 = 0.545, pi = 0.1209.
    items = [[2, 0]] * 45 + [[1, 1]] * 40 + [[0, 2]] * 15
    assert fleiss_kappa(items) == pytest.approx(0.1209, abs=5e-4)
    assert cohen_kappa(pairs(45, 15, 25, 15)) == pytest.approx(0.1304, abs=5e-4)


@pytest.mark.parametrize(
    ("kappa", "word"),
    [
        (None, "n/a"),
        (-0.3, "poor"),
        (0.0, "slight"),
        (0.2, "slight"),
        (0.21, "fair"),
        (0.4, "fair"),
        (0.55, "moderate"),
        (0.61, "substantial"),
        (0.8, "substantial"),
        (0.81, "almost perfect"),
        (1.0, "almost perfect"),
    ],
)
def test_landis_koch_words(kappa: float | None, word: str) -> None:
    assert describe_kappa(kappa) == word


def test_two_reviewers_get_cohen() -> None:
    tally = AgreementTally()
    for a, b in pairs(20, 5, 10, 15):
        tally.add({"ann": a, "ben": b})
    tally.add({"ann": "yes"})  # judged by one reviewer: not part of agreement
    result = tally.result()
    assert (result.method, result.reviewers) == ("cohen", ("ann", "ben"))
    assert (result.claims, result.agreed, result.disagreed) == (50, 35, 15)
    assert result.kappa == pytest.approx(0.4)


def test_three_reviewers_get_fleiss_and_pairs() -> None:
    tally = AgreementTally()
    names = [f"r{i:02d}" for i in range(14)]
    for row in FLEISS_EXAMPLE:  # the textbook table, as 14 named reviewers' verdicts
        verdicts = [c for c, k in zip("ABCDE", row, strict=True) for _ in range(k)]
        tally.add(dict(zip(names, verdicts, strict=True)))
    result = tally.result()
    assert result.method == "fleiss" and len(result.reviewers) == 14
    assert result.kappa == pytest.approx(0.210, abs=5e-4)
    assert len(tally.pairwise()) == 14 * 13 // 2


def test_fleiss_with_uneven_reviewers_matches_the_even_case() -> None:
    # Same items, once with every reviewer and once with a reviewer missing on a unanimous item:
    # a unanimous item of 2 or of 3 counts the same (P_i = 1).
    full, uneven = AgreementTally(), AgreementTally()
    items = [("c", "c", "c"), ("c", "d", "c"), ("u", "u", "d"), ("d", "d", "d")]
    for item in items:
        full.add(dict(zip(("a", "b", "x"), item, strict=True)))
    for item in items[:-1]:
        uneven.add(dict(zip(("a", "b", "x"), item, strict=True)))
    uneven.add({"a": "d", "b": "d"})
    assert full.result().observed == pytest.approx(uneven.result().observed)
    assert uneven.result().claims == 4 and uneven.result().agreed == 2


def test_nobody_to_agree_with() -> None:
    tally = AgreementTally()
    tally.add({"ann": "corroborated"})
    result = tally.result()
    assert (result.method, result.claims, result.kappa) == ("", 0, None)
