"""Event clustering from what articles say, and event keys that survive re-alignment."""

from __future__ import annotations

import pytest
from claimkit import claim, killed

from workbench.align.events import assign_keys, cluster_articles, event_key, find_events
from workbench.align.profiles import ArticleHead, ArticleProfile, headline_words, profile


def article(
    id: int,
    title: str,
    day: str,
    places: list[tuple[str, str]] = (),  # type: ignore[assignment]
    toll: int | None = None,
    weapon: str | None = None,
    rising: bool = False,
    source: str = "Desk",
    told: str | None = None,
) -> ArticleProfile:
    """An article's profile; `told`: the day its lead says the incident happened, in the
    sentence naming its places and toll ("... Saturday's air strike on X ...")."""
    claims = [claim("place", canonical=p, value=g, start=10) for p, g in places]
    if weapon:
        claims.append(claim("weapon", canonical=weapon))
    if toll is not None:
        claims.append(killed(toll, rising=rising, start=10))
    if told:
        claims.append(claim("time", value=told, start=10))
    return profile(ArticleHead(id, source, title, title, day, None, f"sha{id}"), claims)


DEIR = [("Deir ez-Zor", "Deir ez-Zor")]
ALEPPO = [("Aleppo", "Aleppo")]
DAMASCUS = [("Ghouta", "Rif Dimashq")]
THARDA = [("Jebel Tharda", "Deir ez-Zor"), ("Deir ez-Zor", "Deir ez-Zor")]


def ids(clusters: list[list[ArticleProfile]]) -> list[list[int]]:
    return sorted(sorted(p.head.id for p in c) for c in clusters)


def test_headline_words_drop_what_every_headline_says() -> None:
    assert headline_words("Wed 05 Apr 2017 Syria's army says 62 soldiers killed") == [
        "army",
        "62",
        "soldiers",
    ]


@pytest.mark.parametrize(
    ("rising", "events"), [(False, [[1, 2], [3], [4]]), (True, [[1, 2, 4], [3]])]
)
def test_same_day_same_place_is_one_event_and_a_day_later_only_a_follow_up_joins(
    rising: bool, events: list[list[int]]
) -> None:
    day1, day2 = "2016-09-17", "2016-09-18"
    arts = [
        article(1, "Coalition jets strike army post at Jebel Tharda", day1, THARDA, 62, "F-16"),
        article(2, "US-led coalition strike kills 62 soldiers at Deir ez-Zor", day1, THARDA, 62),
        article(3, "Barrel bombs hit market in Aleppo", day1, ALEPPO, 12),
        article(
            4, "Coalition jets strike at Jebel Tharda: toll rises", day2, THARDA, 83, "F-16", rising
        ),
    ]
    assert ids(cluster_articles(arts)) == events


def test_an_article_naming_no_place_joins_the_day_event_it_shares_rare_words_with() -> None:
    day = "2013-08-21"
    arts = [
        article(1, "Sarin attack on Ghouta kills hundreds", day, DAMASCUS),
        article(2, "Ghouta sarin victims buried", day, DAMASCUS),
        article(3, "Shelling in Aleppo kills five", day, ALEPPO),
        article(4, "Leaders condemn Ghouta sarin attack", day),
        article(5, "Ministers meet on trade", day),
    ]
    # how rare a word is needs a corpus: forty other reports, on other days
    others = [
        article(10 + i, f"Shelling in town {i} kills {i + 3}", f"2013-09-{i % 28 + 1:02d}", ALEPPO)
        for i in range(40)
    ]
    assert ids(cluster_articles(arts + others))[:3] == [[1, 2, 4], [3], [5]]


def test_articles_beyond_the_window_never_meet() -> None:
    a = article(1, "Strike on Deir ez-Zor airport kills 62", "2016-09-17", DEIR, 62)
    b = article(2, "Strike on Deir ez-Zor airport kills 62", "2016-09-22", DEIR, 62)
    assert ids(cluster_articles([a, b], window_days=3)) == [[1], [2]]


def test_different_governorates_the_same_day_are_different_events() -> None:
    a = article(1, "Air strikes kill 20 civilians in market", "2016-09-17", DEIR, 20)
    b = article(2, "Air strikes kill 20 civilians in market", "2016-09-17", ALEPPO, 20)
    assert ids(cluster_articles([a, b])) == [[1], [2]]


def test_keys_come_from_the_first_article_or_the_stored_event_with_most_articles() -> None:
    a = article(1, "Strike near Deir ez-Zor airport", "2016-09-17", DEIR, 62, source="RT")
    b = article(2, "Strike near Deir ez-Zor airport kills 62", "2016-09-17", DEIR, 62, source="RT")
    ((event, members),) = find_events([a, b], {})
    assert event.key == event_key(a) and event.article_ids == [1, 2]
    assert event.date_from == event.date_to == "2016-09-17" and event.places == ["Deir ez-Zor"]
    assert event.label == "2016-09-17 Deir ez-Zor: Strike near Deir ez-Zor airport"
    # an earlier article arrives: the event keeps its stored key
    earlier = article(3, "Coalition strike near Deir ez-Zor", "2016-09-17", DEIR, 62, source="AP")
    ((again, _),) = find_events([a, b, earlier], {event.key: [1, 2]})
    assert again.key == event.key and again.article_ids == [1, 2, 3]
    # two clusters claiming one stored key: the one holding more of its articles keeps it
    assert assign_keys([[a], [b, earlier]], {"old": [1, 2, 3]}) == [event_key(a), "old"]


SARAQIB = [("Saraqib", "Idlib"), ("Idlib", "Idlib")]
ARIHA = [("Ariha", "Idlib"), ("Idlib", "Idlib")]
SAT, SUN, MON = "2016-05-14", "2016-05-15", "2016-05-16"


def test_later_reports_that_say_saturday_join_saturdays_event() -> None:
    arts = [
        article(1, "Air strike on Saraqib market kills 20", SAT, SARAQIB, 20, told=SAT),
        # "The death toll from Saturday's air strike on the market in Saraqib rose to 31"
        article(2, "Saraqib strike toll rises to 31", SUN, SARAQIB, 31, rising=True, told=SAT),
        # "The UN on Monday condemned Saturday's air strike on the market in Saraqib, which
        # killed at least 31"
        article(3, "UN envoy condemns attack on Saraqib market", MON, SARAQIB, 31, told=SAT),
        # the same governorate, on Sunday, another town: another incident
        article(4, "Shelling kills five in Ariha", SUN, ARIHA, 5, told=SUN),
    ]
    assert ids(cluster_articles(arts)) == [[1, 2, 3], [4]]
    (event, _), *_ = find_events(arts, {})
    assert (event.date_from, event.date_to) == (SAT, MON)
    # beyond the window the day the text gives is not read: the Monday report is apart
    assert ids(cluster_articles(arts, window_days=1)) == [[1, 2], [3], [4]]
    # a Sunday report from Saraqib that tells of no earlier day does not follow the Sunday
    # report of Saturday's strike into Saturday's event
    funerals = article(5, "Saraqib residents bury their dead", SUN, SARAQIB)
    assert ids(cluster_articles([*arts[:2], funerals])) == [[1, 2], [5]]


def test_a_day_told_needs_a_town_or_other_evidence_to_bridge_the_days() -> None:
    sat = article(1, "Air strikes hit Idlib province", SAT, [("Idlib", "Idlib")], 12, told=SAT)
    # Sunday: "Saturday's shelling" in the same governorate, no town, weapon or toll in common
    sun = article(2, "Rebels say shelling hit villages", SUN, [("Idlib", "Idlib")], 4, told=SAT)
    assert ids(cluster_articles([sat, sun])) == [[1], [2]]
    # the same weapon type and a toll said to have risen are enough together
    sat = article(
        1, "Barrel bombs hit Idlib", SAT, [("Idlib", "Idlib")], 12, "barrel bomb", told=SAT
    )
    sun = article(
        2, "Idlib toll rises", SUN, [("Idlib", "Idlib")], 19, "barrel bomb", True, told=SAT
    )
    assert ids(cluster_articles([sat, sun])) == [[1, 2]]


def test_a_chemical_attack_is_the_same_weapon_whether_named_by_agent_or_by_class() -> None:
    sarin = article(1, "Nerve agent symptoms", "2017-04-05", weapon="sarin")
    chemical = article(2, "Suspected gas attack", "2017-04-05", weapon="chemical")
    jets = article(3, "Warplanes strike", "2017-04-05", weapon="warplane")
    f16 = article(4, "F-16s strike", "2017-04-05", weapon="F-16")
    assert sarin.weapons & chemical.weapons == {"chemical"}
    assert not jets.weapons & f16.weapons  # a generic jet says too little to match a type
