"""The one place that speaks SQL: opens, migrates, reads and writes the workbench database.

`Store` is the open database. Its queries are grouped by table area, one module each:
`articles`, `claims`, `alignment` (events, groups, suggestions), `verdicts` and `reports` (what
reports read); `base` opens, migrates and runs transactions.
"""

from __future__ import annotations

from workbench.store.alignment import AlignmentQueries
from workbench.store.articles import ArticleQueries
from workbench.store.base import (
    DEFAULT_DB,
    StoreError,
    build_migrations,
    migrations_dir,
    now,
)
from workbench.store.claims import ClaimQueries
from workbench.store.reports import ReportQueries
from workbench.store.verdicts import VerdictQueries

__all__ = ["DEFAULT_DB", "Store", "StoreError", "build_migrations", "migrations_dir", "now"]


class Store(ArticleQueries, ClaimQueries, AlignmentQueries, VerdictQueries, ReportQueries):
    """An open workbench database. Use `Store.open(path)`; close it, or use it as a context."""
