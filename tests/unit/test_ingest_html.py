"""Saved web pages: visible article text only, title and date from the usual places."""

from pathlib import Path

from conftest import DATA

from workbench.ingest import html
from workbench.ingest.records import Options, RawRecord


def fields_of(path: Path) -> dict[str, str]:
    [record] = list(html.read(path, Options()))
    assert isinstance(record, RawRecord)
    return record.fields


def test_article_text_without_scripts_nav_footer() -> None:
    fields = fields_of(DATA / "formats" / "page.html")
    text = fields["text"]
    assert "999" not in text  # script, style, aside
    assert "Home" not in text and "All rights reserved" not in text
    assert text.startswith("The toll from Monday’s raid on a fuel depot near Wadi Sirr rose to 19")
    assert "officials said & rescuers" in text  # entities decoded
    assert '"We found five more bodies," a rescuer said.' in text
    assert "[bold]markup[/]" in text  # text is data, kept literally
    assert "\n\n" in text  # paragraphs kept apart


def test_title_date_source_from_meta() -> None:
    fields = fields_of(DATA / "formats" / "page.html")
    assert fields["title"] == "Depot raid toll rises to 19"
    assert fields["date"] == "2016-05-03T09:15:00Z"
    assert fields["source"] == "Coastal Ledger"


def test_time_element_and_main() -> None:
    fields = fields_of(DATA / "formats" / "timed.htm")
    assert fields["date"] == "2016-05-04"
    assert fields["title"] == "Union blames army for depot raid"
    assert "deliberately bombed the depot" in fields["text"]


def test_title_tag_when_there_is_no_h1(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Raid report</title><meta name='date' content='11 June 2016'></head>"
        "<body><div><p>Nine people were killed in the raid, the council said.</p></div>"
        "<footer>contact us</footer></body></html>"
    )
    fields = fields_of(page)
    assert fields["title"] == "Raid report"
    assert fields["date"] == "11 June 2016"
    assert fields["text"] == "Nine people were killed in the raid, the council said."


def test_unclosed_tags_do_not_lose_text(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<body><p>First paragraph<p>Second <b>bold paragraph</body>")
    assert fields_of(page)["text"] == "First paragraph\n\nSecond bold paragraph"
