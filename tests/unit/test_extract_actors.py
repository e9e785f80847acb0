"""Parties and their role in the attack: perpetrator or target, and denials."""

import pytest

from workbench.extract import lexicon
from workbench.extract.actors import find_actors


def read(text: str) -> list[tuple[str, str, bool]]:
    hits = lexicon.gazetteer().find(text)
    return [(a.canonical, a.role, a.negated) for a in find_actors(text, hits)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US-led coalition jets bombed Syrian government forces' positions.",
         [("us-led-coalition", "perpetrator", False), ("syrian-government", "target", False)]),
        ("Warplanes from the U.S.-led coalition bombed a Syrian army position.",
         [("us-led-coalition", "perpetrator", False), ("syrian-government", "target", False)]),
        ("Sixty-two Syrian soldiers were killed in the airstrike by the US-led coalition.",
         [("syrian-government", "target", False), ("us-led-coalition", "perpetrator", False)]),
        ("Regime shelling killed five people in the town.",
         [("syrian-government", "perpetrator", False)]),
        ("Air strikes by Russian and regime warplanes killed 26 people.",
         [("russia", "perpetrator", False), ("syrian-government", "perpetrator", False)]),
        ("Daesh claimed responsibility for the bombing.", [("isis", "perpetrator", False)]),
        ("The YPG attacked IS positions near the town.",
         [("sdf-kurdish", "perpetrator", False), ("isis", "target", False)]),
        ("Turkish jets struck PKK targets overnight.",
         [("turkey", "perpetrator", False), ("sdf-kurdish", "target", False)]),
        ("Washington accused Moscow of bombing the convoy.", [("russia", "perpetrator", False)]),
        ("Russia denied involvement in the strike.", [("russia", "perpetrator", True)]),
        ("Russian jets did not strike the market, the ministry said.",
         [("russia", "perpetrator", True)]),
        ("Rebels shelled government-held districts.", [("opposition", "perpetrator", False)]),
        ("The rebel-held town was quiet.", []),
        ("Russia and the United States met in Geneva.", []),
        ("Iraqi army units advanced on the town.", []),
        ("The government and its Russian allies say they strike only terrorist targets.", []),
        ("Russian jets struck only the market.", [("russia", "perpetrator", False)]),
    ],
)  # fmt: skip
def test_actor_roles(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert read(text) == expected


def test_aliases_name_one_actor() -> None:
    for alias in ("ISIS", "ISIL", "Daesh", "Islamic State", "IS"):
        assert read(f"{alias} fighters attacked the village.") == [("isis", "perpetrator", False)]


def test_the_word_is_is_not_the_islamic_state() -> None:
    assert read("The army is attacking the town.") == [("syrian-government", "perpetrator", False)]
