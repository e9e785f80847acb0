"""End to end: the real `workbench review` in tmux, keys sent, the screen read with capture-pane,
the database checked. Includes kill -9 right after a verdict was shown saved, and two reviewers'
processes on one database."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import WORKBENCH

from workbench.store import Store

from .corpus import Built

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


class Terminal:
    """One tmux session on a private server, running one command."""

    def __init__(self, socket: Path, name: str) -> None:
        self.socket = socket
        self.name = name

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            [str(TMUX), "-S", str(self.socket), *args],
            capture_output=True, text=True, timeout=30, check=True,
        )  # fmt: skip
        return done.stdout

    def start(self, command: list[str], env: dict[str, str], size: tuple[int, int]) -> None:
        line = "exec env -i " + " ".join(
            shlex.quote(f"{k}={v}") for k, v in env.items()
        ) + " " + " ".join(map(shlex.quote, command))  # fmt: skip
        self.tmux(
            "new-session", "-d", "-s", self.name, "-x", str(size[0]), "-y", str(size[1]), line
        )

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{screen}")

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").strip())

    def alive(self) -> bool:
        """Whether the session still runs (the server ends with its last session)."""
        done = subprocess.run(
            [str(TMUX), "-S", str(self.socket), "has-session", "-t", self.name],
            capture_output=True, timeout=30,
        )  # fmt: skip
        return done.returncode == 0


@pytest.fixture
def terminals(tmp_path: Path) -> Iterator[list[Terminal]]:
    socket = tmp_path / "tmux.sock"
    made = [Terminal(socket, name) for name in ("ana", "bob")]
    yield made
    subprocess.run([str(TMUX), "-S", str(socket), "kill-server"], capture_output=True, timeout=30)


def review(built: Built, reviewer: str, tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    env = {
        "HOME": str(tmp_path / "home"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
    }
    return [str(WORKBENCH), "review", "--db", str(built.path), "--reviewer", reviewer], env


def test_a_verdict_shown_saved_survives_kill_9(
    built: Built, terminals: list[Terminal], tmp_path: Path
) -> None:
    ana = terminals[0]
    ana.start(*review(built, "ana", tmp_path), size=(100, 30))
    ana.wait_for("judged 0/16")
    ana.wait_for("Meridian")
    ana.keys("j", "d")
    ana.wait_for("saved")
    os.kill(ana.pid(), signal.SIGKILL)  # at once: no chance to flush or close anything
    with Store.open(built.path) as store:
        history = store.verdict_history()
    assert [(v.claim_id, v.reviewer, v.verdict) for v in history] == [
        (built.claims["levant-killed"], "ana", "disputed")
    ]


def test_two_reviewers_see_each_other_on_refresh(
    built: Built, terminals: list[Terminal], tmp_path: Path
) -> None:
    ana, bob = terminals
    ana.start(*review(built, "ana", tmp_path), size=(170, 30))
    bob.start(*review(built, "bob", tmp_path), size=(170, 30))
    ana.wait_for("judged 0/16")
    bob.wait_for("judged 0/16")
    ana.keys("c")
    ana.wait_for("saved")
    bob.keys("r")
    assert "ana ✔" in bob.wait_for("ana ✔")
    bob.keys("d")
    bob.wait_for("saved")
    bob.wait_for("judged 1/16")  # (a capture can fall between two parts of one frame)
    ana.keys("r")
    ana.wait_for("bob ✘")
    ana.keys("q")
    bob.keys("q")
    deadline = time.monotonic() + 20
    while (ana.alive() or bob.alive()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not ana.alive() and not bob.alive()
    with Store.open(built.path) as store:
        current = store.current_verdicts()
    assert current[("fp-meridian-killed", "ana")].verdict == "corroborated"
    assert current[("fp-meridian-killed", "bob")].verdict == "disputed"
