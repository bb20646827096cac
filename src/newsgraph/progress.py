"""Progress of long work, always on stderr (stdout is for data).

`Progress` is what a batch reports as it goes (the command line draws it as a bar:
`cli/progress.py`); `track_on_stderr` is a plain bar for the long loops of evaluation and
training."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TypeVar

from rich.console import Console
from rich.progress import track

Item = TypeVar("Item")


def track_on_stderr(items: Iterable[Item], total: int, description: str) -> Iterable[Item]:
    """`items`, with a bar on stderr that disappears when done (stdout stays for data)."""
    console = Console(file=sys.stderr)
    return track(items, total=total, description=description, console=console, transient=True)


class Progress:
    """What a batch reports as it goes; this one ignores it."""

    def add_total(self, count: int) -> None:
        """More documents were found than expected."""

    def advance(self, count: int = 1) -> None:
        """`count` more documents are done (written, failed or skipped)."""

    def skip(self, count: int = 1) -> None:
        """`count` more documents are done without work (already in the output, duplicates):
        counted as done, but not in a rate of work."""
        self.advance(count)
