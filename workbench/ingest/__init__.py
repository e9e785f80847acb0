"""Ingest: files on disk -> stored articles, one transaction per file.

`ingest_paths` walks files and directories, picks a reader by extension, turns each record into
an `ArticleRecord`, deduplicates by (outlet, hash of the normalised text) and reports every record
it could not keep by file and record number.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from workbench.ingest import csvfile, html, jsonfile, text
from workbench.ingest.records import (
    BadRecord,
    FileRejected,
    Options,
    RawRecord,
    build_record,
    dedupe_key,
)
from workbench.store import Store, now

Reader = Callable[[Path, Options], Iterator[RawRecord | BadRecord]]
READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": text.read,
    ".html": html.read,
    ".htm": html.read,
    ".json": jsonfile.read,
    ".jsonl": jsonfile.read_lines,
    ".csv": csvfile.read,
}
DETAIL_LIMIT = 20  # per-record detail lines kept per file and kind

__all__ = ["Options", "READERS", "FileReport", "IngestReport", "ingest_paths", "expand_paths"]


@dataclass
class Notice:
    """One line for the user about a file or one of its records."""

    level: str  # error, warning, duplicate, shared
    file: str
    message: str
    record: int | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.record is not None:
            where += f" record {self.record}"
            if self.line is not None:
                where += f" (line {self.line})"
        return one_line(f"{self.level}: {where}: {self.message}")


def one_line(text: str) -> str:
    """Control characters from the input (a newline in a column name, an escape sequence) shown
    escaped, so that a notice is always one line and cannot restyle the terminal."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


@dataclass
class FileReport:
    path: str
    records: int = 0
    new: int = 0
    duplicates: int = 0
    redecoded: int = 0
    skipped: int = 0
    shared: int = 0
    undated: int = 0
    rejected: str | None = None  # why the whole file was not ingested
    new_ids: list[int] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(getattr(f, name) for f in self.files)

    @property
    def rejected_files(self) -> list[FileReport]:
        return [f for f in self.files if f.rejected is not None]

    @property
    def new_ids(self) -> list[int]:
        return [i for f in self.files for i in f.new_ids]

    @property
    def exit_status(self) -> int:
        """0 when anything was ingested or everything was already there, 1 when nothing could be."""
        if self.total("new") or self.total("duplicates"):
            return 0
        return 1


@dataclass
class Progress:
    """What a progress display needs; `ingest_paths` calls `on_progress` with it."""

    records: int = 0
    bytes_done: int = 0
    bytes_total: int = 0


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, bool]]:
    """Files to read, in a stable order: (path, named explicitly). Hidden files are passed over."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name, False
        else:
            yield p, True


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def ingest_paths(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    options: Options | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    options = options or Options()
    files = list(expand_paths(paths))
    progress = Progress(bytes_total=sum(_size(p) for p, _ in files))
    report = IngestReport()
    for path, explicit in files:
        report.files.append(_ingest_file(store, path, explicit, options, progress, on_progress))
    return report


def _ingest_file(
    store: Store,
    path: Path,
    explicit: bool,
    options: Options,
    progress: Progress,
    on_progress: Callable[[Progress], None] | None,
) -> FileReport:
    name = str(path)
    fr = FileReport(name)
    start_bytes = progress.bytes_done
    reader = READERS.get(path.suffix.lower())
    if not path.exists():
        fr.rejected = "no such file or directory"
    elif reader is None:
        known = ", ".join(sorted(READERS))
        fr.rejected = (
            f"unsupported file type {path.suffix or '(no extension)'!r} (expected {known})"
        )
        if not explicit:
            fr.notices.append(Notice("skipped", name, fr.rejected))
            fr.rejected = None
            fr.skipped = 1
            return fr
    if fr.rejected is None and reader is not None:
        try:
            with store.transaction():
                _store_records(store, reader(path, options), fr, options, progress, on_progress)
        except FileRejected as e:
            fr.rejected = str(e)
        except UnicodeError as e:
            fr.rejected = f"cannot decode: {e}"
        except RecursionError:
            fr.rejected = "nested too deeply to read"
        if fr.rejected is not None:  # the transaction rolled back: nothing from this file is kept
            fr.new = fr.duplicates = fr.redecoded = fr.shared = fr.undated = 0
            fr.new_ids = []
            fr.notices = [n for n in fr.notices if n.level == "error"]
    if fr.rejected is not None:
        fr.notices.append(Notice("error", name, fr.rejected))
    progress.bytes_done = start_bytes + _size(path)
    if on_progress:
        on_progress(progress)
    return fr


def _store_records(
    store: Store,
    records: Iterator[RawRecord | BadRecord],
    fr: FileReport,
    options: Options,
    progress: Progress,
    on_progress: Callable[[Progress], None] | None,
) -> None:
    path = Path(fr.path)
    start_bytes = progress.bytes_done
    stamp = now()  # the file's transaction: one ingest time for its articles
    for item in records:
        fr.records += 1
        progress.records += 1
        progress.bytes_done = start_bytes + item.offset
        if on_progress and progress.records % 50 == 0:
            on_progress(progress)
        default_id = (
            path.name if item.number == 1 and _whole_file(path) else f"{path.name}#{item.number}"
        )
        if isinstance(item, RawRecord):
            built, warnings = build_record(item, fr.path, default_id, options)
            for w in warnings:
                fr.notices.append(Notice("warning", fr.path, w, item.number, item.line))
        else:
            built, warnings = item, []
        if isinstance(built, BadRecord):
            fr.skipped += 1
            fr.notices.append(
                Notice("error", fr.path, f"skipped: {built.reason}", built.number, built.line)
            )
            continue
        if built.published is None:
            fr.undated += 1
        if built.encoding != "utf-8":
            fr.redecoded += 1
        sha = hashlib.sha256(dedupe_key(built.text).encode("utf-8")).hexdigest()
        same_text = store.articles_with_text(sha)
        outlet = built.source or ""
        existing = next((i for i, s in same_text if (s or "") == outlet), None)
        if existing is not None:
            fr.duplicates += 1
            store.add_alias(existing, built.external_id, fr.path, built.record)
            if fr.duplicates <= DETAIL_LIMIT:
                fr.notices.append(
                    Notice(
                        "duplicate",
                        fr.path,
                        f"id {built.external_id} repeats article {existing}"
                        f" (same text from {built.source or 'an unnamed outlet'})",
                        built.record,
                    )
                )
            continue
        article_id = store.insert_article(built, sha, stamp)
        fr.new += 1
        fr.new_ids.append(article_id)
        others = same_text  # every one is another outlet's: a same-outlet one was a duplicate
        if others:
            fr.shared += 1
            if fr.shared <= DETAIL_LIMIT:
                names = ", ".join(f"{i} ({s or 'unnamed outlet'})" for i, s in others[:5])
                fr.notices.append(
                    Notice(
                        "shared",
                        fr.path,
                        f"article {article_id} has the same text as article {names}",
                        built.record,
                    )
                )


def _whole_file(path: Path) -> bool:
    return path.suffix.lower() in (".txt", ".md", ".html", ".htm")
