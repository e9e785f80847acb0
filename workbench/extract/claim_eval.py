"""Measuring extraction against hand-made claim labels (`workbench eval claims CSV LABELS`).

LABELS is JSON Lines, one article a line: `unit_id` (the CSV's id column), `length` (of the
article text as stored: labels made on another text are refused) and `claims`, each with `kind`,
`start`/`end` (the words carrying the value), its value fields, `speaker`, `origin` (null: the
speaker itself), `scope` and `negated` (see tests/data/claims/GUIDE.md).

A claim is one (sentence, kind, value): extracted claims with the same value in one sentence count
once. An extracted claim matches a label of its kind whose value words fall inside its sentence
and whose value is the same (counts within 1 on each end). Then:

- precision per kind: matched extracted claims / extracted claims; recall: matched labels / labels;
- speaker right: of the matched pairs, those whose speaker and origin both name the label's (names
  compared as alignment compares origins, or nearly the same words);
- scope right: of the matched pairs, those with the label's scope;
- incident precision: of the extracted claims the workbench compares (scope `incident`), those
  matching a label with scope `incident`.

Every figure is given for all labelled articles and for the even and odd CSV records apart
(develop on the even ones; the odd ones are held out).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from rapidfuzz import fuzz

from workbench.align.origins import normal_name
from workbench.extract.evaluate import SPLITS, EvalError, Rows, extracted_store
from workbench.models import CLAIM_KINDS, Claim

TARGETS = {
    "precision": ">= 0.90",
    "precision casualty": ">= 0.95",
    "recall": ">= 0.90",
    "speaker right": ">= 0.92",
    "scope right": ">= 0.95",
}


class LabelClaim(BaseModel):
    kind: str
    start: int
    end: int
    scope: str
    speaker: str | None = None
    origin: str | None = None
    negated: bool = False
    outcome: str | None = None
    low: int | None = None
    high: int | None = None
    subject_class: str | None = None
    canonical: str | None = None
    role: str | None = None
    count: int | None = None
    value: str | None = None


class LabelArticle(BaseModel):
    unit_id: str
    length: int
    claims: list[LabelClaim]


def read_labels(path: Path) -> list[LabelArticle]:
    """The labelled articles of a JSON Lines file; a bad line is an `EvalError` naming it."""
    if not path.is_file():
        raise EvalError(f"{path}: no such file")
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(LabelArticle.model_validate_json(line))
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise EvalError(f"{path}: line {number}: {where or 'line'}: {first['msg']}") from None
    if not out:
        raise EvalError(f"{path}: no labelled articles")
    return out


def _fold(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split()).removeprefix("the ")


def same_name(said: str | None, label: str | None) -> bool:
    """Whether an extracted speaker names the labelled one (both None: the outlet's own voice)."""
    if said is None or label is None:
        return said is None and label is None
    a, b = _fold(said), _fold(label)
    if a == b or normal_name(said) == normal_name(label):
        return True
    return (
        fuzz.token_set_ratio(a, b) >= 85 or fuzz.ratio(normal_name(said), normal_name(label)) >= 85
    )


def _fold_value(value: str | None) -> str:
    return "".join(ch for ch in (value or "").casefold() if ch.isalnum())


def _near(a: int | None, b: int | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 1)


def same_value(claim: Claim, label: LabelClaim) -> bool:
    """Whether an extracted claim has the labelled claim's value."""
    if claim.kind != label.kind or claim.says_not != label.negated:
        return False
    if claim.kind == "casualty":
        return (
            claim.outcome == label.outcome
            and _near(claim.low, label.low)
            and _near(claim.high, label.high)
        )
    if claim.kind == "actor":
        return claim.canonical == label.canonical and claim.role == label.role
    if claim.kind in ("weapon", "intent"):
        return _fold_value(claim.canonical) == _fold_value(label.canonical)
    if claim.kind == "place":
        return _fold_value(claim.canonical) == _fold_value(label.canonical)
    return (claim.value or "")[:10] == (label.value or "")[:10]


def _key(claim: Claim) -> tuple[Any, ...]:
    """What makes two extracted claims of one sentence the same claim."""
    return (
        claim.kind, claim.start, claim.says_not, claim.outcome, claim.low, claim.high,
        _fold_value(claim.canonical), claim.role, (claim.value or "")[:10],
    )  # fmt: skip


def distinct(claims: Iterable[Claim]) -> list[Claim]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for claim in claims:
        key = _key(claim)
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out


@dataclass
class Pair:
    claim: Claim
    label: LabelClaim


def match(claims: list[Claim], labels: list[LabelClaim]) -> list[Pair]:
    """One-to-one pairs of extracted claims and labels with the same value in one sentence."""
    pairs = []
    free = list(claims)
    for label in labels:
        for claim in free:
            if claim.start <= label.start < claim.end and same_value(claim, label):
                pairs.append(Pair(claim, label))
                free.remove(claim)
                break
    return pairs


class _Split:
    def __init__(self) -> None:
        self.articles = 0
        self.extracted: Counter[str] = Counter()
        self.labelled: Counter[str] = Counter()
        self.matched: Counter[str] = Counter()
        self.speaker = self.scope = 0
        self.incident = self.incident_right = 0

    def add(self, claims: list[Claim], labels: list[LabelClaim]) -> None:
        self.articles += 1
        claims = distinct(claims)
        pairs = match(claims, labels)
        self.extracted.update(c.kind for c in claims)
        self.labelled.update(label.kind for label in labels)
        self.matched.update(p.claim.kind for p in pairs)
        for p in pairs:
            chain = p.claim.speaker_chain[1:]
            said = chain[0] if chain else None
            origin = chain[-1] if len(chain) > 1 else None
            wanted_origin = p.label.origin if p.label.origin != p.label.speaker else None
            self.speaker += same_name(said, p.label.speaker) and same_name(origin, wanted_origin)
            self.scope += p.claim.scope == p.label.scope
        incident = [c for c in claims if c.scope == "incident"]
        self.incident += len(incident)
        self.incident_right += sum(
            p.claim.scope == "incident" and p.label.scope == "incident" for p in pairs
        )

    def rows(self) -> dict[str, Any]:
        def ratio(found: int, total: int) -> dict[str, Any]:
            return {"value": found / total if total else None, "found": found, "of": total}

        pairs = sum(self.matched.values())
        out: dict[str, Any] = {"articles": {"value": self.articles}}
        out["precision"] = ratio(pairs, sum(self.extracted.values()))
        out["recall"] = ratio(pairs, sum(self.labelled.values()))
        for kind in CLAIM_KINDS:
            out[f"precision {kind}"] = ratio(self.matched[kind], self.extracted[kind])
            out[f"recall {kind}"] = ratio(self.matched[kind], self.labelled[kind])
        out["speaker right"] = ratio(self.speaker, pairs)
        out["scope right"] = ratio(self.scope, pairs)
        out["incident precision"] = ratio(self.incident_right, self.incident)
        return out


def evaluate_claims(path: str | Path, labels_path: str | Path, *, workers: int = 1) -> Rows:
    """Metrics by name, each {"all": {...}, "even": {...}, "odd": {...}, "target": str|None}."""
    labelled = read_labels(Path(labels_path))
    by_unit = {a.unit_id: a for a in labelled}
    splits = {name: _Split() for name in SPLITS}
    with extracted_store(Path(path), workers=workers) as (store, _):
        found: set[str] = set()
        claims: dict[int, list[Claim]] = {}
        for claim in store.iter_claims():
            claims.setdefault(claim.article_id or 0, []).append(claim)
        for article in store.iter_articles():
            entry = by_unit.get(article.external_id or "")
            if entry is None:
                continue
            if entry.length != len(article.text):
                raise EvalError(
                    f"{labels_path}: article {entry.unit_id}: labels are for a text of "
                    f"{entry.length} characters, {path} holds {len(article.text)}"
                )
            found.add(entry.unit_id)
            half = "even" if (article.record or 0) % 2 == 0 else "odd"
            for name in ("all", half):
                splits[name].add(claims.get(article.id, []), entry.claims)
    missing = sorted(set(by_unit) - found)
    if missing:
        raise EvalError(f"{labels_path}: articles not in {path}: {', '.join(missing[:5])}")
    out: Rows = {}
    for split_name, split in splits.items():
        for metric, value in split.rows().items():
            out.setdefault(metric, {"target": TARGETS.get(metric)})[split_name] = value
    return out
