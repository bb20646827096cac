"""A plain progress bar on stderr for long loops outside batches (evaluation, training)."""

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
