"""Issue 3 acceptance on the seed article: the claims a reviewer needs, with who said them."""

from conftest import SEED, need_seed

from workbench.extract import extract_articles
from workbench.ingest import ingest_paths
from workbench.models import Claim
from workbench.store import Store


def seed_claims(store: Store) -> list[Claim]:
    need_seed()
    ingest_paths(store, [SEED])
    report = extract_articles(store)
    assert report.articles == 1
    return list(store.iter_claims())


def test_casualties(store: Store) -> None:
    claims = seed_claims(store)
    [killed] = [c for c in claims if c.kind == "casualty" and c.outcome == "killed" and c.low == 62]
    assert (killed.high, killed.subject, killed.subject_class) == (
        62,
        "Syrian soldiers",
        "military",
    )
    assert "Russian Defence Ministry" in killed.speaker_chain
    assert killed.speaker_chain[-2:] == ["Russian Defence Ministry", "Syrian General Command"]
    assert killed.speaker_chain[0] == "RT"  # "RT reports:" (the seed file names no outlet)
    assert killed.origin == "Syrian General Command"
    [injured] = [c for c in claims if c.kind == "casualty" and c.outcome == "injured"]
    assert injured.low is not None and injured.low >= 100 and injured.hedges == ["over"]


def test_aircraft_actors_and_intent(store: Store) -> None:
    claims = seed_claims(store)
    weapons = {(c.canonical, c.count) for c in claims if c.kind == "weapon"}
    assert {("F-16", 2), ("A-10", 2)} <= weapons
    actors = {(c.canonical, c.role) for c in claims if c.kind == "actor" and not c.negated}
    assert ("us-led-coalition", "perpetrator") in actors
    assert ("syrian-government", "target") in actors
    [target] = [
        c
        for c in claims
        if c.kind == "actor" and c.canonical == "syrian-government" and "army position" in c.quote
    ]
    intents = [c for c in claims if c.kind == "intent"]
    accidental = [c for c in intents if c.canonical == "accidental"]
    assert [(c.hypothetical, c.speaker) for c in accidental] == [(True, "Russian Defence Ministry")]
    deliberate = {c.speaker for c in intents if c.canonical == "deliberate"}
    assert deliberate == {"Syrian army", "Syrian General Command"}
    assert target.role == "target"


def test_places_and_time(store: Store) -> None:
    claims = seed_claims(store)
    places = {(c.canonical, c.value) for c in claims if c.kind == "place"}
    assert ("Jebel Tharda", "Deir ez-Zor") in places
    assert ("Deir ez-Zor military airport", "Deir ez-Zor") in places
    [when] = [c for c in claims if c.kind == "time" and "5 p.m." in c.quote]
    assert when.value == "2016-09-17T14:00Z"
    text = store.conn.execute("SELECT text FROM articles").fetchone()[0]
    assert text[when.span_start or 0 : when.span_end] == "5 p.m. (1400 GMT) on Saturday"
    assert all(text[c.start : c.end] == c.quote for c in claims)
