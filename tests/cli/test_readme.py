"""README.md stays true: its commands and flags exist, and the tour runs as written."""

import re
import shlex
from pathlib import Path

import click
import pytest
from conftest import REPO

from workbench.cli import main

README = (REPO / "README.md").read_text(encoding="utf-8")


def shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def workbench_lines() -> list[str]:
    return [line.strip() for block in shell_blocks() for line in block.splitlines()
            if line.strip().startswith("workbench ")]  # fmt: skip


def test_quick_start_is_exactly_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1]
    first_block = re.search(r"```sh\n(.*?)```", quick, flags=re.S)
    assert first_block is not None
    assert first_block.group(1).split("\n")[:-1] == ["make demo", "make test"]


@pytest.mark.parametrize("line", workbench_lines())
def test_every_command_and_flag_exists(line: str) -> None:
    words = shlex.split(line)[1:]
    command = main.commands.get(words[0])
    assert command is not None, f"README uses unknown command {words[0]!r}"
    known = {opt for param in command.params for opt in getattr(param, "opts", [])}
    for word in words[1:]:
        if word.startswith("--"):
            assert word.split("=")[0] in known, f"{line}: {word} is not an option of {words[0]}"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help(name: str) -> None:
    command = main.commands[name]
    assert isinstance(command, click.Command) and (command.help or "").strip()


def test_the_tour_runs_as_written(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tour = README.split("<!-- tour", 1)[1]
    block = re.search(r"```sh\n(.*?)```", tour, flags=re.S)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) >= 5
    outputs = []
    for line in lines:
        args = [
            str(tmp_path / w) if w in ("demo.db", "demo.json") else w for w in shlex.split(line)[1:]
        ]
        result = run(*args, cwd=REPO)
        assert result.returncode == 0, f"{line}\n{result.stderr}"
        assert "Traceback" not in result.stderr
        outputs.append(result.stdout)
    assert "10 records: 10 new" in outputs[0]
    assert "Barrel bombs killed nearly 40" in outputs[2]
    assert (tmp_path / "demo.json").exists()
