"""The word lists: well formed, one reading per phrase, canonical names from the contract."""

from collections import defaultdict

from workbench.extract import lexicon

ACTORS = {
    "us-led-coalition", "usa", "russia", "syrian-government", "isis", "nusra", "opposition",
    "sdf-kurdish", "turkey", "israel", "iran", "hezbollah", "unknown", "-",
}  # fmt: skip
TABLES_WITH_READINGS = {
    "actor", "speaker", "place", "weapon", "intent", "zero", "cas_before", "cas_after", "toll",
    "toll_outcome", "reference", "numword",
}  # fmt: skip
WEAPONS = {
    "F-16", "A-10", "Su-24", "Su-25", "Su-34", "Su-35", "MiG-23", "B-52", "Tornado", "Rafale",
    "MQ-1", "MQ-9", "drone", "helicopter", "warplane", "barrel bomb", "cluster munition",
    "cruise missile", "Tomahawk", "Scud", "artillery", "mortar", "rocket", "car bomb",
    "suicide bomber", "chemical", "sarin", "chlorine",
}  # fmt: skip


def test_no_phrase_has_two_readings_in_one_list() -> None:
    readings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, entries in lexicon.gazetteer().entries.items():
        for entry in entries:
            if entry.table in TABLES_WITH_READINGS:
                readings[(entry.table, key)].add(entry.canonical)
    clashes = {k: v for k, v in readings.items() if len(v) > 1}
    assert clashes == {}


def test_canonical_names_come_from_the_contract() -> None:
    assert {e["canonical"] for e in lexicon.load("actors")["actor"]} == ACTORS
    assert WEAPONS <= {e["canonical"] for e in lexicon.load("weapons")["weapon"]}
    assert set(lexicon.load("intent")["intent"]) == {
        "accidental", "deliberate", "denied", "unclear", "hypothetical"
    }  # fmt: skip
    assert set(lexicon.load("casualty")["outcomes"]) == {
        "killed", "injured", "missing", "captured", "displaced"
    }  # fmt: skip


def test_every_speaker_has_a_name_and_aliases() -> None:
    for entry in lexicon.load("attribution")["speaker"]:
        assert entry["name"] and entry["aliases"]


def test_short_acronyms_match_only_in_capitals() -> None:
    g = lexicon.gazetteer()
    assert [h.canonical for h in g.find("IS fighters and the US", ("actor",))] == ["isis", "usa"]
    assert g.find("it is what it is for us", ("actor",)) == []
