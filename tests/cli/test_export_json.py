"""The JSON export contract: schema workbench-export/1, article fields, stable order."""

import json
from pathlib import Path

from conftest import DATA

ARTICLE_FIELDS = {
    "id",
    "external_id",
    "source",
    "title",
    "published",
    "url",
    "sha256",
    "text",
    "metadata",
}
SECTIONS = ["articles", "claims", "events", "groups", "suggestions", "verdicts"]


def test_export_contract(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run("ingest", DATA / "formats", "--db", db_path).returncode == 0
    out = run("export", "--format", "json", "--db", db_path)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == "workbench-export/1"
    assert {"generated_at", "tool_version"} <= set(data)
    for section in SECTIONS:
        assert isinstance(data[section], list)
    articles = data["articles"]
    assert len(articles) == 12
    assert [a["id"] for a in articles] == sorted(a["id"] for a in articles)
    for a in articles:
        assert ARTICLE_FIELDS <= set(a)
        assert isinstance(a["id"], int) and isinstance(a["metadata"], dict)
        assert a["published"] is None or len(a["published"]) == 10
        assert len(a["sha256"]) == 64
    by_id = {a["external_id"]: a for a in articles}
    assert by_id["102"]["metadata"] == {"label": "0", "location": "Wadi Sirr"}
    assert by_id["notes.md"]["published"] is None and by_id["notes.md"]["source"] is None

    # --output writes the same document (apart from the time it was made)
    target = tmp_path / "out" / "export.json"
    target.parent.mkdir()
    written = run("export", "--output", target, "--db", db_path)
    assert written.returncode == 0 and "wrote 12 articles" in written.stderr
    again = json.loads(target.read_text(encoding="utf-8"))
    data.pop("generated_at"), again.pop("generated_at")
    assert again == data


def test_export_to_an_unwritable_place(run, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", DATA / "formats" / "notes.md", "--db", db_path)
    result = run("export", "--output", tmp_path / "missing-dir" / "x.json", "--db", db_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr
