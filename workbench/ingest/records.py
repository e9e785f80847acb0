"""What readers yield, and how a record's fields become an `ArticleRecord`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from workbench.dates import parse_date
from workbench.models import ArticleRecord

# Canonical field -> the names inputs commonly give it (compared after `header_key`).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "unit_id", "article_id", "guid", "uid", "doc_id"),
    "title": ("title", "article_title", "headline", "heading"),
    "text": ("text", "content", "article_content", "body", "article_text", "article", "story"),
    "source": ("source", "outlet", "publisher", "source_name", "site_name", "agency"),
    "date": (
        "date",
        "published",
        "published_at",
        "pubdate",
        "publication_date",
        "date_published",
        "datepublished",
    ),
    "url": ("url", "link", "article_url", "permalink"),
}
FIELDS = tuple(FIELD_NAMES)
TITLE_MAX = 200  # a first line longer than this is not a headline


class FileRejected(Exception):
    """The whole file cannot be ingested; nothing from it is kept."""


@dataclass
class RawRecord:
    """One record as a reader found it: field names as in the input."""

    number: int
    fields: dict[str, Any]
    redecoded: bool = False
    line: int | None = None
    offset: int = 0  # bytes of the file read so far (for progress)


@dataclass
class BadRecord:
    """A record that cannot become an article; the rest of the file is kept."""

    number: int
    reason: str
    line: int | None = None
    offset: int = 0


@dataclass
class Options:
    source: str | None = None  # the outlet where the input names none
    columns: dict[str, str] = field(default_factory=dict)  # canonical field -> input name
    max_article_bytes: int = 5_000_000


def header_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(name).strip().lower()).strip("_")


def match_fields(names: list[str], columns: Mapping[str, str]) -> dict[str, str]:
    """Map canonical fields to the input's own names; explicit `columns` win."""
    by_key = {header_key(n): n for n in reversed(names)}
    found: dict[str, str] = {}
    for canonical, aliases in FIELD_NAMES.items():
        if canonical in columns:
            wanted = columns[canonical]
            if wanted in names:
                found[canonical] = wanted
            elif header_key(wanted) in by_key:
                found[canonical] = by_key[header_key(wanted)]
            continue
        for alias in aliases:
            if alias in by_key:
                found[canonical] = by_key[alias]
                break
    return found


@lru_cache(maxsize=256)
def _cached_fields(names: tuple[str, ...], columns: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return match_fields(list(names), dict(columns))


def fields_for(names: list[str], columns: Mapping[str, str]) -> dict[str, str]:
    """`match_fields`, remembered: the records of one file nearly always share their names.

    The returned mapping is shared between calls: read it, never change it.
    """
    return _cached_fields(tuple(names), tuple(sorted(columns.items())))


def normalise_text(text: str) -> str:
    """The stored form of article text: newlines unified, outer blank space trimmed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def dedupe_key(text: str) -> str:
    """The text compared for duplicates: NFC, every run of white space one space."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")


def derive_title(text: str) -> str:
    """The first line when it is short and has no final full stop, else the first sentence."""
    first_line = text.split("\n", 1)[0].strip()
    if first_line and len(first_line) <= TITLE_MAX and not first_line.endswith("."):
        return first_line
    flat = " ".join(text.split())
    m = _SENTENCE_END.search(flat)
    sentence = flat[: m.start()] if m else flat
    if len(sentence) > TITLE_MAX:
        sentence = sentence[: TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
    return sentence


def _as_text(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, Mapping) and "name" in value:
        value = value["name"]
    if isinstance(value, bool) or isinstance(value, (list, dict)):
        raise ValueError(f"field '{name}' is a {type(value).__name__}, not text")
    text = str(value)
    if "\x00" in text:  # "\u0000" in JSON, or NUL bytes past a reader's binary check
        raise ValueError(f"field '{name}' holds NUL characters (binary data), not text")
    return text


def build_record(
    raw: RawRecord,
    file: str,
    default_id: str,
    options: Options,
    names: dict[str, str] | None = None,
) -> tuple[ArticleRecord | BadRecord, list[str]]:
    """Turn a reader's record into an ArticleRecord (or the reason it cannot be one).

    Returns the result and warnings (an unreadable date). Fields that are not one of the
    canonical ones are kept as metadata under their input names.
    """
    names = names if names is not None else fields_for(list(raw.fields), options.columns)
    warnings: list[str] = []
    values: dict[str, str | None] = {}
    try:
        for canonical in FIELDS:
            name = names.get(canonical)
            values[canonical] = _as_text(raw.fields.get(name), name) if name else None
    except ValueError as e:
        return BadRecord(raw.number, str(e), raw.line, raw.offset), warnings
    text = normalise_text(values["text"] or "")
    if not text:
        looked = names.get("text") or "/".join(FIELD_NAMES["text"][:4])
        return BadRecord(
            raw.number,
            f"no article text (field '{looked}' is empty or missing)",
            raw.line,
            raw.offset,
        ), warnings
    size = len(text.encode("utf-8"))
    if size > options.max_article_bytes:
        return BadRecord(
            raw.number,
            f"article text is {size / 1e6:.1f} MB, over the {options.max_article_bytes / 1e6:g} MB"
            " limit for one article (--max-article-mb)",
            raw.line,
            raw.offset,
        ), warnings
    published = published_at = None
    date_value = (values["date"] or "").strip()
    if date_value:
        parsed = parse_date(date_value)
        if parsed is None:
            warnings.append(f"date {date_value!r} not understood; stored as null")
        else:
            published, published_at = parsed.date, parsed.at
    used = {n for n in names.values()}
    metadata = {k: v for k, v in raw.fields.items() if k not in used and not k.startswith("_")}
    if date_value and published is None:
        metadata.setdefault("date_unparsed", date_value)
    title = " ".join((values["title"] or "").split()) or derive_title(text)
    source = " ".join((values["source"] or "").split()) or options.source
    external_id = (values["id"] or "").strip() or default_id
    record = ArticleRecord(
        file=file,
        record=raw.number,
        external_id=external_id,
        text=text,
        title=title,
        source=source,
        published=published,
        published_at=published_at,
        url=(values["url"] or "").strip() or None,
        metadata=metadata,
        encoding="cp1252" if raw.redecoded else "utf-8",
    )
    return record, warnings
