"""What every `workbench` command shares: the click group, --db, one-line errors."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from workbench import __version__
from workbench.store import DEFAULT_DB, Store, StoreError
from workbench.store.base import describe as describe_db_error

F = TypeVar("F", bound=Callable[..., Any])


def _remember_db(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    ctx.meta["workbench.db"] = value  # for the one-line error when the file turns out corrupt
    return value


def db_option(func: F) -> F:
    return click.option(
        "--db",
        "db_path",
        default=DEFAULT_DB,
        show_default=True,
        envvar="WORKBENCH_DB",
        type=click.Path(dir_okay=False, path_type=Path),
        callback=_remember_db,
        help="The workbench database file (also WORKBENCH_DB).",
    )(func)


def fail(message: str, status: int = 1) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(status)


@contextmanager
def open_store(path: Path, *, create: bool = False) -> Iterator[Store]:
    try:
        store = Store.open(path, create=create)
    except StoreError as e:
        fail(str(e))
    for notice in store.notices:  # e.g. the backup written before a schema migration
        click.echo(f"note: {notice}", err=True)
    try:
        yield store
    finally:
        store.close()


def quiet_broken_pipe() -> None:
    """The reader of our output went away (`workbench claims | head`): stop quietly, like cat."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit must not fail again
    sys.exit(141)  # 128 + SIGPIPE, as a shell reports a program ended by a closed pipe


class WorkbenchGroup(click.Group):
    """Turns errors that escape a command into one line instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StoreError as e:
            fail(str(e))
        except sqlite3.DatabaseError as e:  # e.g. pages found corrupt in the middle of a query
            fail(f"{ctx.meta.get('workbench.db', 'database')}: {describe_db_error(e)}")
        except BrokenPipeError:
            quiet_broken_pipe()
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as e:  # noqa: BLE001 - the last guard before a traceback reaches a user
            if os.environ.get("WORKBENCH_DEBUG"):
                raise
            fail(f"internal error: {type(e).__name__}: {e} (WORKBENCH_DEBUG=1 shows the traceback)")


@click.group(cls=WorkbenchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="workbench")
def main() -> None:
    """Cross-verify claims across news articles about one incident.

    Ingest articles (claims are extracted as they come in), then look at them with stats,
    articles, claims and export.
    """


def cell(value: Any, width: int) -> str:
    text = " ".join(str(value if value is not None else "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
