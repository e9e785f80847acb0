"""Shared fixtures: a fresh database per test, the real `workbench` command, paths to data."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.store import Store

TESTS = Path(__file__).parent
DATA = TESTS / "data"
REPO = TESTS.parent
SHARED = REPO.parent / "shared" / "data"
FAKES = SHARED / "fakes" / "fakes-dev.csv"
SEED = SHARED / "seed" / "000_57aa5e1661221538.txt"
WORKBENCH = Path(sys.executable).parent / "workbench"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    """The environment for a CLI process: no WORKBENCH_* from the developer's shell."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env["HOME"] = str(tmp_path / "home")
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.fixture
def run(clean_env: dict[str, str], tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run the installed `workbench` command in a real process; returns CompletedProcess."""

    def _run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        return subprocess.run(
            [str(WORKBENCH), *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=cwd or tmp_path,
            env={**clean_env, **(env or {})},
            timeout=120,
        )

    return _run


def need_fakes() -> None:
    if not FAKES.exists():
        pytest.skip(f"FA-KES data not found at {FAKES} (../shared/data is absent)")


def need_seed() -> None:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (../shared/data is absent)")
