"""A reader that goes away (`workbench claims | head -1`) ends the command quietly, like cat."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import WORKBENCH


def test_closed_pipe_is_quiet(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.db"
    assert run("demo", "--no-review", "--db", db).returncode == 0
    for args in (["claims"], ["export"]):
        pipeline = subprocess.run(
            f"'{WORKBENCH}' {' '.join(args)} --db '{db}' | head -c 10 >/dev/null;"
            " echo ${PIPESTATUS[0]}",
            shell=True,
            executable="/bin/bash",
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert pipeline.stdout.strip() == "141", pipeline.stderr
        assert "error" not in pipeline.stderr and "Traceback" not in pipeline.stderr
