"""JSON and JSON Lines: field names by their common aliases, the rest kept as metadata."""

import json
from pathlib import Path

import pytest
from conftest import DATA

from workbench.ingest import jsonfile
from workbench.ingest.records import BadRecord, FileRejected, Options, RawRecord, build_record


def built(path: Path, reader=jsonfile.read):  # type: ignore[no-untyped-def]
    out = []
    for item in reader(path, Options()):
        if isinstance(item, RawRecord):
            out.append(build_record(item, str(path), f"{path.name}#{item.number}", Options())[0])
        else:
            out.append(item)
    return out


def test_list_with_field_aliases() -> None:
    first, second = built(DATA / "formats" / "list.json")
    assert (first.external_id, first.source, first.published) == (
        "HG-1",
        "Harbour Gazette",
        "2016-05-03",
    )
    assert first.metadata == {"section": "World"}
    assert first.url == "https://harbour-gazette.example/day-after"
    assert (second.external_id, second.title, second.source) == (
        "7",
        "Raid on depot",
        "Inland Times",
    )
    assert second.text.startswith("Inland Times reports that the raid killed 17")


def test_single_object_and_wrapped_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "T", "content": "Seven died in the raid."}))
    [record] = built(one)
    assert record.text == "Seven died in the raid." and record.external_id == "one.json#1"
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"articles": [{"text": "a"}, {"text": "b"}], "count": 2}))
    assert [r.text for r in built(wrapped)] == ["a", "b"]


def test_jsonl_skips_blank_lines_and_numbers_records() -> None:
    records = built(DATA / "formats" / "lines.jsonl", jsonfile.read_lines)
    assert [(r.record, r.external_id, r.published) for r in records] == [
        (1, "L1", "2016-05-03"),
        (2, "L2", "2016-05-04"),
    ]


def test_bad_records_are_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "good one"}\n{"text": \n[1, 2]\n{"title": "no text"}\n{"text": ["a list"]}\n'
    )
    records = built(path, jsonfile.read_lines)
    assert records[0].text == "good one"
    bad = [r for r in records if isinstance(r, BadRecord)]
    assert [(b.number, b.line) for b in bad] == [(2, 2), (3, 3), (4, 4), (5, 5)]
    assert "invalid JSON" in bad[0].reason
    assert "expected an object" in bad[1].reason
    assert "no article text" in bad[2].reason
    assert "is a list" in bad[3].reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('[{"text": "a"}, {"text": "b"', "truncated JSON"),
        ('{"text": "a",, }', "invalid JSON"),
        ("42", "expected an article object"),
        ("[]", "no articles"),
    ],
)
def test_whole_file_failures(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(FileRejected, match=reason):
        list(jsonfile.read(path, Options()))
