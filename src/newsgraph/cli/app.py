"""The `newsgraph` command group; each command lives in the module of its kind."""

from __future__ import annotations

import click

from newsgraph._version import __version__
from newsgraph.cli.batch import batch
from newsgraph.cli.corpus import CORPUS_COMMANDS
from newsgraph.cli.evaluate import eval_group, train_group
from newsgraph.cli.extract import extract
from newsgraph.cli.serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="newsgraph")
def cli() -> None:
    """newsgraph: who said what, about whom, when and where, from news articles."""


cli.add_command(extract)
cli.add_command(batch)
cli.add_command(eval_group)
cli.add_command(train_group)
cli.add_command(serve)
for command in CORPUS_COMMANDS:
    cli.add_command(command)


def main() -> None:
    cli()
