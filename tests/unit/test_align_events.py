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
) -> ArticleProfile:
    claims = [claim("place", canonical=p, value=g, start=10) for p, g in places]
    if weapon:
        claims.append(claim("weapon", canonical=weapon))
    if toll is not None:
        claims.append(killed(toll, rising=rising))
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
