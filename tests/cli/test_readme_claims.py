"""README.md's Claims section stays true: its tour runs as written and its sample line appears."""

import json
import re
import shlex
from pathlib import Path

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Claims", 1)[1].split("\n## ", 1)[0]


def test_the_claims_tour_runs_as_written(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    block = re.search(r"<!-- claims tour.*?```sh\n(.*?)```", SECTION, flags=re.S)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    outputs = []
    for line in lines:
        args = [str(tmp_path / w) if w == "demo.db" else w for w in shlex.split(line)[1:]]
        result = run(*args, cwd=REPO)
        assert result.returncode == 0, f"{line}\n{result.stderr}"
        assert "Traceback" not in result.stderr
        outputs.append(result.stdout)
    assert "extracted 10 articles" in outputs[0]
    sample = re.search(r"```\n( +\d+ +\d+ +casualty .*)\n```", SECTION)
    assert sample is not None
    value_and_chain = " ".join(sample.group(1).split()[3:9])  # "killed ~<=39 people ..."
    assert value_and_chain in " ".join(outputs[1].split())
    rows = [json.loads(line) for line in outputs[2].splitlines()]
    assert rows and all(r["article_id"] == rows[0]["article_id"] for r in rows)
    assert "extracted 10 articles" in outputs[3]
