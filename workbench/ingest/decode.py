"""Bytes to text: UTF-8 first; bytes that are not UTF-8 are read as cp1252, that record only.

Real exports mix encodings: a UTF-8 file with a few records pasted from a Windows program holds
cp1252 bytes (0x92 for a right quote, 0xE9 for é). Those bytes are decoded one by one as cp1252
(the five bytes cp1252 leaves undefined as Latin-1), so no U+FFFD is stored where cp1252 gives a
real character, and the valid UTF-8 around them is kept as it is.
"""

from __future__ import annotations

import codecs
import re

ERRORS = "workbench-cp1252"
_SURROGATES = re.compile("[\udc80-\udcff]")
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _cp1252_byte(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in cp1252
        return chr(byte)


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(_cp1252_byte(b) for b in bad), error.end


codecs.register_error(ERRORS, _fallback)


class BinaryFileError(ValueError):
    """The bytes are not text."""


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes) -> tuple[str, bool]:
    """Decode one record's bytes; returns the text and whether cp1252 was needed."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), False
    if b"\x00" in data[:8192]:
        raise BinaryFileError("binary file (NUL bytes), not text")
    if is_utf8(data):
        return data.decode("utf-8"), False
    return data.decode("utf-8", errors=ERRORS), True


def has_escaped_bytes(text: str) -> bool:
    """True when text read with errors='surrogateescape' holds bytes that were not UTF-8."""
    return _SURROGATES.search(text) is not None


def repair_escaped(text: str) -> str:
    """Re-decode the surrogate-escaped bytes of a 'surrogateescape' string as cp1252."""
    return text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors=ERRORS)
