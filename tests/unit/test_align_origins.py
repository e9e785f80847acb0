"""Source independence: a claim's origin, one origin for one voice, wire copy, unnamed sources."""

from __future__ import annotations

import pytest
from claimkit import claim

from workbench.align.origins import Origin, attribute, claim_origin, normal_name, outlet_origins
from workbench.align.profiles import ArticleHead


def head(id: int, source: str | None, sha: str = "", day: str = "2016-09-17") -> ArticleHead:
    return ArticleHead(id, source, "t", "lead", day, None, sha or f"sha{id}")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russian Defence Ministry", "Russian Defense Ministry"),
        ("Russian Defence Ministry", "the Russian Ministry of Defense"),
        ("Russia's Defence Ministry", "Russian Defense Ministry"),
        ("Igor Konashenkov", "Russian Defence Ministry"),  # an alias in the extraction lexicon
        ("SOHR", "the Syrian Observatory for Human Rights"),
        ("Reuters", "reuters"),
        ("CENTCOM", "the US-led coalition"),
    ],
)
def test_one_voice_has_one_name(a: str, b: str) -> None:
    assert normal_name(a) == normal_name(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russian Defence Ministry", "Syrian Defence Ministry"),
        ("Syrian Observatory for Human Rights", "Syrian Network for Human Rights"),
        ("Reuters", "AFP"),
    ],
)
def test_different_voices_stay_apart(a: str, b: str) -> None:
    assert normal_name(a) != normal_name(b)


def test_origin_is_the_last_link_or_the_outlet() -> None:
    rt, tass = head(1, "RT"), head(2, "TASS")
    outlets = outlet_origins([rt, tass])
    via_rt = claim("casualty", speaker_chain=["RT", "Russian Defence Ministry"])
    via_tass = claim("casualty", speaker_chain=["TASS", "Russia's Defense Ministry"])
    own = claim("casualty", speaker_chain=["RT"])
    nobody = claim("casualty")
    assert claim_origin(via_rt, rt, outlets[1]) == claim_origin(via_tass, tass, outlets[2])
    assert claim_origin(via_rt, rt, outlets[1]).name == "Russian Defence Ministry"
    assert claim_origin(own, rt, outlets[1]) == Origin("named:rt", "RT")
    assert claim_origin(nobody, tass, outlets[2]) == Origin("named:tass", "TASS")
    # an outlet quoted by another is the same origin as that outlet's own reporting
    quoting_rt = claim("casualty", speaker_chain=["TASS", "RT"])
    assert claim_origin(quoting_rt, tass, outlets[2]) == outlets[1]


def test_unnamed_sources_are_an_origin_per_outlet() -> None:
    a, b = head(1, "Levant Wire"), head(2, "Cedar Herald")
    outlets = outlet_origins([a, b])
    activists_a = claim_origin(
        claim("casualty", speaker_chain=["Levant Wire", "activists"]), a, outlets[1]
    )
    witnesses_a = claim_origin(
        claim("casualty", speaker_chain=["Levant Wire", "witnesses"]), a, outlets[1]
    )
    activists_b = claim_origin(
        claim("casualty", speaker_chain=["Cedar Herald", "activists"]), b, outlets[2]
    )
    assert activists_a.key == witnesses_a.key != activists_b.key
    assert activists_a.name == "activists (Levant Wire)"


def test_articles_sharing_text_are_one_origin() -> None:
    heads = [head(1, "Levant Wire", "same"), head(2, "Cedar Herald", "same"), head(3, "Gulf Post")]
    outlets = outlet_origins(heads)
    assert outlets[1] == outlets[2] != outlets[3]
    assert outlets[1].name == "Cedar Herald / Levant Wire (one shared text)"


def test_within_an_event_a_short_name_joins_the_one_long_name_holding_it() -> None:
    heads = [head(1, "RT"), head(2, "TASS"), head(3, "Gulf Post")]
    claims = {
        1: [claim("casualty", speaker_chain=["RT", "Russian Defence Ministry"])],
        2: [claim("casualty", speaker_chain=["TASS", "the ministry"])],
        3: [
            claim("intent", speaker_chain=["Gulf Post", "Syrian army"]),
            claim("intent", speaker_chain=["Gulf Post", "General Command"]),
            claim("intent", speaker_chain=["Gulf Post", "army"]),
        ],
    }
    rows = attribute(heads, claims, outlet_origins(heads))
    names = [s.origin.name for s in rows]
    assert names == ["Russian Defence Ministry"] * 2 + ["Syrian General Command"] * 3
