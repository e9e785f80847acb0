"""Places: the gazetteer with spelling variants, patterns for unknown names, governorates."""

import pytest

from workbench.extract import lexicon
from workbench.extract.places import find_places


def read(text: str) -> list[tuple[str, str | None]]:
    hits = lexicon.gazetteer().find(text)
    return [(p.canonical, p.governorate) for p in find_places(text, hits)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting went on in Deir ez-Zor.", [("Deir ez-Zor", "Deir ez-Zor")]),
        ("Fighting went on in Deir al-Zor.", [("Deir ez-Zor", "Deir ez-Zor")]),
        ("Fighting went on in Deir Ezzor.", [("Deir ez-Zor", "Deir ez-Zor")]),
        ("Fighting went on in Halab.", [("Aleppo", "Aleppo")]),
        ("Strikes hit Saraqib and Maarat al-Nuaman.",
         [("Saraqeb", "Idlib"), ("Maarat al-Numan", "Idlib")]),
        ("Jets bombed a position at Jebel Tharda near Deir al-Zor military airport.",
         [("Jebel Tharda", "Deir ez-Zor"), ("Deir ez-Zor military airport", "Deir ez-Zor")]),
        ("Clashes spread across Idlib province.", [("Idlib", "Idlib")]),
        ("Clashes spread across rural Hama.", [("Hama", "Hama")]),
        ("Shelling hit Douma in the Damascus countryside.",
         [("Douma", "Rif Dimashq"), ("Rif Dimashq", "Rif Dimashq")]),
        ("A market in the village of Tell Hamra was hit.", [("Tell Hamra", None)]),
        ("Jets struck Tell Hamra, a farming village.", [("Tell Hamra", None)]),
        ("Turkey, a NATO member, condemned the strike.", []),
        ("The village of Kafr Dael near Aleppo was hit.",
         [("Kafr Dael", "Aleppo"), ("Aleppo", "Aleppo")]),
        ("Jets took off from Hama military airport.", [("Hama military airport", "Hama")]),
        ("Jets took off from Qasr al-Wadi airbase.", [("Qasr al-Wadi military airport", None)]),
        ("Troops advanced on Jebel Zawiya.", [("Jabal al-Zawiya", "Idlib")]),
        ("Troops held Jebel Bishri for a week.", [("Jebel Bishri", None)]),
        ("Talks were held in Geneva.", []),
        ("Damascus denies using barrel bombs.", []),
        ("Even if it was an error, as some in Damascus suggest, it must be explained.", []),
        ("Shelling hit Damascus on Monday.", [("Damascus", "Damascus")]),
    ],
)  # fmt: skip
def test_places(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert read(text) == expected


def test_the_gazetteer_covers_the_fourteen_governorates() -> None:
    governorates = lexicon.load("places")["governorates"]
    assert len(governorates) == 14
    assert {"Deir ez-Zor", "Aleppo", "Rif Dimashq", "As-Suwayda"} <= set(governorates)
