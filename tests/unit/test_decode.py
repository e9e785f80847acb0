"""UTF-8 first; bytes that are not UTF-8 are cp1252, record by record, and no U+FFFD is made up."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.ingest.decode import BinaryFileError, decode, has_escaped_bytes, repair_escaped


@pytest.mark.parametrize(
    ("data", "text", "redecoded"),
    [
        (b"plain ascii", "plain ascii", False),
        ("caf\u00e9 \u2019quoted\u2019".encode(), "caf\u00e9 \u2019quoted\u2019", False),
        (b"caf\xe9 owner\x92s", "caf\u00e9 owner\u2019s", True),
        (b"\x93quoted\x94 \x96 dash", "\u201cquoted\u201d \u2013 dash", True),
        # valid UTF-8 and cp1252 bytes in one record: each read as what it is
        (b"\xe2\x80\x9cok\xe2\x80\x9d and caf\xe9", "\u201cok\u201d and caf\u00e9", True),
        (b"\xef\xbb\xbfwith a BOM", "with a BOM", False),
        ("utf-16 text".encode("utf-16"), "utf-16 text", False),
        # 0x81 is undefined in cp1252: kept as the Latin-1 control character, not U+FFFD
        (b"odd \x81 byte", "odd \x81 byte", True),
    ],
)
def test_decode(data: bytes, text: str, redecoded: bool) -> None:
    assert decode(data) == (text, redecoded)


def test_binary_is_refused() -> None:
    with pytest.raises(BinaryFileError):
        decode(b"%PDF-1.4\x00\x00\x01binary")


def test_repair_of_surrogate_escaped_csv_fields() -> None:
    field = b"caf\xe9".decode("utf-8", errors="surrogateescape")
    assert has_escaped_bytes(field)
    assert repair_escaped(field) == "caf\u00e9"
    assert not has_escaped_bytes("caf\u00e9")


@given(st.binary(max_size=200).filter(lambda b: b"\x00" not in b))
def test_decode_never_fails_and_never_invents_replacement_chars(data: bytes) -> None:
    text, _ = decode(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # a UTF-16 BOM: decoded as UTF-16, replacement allowed for odd lengths
    assert "\ufffd" not in text or "\ufffd".encode() in data
