"""Weapons and aircraft with their counts; spelling variants through the list and rapidfuzz."""

import pytest

from workbench.extract import lexicon
from workbench.extract.numbers import find_quantities
from workbench.extract.weapons import find_weapons


def read(text: str) -> list[tuple[str, int | None]]:
    hits = lexicon.gazetteer().find(text)
    return [(w.canonical, w.count) for w in find_weapons(text, hits, find_quantities(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike was performed by two F-16 jet fighters and two A-10 support aircraft.",
         [("F-16", 2), ("A-10", 2)]),
        ("Four F16s flew over the town.", [("F-16", 4)]),
        ("Two Russian Su-24 jets struck the market.", [("Su-24", 2)]),
        ("A Sukhoi-24 was seen over the village.", [("Su-24", None)]),
        ("Residents saw an SU-24M bomber.", [("Su-24", None)]),
        ("Witnesses described a Sukoi-24 overhead.", [("Su-24", None)]),
        ("Government helicopters dropped barrel bombs.",
         [("helicopter", None), ("barrel bomb", None)]),
        ("A car bomb and a suicide bomber hit the station.",
         [("car bomb", None), ("suicide bomber", None)]),
        ("The US fired 59 Tomahawk cruise missiles at the base.", [("Tomahawk", 59)]),
        ("The victims showed signs of exposure to sarin.", [("sarin", None)]),
        ("Dozens of warplanes flew overhead.", [("warplane", None)]),
        ("The talks under Resolution 2254 resumed.", []),
        ("Nobody could confirm the type of aircraft involved.", []),
        ("Other accounts named jets rather than helicopters.", [("warplane", None)]),
        ("They named Su-24s rather than Su-34s.", [("Su-24", None), ("Su-34", None)]),
    ],
)  # fmt: skip
def test_weapons_and_counts(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert read(text) == expected


def test_each_weapon_once_per_sentence_keeping_the_count() -> None:
    text = "The jets returned; witnesses counted three jets in all."
    assert read(text) == [("warplane", 3)]
