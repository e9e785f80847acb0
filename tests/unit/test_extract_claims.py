"""extract_claims on whole articles: offsets, attribution, hedges, negation, sub-counts and
fingerprints."""

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract import extract_claims
from workbench.models import Article, Claim

STORY = (
    "Sixty-two Syrian soldiers were killed and over 100 injured, the ministry said, citing the "
    "army command. At least 40 people, including 11 children, reportedly died in Idlib province "
    "on Saturday.\n\nNo one was killed in the second raid, activists said. The ministry denied "
    "that its jets were operating in the area. Even if it was a mistake, it must be explained."
)


def article(
    text: str = STORY, source: str | None = "Desk", published: str | None = "2016-09-17"
) -> Article:
    return Article(
        id=1, external_id="a", source=source, title=None, published=published, url=None,
        sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, metadata={},
    )  # fmt: skip


def by_kind(claims: list[Claim], kind: str) -> list[Claim]:
    return [c for c in claims if c.kind == kind]


def test_every_claim_quotes_its_sentence_at_its_offsets() -> None:
    claims = extract_claims(article())
    assert claims
    for c in claims:
        assert STORY[c.start : c.end] == c.quote
        assert c.start <= (c.span_start or 0) < (c.span_end or 0) <= c.end
        assert c.speaker_chain[0] == "Desk" and c.speaker in c.speaker_chain


def test_casualties_with_their_attribution_and_hedges() -> None:
    claims = extract_claims(article())
    killed = [c for c in by_kind(claims, "casualty") if c.outcome == "killed"]
    [soldiers, people, children, nobody] = killed
    assert (soldiers.low, soldiers.high, soldiers.subject_class) == (62, 62, "military")
    assert soldiers.speaker == "the ministry"
    assert soldiers.speaker_chain == ["Desk", "the ministry", "Syrian General Command"]
    assert STORY[soldiers.span_start or 0 : soldiers.span_end] == "Sixty-two"
    assert (people.low, people.high, people.hedges) == (40, None, ["at least", "reportedly"])
    assert children.parent_fingerprint == people.fingerprint and children.low == 11
    assert (nobody.low, nobody.high, nobody.negated, nobody.speaker) == (0, 0, True, "activists")
    [injured] = [c for c in by_kind(claims, "casualty") if c.outcome == "injured"]
    assert (injured.low, injured.high, injured.hedges) == (101, None, ["over"])


def test_denial_and_hypothetical_intent() -> None:
    claims = extract_claims(article())
    [denied, accidental] = by_kind(claims, "intent")
    # "denied" is the value: a denial, not a negated claim (which would read "not denied")
    assert (denied.canonical, denied.negated) == ("denied", False)
    assert (accidental.canonical, accidental.hypothetical, accidental.negated) == (
        "accidental",
        True,
        False,
    )
    [actor] = [c for c in by_kind(claims, "actor") if "denied" in c.quote] or [None]
    assert actor is None or actor.negated
    # "denied that its jets were operating" says nothing about which weapon was used
    assert [c for c in by_kind(claims, "weapon") if "denied" in c.quote] == []


def test_a_denied_weapon_type_is_a_negated_claim_a_denied_generic_one_no_claim() -> None:
    text = (
        "The ministry denied that Su-24 jets were used. Russia said no aircraft took part. "
        "The army did not use helicopters, it said."
    )
    weapons = [(c.canonical, c.negated) for c in by_kind(extract_claims(article(text)), "weapon")]
    assert weapons == [("Su-24", True)]


def test_place_and_time_values() -> None:
    claims = extract_claims(article())
    assert [(c.canonical, c.value) for c in by_kind(claims, "place")] == [("Idlib", "Idlib")]
    assert [c.value for c in by_kind(claims, "time")] == ["2016-09-17"]


def test_fingerprints_are_stable_unique_and_tied_to_outlet_and_text() -> None:
    first = [c.fingerprint for c in extract_claims(article())]
    again = [c.fingerprint for c in extract_claims(article())]
    assert first == again
    assert len(set(first)) == len(first)
    other_outlet = [c.fingerprint for c in extract_claims(article(source="Other Desk"))]
    assert not set(first) & set(other_outlet)
    edited = [c.fingerprint for c in extract_claims(article(STORY + " More."))]
    assert not set(first) & set(edited)


def test_an_empty_or_blank_article_has_no_claims() -> None:
    assert extract_claims(article(" \n\n ")) == []


WORDS = st.sampled_from(
    "Sixty-two soldiers were killed and over 100 injured , said SANA citing the army . "
    "including 11 children at least dozens no one Saturday 5 p.m. (1400 GMT) F-16 Su-24 "
    'regime ISIS denied mistake even if Deir al-Zor village of Jebel " “ ” \n\n : reports '
    "1,300 2016 Resolution 2254 the toll rose to 48 among them İstanbul ﬁre".split(" ")
)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join), st.text(max_size=80))
def test_never_raises_and_offsets_always_slice(words: str, noise: str) -> None:
    for text in (words, noise, words + noise):
        if not text.strip():
            continue
        for c in extract_claims(article(text)):
            assert text[c.start : c.end] == c.quote
            assert c.start <= (c.span_start or 0) <= (c.span_end or 0) <= c.end


def test_a_sub_count_may_come_before_its_count() -> None:
    text = "At least 68 children were among the 126 people killed in the attack, the monitor said."
    claims = extract_claims(article(text))
    [children, everyone] = by_kind(claims, "casualty")
    assert (children.low, children.subject, children.outcome) == (68, "children", "killed")
    assert (everyone.low, everyone.high) == (126, 126)
    assert children.parent_fingerprint == everyone.fingerprint


def test_a_negation_governs_only_its_own_clause() -> None:
    text = (
        "The statement which did not name the town said 40 people had been killed. "
        "The army did not kill 20 civilians, the ministry said."
    )
    first, second = by_kind(extract_claims(article(text)), "casualty")
    assert (first.low, first.negated) == (40, False)
    assert (second.low, second.negated) == (20, True)


def test_a_part_of_the_wounded_or_the_dead_belongs_to_the_toll_said_before() -> None:
    text = (
        "Jets killed 40 people in the town on Monday, the monitor said.\n\n"
        "Three of the injured died overnight, and five of the dead were children."
    )
    claims = by_kind(extract_claims(article(text)), "casualty")
    [toll] = [c for c in claims if c.parent_fingerprint is None]
    parts = [(c.low, c.outcome, c.subject) for c in claims if c.parent_fingerprint]
    assert (toll.low, toll.outcome) == (40, "killed")
    assert parts == [(3, "killed", "the injured"), (5, "killed", "children")]
    assert {c.parent_fingerprint for c in claims if c.parent_fingerprint} == {toll.fingerprint}


def test_a_part_of_a_group_no_count_names_is_no_claim() -> None:
    text = "Several of the wounded died overnight, the hospital said. Jets had struck at dawn."
    assert by_kind(extract_claims(article(text)), "casualty") == []


def test_times_say_when_the_incident_happened_not_when_it_was_told() -> None:
    text = (
        "Updated 18 September 2016\n\n"
        "Jets killed 20 people in the town on Friday, the monitor said on Saturday. "
        "The toll rose to 25 on Saturday. "
        "Rescue workers were still searching the rubble on Saturday morning."
    )
    assert [c.value for c in by_kind(extract_claims(article(text)), "time")] == ["2016-09-16"]


def test_a_dateline_is_no_time_claim_but_a_first_sentence_about_the_strike_is() -> None:
    dateline = "ALEPPO, Syria, Sept 17 (Desk) - Jets killed 20 people, the monitor said."
    assert by_kind(extract_claims(article(dateline)), "time") == []
    strike = "Twenty people were killed on Saturday morning when jets struck the town."
    assert [c.value for c in by_kind(extract_claims(article(strike)), "time")] == ["2016-09-17"]


def test_the_war_as_a_whole_is_background_not_a_claim() -> None:
    text = (
        "Jets killed 20 people in the town, the monitor said. "
        "More than 300,000 people have been killed since the conflict began in 2011. "
        "Barrel bombs have been used widely by government forces during the five-year war. "
        "It was the deadliest attack on the town since the war began, killing 20 civilians."
    )
    claims = extract_claims(article(text))
    assert [c.low for c in by_kind(claims, "casualty")] == [20, 20]
    assert [c.quote for c in claims if c.kind in ("weapon", "actor") and "war" in c.quote] == []


def test_the_aircraft_named_again_is_no_new_weapon_claim() -> None:
    text = (
        "Two Su-24 jets struck the market, the monitor said. "
        "He said the aircraft came back for a second pass. "
        "The ministry said its jets hit only militants."
    )
    weapons = [(c.canonical, c.count) for c in by_kind(extract_claims(article(text)), "weapon")]
    assert weapons == [("Su-24", 2), ("warplane", None)]
    first = "The aircraft came back for a second pass."  # nothing named before: a claim
    assert [c.canonical for c in by_kind(extract_claims(article(first)), "weapon")] == ["warplane"]
