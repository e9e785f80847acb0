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

from workbench.align.claimview import ClaimLike
from workbench.align.lexicon import load_words
from workbench.align.moments import incident_times
from workbench.align.profiles import ArticleHead
from workbench.extract.attribution import canonical_outlet

_TOKEN = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True, slots=True)
class Origin:
    """Who a claim comes from: `key` compares, `name` is shown in reasons."""

    key: str
    name: str


@dataclass(frozen=True, slots=True)
class Sourced:
    """A claim with where it came from: its origin, the outlet that printed it, and when."""

    claim: ClaimLike
    origin: Origin
    outlet: str
    when: str  # publication date (or date-time) of its article; "" when unknown
    aside: bool = False  # a time said of another moment than the incident's (align/moments.py)
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
            self.when if c.kind in ("casualty", "time") else "",  # counts and dates read it
            self.aside,
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


@lru_cache(maxsize=65536)
def is_unnamed(name: str) -> bool:
    words = load_words()
    folded = " ".join(name.split()).casefold()
    return folded in words.unnamed or folded.removeprefix("the ") in words.unnamed


def outlet_of(head: ArticleHead) -> str:
    """The outlet as speaker chains name it ("sana" -> "SANA"), or the article when none is."""
    return _outlet_name(head.source) or f"article {head.id}"


@lru_cache(maxsize=4096)
def _outlet_name(source: str | None) -> str | None:
    return canonical_outlet(source)


def outlet_origins(heads: Iterable[ArticleHead]) -> dict[int, Origin]:
    """Each article's outlet as an origin; articles sharing one text share one origin.

    An outlet is the same origin as that outlet quoted by another ("SANA reported" in a Reuters
    story): both are keyed by the outlet's name.
    """
    by_text: dict[str, list[ArticleHead]] = {}
    for head in heads:
        by_text.setdefault(head.sha256, []).append(head)
    origins: dict[int, Origin] = {}
    for same in by_text.values():
        if len(same) > 1:
            outlets = sorted({outlet_of(h) for h in same}, key=str.casefold)
            shared = Origin(
                "text:" + same[0].sha256[:16], f"{' / '.join(outlets)} (one shared text)"
            )
            origins.update((h.id, shared) for h in same)
        else:
            head = same[0]
            name = outlet_of(head)
            if head.source:
                origins[head.id] = Origin("named:" + normal_name(name), name)
            else:
                origins[head.id] = Origin(f"article:{head.id}", f"{name} (no outlet named)")
    return origins


def claim_origin(
    claim: ClaimLike, head: ArticleHead, outlet: Origin, printed_by: str | None = None
) -> Origin:
    """The origin of one claim printed in `head` (whose outlet origin is `outlet`).

    The speaker chain starts with the outlet when the article names one; what follows it, if
    anything, ends with the origin.
    """
    chain = [c.strip() for c in claim.speaker_chain or ([claim.speaker] if claim.speaker else [])]
    own = normal_name(printed_by or outlet_of(head)) if head.source else None
    if chain and own is not None and normal_name(chain[0]) == own:
        chain = chain[1:]
    if not chain or not chain[-1] or normal_name(chain[-1]) == own:
        return outlet
    last = chain[-1]
    if is_unnamed(last):
        return Origin(f"unnamed@{outlet.key}", f"{last} ({outlet.name})")
    return Origin("named:" + normal_name(last), _display(last))


@lru_cache(maxsize=65536)
def _display(name: str) -> str:
    words = load_words()
    folded = " ".join(name.split()).casefold()
    return words.speaker_aliases.get(folded) or words.speaker_aliases.get(
        folded.removeprefix("the "), " ".join(name.split())
    )


def unify(origins: Iterable[Origin]) -> dict[str, Origin]:
    """Map each origin key of one event to the origin it is one with (itself when none).

    First the voices words.toml lists as one; then a name whose words all appear in the names of
    exactly one other origin ("army", "the ministry") is that origin.
    """
    same = _same_voice()
    distinct: dict[str, Origin] = {}
    for origin in origins:
        distinct.setdefault(origin.key, origin)
    voice: dict[str, Origin] = {}  # key after `same` -> the origin shown for it
    names: dict[str, list[frozenset[str]]] = {}  # voice key -> the word sets of its names
    for key, origin in distinct.items():
        target = same.get(key, key)
        if target == key:
            voice[key] = origin
        else:
            voice.setdefault(target, distinct.get(target) or Origin(target, _same_name(target)))
        if key.startswith("named:"):
            names.setdefault(target, []).append(frozenset(key.removeprefix("named:").split()))
            names[target].append(frozenset(target.removeprefix("named:").split()))
    family: dict[str, str] = {}
    by_size = sorted(names, key=lambda k: (-max(len(t) for t in names[k]), k))
    for key in by_size:  # the largest names first: a name joins the one family holding it
        own = frozenset(key.removeprefix("named:").split())
        holders = {family[other] for other in family if any(own < t for t in names[other])}
        family[key] = holders.pop() if len(holders) == 1 else key
    return {k: voice[family.get(same.get(k, k), same.get(k, k))] for k in distinct}


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
    claims: Mapping[int, Sequence[ClaimLike]],
    outlets: Mapping[int, Origin],
) -> list[Sourced]:
    """The claims of one event's articles, each with its origin (unified within the event)."""
    raw: list[tuple[ClaimLike, Origin, ArticleHead, bool]] = []
    printed: dict[int, str] = {}
    for head in heads:
        outlet = outlets[head.id]
        name = printed[head.id] = outlet_of(head)
        said = claims.get(head.id, ())
        for claim, incident in zip(said, incident_times(head.day, said), strict=True):
            aside = claim.kind == "time" and not incident
            raw.append((claim, claim_origin(claim, head, outlet, name), head, aside))
    one = unify(o for _, o, _, _ in raw)
    return [Sourced(c, one[o.key], printed[h.id], h.when, aside) for c, o, h, aside in raw]
