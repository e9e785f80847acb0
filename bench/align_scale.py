"""How `align` scales: a deterministic synthetic corpus at several sizes, timed end to end.

    .venv/bin/python bench/align_scale.py                 # N = 10k, 50k, 100k and the cdist ratio
    .venv/bin/python bench/align_scale.py --sizes 2000 --no-cdist

The corpus (seeded, the same every run): incidents in 14 governorates over a date range that grows
with N (40 articles a day at most), 1-8 articles each from 40 outlets, a day or two apart, with
headlines and leads from templates; each article carries claims the way extraction stores them —
places, perpetrator, weapon (with counts), a toll quoted from a ministry, a monitor, activists or
the outlet itself, sometimes a different figure or a rising toll — and 5 % of articles are wire
copy of another outlet's text. Claims are written straight to the store (extraction is not timed
here). The timed part is `align(store)`: reading articles and claims, clustering, grouping,
suggesting and saving. Databases are kept in --dir between runs (--fresh rebuilds them).

The naive comparison is what alignment avoids: `rapidfuzz.process.cdist` of every article's
headline-and-lead words against every other's (token_set_ratio, the scorer alignment uses, one
worker like align) at 10k articles, printed as a ratio to align's time at the same size.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from workbench.align import align
from workbench.align.profiles import LEAD_CHARS, headline_words
from workbench.models import ArticleRecord, Claim
from workbench.store import Store

GOVERNORATES = [
    "Aleppo", "Idlib", "Damascus", "Rif Dimashq", "Homs", "Hama", "Deir ez-Zor", "Raqqa",
    "Hasakeh", "Daraa", "Latakia", "Tartus", "Quneitra", "Suwayda",
]  # fmt: skip
ACTORS = ["syrian-government", "russia", "us-led-coalition", "isis", "opposition", "turkey"]
WEAPONS = ["barrel bomb", "Su-24", "F-16", "artillery", "car bomb", "mortar", "drone", "Scud"]
ORIGINS = [
    "Syrian Defence Ministry", "Russian Defence Ministry", "Syrian Observatory for Human Rights",
    "Syrian Network for Human Rights", "White Helmets", "SANA", "US-led coalition", "activists",
]  # fmt: skip
VERBS = ["kills", "leaves dead", "claims lives of", "hits", "strikes"]
SUBJECTS = [("civilians", "civilian"), ("soldiers", "military"), ("fighters", "armed-group")]
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]
START = date(2013, 1, 1)


def _claim(kind: str, quote: str, fp: str, chain: list[str], **fields: object) -> Claim:
    return Claim(
        kind=kind,  # type: ignore[arg-type]
        quote=quote,
        start=0,
        end=len(quote),
        fingerprint=fp,
        speaker_chain=chain,
        **fields,  # type: ignore[arg-type]
    )


def build(path: Path, n: int) -> None:
    """Write a corpus of n articles with their claims to a new database at path."""
    rng = random.Random(n)
    days = max(365, n // 40)
    made = 0
    event = 0
    with Store.open(path, create=True) as store, store.transaction():
        while made < n:
            event += 1
            gov = rng.choice(GOVERNORATES)
            town = f"{gov} town {rng.randrange(40)}"
            day = START + timedelta(days=rng.randrange(days))
            actor, weapon = rng.choice(ACTORS), rng.choice(WEAPONS)
            toll = rng.randrange(3, 120)
            subject, klass = rng.choice(SUBJECTS)
            texts: list[str] = []
            for k in range(min(rng.randint(1, 8), n - made)):
                made += 1
                outlet = rng.choice(OUTLETS)
                published = day + timedelta(days=rng.choice((0, 0, 0, 1, 2)))
                figure = toll if rng.random() < 0.8 else toll + rng.randrange(5, 60)
                title = f"{weapon.title()} attack {rng.choice(VERBS)} {figure} {subject} in {town}"
                if texts and rng.random() < 0.05:
                    text = texts[0]  # wire copy
                else:
                    text = (
                        f"{title}. The attack on {town} in {gov} province was blamed on {actor}"
                        f" (event {event}, report {k}). {figure} {subject} were killed."
                    )
                texts.append(text)
                sha = hashlib.sha256(text.encode()).hexdigest()
                record = ArticleRecord(
                    file="synthetic",
                    record=made,
                    external_id=f"syn-{made}",
                    text=text,
                    title=title,
                    source=outlet,
                    published=published.isoformat(),
                )
                if store.article_id_for_text(outlet, sha) is not None:
                    continue
                aid = store.insert_article(record, sha)
                origin = rng.choice(ORIGINS)
                chain = [outlet] if rng.random() < 0.3 else [outlet, origin]
                fp = f"{aid}"
                store.save_claims(
                    aid,
                    [
                        _claim("place", town, fp + "p1", [outlet], canonical=town, value=gov),
                        _claim("place", gov, fp + "p2", [outlet], canonical=gov, value=gov),
                        _claim(
                            "actor", actor, fp + "a", chain, canonical=actor, role="perpetrator"
                        ),
                        _claim(
                            "weapon",
                            weapon,
                            fp + "w",
                            chain,
                            canonical=weapon,
                            count=rng.choice((None, None, 2)),
                        ),  # fmt: skip
                        _claim(
                            "casualty",
                            text,
                            fp + "k",
                            chain,
                            outcome="killed",
                            subject=subject,
                            subject_class=klass,
                            low=figure,
                            high=figure,
                            rising=figure > toll and rng.random() < 0.5,
                        ),  # fmt: skip
                        _claim("time", title, fp + "t", [outlet], value=day.isoformat()),
                    ],
                )


def corpus(folder: Path, n: int, fresh: bool) -> Path:
    path = folder / f"align-{n}.db"
    if fresh or not path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        build(path, n)
        print(f"  built {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def time_align(path: Path) -> tuple[float, float, int, int, int]:
    """(wall seconds, CPU seconds, claims, events, groups) of one align from nothing."""
    with Store.open(path) as store:
        with store.transaction():
            store.clear_alignment()  # every run starts from no alignment
        started, cpu = time.perf_counter(), time.process_time()
        report = align(store)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return seconds, cpu, report.claims, report.events, report.groups


def time_cdist(path: Path) -> float:
    from rapidfuzz import fuzz, process  # cdist needs numpy: pip install -e '.[bench]'

    with Store.open(path) as store:
        texts = [
            " ".join(headline_words(f"{row['title'] or ''} {row['lead']}"))
            for row in store.article_heads(LEAD_CHARS)
        ]
    started = time.perf_counter()
    process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=1, dtype="uint8")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/workbench-bench"))
    parser.add_argument("--fresh", action="store_true", help="rebuild the corpora")
    parser.add_argument("--no-cdist", action="store_true", help="skip the naive comparison")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        rows.append((n, *time_align(corpus(args.dir, n, args.fresh))))
    base_n = rows[0][0]
    base_cpu = rows[0][2]
    print(f"{'articles':>9} {'claims':>9} {'events':>8} {'groups':>8} {'align s':>8}"
          f" {'cpu s':>7} {'x n log n':>9}")  # fmt: skip
    for n, seconds, cpu, claims, events, groups in rows:
        nlogn = (n * math.log(n)) / (base_n * math.log(base_n))
        print(
            f"{n:>9} {claims:>9} {events:>8} {groups:>8} {seconds:>8.1f} {cpu:>7.1f}"
            f" {cpu / base_cpu / nlogn:>9.2f}"
        )
    print("align s: wall time; cpu s: this process's CPU time (the machine is shared);"
          " x n log n: CPU time relative to the first size, divided by the growth of n log n"
          " (<= 1: no faster than n log n)")  # fmt: skip
    if not args.no_cdist:
        ten_k = corpus(args.dir, 10_000, False)
        align_s = next((r[1] for r in rows if r[0] == 10_000), None) or time_align(ten_k)[0]
        load = os.getloadavg()[0]
        cdist_s = time_cdist(ten_k)
        print(
            f"naive all-pairs cdist at 10000 articles: {cdist_s:.1f} s"
            f" = {cdist_s / align_s:.0f} x align ({align_s:.1f} s); load average {load:.1f}"
        )


if __name__ == "__main__":
    main()
