"""Hostile input for every reader: arbitrary bytes and near-miss documents, written to a real file
and ingested into a real database.

Whatever the file holds: no exception escapes `ingest_paths` (problems become per-file or
per-record notices), a rejected file leaves no rows, every stored article's text is non-empty and
holds no NUL, and the report's counts match what the database holds.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from workbench.ingest import ingest_paths
from workbench.store import Store

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# pieces that steer the readers into their interesting paths
WORDS = ["killed", "at least 45", "said", "\n", "\n\n", " ", "é", "’", "\x00", "\r\n", "\ufeff"]
HTML_PIECES = [
    "<p>", "</p>", "<article>", "</article>", "<main>", "<h1>", "</h1>", "<title>", "</title>",
    "<script>", "</script>", "<style>", "<nav>", "</nav>", "<br>", "<!--", "-->", "&amp;", "&#0;",
    "&#x110000;", "<time datetime='2016-09-17'>", "<meta name='date' content='yesterday'>",
    "<meta property='og:site_name' content='Levant Wire'>", "<![CDATA[", "<div hidden>", "</div>",
    "<", ">", "\"", "'",
]  # fmt: skip
HEADERS = ["date 2016-09-17", "date 2016-09-17 Text on the same line", "source Levant Wire",
           "url https://x.example/a", "title A headline", "date not-a-date"]  # fmt: skip
FIELD_NAMES = ["id", "title", "text", "content", "body", "source", "date", "url", "x", ""]

text = st.lists(st.text(max_size=20) | st.sampled_from(WORDS), max_size=30).map("".join)
some_bytes = st.binary(max_size=600)
json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(FIELD_NAMES) | text, inner, max_size=5),
    ),
    max_leaves=12,
)
record = st.dictionaries(st.sampled_from(FIELD_NAMES), json_value | text, max_size=6)


def _encode(value: str, how: str) -> bytes:
    if how == "utf-16":
        return value.encode("utf-16")
    if how == "cp1252":
        return value.encode("cp1252", errors="replace")
    return value.encode("utf-8", errors="surrogatepass")


encoded_text = st.builds(_encode, text, st.sampled_from(["utf-8", "utf-16", "cp1252"]))


@st.composite
def txt_files(draw: st.DrawFn) -> bytes:
    headers = draw(st.lists(st.sampled_from(HEADERS), max_size=3))
    body = draw(text)
    raw = ("\n".join(headers) + "\n" + body).encode("utf-8", errors="surrogatepass")
    return draw(st.sampled_from([raw, draw(some_bytes), draw(encoded_text)]))


@st.composite
def html_files(draw: st.DrawFn) -> bytes:
    pieces = draw(st.lists(st.sampled_from(HTML_PIECES) | text, max_size=40))
    raw = "".join(pieces).encode("utf-8", errors="surrogatepass")
    return draw(st.sampled_from([raw, draw(some_bytes)]))


@st.composite
def json_files(draw: st.DrawFn) -> bytes:
    document: Any = draw(
        st.one_of(
            record,
            st.lists(record, max_size=5),
            st.dictionaries(st.sampled_from(["articles", "items", "data"]), st.lists(record)),
            json_value,
        )
    )
    raw = json.dumps(document, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    cut = draw(st.integers(min_value=0, max_value=len(raw)))
    return draw(st.sampled_from([raw, raw[:cut], draw(some_bytes)]))


@st.composite
def jsonl_files(draw: st.DrawFn) -> bytes:
    lines = draw(
        st.lists(
            st.one_of(
                record.map(lambda r: json.dumps(r).encode()),
                json_value.map(lambda v: json.dumps(v).encode()),
                some_bytes.filter(lambda b: b"\n" not in b),
                st.just(b""),
            ),
            max_size=8,
        )
    )
    return b"\n".join(lines)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    header = draw(
        st.lists(st.sampled_from(FIELD_NAMES) | text, min_size=1, max_size=5, unique=True)
    )
    rows = draw(st.lists(st.lists(text, min_size=0, max_size=len(header) + 1), max_size=6))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    raw = out.getvalue().encode("utf-8", errors="surrogatepass")
    cut = draw(st.integers(min_value=0, max_value=len(raw)))
    return draw(st.sampled_from([raw, raw[:cut], draw(some_bytes)]))


def check_ingest(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        db = Path(tmp) / "fuzz.db"
        with Store.open(db) as store:
            report = ingest_paths(store, [path])  # must not raise, whatever the bytes
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT text, file FROM articles").fetchall()
        aliases = conn.execute("SELECT COUNT(*) FROM article_aliases").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        [fr] = report.files
        if fr.rejected is not None:  # nothing half-written
            assert rows == [] and aliases == 0, fr.rejected
            assert any(n.level == "error" for n in fr.notices)
        assert fr.new == len(rows)
        assert fr.new + fr.duplicates + fr.skipped == fr.records or fr.rejected is not None
        for stored, file in rows:
            assert stored.strip(), "an article with empty text was stored"
            assert "\x00" not in stored, "an article with a NUL was stored"
            assert file == str(path)
        for notice in fr.notices:  # one line each
            assert "\n" not in str(notice)


@FUZZ
@given(txt_files(), st.sampled_from([".txt", ".md"]))
def test_text_reader(data: bytes, suffix: str) -> None:
    check_ingest(data, suffix)


@FUZZ
@given(html_files(), st.sampled_from([".html", ".htm"]))
def test_html_reader(data: bytes, suffix: str) -> None:
    check_ingest(data, suffix)


@FUZZ
@given(json_files())
def test_json_reader(data: bytes) -> None:
    check_ingest(data, ".json")


@FUZZ
@given(jsonl_files())
@example(b'{"text": "\\u0000"}')  # found by this test: a NUL in the text was stored
def test_jsonl_reader(data: bytes) -> None:
    check_ingest(data, ".jsonl")


@FUZZ
@given(csv_files())
@example(b'"\n"\r\n')  # found by this test: a header with a newline made a two-line notice
def test_csv_reader(data: bytes) -> None:
    check_ingest(data, ".csv")
