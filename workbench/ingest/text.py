"""Plain-text articles (.txt, .md): one file, one article.

Optional header lines at the top, each a lowercase key, a space and a value:
`date 2016-09-17` (any date form `parse_date` reads; text after an ISO date on the same line is the
article's first line, as in the seed article), `source Levant Wire`, `url https://...`.
A short first line followed by a blank line is the title; otherwise the title is derived from
the text and the text is kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from workbench.dates import parse_date
from workbench.ingest.files import read_text
from workbench.ingest.records import TITLE_MAX, BadRecord, Options, RawRecord

_HEADER = re.compile(r"^[ \t]*(date|source|url|title)[ \t]+(\S.*?)\s*$")
_ISO_DATE_THEN_TEXT = re.compile(r"^(\d{4}-\d{2}-\d{2})\s+(\S.*)$")


def split_headers(text: str) -> tuple[dict[str, str], str]:
    """Take the header lines off the top; returns them and the article text."""
    headers: dict[str, str] = {}
    lines = text.lstrip("\ufeff").split("\n")
    i = 0
    while i < len(lines):
        m = _HEADER.match(lines[i].rstrip("\r"))
        if not m or m.group(1) in headers:
            break
        key, value = m.group(1), m.group(2)
        if key == "date" and parse_date(value) is None:
            inline = _ISO_DATE_THEN_TEXT.match(value)
            if inline is None or parse_date(inline.group(1)) is None:
                break
            headers["date"] = inline.group(1)
            lines[i] = inline.group(2)  # the rest of the line is the article's first line
            break
        headers[key] = value
        i += 1
    return headers, "\n".join(lines[i:])


def split_title(body: str) -> tuple[str | None, str]:
    """A headline line followed by a blank line is the title, not part of the article text.

    Keeping headlines out of the text lets two outlets printing one wire story under different
    headlines be seen as sharing text.
    """
    stripped = body.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if sep and rest.startswith(("\n", "\r\n")) and rest.strip() and first:
        if len(first) <= TITLE_MAX and not first.endswith("."):
            return first, rest
    return None, body


def read(path: Path, options: Options) -> Iterator[RawRecord | BadRecord]:
    text, redecoded = read_text(path, options.max_article_bytes)
    headers, body = split_headers(text)
    if "title" not in headers:
        title, body = split_title(body)
        if title:
            headers["title"] = title
    fields: dict[str, str] = {"text": body, **headers}
    yield RawRecord(1, fields, redecoded, line=1, offset=len(text))
