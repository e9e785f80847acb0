"""Plain-text articles: header lines, the title rule, the seed article's inline date."""

from pathlib import Path

import pytest
from conftest import DATA, SEED, need_seed

from workbench.ingest import text
from workbench.ingest.records import Options, RawRecord, build_record, derive_title


def read_one(path: Path) -> RawRecord:
    [record] = list(text.read(path, Options()))
    assert isinstance(record, RawRecord)
    return record


def test_header_lines_and_headline() -> None:
    fields = read_one(DATA / "formats" / "strike.txt").fields
    assert fields["date"] == "2016-05-02"
    assert fields["source"] == "Harbour Gazette"
    assert fields["url"] == "https://harbour-gazette.example/strike"
    assert fields["title"] == "Jets hit fuel depot outside Wadi Sirr"
    assert fields["text"].lstrip().startswith("At least 14 people were killed")
    assert "Jets hit fuel depot" not in fields["text"]  # the headline is the title, not the text


def test_inline_date_then_headline_as_in_the_seed() -> None:
    fields = read_one(DATA / "formats" / "seedlike.txt").fields
    assert fields["date"] == "2016-05-03"
    assert fields["title"] == "Officials say toll from Wadi Sirr raid rises to 19"
    assert fields["text"].strip().startswith("The toll from the raid")


def test_seed_article_title_and_date() -> None:
    need_seed()
    record, warnings = build_record(read_one(SEED), str(SEED), SEED.name, Options())
    assert not warnings
    assert record.published == "2016-09-17"  # type: ignore[union-attr]
    assert record.title.startswith("Syria’s army general command has said")  # type: ignore[union-attr]
    assert record.text.startswith("According to Syria’s official news agency SANA")  # type: ignore[union-attr]


def test_no_headers_keeps_the_text_whole(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("The raid killed nine workers. The union blamed the army.\n", encoding="utf-8")
    fields = read_one(path).fields
    assert set(fields) == {"text"}
    assert fields["text"].startswith("The raid killed nine workers.")


def test_a_date_line_that_is_not_a_date_is_text(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("date palms burned after the raid\n\nFarmers said 200 trees burned.\n")
    fields = read_one(path).fields
    assert "date" not in fields
    assert fields["title"] == "date palms burned after the raid"


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("Short headline\n\nBody.", "Short headline"),
        (
            "A first line that ends with a full stop. Then more.\nNext line.",
            "A first line that ends with a full stop.",
        ),
        ("Officials said 19 died. Rescuers kept digging.", "Officials said 19 died."),
        ("x" * 300, "x" * 199 + "…"),
    ],
)
def test_derive_title(body: str, title: str) -> None:
    derived = derive_title(body)
    assert derived == title or (len(title) > 200 and derived.endswith("…"))
