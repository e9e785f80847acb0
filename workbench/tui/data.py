"""The review UI's database connection, living in a thread of its own.

A SQLite connection may only be used by the thread that opened it, and the event loop must never
wait on SQLite (a verdict write can wait behind another process's lock). So the UI owns one
`StoreThread`: a single worker thread that opens the store and runs every query and every verdict
write in order; the UI awaits the results. Writes are serialised, reads see the latest commits of
every process (WAL), and the screen keeps drawing while the database works.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from workbench.models import Article
from workbench.store import Store, StoreError

T = TypeVar("T")
ARTICLE_CACHE = 64


class StoreThread:
    """Runs functions of the store in one dedicated thread: `await data.run(lambda s: ...)`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="workbench-store")
        self._local = threading.local()
        self._articles: OrderedDict[int, Article | None] = OrderedDict()

    def _call(self, fn: Callable[[Store], T]) -> T:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.path, create=False)
            self._local.store = store
        return fn(store)

    def call(self, fn: Callable[[Store], T]) -> T:
        """Run `fn(store)` in the store thread and wait for it (for threads other than the UI's)."""
        return self._executor.submit(self._call, fn).result()

    async def run(self, fn: Callable[[Store], T]) -> T:
        """Run `fn(store)` in the store thread; the event loop keeps going meanwhile."""
        return await asyncio.wrap_future(self._executor.submit(self._call, fn))

    async def article(self, article_id: int) -> Article | None:
        """An article, from a small cache of the ones shown lately."""
        if article_id in self._articles:
            self._articles.move_to_end(article_id)
            return self._articles[article_id]
        article = await self.run(lambda s: s.get_article(article_id))
        self._articles[article_id] = article
        while len(self._articles) > ARTICLE_CACHE:
            self._articles.popitem(last=False)
        return article

    def close(self) -> None:
        """Close the connection in its own thread, then stop the thread."""

        def close_store() -> None:
            store: Store | None = getattr(self._local, "store", None)
            if store is not None:
                store.close()
                self._local.store = None

        try:
            self._executor.submit(close_store).result(timeout=30)
        except (StoreError, RuntimeError, TimeoutError):
            # quitting: every verdict is already committed, and SQLite closes the file with the
            # process; a close that fails or waits behind a long query must not keep the app open
            pass
        self._executor.shutdown(wait=False)
