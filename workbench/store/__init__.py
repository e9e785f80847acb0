"""The one place that speaks SQL: opens, migrates, reads and writes the workbench database.

`Store` is the open database. Its queries are grouped by table area, one module each:
`articles`, `claims`, `alignment` (events, groups, suggestions), `verdicts`, `reports` (what
reports read) and `review` (what the review UI reads); `base` opens, migrates and runs
transactions.
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
from workbench.store.review import ReviewQueries
from workbench.store.verdicts import VerdictQueries

__all__ = ["DEFAULT_DB", "Store", "StoreError", "build_migrations", "migrations_dir", "now"]


class Store(
    ArticleQueries, ClaimQueries, AlignmentQueries, VerdictQueries, ReportQueries, ReviewQueries
):
    """An open workbench database. Use `Store.open(path)`; close it, or use it as a context."""
