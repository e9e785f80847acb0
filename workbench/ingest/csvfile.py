"""Spreadsheet exports (.csv): a header row, then one article a record, streamed.

Columns are matched by common names (see `records.FIELD_NAMES`) or by `--column text=Body`;
every other column is kept as the article's metadata. A record with invalid UTF-8 is re-decoded
as cp1252, that record only.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from workbench.ingest.decode import has_escaped_bytes, repair_escaped
from workbench.ingest.records import (
    FIELD_NAMES,
    BadRecord,
    FileRejected,
    Options,
    RawRecord,
    match_fields,
)

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article text is long; the size check is ours


def read(path: Path, options: Options) -> Iterator[RawRecord | BadRecord]:
    try:
        raw = path.open("rb")
    except OSError as e:
        raise FileRejected(f"cannot read: {e.strerror or e}") from e
    with raw:
        head = raw.read(8192)
        if not head.strip():
            raise FileRejected("empty file")
        if b"\x00" in head:
            raise FileRejected("binary file (NUL bytes), not text")
        raw.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        stream = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")
        reader = csv.reader(stream, strict=True)
        try:
            header = next(reader)
        except (csv.Error, StopIteration) as e:
            raise FileRejected(f"cannot read the header row: {e}") from e
        header = [repair_escaped(h) if has_escaped_bytes(h) else h for h in header]
        if len(set(header)) != len(header):
            dupes = sorted({h for h in header if header.count(h) > 1})
            raise FileRejected(f"the header repeats column {', '.join(map(repr, dupes))}")
        names = match_fields(header, options.columns)
        for field, wanted in options.columns.items():
            if field not in names:
                raise FileRejected(
                    f"no column {wanted!r} for {field} (columns: {', '.join(header)})"
                )
        if "text" not in names:
            raise FileRejected(
                "no text column (looked for "
                + ", ".join(FIELD_NAMES["text"][:5])
                + f"; columns: {', '.join(header)}); name it with --column text=COLUMN"
            )
        number = 0
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                number += 1
                reason = f"malformed CSV: {e}"
                if "unexpected end of data" in str(e):
                    reason = "unexpected end of file inside a quoted field (truncated file?)"
                yield BadRecord(number, reason, line, raw.tell())
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # blank line
            number += 1
            if len(row) != len(header):
                yield BadRecord(
                    number,
                    f"has {len(row)} fields, the header has {len(header)}",
                    line,
                    raw.tell(),
                )
                continue
            redecoded = False
            if any(has_escaped_bytes(cell) for cell in row):
                row = [repair_escaped(cell) if has_escaped_bytes(cell) else cell for cell in row]
                redecoded = True
            fields = dict(zip(header, row, strict=True))
            yield RawRecord(number, fields, redecoded, line, raw.tell())
        if number == 0:
            raise FileRejected("no records after the header row")
