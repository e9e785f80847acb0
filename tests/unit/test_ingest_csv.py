"""CSV exports: header matching, --column, metadata, the cp1252 record, malformed records."""

from pathlib import Path

import pytest
from conftest import DATA

from workbench.ingest import csvfile
from workbench.ingest.records import BadRecord, FileRejected, Options, RawRecord, build_record


def built(path: Path, options: Options | None = None):  # type: ignore[no-untyped-def]
    options = options or Options()
    out = []
    for item in csvfile.read(path, options):
        if isinstance(item, RawRecord):
            out.append(build_record(item, str(path), f"#{item.number}", options)[0])
        else:
            out.append(item)
    return out


def test_fakes_style_columns_and_metadata() -> None:
    first, second, third = built(DATA / "formats" / "table.csv")
    assert (first.external_id, first.title, first.source, first.published) == (
        "101", "Raid on depot", "gazette", "2016-05-03",
    )  # fmt: skip
    assert first.metadata == {"location": "Wadi Sirr", "label": "1"}
    assert (
        first.text
        == 'Officials said 19 people were killed, among them 3 children.\nThe "raid" was condemned.'
    )
    assert third.published == "2015-02-23"


def test_cp1252_record_is_redecoded_alone() -> None:
    first, second, third = built(DATA / "formats" / "table.csv")
    assert second.encoding == "cp1252"
    assert second.title == "Café owner’s account"
    assert second.text == "The café owner’s brother was among 12 killed, he said."
    assert first.encoding == third.encoding == "utf-8"
    assert third.text == "Aid workers in “Wadi Sirr” counted 20 dead."  # real UTF-8 untouched


def test_column_option_names_the_text_column(tmp_path: Path) -> None:
    path = tmp_path / "custom.csv"
    path.write_text("Ref,Headline,Story Body,Paper\n1,H,Eight died.,Daily\n", encoding="utf-8")
    with pytest.raises(FileRejected, match="no text column"):
        built(path)
    [record] = built(path, Options(columns={"text": "Story Body", "id": "Ref"}))
    assert (record.text, record.external_id, record.title) == ("Eight died.", "1", "H")
    assert record.metadata == {"Paper": "Daily"}


def test_missing_named_column(tmp_path: Path) -> None:
    path = tmp_path / "custom.csv"
    path.write_text("id,text\n1,x\n", encoding="utf-8")
    with pytest.raises(FileRejected, match="no column 'Body' for text"):
        built(path, Options(columns={"text": "Body"}))


def test_malformed_and_truncated_records(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b'id,text\n1,good\n2,too,many\n3,"also good"\n4,"never closed\n5,lost\n')
    records = built(path)
    assert [r.external_id for r in records if not isinstance(r, BadRecord)] == ["1", "3"]
    bad = [r for r in records if isinstance(r, BadRecord)]
    assert [(b.number, b.line) for b in bad] == [(2, 3), (4, 5)]
    assert "has 3 fields, the header has 2" in bad[0].reason
    assert "end of file inside a quoted field" in bad[1].reason


def test_long_fields_are_read(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    body = "word " * 100_000  # 500 kB: over the csv module's default field limit
    path.write_text(f'id,text\n1,"{body}"\n', encoding="utf-8")
    [record] = built(path)
    assert len(record.text) == len(body.strip())
