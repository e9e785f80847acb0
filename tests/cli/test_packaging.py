"""An installed workbench finds its migrations and samples outside the source tree."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO


def test_wheel_ships_migrations_and_samples_and_works_elsewhere(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(REPO)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    [wheel] = dist.glob("claim_workbench-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    migrations = sorted(p.name for p in (REPO / "db").glob("*.sql"))
    assert migrations and all(f"workbench/db/{m}" in names for m in migrations)
    assert any(n.startswith("workbench/samples/corpus/") for n in names)

    # install only our wheel into a private folder; dependencies come from this environment
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")}
    env["PYTHONPATH"] = str(site)
    where = subprocess.run(
        [sys.executable, "-c", "import workbench, sys; print(workbench.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert where.stdout.strip().startswith(str(site))
    demo = subprocess.run(
        [sys.executable, "-m", "workbench", "demo", "--db", "x.db"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert demo.returncode == 0, demo.stderr
    assert "10 new" in demo.stdout
    assert "extracted 10 articles" in demo.stdout  # the word lists ship inside the wheel
    assert (elsewhere / "x.db").exists()

    # the review UI finds its stylesheet inside the installed package (CSS_PATH is package data)
    assert "workbench/tui/workbench.tcss" in names
    ui = subprocess.run(
        [sys.executable, "-c", REVIEW_HEADLESS, str(elsewhere / "x.db")],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert ui.returncode == 0, ui.stderr[-2000:]
    assert ui.stdout.strip().startswith(str(site)), ui.stdout


REVIEW_HEADLESS = """
import asyncio, sys
from pathlib import Path
import workbench.tui.app as ui

async def main():
    app = ui.ReviewApp(Path(sys.argv[1]), "packaging")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one("#claims") is not None
    print(ui.__file__)

asyncio.run(main())
"""
