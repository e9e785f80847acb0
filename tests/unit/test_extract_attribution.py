"""Who said it: speaker and speaker chain (outermost first) for each claim of a sentence."""

import pytest

from workbench.extract import lexicon
from workbench.extract.attribution import attribute, canonical_outlet
from workbench.extract.gazetteer import Hit
from workbench.extract.sentences import split_sentences


def chains(text: str, outlet: str | None = "Desk") -> list[tuple[str | None, list[str]]]:
    """(speaker, chain) of each sentence's first segment."""
    sentences = split_sentences(text)
    hits = [
        [Hit(h.start, h.end, h.entry) for h in lexicon.gazetteer().find(s.text)] for s in sentences
    ]
    return [
        (seg.parts[0][1].speaker, list(seg.parts[0][1].chain))
        for seg in attribute(sentences, hits, outlet)
    ]


def chain(text: str, outlet: str | None = "Desk") -> list[str]:
    return chains(text, outlet)[-1][1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets struck the town, activists said.", ["Desk", "activists"]),
        ("Jets struck the town, said Omar al-Sheikh, a council member.",
         ["Desk", "Omar al-Sheikh"]),
        ("According to SANA, jets struck the town.", ["Desk", "SANA"]),
        ("The Syrian Observatory for Human Rights reported that jets struck the town.",
         ["Desk", "Syrian Observatory for Human Rights"]),
        ("Jets struck the town, the ministry said, citing the army command.",
         ["Desk", "the ministry", "Syrian General Command"]),
        ("A military source told SANA that jets struck the town.",
         ["Desk", "SANA", "a military source"]),
        ("Jets struck the town, state TV said.", ["Desk", "Syrian state TV"]),
        ("Jets struck the town at least 12 people the Britain-based monitor said on Sunday.",
         ["Desk", "the Britain-based monitor"]),
        ("Syria's state news agency reported that the Defence Ministry said, citing the command "
         "of the northern front, that jets struck gatherings.",
         ["Desk", "SANA", "the Defence Ministry", "the command of the northern front"]),
        ("Jets struck the town.", ["Desk"]),
    ],
)  # fmt: skip
def test_speaker_chains(text: str, expected: list[str]) -> None:
    assert chain(text) == expected


def test_the_outlet_speaks_when_nobody_is_named() -> None:
    assert chains("Jets struck the town.") == [("Desk", ["Desk"])]
    assert chains("Jets struck the town.", outlet=None) == [(None, [])]


def test_the_speaker_is_the_innermost_named_by_a_verb() -> None:
    [(speaker, found)] = chains(
        "Sixty-two soldiers were killed, Russia's Defense Ministry spokesman, Major-General "
        "Igor Konashenkov, said, citing information received from the Syrian General Command."
    )
    assert speaker == "Russian Defence Ministry"
    assert found == ["Desk", "Russian Defence Ministry", "Syrian General Command"]


def test_a_reports_paragraph_gives_its_speaker_to_the_paragraphs_after_it() -> None:
    text = "Jets struck.\n\nRT reports:\n\nSixty-two were killed.\n\nThe toll may rise."
    assert [c for _, c in chains(text)] == [
        ["Desk"],
        ["Desk", "RT"],
        ["Desk", "RT"],
        ["Desk", "RT"],
    ]


def test_pronouns_and_references_point_back() -> None:
    text = (
        "The Russian Defense Ministry said on Saturday that the aircraft came from Iraq. "
        "The strike was performed by two F-16s, it said. "
        "It was a mistake, the ministry said."
    )
    assert [c for _, c in chains(text)] == [["Desk", "Russian Defence Ministry"]] * 3


def test_one_origin_whatever_the_alias() -> None:
    a = chain("Ten were killed, SOHR said.")
    b = chain("Ten were killed, the Observatory said.")
    c = chain("Ten were killed, Rami Abdel Rahman said.")
    assert a == b == c == ["Desk", "Syrian Observatory for Human Rights"]


def test_a_quotation_that_goes_on_keeps_its_speaker() -> None:
    text = '"This was a premeditated attack," said Omar al-Sheikh. "The market was full."'
    assert [c for _, c in chains(text)] == [["Desk", "Omar al-Sheikh"]] * 2


def test_side_by_side_speakers_each_keep_their_part() -> None:
    text = "The ministry said jets hit militants, while Moscow has said no Russian jets flew."
    sentences = split_sentences(text)
    hits = [lexicon.gazetteer().find(text)]
    [segments] = attribute(sentences, hits, "Desk")
    assert list(segments.at(text.index("militants")).chain) == ["Desk", "the ministry"]
    assert list(segments.at(text.index("Russian")).chain) == ["Desk", "Moscow"]


def test_passive_verbs_name_nobody() -> None:
    assert chain("No casualties were reported.") == ["Desk"]


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [("sana", "SANA"), ("reuters", "Reuters"), ("Levant Wire", "Levant Wire"), ("  ", None)],
)
def test_outlets_get_canonical_names(outlet: str, expected: str | None) -> None:
    assert canonical_outlet(outlet) == expected


def segment_chains(text: str, *words: str) -> list[list[str]]:
    """The chain in force at each of `words` (their first occurrence) in a one-sentence text."""
    sentences = split_sentences(text)
    [segments] = attribute(sentences, [lexicon.gazetteer().find(text)], "Desk")
    return [list(segments.at(text.index(w)).chain) for w in words]


def test_a_person_speaking_for_an_organisation_is_the_speaker_and_it_the_origin() -> None:
    text = (
        "The Syrian Observatory for Human Rights said 20 people were killed. "
        '"The jets came twice," the group\'s director, Karim Haddad, told Reuters by telephone. '
        "He said the strike appeared to be deliberate."
    )
    found = chains(text)
    sohr = "Syrian Observatory for Human Rights"
    assert found[1] == ("Karim Haddad", ["Desk", "Reuters", "Karim Haddad", sohr])
    assert found[2] == ("Karim Haddad", ["Desk", "Karim Haddad", sohr])


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck twice, Karim Haddad, the monitor's director, said.",
        "Jets struck twice, Karim Haddad, director of the monitor, said.",
        "Jets struck twice, the head of the monitor, Karim Haddad, said.",
    ],
)
def test_the_three_ways_of_naming_who_a_person_speaks_for(text: str) -> None:
    first = "The Syrian Observatory for Human Rights said ten people were killed. "
    assert chains(first + text)[1] == (
        "Karim Haddad",
        ["Desk", "Karim Haddad", "Syrian Observatory for Human Rights"],
    )


def test_a_listener_is_never_the_speaker() -> None:
    [(speaker, found)] = chains("Jets struck, the mayor, Omar Haddad, told Meridian by telephone.")
    assert speaker == "Omar Haddad" and "Meridian by telephone" not in found


def test_a_quotation_is_said_by_whoever_is_named_where_it_ends() -> None:
    text = '"It was a mistake. The coordinates were wrong," said Omar al-Sheikh. Jets left.'
    assert [c for _, c in chains(text)] == [["Desk", "Omar al-Sheikh"]] * 2 + [["Desk"]]


def test_a_relative_clause_speaks_for_itself_only() -> None:
    text = "Turkey condemned the strike on the town, which a war monitor said had killed 42 people."
    assert segment_chains(text, "strike", "42") == [["Desk"], ["Desk", "a war monitor"]]


def test_the_group_is_the_last_group_named() -> None:
    text = (
        "The Qasr al-Wadi Media Centre, an activist network, said jets struck the market. "
        "The group said 65 people were wounded."
    )
    assert chains(text)[1] == ("Qasr al-Wadi Media Centre", ["Desk", "Qasr al-Wadi Media Centre"])


def test_a_capital_speaks_for_its_government() -> None:
    assert chain("Damascus denies using barrel bombs.") == ["Desk", "Damascus"]
