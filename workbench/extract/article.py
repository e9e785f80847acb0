"""`extract_claims(article)`: every checkable claim of one article, deterministic and pure.

The article is cut into sentences; each sentence gets its attribution (speaker and chain) and
its hedges; the extractors (casualties, weapons, actors, intent, places, times) read it; each
finding becomes a `Claim` whose quote is the sentence (`text[start:end] == quote`).

A claim's fingerprint is a hash of the article's outlet and text hash (two outlets printing the
same wire text get different fingerprints), the kind, the offsets of the words that carry the
value and a discriminating key (a casualty's outcome, an actor's role: what would make it another
claim): not the parsed count or name, so a better parser keeps reviewers' verdicts attached to
the claims it reads again.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from workbench.extract import lexicon
from workbench.extract.actors import find_actors
from workbench.extract.attribution import Segments, attribute
from workbench.extract.background import background_spans, in_background
from workbench.extract.casualties import Casualty, find_casualties
from workbench.extract.gazetteer import Hit, by_table
from workbench.extract.hedges import negated_at, sentence_hedges
from workbench.extract.intent import find_intents
from workbench.extract.numbers import find_quantities
from workbench.extract.places import CUES as PLACE_CUES
from workbench.extract.places import find_places
from workbench.extract.sentences import Sentence, split_sentences
from workbench.extract.times import Time, dates_the_telling, find_times
from workbench.extract.weapons import aircraft, find_weapons, refers_back
from workbench.models import Article, Claim

DATELINE = 40  # a date this close to the start that equals the article's date is its dateline
_INCIDENT_TABLES = frozenset({"attack", "weapon", "incident"})  # a sentence about the incident
_DIGIT = re.compile(r"\d")


def fingerprint(article: Article, kind: str, span_start: int, span_end: int, key: str) -> str:
    """Stable identity of a claim: outlet, text hash, kind, value span, discriminating key."""
    raw = "\x1f".join(
        (article.source or "", article.sha256, kind, str(span_start), str(span_end), key)
    )
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def _published(article: Article) -> date | None:
    for value in (article.published, (article.published_at or "")[:10]):
        if value:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


_AFTER_DATELINE = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*[-–—:]")


def _dateline(
    s: Sentence, t: Time, published: date | None, hits: list[Hit], found: list[Casualty]
) -> bool:
    """A date at the article's start that is its own date, followed by "(Agency) -" or said
    before any word of the incident ("Sunday 13 March 2016", "Funerals were held on Tuesday")."""
    if s.start + t.start >= DATELINE or not published or t.value != published.isoformat():
        return False
    if _AFTER_DATELINE.match(s.text, t.end):
        return True
    return not any(
        h.start < t.start and h.entry.table in _INCIDENT_TABLES for h in hits
    ) and not any(c.quantity.start < t.start for c in found)


def _hits_by_sentence(text: str, sentences: list[Sentence]) -> list[list[Hit]]:
    """Each sentence's gazetteer hits, at offsets inside the sentence."""
    find = lexicon.gazetteer().find
    return [find(s.text) for s in sentences]


# every field of a claim with its default, in the model's order (the lists are always given)
_BLANK: dict[str, Any] = {
    name: None if field.is_required() or field.default_factory else field.default
    for name, field in Claim.model_fields.items()
}


def _claim(values: dict[str, Any]) -> Claim:
    """`Claim.model_construct(**values)` without its per-field work: a claim from values this
    module made itself (no validation needed; the tests check them). Same fields, defaults and
    fields-set as `model_construct`."""
    claim = Claim.__new__(Claim)
    object.__setattr__(claim, "__dict__", {**_BLANK, **values})
    object.__setattr__(claim, "__pydantic_fields_set__", set(values))
    object.__setattr__(claim, "__pydantic_extra__", None)
    object.__setattr__(claim, "__pydantic_private__", None)
    return claim


class _Builder:
    """Turns findings into claims for one article: offsets, attribution, fingerprints."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.claims: list[Claim] = []
        self.seen: dict[str, int] = {}

    def add(
        self,
        kind: str,
        s: Sentence,
        segments: Segments,
        span: tuple[int, int],
        hedges: list[str],
        key: str = "",
        **fields: Any,
    ) -> Claim:
        span_start, span_end = s.start + span[0], s.start + span[1]
        who = segments.at(span[0])
        fp = fingerprint(self.article, kind, span_start, span_end, key)
        n = self.seen.get(fp, 0)
        self.seen[fp] = n + 1
        if n:
            fp = fingerprint(self.article, kind, span_start, span_end, f"{key}#{n + 1}")
        fields.update(
            kind=kind,
            quote=s.text,
            start=s.start,
            end=s.end,
            speaker=who.speaker,
            speaker_chain=list(who.chain),
            hedges=hedges,
            fingerprint=fp,
            span_start=span_start,
            span_end=span_end,
        )
        claim = _claim(fields)
        self.claims.append(claim)
        return claim


def extract_claims(article: Article) -> list[Claim]:
    """The claims of one article, in text order. Never raises on any text."""
    text = article.text
    sentences = split_sentences(text)
    if not sentences:
        return []
    hits = _hits_by_sentence(text, sentences)
    attributions = attribute(sentences, hits, article.source)
    published = _published(article)
    build = _Builder(article)
    parent: Claim | None = None  # the paragraph's last top-level casualty, for sub-counts
    tolls: dict[str, Claim] = {}  # outcome -> the article's last top-level count of it
    aircraft_named = False  # "the aircraft" then refers back to them
    for i, s in enumerate(sentences):
        if i and sentences[i - 1].paragraph != s.paragraph:
            parent = None
        who, sh, hedges = attributions[i], hits[i], sentence_hedges(hits[i], s.text)
        tables = by_table(sh)
        numwords = tables.get("numword")
        quantities = find_quantities(s.text, [h.start for h in numwords] if numwords else [])
        found = (
            find_casualties(s.text, quantities, sh, tables)
            if quantities or "zero" in tables
            else []
        )
        # "since the conflict began": no claims about the incident
        bg = background_spans(s.text) if "background" in tables else []
        if bg:
            found = [c for c in found if not in_background(bg, c.quantity.start, c.end)]
        if found:
            parent = _casualties(build, s, who, hedges, found, parent, tolls, sh)
        weapons = (
            find_weapons(s.text, sh, quantities)
            if "weapon" in tables or _DIGIT.search(s.text)
            else ()
        )
        for w in weapons:
            negated = negated_at(s.text, w.start, sh)
            if (negated and w.generic) or (bg and in_background(bg, w.start, w.end)):
                continue  # "denied that its aircraft were operating": no word on which weapon
            if aircraft_named and refers_back(s.text, w):
                continue  # "the aircraft came back": the ones named before
            aircraft_named = aircraft_named or w.canonical in aircraft()
            build.add("weapon", s, who, (w.start, w.end), hedges, canonical=w.canonical,
                      count=w.count, negated=negated)  # fmt: skip
        for a in find_actors(s.text, sh, tables) if "actor" in tables else ():
            if bg and in_background(bg, a.start, a.end):
                continue
            build.add("actor", s, who, (a.start, a.end), hedges, key=a.role, canonical=a.canonical,
                      role=a.role, negated=a.negated)  # fmt: skip
        for n in find_intents(s.text, sh):
            if bg and in_background(bg, n.start, n.end):
                continue
            build.add("intent", s, who, (n.start, n.end), hedges, canonical=n.canonical,
                      hypothetical=n.hypothetical)  # fmt: skip
        cues = [cue for cue in PLACE_CUES if cue in tables]
        places = find_places(s.text, sh, patterns=cues) if cues or "place" in tables else ()
        for p in places:
            build.add("place", s, who, (p.start, p.end), hedges, canonical=p.canonical,
                      value=p.governorate)  # fmt: skip
        incident = bool(found) or not tables.keys().isdisjoint(_INCIDENT_TABLES)
        for t in find_times(s.text, published) if incident and "timeword" in tables else ():
            if _dateline(s, t, published, sh, found):
                continue  # "QASR AL-WADI, Syria, March 12 (Meridian) -", not a claim
            if dates_the_telling(s.text, t, sh):
                continue  # "said on Sunday", "the toll rose to 27 on Sunday"
            build.add("time", s, who, (t.start, t.end), hedges, value=t.value)
    return sorted(build.claims, key=lambda c: (c.span_start or 0, c.kind))


def _casualties(
    build: _Builder,
    s: Sentence,
    who: Segments,
    hedges: list[str],
    found: list[Casualty],
    parent: Claim | None,
    tolls: dict[str, Claim],
    hits: list[Hit],
) -> Claim | None:
    """Add a sentence's casualty claims; returns the count that later sub-counts belong to.

    A sub-count belongs to the count before it in its sentence, or else the one after it ("68
    children were among the 126 people killed"), or else the last count of the paragraph. One
    that names its whole ("five children were among the dead", "three of the injured died")
    belongs to a count of that outcome, in its sentence or else the last one of the article; a
    part of a group ("three of the injured") with no such count is no claim."""
    tops = [(c, _casualty(build, s, who, hedges, c, None, hits)) for c in found if not c.sub]
    for _, claim in tops:
        if claim is not None:
            tolls[claim.outcome or ""] = claim
    for c in found:
        if not c.sub:
            continue
        before = [claim for top, claim in tops if top.quantity.start < c.quantity.start]
        after = [claim for top, claim in tops if top.quantity.start > c.quantity.start]
        if c.outcome:
            same = [claim for claim in before if claim and claim.outcome == c.outcome]
            later = [claim for claim in after if claim and claim.outcome == c.outcome]
            owner = same[-1] if same else (later[0] if later else tolls.get(c.outcome))
            if owner is None and c.how == "partitive":
                continue
        else:
            owner = before[-1] if before else (after[0] if after else parent)
        _casualty(build, s, who, hedges, c, owner, hits)
    return tops[-1][1] if tops else parent


def _casualty(
    build: _Builder,
    s: Sentence,
    who: Segments,
    hedges: list[str],
    c: Casualty,
    owner: Claim | None,
    hits: list[Hit],
) -> Claim | None:
    """Add one casualty claim (a sub-count takes its owner's outcome when it names none)."""
    q = c.quantity
    own = [q.hedge.lower()] if q.hedge else []
    outcome = c.outcome or (owner.outcome if owner else "")
    if not outcome:
        return None
    return build.add(
        "casualty",
        s,
        who,
        (q.num_start, q.num_end),
        own + [h for h in hedges if h not in own],
        key=outcome,
        outcome=outcome,
        subject=c.subject,
        subject_class=c.subject_class,
        low=q.low,
        high=q.high,
        approximate=q.approximate,
        rising=c.rising,
        negated=c.negated or negated_at(s.text, q.start, hits),
        parent_fingerprint=owner.fingerprint if c.sub and owner else None,
    )
