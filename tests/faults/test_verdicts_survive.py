"""Verdicts are never lost: not to kill -9 of the process marking them, not to a second process
marking into the same database at the same moment. Real processes, `workbench.review.mark`."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
from pathlib import Path

from faultkit import claims_to_judge, count, integrity, python

# Marks verdicts in a loop through the one verdict function, printing each entry after mark()
# returned (committed). Waits for the file named by argv[4] to exist before starting.
MARKER = """
import os, sys, time
from workbench.review import mark
from workbench.store import Store

db, reviewer, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
ids = [int(i) for i in sys.argv[5].split(",")]
verdicts = ("corroborated", "disputed", "unverified", "clear")
print("ready", flush=True)
while not os.path.exists(go):
    time.sleep(0.001)
with Store.open(db) as store:
    for i in range(n):
        entry = mark(store, ids[i % len(ids)], verdicts[i % 4], reviewer, note=f"{reviewer} {i}")
        print(f"saved {entry.id} {entry.claim_id} {entry.verdict} {entry.note}", flush=True)
print("done", flush=True)
"""


def start_marker(
    db: Path, reviewer: str, n: int, go: Path, ids: list[int], tmp_path: Path
) -> subprocess.Popen[str]:
    process = python(MARKER, db, reviewer, n, go, ",".join(map(str, ids)), tmp_path=tmp_path)
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process


def stored_verdicts(db: Path) -> dict[int, tuple[int, str | None, str]]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, claim_id, verdict, note FROM verdicts").fetchall()
    conn.close()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def parse_saved(line: str) -> tuple[int, tuple[int, str | None, str]]:
    _, entry_id, claim_id, verdict, note = line.split(" ", 4)
    return int(entry_id), (int(claim_id), None if verdict == "None" else verdict, note)


def test_kill_9_loses_no_verdict_reported_saved(tmp_path: Path) -> None:
    db = tmp_path / "review.db"
    ids = claims_to_judge(db, 40)
    go = tmp_path / "go"
    go.touch()
    marker = start_marker(db, "ana", 100_000, go, ids, tmp_path)
    assert marker.stdout is not None
    reported: dict[int, tuple[int, str | None, str]] = {}
    try:
        while len(reported) < 300:
            entry_id, entry = parse_saved(marker.stdout.readline().strip())
            reported[entry_id] = entry
        marker.send_signal(signal.SIGKILL)
    finally:
        marker.wait(timeout=30)
    assert marker.returncode == -signal.SIGKILL
    # lines it printed before it died but we had not read yet: each one a saved verdict too
    rest = marker.stdout.read()
    for line in rest.split("\n")[:-1]:  # the last piece is empty or a line cut by the kill
        entry_id, entry = parse_saved(line)
        reported[entry_id] = entry
    assert integrity(db) == "ok"
    stored = stored_verdicts(db)
    missing = {i: e for i, e in reported.items() if stored.get(i) != e}
    assert not missing, f"{len(missing)} verdicts reported saved are not in the database"
    # beyond those, at most the one committed in the instant before its line was printed
    assert len(reported) <= len(stored) <= len(reported) + 1
    assert count(db, "SELECT COUNT(*) FROM verdicts WHERE reviewer = 'ana'") == len(stored)


def test_two_processes_marking_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "review.db"
    ids = claims_to_judge(db, 50)
    go = tmp_path / "go"
    n = 1000
    markers = [start_marker(db, name, n, go, ids, tmp_path) for name in ("ana", "bo")]
    go.touch()  # both start at the same moment
    outputs = [m.communicate(timeout=240) for m in markers]
    for m, (out, err) in zip(markers, outputs, strict=True):
        assert m.returncode == 0, err
        assert out.splitlines()[-1] == "done"
    stored = stored_verdicts(db)
    for name, (out, _) in zip(("ana", "bo"), outputs, strict=True):
        reported = dict(parse_saved(line) for line in out.splitlines() if line.startswith("saved"))
        assert len(reported) == n
        assert all(stored.get(i) == e for i, e in reported.items())
        assert count(db, f"SELECT COUNT(*) FROM verdicts WHERE reviewer = '{name}'") == n
    assert len(stored) == 2 * n
    # they really wrote at the same time: each one's entries interleave with the other's
    conn = sqlite3.connect(db)
    spans = dict(
        conn.execute("SELECT reviewer, MIN(id) || '-' || MAX(id) FROM verdicts GROUP BY reviewer")
    )
    conn.close()
    (a_lo, a_hi), (b_lo, b_hi) = (map(int, spans[r].split("-")) for r in ("ana", "bo"))
    assert a_lo < b_hi and b_lo < a_hi, spans
    assert integrity(db) == "ok"
    # the latest entry per claim and reviewer is each process's last word on it
    conn = sqlite3.connect(db)
    last = conn.execute(
        "SELECT note FROM verdicts WHERE id IN"
        " (SELECT MAX(id) FROM verdicts GROUP BY claim_id, reviewer)"
    ).fetchall()
    conn.close()
    assert len(last) == 2 * len(ids)
    assert {int(note.split()[1]) for (note,) in last} == set(range(n - len(ids), n))
