"""The newsgraph command: click commands, the readable view and the progress bars."""

from newsgraph.cli.commands import cli, main

__all__ = ["cli", "main"]
