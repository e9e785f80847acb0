"""Report export at scale: time and peak memory of every format on a database of N claims.

    python bench/export_bench.py [--claims 100000] [--db PATH]

Builds (once; `--db` keeps it for later runs) a synthetic database through the store: articles
of five sentences, five claims each (killed, injured, weapon, actor, place), four articles an
event, claim groups of every status, a suggestion per claim, and three reviewers' verdicts
(alice on 60 % of claims, bob on 50 %, carol on 20 %, disagreeing now and then). Verdicts are
appended through `store.append_verdict` in one transaction: `review.mark` commits each verdict
on its own, which is right for a reviewer and slow for 170,000 synthetic ones.

Then each format is exported by `python -m workbench export` in a fresh process; its wall time
and peak resident memory (`os.wait4`'s rusage of that one child) are printed as a Markdown table
beside the same process doing nothing but starting (`--help`). Targets: < 10 s, < 500 MB.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# This process only starts others and waits: it imports nothing from the workbench, so the peak
# memory Linux reports for a child (which counts the parent's size at fork) is the child's own.

CLAIMS_PER_ARTICLE = 5
ARTICLES_PER_EVENT = 4
TARGET_S, TARGET_MB = 10.0, 500.0
OUTLETS = ["Levant Wire", "Gulf Courier", "Meridian News", "Northern Star", "Cedar Herald"]
PLACES = ["Tell Hamra", "Qasr al-Wadi", "Nahr al-Ward", "Deir Salib", "Ain Tamr"]
WEAPONS = ["Su-24", "Su-34", "MiG-23", "barrel bomb", "car bomb"]
ACTORS = ["Syrian army", "Russian air force", "Islamic State", "coalition"]
SPEAKERS = ["Syrian Monitor", "the governor", "Defence Ministry", "a medic", "residents"]
REVIEWERS = (("alice", 0.6), ("bob", 0.5), ("carol", 0.2))


def sentences(rng: random.Random, i: int) -> list[tuple[str, dict[str, object]]]:
    """An article's five claim sentences with the claim fields each carries."""
    killed, injured = rng.randint(5, 60), rng.randint(10, 120)
    place, weapon = PLACES[i // ARTICLES_PER_EVENT % 5], rng.choice(WEAPONS)
    speaker = rng.choice(SPEAKERS)
    return [
        (f"At least {killed} people were killed in {place}, {speaker} said.",
         {"kind": "casualty", "outcome": "killed", "subject": "people", "low": killed,
          "hedges": ["at least"], "speaker": speaker}),
        (f"About {injured} others were injured, according to {speaker}.",
         {"kind": "casualty", "outcome": "injured", "subject": "people", "low": injured,
          "high": injured, "approximate": True, "speaker": speaker}),
        (f"Residents said a {weapon} hit the market.",
         {"kind": "weapon", "canonical": weapon, "count": 1, "speaker": "residents"}),
        (f"The {rng.choice(ACTORS)} carried out the attack, the monitor said.",
         {"kind": "actor", "canonical": rng.choice(ACTORS), "role": "perpetrator",
          "speaker": "the monitor"}),
        (f"The attack happened in {place} province.", {"kind": "place", "value": place}),
    ]  # fmt: skip


def build(path: Path, n_claims: int, seed: int = 1) -> None:
    """Write the synthetic database (run in a child process: `--build`)."""
    from workbench.models import ArticleRecord, Claim, ClaimGroup, Event, Suggestion, Verdict
    from workbench.store import Store

    rng = random.Random(seed)
    n_articles = n_claims // CLAIMS_PER_ARTICLE
    store = Store.open(path)
    events: list[Event] = []
    groups: list[ClaimGroup] = []
    suggestions: list[Suggestion] = []
    verdicts: list[Verdict] = []
    statuses = ["conflict", "update", "agree", "single"]
    with store.transaction():
        for i in range(n_articles):
            outlet = OUTLETS[i % len(OUTLETS)]
            said = sentences(rng, i)
            text = f"Report {i} from {outlet}. " + " ".join(s for s, _ in said)
            record = ArticleRecord(
                file="bench.jsonl", record=i + 1, external_id=f"a{i}", text=text,
                title=f"Strike report {i}", source=outlet, published=f"2016-03-{1 + i % 28:02d}",
                url=f"https://example.org/{outlet.split()[0].lower()}/{i}",
            )  # fmt: skip
            aid = store.insert_article(record, hashlib.sha256(text.encode()).hexdigest())
            claims = []
            for k, (sentence, fields) in enumerate(said):
                start = text.index(sentence)
                speaker = str(fields.get("speaker") or outlet)
                claims.append(
                    Claim(quote=sentence, start=start, end=start + len(sentence),
                          fingerprint=f"{i}-{k}", speaker_chain=[outlet, speaker],
                          **fields)  # type: ignore[arg-type]
                )  # fmt: skip
            ids = store.save_claims(aid, claims)
            e = i // ARTICLES_PER_EVENT
            if i % ARTICLES_PER_EVENT == 0:
                events.append(Event(key=f"e{e}", label=f"Strike {e} on {PLACES[e % 5]}",
                                    date_from=record.published, date_to=record.published,
                                    places=[PLACES[e % 5]], article_ids=[]))  # fmt: skip
                groups.extend(
                    ClaimGroup(key=f"e{e}/{k}", event_key=f"e{e}", kind=claims[k].kind,
                               label=["killed", "injured", "weapon", "perpetrator", "place"][k],
                               status=rng.choice(statuses))  # type: ignore[arg-type]
                    for k in range(CLAIMS_PER_ARTICLE)
                )  # fmt: skip
            events[-1].article_ids.append(aid)
            for k, (cid, claim) in enumerate(zip(ids, claims, strict=True)):
                groups[e * CLAIMS_PER_ARTICLE + k].claim_ids.append(cid)
                verdict = rng.choice(["corroborated", "disputed", "unverified"])
                suggestions.append(Suggestion(claim_id=cid, verdict=verdict,  # type: ignore[arg-type]
                                              reason="two independent origins",
                                              origins=[claim.origin or outlet]))  # fmt: skip
                for name, share in REVIEWERS:
                    if rng.random() < share:
                        judged = verdict if rng.random() < 0.8 else rng.choice(
                            ["corroborated", "disputed", "unverified"])  # fmt: skip
                        verdicts.append(Verdict(claim_id=cid, fingerprint=claim.fingerprint,
                                                reviewer=name, verdict=judged,  # type: ignore[arg-type]
                                                note="checked against the wire" if k == 0 else None,
                                                at="2024-05-01T12:00:00.000+00:00",
                                                claim_quote=claim.quote,
                                                claim_value=claim.value_snapshot()))  # fmt: skip
        store.save_alignment(events, groups, suggestions)
        for v in verdicts:
            store.append_verdict(v)
    counts = store.table_counts()
    store.close()
    print(f"built {path}: {counts}", file=sys.stderr)


@dataclass
class Run:
    """One command in a fresh process: wall time, CPU time, peak memory, exit status."""

    wall: float
    cpu: float
    peak_mb: float
    status: int


def measure(args: list[str]) -> Run:
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)  # this child's own rusage
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    assert child.stderr is not None
    error = child.stderr.read().decode().strip()
    child.stderr.close()
    if code:
        print(f"{' '.join(args)}: exit {code}: {error}", file=sys.stderr)
    # ru_maxrss is in KiB on Linux
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="database to build once and reuse")
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build(args.db, args.claims)
        return
    folder = Path(tempfile.mkdtemp(prefix="export-bench-"))  # removed at the end
    db = args.db or folder / f"bench-{args.claims}.db"
    if not db.exists():
        built = measure(
            [sys.executable, __file__, "--build", "--claims", str(args.claims), "--db", str(db)]
        )
        if built.status:
            sys.exit(built.status)
        print(f"built {db} in {built.wall:.1f} s", file=sys.stderr)
    formats = subprocess.run(
        [sys.executable, "-c", "from workbench.report import FORMATS; print(*FORMATS)"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    cli = [sys.executable, "-m", "workbench"]
    rows = [("(start and --help)", measure([*cli, "export", "--help"]), 0)]
    for fmt in formats:
        out = folder / f"report.{fmt}"
        run = measure([*cli, "export", "--format", fmt, "--db", str(db), "--output", str(out),
                       "--org", "Bench Desk"])  # fmt: skip
        rows.append((fmt, run, out.stat().st_size if out.exists() else 0))
    load = os.getloadavg()[0]
    print(f"\nExport of {args.claims:,} claims ({platform.python_implementation()}"
          f" {platform.python_version()}, {os.cpu_count()} cores, load {load:.1f})\n")  # fmt: skip
    print("| format | wall s | CPU s | peak MB | output MB | within target |")
    print("|---|---:|---:|---:|---:|---|")
    for fmt, run, size in rows:
        ok = run.wall < TARGET_S and run.peak_mb < TARGET_MB
        verdict = "failed" if run.status else ("yes" if ok else "NO")
        print(f"| {fmt} | {run.wall:.2f} | {run.cpu:.2f} | {run.peak_mb:.0f} | {size / 1e6:.1f}"
              f" | {verdict} |")  # fmt: skip
    print(
        f"\nTargets: < {TARGET_S:.0f} s and < {TARGET_MB:.0f} MB each. CPU s is user + system"
        " time of the process: the wall time on a machine shared with other work is longer."
    )
    shutil.rmtree(folder)  # the reports, and the database unless --db named it


if __name__ == "__main__":
    main()
