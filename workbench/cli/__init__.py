"""The `workbench` command: thin click commands over the library (parse, call, print).

`base` holds the click group and what every command shares; each other module adds the commands
of one stage to it.
"""

from workbench.cli import (  # noqa: F401 - importing a module registers its commands
    alignment,
    browse,
    claims,
    demo,
    export,
    ingest,
    review,
)
from workbench.cli.base import main

__all__ = ["main"]
