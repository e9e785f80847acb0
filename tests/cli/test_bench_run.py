"""bench/run.py keeps working: a tiny run prints the table, and its pair F1 scores are right.
(The figures themselves are measured by running it, never asserted here.)"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from run import pair_f1  # noqa: E402


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "y"}, (1.0, 1.0, 1.0)),
        ({"a": "1", "b": "1", "c": "1"}, {"a": "x", "b": "x", "c": "y"}, (1 / 3, 1.0, 0.5)),
        ({"a": "1", "b": "2", "c": "3"}, {"a": "x", "b": "x", "c": "x"}, (0.0, 0.0, 0.0)),
        ({}, {"a": "x", "b": "x"}, (0.0, 0.0, 0.0)),  # unaligned articles are events of their own
    ],
)
def test_pair_f1(
    predicted: dict[str, str], gold: dict[str, str], expected: tuple[float, float, float]
) -> None:
    assert pair_f1(predicted, gold) == pytest.approx(expected)


def test_a_tiny_run_prints_one_table() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "run.py"),
            "--sizes",
            "150",
            "--peer-sample",
            "0",
            "--repeat",
            "1",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Machine: ") and "cores" in lines[0]
    table = [line for line in lines if line.startswith("| 150 |")]
    stages = [line.split(" | ")[1] for line in table]
    assert stages[:4] == [
        "generate corpus",
        "floor: sqlite3 executemany, same schema",
        "floor: sqlite3 executemany, bare table",
        "ingest (workbench.ingest.ingest_paths)",
    ]
    ingest = table[3].split(" | ")
    assert float(ingest[2]) > 0 and "the same-schema floor" in ingest[5]
    assert any(s.startswith("export json") for s in stages)
    for line in table:  # a stage either has a time or says why not
        cells = line.split(" | ")
        assert cells[2].strip() or cells[5].strip()
