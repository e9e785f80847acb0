"""The HTML report: inert hostile text, nothing loaded from the network, the database's verdicts."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

from report.conftest import GENERATED_AT, HOSTILE_NOTE, HOSTILE_OUTLET, REVIEWERS, ReportDb
from workbench.report import ReportOptions, write_report

# Elements that fetch something when a browser shows the page.
FETCHING = {"script", "img", "link", "iframe", "frame", "object", "embed", "audio", "video",
            "source", "track", "image", "use", "base", "form", "input", "meta-refresh"}  # fmt: skip


class Page(HTMLParser):
    """Every start tag with its attributes, the text, and the table rows as lists of cell text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style = ""
        self.rows: list[tuple[str, list[str]]] = []  # (tr class, cells)
        self._stack: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._stack.append(tag)
        if tag == "tr":
            self.rows.append((dict(attrs).get("class") or "", []))
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1][1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "style":
            self.style += data
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def render(db: ReportDb, **options: object) -> str:
    out = io.StringIO()
    write_report(db.store, "html", out, ReportOptions(generated_at=GENERATED_AT, **options))  # type: ignore[arg-type]
    return out.getvalue()


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_hostile_text_is_escaped_and_inert(report_db: ReportDb) -> None:
    html = render(report_db)
    page = parse(html)
    assert not [t for t, _ in page.tags if t == "script"]
    assert "<script>" not in html and "</td> [bold]" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &lt;/td&gt;" in html
    text = "".join(page.text)
    assert HOSTILE_OUTLET in text  # shown to the reader exactly as written
    assert HOSTILE_NOTE in text
    assert "<b>who?</b> & [bold]x[/bold]" in text
    # no attribute carries an event handler, whatever the data held
    assert all(not k.startswith("on") for _, attrs in page.tags for k in attrs)


def test_loads_nothing_from_the_network(report_db: ReportDb) -> None:
    html = render(report_db)
    page = parse(html)
    for tag, attrs in page.tags:
        assert tag not in FETCHING, tag
        assert "src" not in attrs and "srcset" not in attrs and "xlink:href" not in attrs, tag
        if "href" in attrs:
            assert tag == "a", tag
            # a web address a reader may follow, or a place in this page
            assert re.match(r"https?://|#[\w-]+$", attrs["href"] or ""), attrs["href"]
    assert "@import" not in page.style and "url(" not in page.style
    assert not re.search(r"url\(|@import", html)
    csp = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert csp and "default-src 'none'" in (csp[0] or "")


def test_links_only_to_web_addresses(report_db: ReportDb) -> None:
    page = parse(render(report_db))
    hrefs = {a["href"] for t, a in page.tags if t == "a"}
    anchors = {f"#event-{i}" for i in report_db.events.values()}
    assert anchors <= hrefs
    assert {f"event-{i}" for i in report_db.events.values()} <= {a.get("id") for _, a in page.tags}
    assert hrefs - anchors == {"https://levant.example/strike", "https://courier.example/toll",
                     "https://levant.example/bomb"}  # fmt: skip
    assert "javascript:alert(1)" in "".join(page.text)  # shown as text, not followed


def test_claim_rows_match_the_database(report_db: ReportDb) -> None:
    page = parse(render(report_db))
    header = next(cells for cls, cells in page.rows if cells[:2] == ["#", "Source"])
    reviewer_columns = header[5:]
    assert reviewer_columns == list(REVIEWERS)
    shown = {int(cells[0]): cells for cls, cells in page.rows if cls == "claim"}
    store = report_db.store
    claims = list(store.iter_claims())
    assert set(shown) == {c.id for c in claims}
    current = store.current_verdicts()
    for claim in claims:
        cells = shown[claim.id]
        for reviewer, cell in zip(reviewer_columns, cells[5:], strict=True):
            entry = current.get((claim.fingerprint, reviewer))
            if entry is None or entry.verdict is None:
                assert cell == "\u2014"
            else:
                assert cell.startswith(entry.verdict)
                if entry.note:
                    assert " ".join(entry.note.split()) in cell
    quotes = "".join(page.text)
    assert all(c.quote in quotes for c in claims)


def test_range_chart_for_count_groups(report_db: ReportDb) -> None:
    html = render(report_db)
    groups = re.findall(r'<section class="group" id="group-(\d+)">(.*?)</section>', html, re.S)
    charts = {int(gid): body.count("<svg") for gid, body in groups}
    g = report_db.groups
    assert charts[g["strike/killed"]] == 1 and charts[g["strike/weapon"]] == 0
    killed = dict(groups)[str(g["strike/killed"])]
    svg = killed.split("<svg", 1)[1].split("</svg>", 1)[0]
    # 18+ is open to the right (an arrow), 27 a point, 40-41 a bar between two points
    assert svg.count('class="arrow"') == 1
    assert svg.count('<line class="bar') == 2
    assert ">at least 18<" in svg and ">27<" in svg and ">about 40\u201341<" in svg
    assert "&lt;script&gt;" in svg and "<script" not in svg


def test_generation_time_on_one_line(report_db: ReportDb) -> None:
    html = render(report_db)
    assert [line for line in html.splitlines() if GENERATED_AT in line] == [
        f'<p class="generated">Generated {GENERATED_AT} by claim-workbench 0.1.0.</p>'
    ]
    assert render(report_db) == html
