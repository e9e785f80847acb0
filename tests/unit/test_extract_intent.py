"""Whether a strike was meant: accidental, deliberate, denied, unclear, and "even if"."""

import pytest

from workbench.extract import lexicon
from workbench.extract.intent import find_intents


def read(text: str) -> list[tuple[str, bool]]:
    hits = lexicon.gazetteer().find(text)
    return [(i.canonical, i.hypothetical) for i in find_intents(text, hits)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Even if the bombardment was a mistake, it is still a consequence of their policy.",
         [("accidental", True)]),
        ("The pilot misidentified his targets.", [("accidental", False)]),
        ("It was a deliberate massacre of civilians.", [("deliberate", False)]),
        ("It was not a mistake, the army said.", [("deliberate", False)]),
        ("The command called it a serious and blatant aggression.", [("deliberate", False)]),
        ("This is conclusive evidence that the US supports the terrorists.",
         [("deliberate", False)]),
        ("It is evidence that Washington supports the group.", [("deliberate", False)]),
        ("The ministry denied that its aircraft were in the area.", [("denied", False)]),
        ("Aid convoys were denied access to the town.", []),
        ("It was not immediately clear who carried out the strike.", [("unclear", False)]),
        ("The jets struck the market at noon.", []),
    ],
)  # fmt: skip
def test_intent_cues(text: str, expected: list[tuple[str, bool]]) -> None:
    assert read(text) == expected
