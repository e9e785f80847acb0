"""JSON dumps: `.json` (one article object, a list of them, or an object holding such a list
under `articles`/`items`/`records`/`data`) and `.jsonl` (one object a line, streamed)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from workbench.ingest.decode import BinaryFileError, decode
from workbench.ingest.files import read_bytes
from workbench.ingest.records import BadRecord, FileRejected, Options, RawRecord

LIST_KEYS = ("articles", "items", "records", "data", "results")


def _records(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in LIST_KEYS:
            if isinstance(document.get(key), list):
                return list(document[key])
        return [document]
    raise FileRejected(
        f"expected an article object or a list of them, found {type(document).__name__}"
    )


def _json_error(e: json.JSONDecodeError) -> str:
    """One line; says "truncated" when the document simply stops (a cut download or copy)."""
    at_end = e.pos >= len(e.doc.rstrip())
    truncated = e.msg.startswith("Unterminated string") or (
        e.msg.startswith("Expecting") and at_end
    )
    what = "truncated JSON" if truncated else "invalid JSON"
    return f"{what} at line {e.lineno} column {e.colno}: {e.msg}"


def read(path: Path, options: Options) -> Iterator[RawRecord | BadRecord]:
    data = read_bytes(path)
    try:
        text, redecoded = decode(data)
    except BinaryFileError as e:
        raise FileRejected(str(e)) from e
    try:
        document = json.loads(text)
    except json.JSONDecodeError as e:
        raise FileRejected(_json_error(e)) from e
    items = _records(document)
    if not items:
        raise FileRejected("no articles in the file (an empty list)")
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            yield BadRecord(number, f"expected an object, found {type(item).__name__}")
            continue
        yield RawRecord(number, item, redecoded, offset=len(data) * number // len(items))


def read_lines(path: Path, options: Options) -> Iterator[RawRecord | BadRecord]:
    """JSON Lines, streamed: one record a line, each line decoded on its own."""
    try:
        handle = path.open("rb")
    except OSError as e:
        raise FileRejected(f"cannot read: {e.strerror or e}") from e
    with handle:
        head = handle.read(8192)
        if not head.strip():
            raise FileRejected("empty file")
        if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise FileRejected("binary file (NUL bytes), not text")
        handle.seek(0)
        number = 0
        for line_no, line in enumerate(handle, start=1):
            if line_no == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            number += 1
            offset = handle.tell()
            try:
                text, redecoded = decode(line)
            except BinaryFileError:
                yield BadRecord(number, "binary data (NUL bytes), not text", line_no, offset)
                continue
            try:
                item = json.loads(text)
            except json.JSONDecodeError as e:
                yield BadRecord(
                    number, f"invalid JSON: {e.msg} (column {e.colno})", line_no, offset
                )
                continue
            if not isinstance(item, dict):
                yield BadRecord(
                    number, f"expected an object, found {type(item).__name__}", line_no, offset
                )
                continue
            yield RawRecord(number, item, redecoded, line_no, offset)
        if number == 0:
            raise FileRejected("empty file")
