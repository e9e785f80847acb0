"""Measuring extraction against a labelled FA-KES CSV (`workbench eval fakes PATH`).

The CSV is ingested into a temporary database and extracted there. Extraction reads only what a
user's articles have (id, title, text, outlet, date): label columns stay in the article's metadata,
which extraction never reads, and are used here for scoring only. Only the claims alignment
compares count (scope `incident`: not background, page clutter or another incident). Every
figure is given for all articles and for the even and odd CSV records apart (develop on the even
ones, check the odd ones as held out).

- casualty recall: the labelled toll (nb_civilians + nb_noncivilians), on articles where it is
  above 0, is within 1 of the low or high end of a killed claim;
- median killed claims per article: how many killed claims an article gets (precision);
- actor recall: the labelled actor, mapped to canonical ids (`fakes_labels.toml`), is found as a
  perpetrator (not negated); articles labelled "unknown" are left out;
- place recall: the labelled governorate is the value of a place claim;
- extraction ms per article: wall time of `extract_articles` (extraction and saving) / articles.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from workbench.extract.run import extract_articles
from workbench.ingest import ingest_paths
from workbench.models import COMPARED_SCOPES, Article, Claim
from workbench.store import Store

SPLITS = ("all", "even", "odd")
TARGETS = {
    "casualty recall": ">= 0.92",
    "median killed claims per article": "<= 2",
    "actor recall": ">= 0.80",
}


class EvalError(Exception):
    """The evaluation cannot run; the message is one line for the user."""


def _labels() -> dict[str, Any]:
    source = resources.files("workbench.extract").joinpath("fakes_labels.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def _near(claim: Claim, toll: int) -> bool:
    return any(end is not None and abs(end - toll) <= 1 for end in (claim.low, claim.high))


class _Split:
    """Counts for one split of the articles."""

    def __init__(self) -> None:
        self.articles = 0
        self.toll_found = self.toll_total = 0
        self.actor_found = self.actor_total = 0
        self.place_found = self.place_total = 0
        self.killed: list[int] = []

    def add(self, article: Article, claims: list[Claim], labels: dict[str, Any]) -> None:
        meta = article.metadata
        self.articles += 1
        claims = [c for c in claims if c.scope in COMPARED_SCOPES]
        killed = [c for c in claims if c.kind == "casualty" and c.outcome == "killed"]
        self.killed.append(len(killed))
        civilians, others = _int(meta.get("nb_civilians")), _int(meta.get("nb_noncivilians"))
        if civilians is not None and others is not None and civilians + others > 0:
            self.toll_total += 1
            self.toll_found += any(_near(c, civilians + others) for c in killed)
        wanted = labels["actors"].get(str(meta.get("actor", "")).strip().lower())
        if wanted:
            self.actor_total += 1
            self.actor_found += any(
                c.kind == "actor" and c.role == "perpetrator" and not c.negated
                and c.canonical in wanted
                for c in claims
            )  # fmt: skip
        places = labels["locations"].get(str(meta.get("location", "")).strip().lower())
        if places:
            self.place_total += 1
            self.place_found += any(c.kind == "place" and c.value in places for c in claims)

    def rows(self) -> dict[str, Any]:
        def ratio(found: int, total: int) -> dict[str, Any]:
            return {"value": found / total if total else None, "found": found, "of": total}

        return {
            "articles": {"value": self.articles},
            "casualty recall": ratio(self.toll_found, self.toll_total),
            "median killed claims per article": {
                "value": statistics.median(self.killed) if self.killed else None
            },
            "actor recall": ratio(self.actor_found, self.actor_total),
            "place recall": ratio(self.place_found, self.place_total),
        }


Rows = dict[str, dict[str, Any]]


@contextmanager
def extracted_store(path: Path, *, workers: int = 1) -> Iterator[tuple[Store, float]]:
    """A temporary database holding the CSV at `path` ingested and extracted, with the seconds
    extraction took per article."""
    if not path.is_file():
        raise EvalError(f"{path}: no such file")
    with tempfile.TemporaryDirectory(prefix="workbench-eval-") as tmp:
        store = Store.open(Path(tmp) / "eval.db")
        try:
            report = ingest_paths(store, [path])
            if not report.total("new"):
                reasons = "; ".join(f.rejected or "" for f in report.files if f.rejected)
                raise EvalError(f"{path}: no articles could be read ({reasons or 'empty'})")
            started = time.perf_counter()
            extracted = extract_articles(store, workers=workers)
            seconds = time.perf_counter() - started
            yield store, seconds / max(1, extracted.articles)
        finally:
            store.close()


def evaluate_fakes(
    path: str | Path, *, workers: int = 1, more: Sequence[Callable[[Store], Rows]] = ()
) -> Rows:
    """Metrics by name, each {"all": {...}, "even": {...}, "odd": {...}, "target": str|None}.

    A split's entry has "value" and, for a ratio, "found" and "of". `more`: functions adding rows
    of their own from the extracted database (alignment's event metrics).
    """
    labels = _labels()
    with extracted_store(Path(path), workers=workers) as (store, seconds):
        claims: dict[int, list[Claim]] = defaultdict(list)
        for claim in store.iter_claims():
            claims[claim.article_id or 0].append(claim)
        splits = {name: _Split() for name in SPLITS}
        for article in store.iter_articles():
            half = "even" if (article.record or 0) % 2 == 0 else "odd"
            for name in ("all", half):
                splits[name].add(article, claims[article.id], labels)
        extra: Rows = {}
        for rows in more:
            extra.update(rows(store))
    out: dict[str, dict[str, Any]] = {}
    for split_name, split in splits.items():
        for metric, entry in split.rows().items():
            out.setdefault(metric, {"target": TARGETS.get(metric)})[split_name] = entry
    out["extraction ms per article"] = {"target": None, "all": {"value": 1000 * seconds}}
    out.update(extra)
    return out


def metrics_table(metrics: dict[str, dict[str, Any]]) -> list[str]:
    """The metrics as text lines: one row a metric, columns all, even, odd, target."""
    lines = [f"{'metric':<34}  {'all':>16}  {'even':>16}  {'odd':>16}  target"]
    for name, row in metrics.items():
        cells = "  ".join(f"{_cell(row.get(split)):>16}" for split in SPLITS)
        lines.append(f"{name:<34}  {cells}  {row.get('target') or ''}".rstrip())
    return lines


def _cell(entry: dict[str, Any] | None) -> str:
    if not entry or entry.get("value") is None:
        return "-"
    value = entry["value"]
    if "of" in entry:
        return f"{value:.3f} ({entry['found']}/{entry['of']})"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.{entry.get('digits', 2)}f}"
    return str(int(value))
