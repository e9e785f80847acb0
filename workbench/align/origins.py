"""Source independence: who a claim finally comes from, and which origins are one.

A claim's origin is the last link of its speaker chain, the outlet itself when nobody is named.
Claims from one origin count once however many outlets repeat them: RT and TASS quoting the
Russian Defence Ministry are one origin. Articles carrying the same text (wire copy) are one
outlet. Unnamed sources ("activists said") are an origin per outlet. Within an event, a shorter
name contained in exactly one longer one ("the ministry" in "Russian Defence Ministry") is that
origin, and speakers listed as one voice in words.toml are one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from workbench.align.lexicon import load_words
from workbench.align.profiles import ArticleHead
from workbench.models import Claim

_TOKEN = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True, slots=True)
class Origin:
    """Who a claim comes from: `key` compares, `name` is shown in reasons."""

    key: str
    name: str


@dataclass(frozen=True, slots=True)
class Sourced:
    """A claim with where it came from: its origin, the outlet that printed it, and when."""

    claim: Claim
    origin: Origin
    outlet: str
    when: str  # publication date (or date-time) of its article; "" when unknown
    _signature: str = field(default="", repr=False, compare=False)

    @property
    def claim_id(self) -> int:
        assert self.claim.id is not None
        return self.claim.id

    @property
    def signature(self) -> str:
        """Everything agreement reads: two claims with one signature relate alike to all.

        A string, so that its hash is worked out once (it keys the memos of agreement)."""
        return self._signature

    def __post_init__(self) -> None:
        c = self.claim
        signature = (
            c.kind, c.outcome, c.canonical, c.role, c.low, c.high, c.approximate, c.negated,
            c.count, c.hypothetical, c.value, c.rising,
            self.when if c.kind == "casualty" else "",  # only counts are read in time order
        )  # fmt: skip
        object.__setattr__(self, "_signature", repr(signature))


@lru_cache(maxsize=65536)
def normal_name(name: str) -> str:
    """A speaker or outlet name folded for comparison: known aliases, spelling, filler words."""
    words = load_words()
    folded = " ".join(name.replace("’", "'").split()).casefold()
    for candidate in (folded, folded.removeprefix("the ")):
        if candidate in words.speaker_aliases:
            folded = words.speaker_aliases[candidate].casefold()
            break
    tokens: list[str] = []
    for raw in _TOKEN.findall(folded):
        token = words.origin_variants.get(raw, raw).strip(".'")
        token = words.origin_variants.get(token, token)
        token = token.removesuffix("'s")
        if token and token not in words.origin_filler:
            tokens.append(token)
    joined = " ".join(tokens)
    for variant, replacement in words.origin_variants.items():
        if " " in variant and variant in joined:
            joined = joined.replace(variant, replacement)
    return joined


def is_unnamed(name: str) -> bool:
    words = load_words()
    folded = " ".join(name.split()).casefold()
    return folded in words.unnamed or folded.removeprefix("the ") in words.unnamed


def outlet_origins(heads: Iterable[ArticleHead]) -> dict[int, Origin]:
    """Each article's outlet as an origin; articles sharing one text share one origin."""
    by_text: dict[str, list[ArticleHead]] = {}
    for head in heads:
        by_text.setdefault(head.sha256, []).append(head)
    origins: dict[int, Origin] = {}
    for same in by_text.values():
        outlets = sorted({h.outlet for h in same}, key=str.casefold)
        if len(outlets) == 1:
            origin = Origin("outlet:" + normal_name(outlets[0]), outlets[0])
        else:
            origin = Origin(
                "text:" + same[0].sha256[:16], f"{' / '.join(outlets)} (one shared text)"
            )
        for head in same:
            origins[head.id] = origin
    return origins


def claim_origin(claim: Claim, head: ArticleHead, outlet: Origin) -> Origin:
    """The origin of one claim printed in `head` (whose outlet origin is `outlet`)."""
    chain = claim.speaker_chain or ([claim.speaker] if claim.speaker else [])
    last = chain[-1].strip() if chain else ""
    if not last or len(chain) == 1 or normal_name(last) == normal_name(head.outlet):
        return outlet
    if is_unnamed(last):
        return Origin(f"unnamed@{outlet.key}", f"{last} ({outlet.name})")
    return Origin("named:" + normal_name(last), _display(last))


def _display(name: str) -> str:
    words = load_words()
    folded = " ".join(name.split()).casefold()
    return words.speaker_aliases.get(folded) or words.speaker_aliases.get(
        folded.removeprefix("the "), " ".join(name.split())
    )


def unify(origins: Iterable[Origin]) -> dict[str, Origin]:
    """Map each origin key of one event to the origin it is one with (itself when none)."""
    same = _same_voice()
    distinct: dict[str, Origin] = {}
    for origin in origins:
        distinct.setdefault(origin.key, origin)
    voice: dict[str, Origin] = {}  # key after `same` -> the origin shown for it
    for key, origin in distinct.items():
        target = same.get(key, key)
        if target == key:
            voice[key] = origin
        else:
            voice.setdefault(target, distinct.get(target) or Origin(target, _same_name(target)))
    named = sorted((k for k in voice if k.startswith("named:")), key=lambda k: (-len(k.split()), k))
    tokens = {k: frozenset(k.removeprefix("named:").split()) for k in named}
    family: dict[str, str] = {}
    for key in named:  # longest first: a name joins the one family whose names contain it
        holders = {family[o] for o in family if tokens[key] < tokens[o]}
        family[key] = holders.pop() if len(holders) == 1 else key
    result: dict[str, Origin] = {}
    for key in distinct:
        target = same.get(key, key)
        result[key] = voice[family.get(target, target)]
    return result


@cache
def _same_voice() -> dict[str, str]:
    """Origin key -> the key of the first name of its `same` list in words.toml."""
    same: dict[str, str] = {}
    for names in load_words().same_origins:
        first = "named:" + normal_name(names[0])
        for other in names:
            same["named:" + normal_name(other)] = first
    return same


def _same_name(key: str) -> str:
    for names in load_words().same_origins:
        if "named:" + normal_name(names[0]) == key:
            return names[0]
    return key.removeprefix("named:")


def attribute(
    heads: Sequence[ArticleHead],
    claims: Mapping[int, Sequence[Claim]],
    outlets: Mapping[int, Origin],
) -> list[Sourced]:
    """The claims of one event's articles, each with its origin (unified within the event)."""
    raw: list[tuple[Claim, Origin, ArticleHead]] = []
    for head in heads:
        outlet = outlets[head.id]
        for claim in claims.get(head.id, ()):
            raw.append((claim, claim_origin(claim, head, outlet), head))
    one = unify(o for _, o, _ in raw)
    return [Sourced(c, one[o.key], h.outlet, h.when) for c, o, h in raw]
