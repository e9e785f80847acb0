"""Extraction speed on one core: articles/s of `extract_claims` (issue 3: >= 300/s at ~2 kB).

    .venv/bin/python bench/extract_speed.py [--repeat N]

Corpora: the built-in sample corpus; FA-KES dev as it is (when ../shared/data is present);
FA-KES dev texts joined and cut at sentence ends into articles of about 2 kB; and 1,000 articles of
the synthetic corpus (`bench/corpus.py`, seed 1, about 2 kB each). Each corpus is
extracted `--repeat` times in this one process (word lists loaded once, before timing); the table
gives the best run: wall-clock and CPU time per article and articles per second. Nothing is
written to disk. Prints a table; the issue's target is checked on the ~2 kB row.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import corpus  # bench/corpus.py, beside this script

from workbench.extract import extract_claims
from workbench.ingest import ingest_paths
from workbench.models import Article
from workbench.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "workbench" / "samples" / "corpus"
FAKES = ROOT.parent / "shared" / "data" / "fakes" / "fakes-dev.csv"
TARGET_PER_S = 300
SIZE = 2000


def load(path: Path, tmp: Path) -> list[Article]:
    with Store.open(tmp / f"{path.stem}.db") as store:
        ingest_paths(store, [path])
        return list(store.articles_for_extraction(every=True))


def two_kb(articles: list[Article]) -> list[Article]:
    """The texts joined end to end and cut at sentence ends into pieces of about 2 kB."""
    text = " ".join(a.text for a in articles)
    out: list[Article] = []
    start = 0
    while start < len(text):
        cut = text.find(". ", start + SIZE - 100)
        end = len(text) if cut < 0 else cut + 1
        piece = text[start:end].strip()
        if len(piece) >= SIZE // 2:
            out.append(article(len(out) + 1, piece, articles[0]))
        start = end + 1
    return out


def article(i: int, text: str, like: Article) -> Article:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return like.model_copy(update={"id": i, "text": text, "sha256": digest})


def measure(articles: list[Article], repeat: int) -> tuple[float, float, int]:
    """Best (wall seconds, CPU seconds) over `repeat` runs, and the claims of one run."""
    best_wall = best_cpu = float("inf")
    claims = 0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        claims = sum(len(extract_claims(a)) for a in articles)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, claims


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per corpus (best is shown)")
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        corpora = {"sample corpus": load(SAMPLES, Path(tmp))}
        synthetic = Path(tmp) / "synthetic.jsonl"
        corpus.write_jsonl(synthetic, 1000, seed=1)
        corpora["synthetic (corpus.py)"] = load(synthetic, Path(tmp))
        if FAKES.exists():
            fakes = load(FAKES, Path(tmp))
            corpora["fakes-dev"] = fakes
            corpora["fakes-dev cut to ~2 kB"] = two_kb(fakes)
        else:
            print(f"note: {FAKES} not found; FA-KES rows left out", file=sys.stderr)
    extract_claims(corpora["sample corpus"][0])  # load the word lists before timing
    header = f"{'corpus':<24} {'articles':>8} {'mean kB':>8} {'claims':>7} "
    header += f"{'ms/article':>10} {'cpu ms/art':>10} {'articles/s':>10} {'cpu art/s':>10}"
    print(header)
    verdict = ""
    for name, articles in corpora.items():
        wall, cpu, claims = measure(articles, args.repeat)
        n = len(articles)
        kb = sum(len(a.text.encode()) for a in articles) / n / 1000
        print(
            f"{name:<24} {n:>8} {kb:>8.2f} {claims:>7} {1000 * wall / n:>10.2f} "
            f"{1000 * cpu / n:>10.2f} {n / wall:>10.0f} {n / cpu:>10.0f}"
        )
        if name.endswith("~2 kB") or name.startswith("synthetic"):
            verdict += f"{name}: " + ("met" if n / cpu >= TARGET_PER_S else "NOT met") + "; "
    if verdict:
        print(f"target >= {TARGET_PER_S} articles/s at ~2 kB (one core, CPU time): {verdict[:-2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
