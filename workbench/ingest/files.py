"""Reading a file's bytes with the checks every reader shares."""

from __future__ import annotations

from pathlib import Path

from workbench.ingest.decode import BinaryFileError, decode
from workbench.ingest.records import FileRejected


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes; FileRejected when it is empty, too large or unreadable."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise FileRejected(
                f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit for one"
                " article (--max-article-mb)"
            )
        data = path.read_bytes()
    except OSError as e:
        raise FileRejected(f"cannot read: {e.strerror or e}") from e
    if not data.strip():
        raise FileRejected("empty file")
    return data


def read_text(path: Path, max_bytes: int | None = None) -> tuple[str, bool]:
    """The file as text (UTF-8, bytes that are not read as cp1252) and whether cp1252 was needed."""
    data = read_bytes(path, max_bytes)
    try:
        text, redecoded = decode(data)
    except BinaryFileError as e:
        raise FileRejected(str(e)) from e
    if not text.strip():
        raise FileRejected("empty file")
    return text, redecoded
