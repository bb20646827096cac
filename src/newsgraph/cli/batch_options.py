"""The options every batch command shares (`extract`, `ingest`), defined once.

@click.command()
@batch_options
def extract(..., model, max_bytes, workers, time_limit, memory_limit, fetch_timeout,
            near_duplicates, ...): settings = batch_settings(...)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from newsgraph.ingest import FORMATS, PublicationDates, read_dates
from newsgraph.settings import Settings, help_text, load_settings

ISO_DATE = "%Y-%m-%d"
Command = TypeVar("Command", bound=Callable[..., Any])

DATES_HELP = (
    "CSV or JSON Lines of path/URL/id → publication date (YYYY-MM-DD), for articles"
    " that show none of their own."
)


def dates_option(more_help: str = "") -> Callable[[Command], Command]:
    """`--dates FILE` (`newsgraph.ingest.sidecar`), for every command that reads inputs."""
    return click.option(
        "--dates",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=DATES_HELP + more_help,
    )


# In the order `--help` lists them.
OPTIONS = (
    click.option(
        "--format",
        "input_format",
        type=click.Choice(FORMATS),
        default=None,
        help="Read every input as this format (default: detect by content and extension).",
    ),
    click.option(
        "--errors",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write one JSON line per failed input here: input, stage, reason.",
    ),
    click.option(
        "--body-only", is_flag=True, help="The input is the body alone: no metadata lines."
    ),
    click.option(
        "--published",
        type=click.DateTime([ISO_DATE]),
        default=None,
        help="Publication date for relative times (YYYY-MM-DD); overrides the article's.",
    ),
    dates_option(),
    click.option("--model", default=None, help=help_text("spacy_model")),
    click.option(
        "--max-bytes", type=click.IntRange(min=1), default=None, help=help_text("max_input_bytes")
    ),
    click.option("--workers", type=click.IntRange(min=1), default=None, help=help_text("workers")),
    click.option(
        "--time-limit", type=click.FloatRange(min=0), default=None, help=help_text("time_limit")
    ),
    click.option(
        "--memory-limit",
        type=click.IntRange(min=0),
        default=None,
        help=help_text("memory_limit"),
    ),
    click.option(
        "--fetch-timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=None,
        help=help_text("fetch_timeout"),
    ),
    click.option(
        "--near-duplicates/--no-near-duplicates",
        default=True,
        help="Flag near-duplicate articles with duplicate_of (MinHash; on by default).",
    ),
    click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr."),
)


def batch_options(command: Command) -> Command:
    """`command` with every shared batch option."""
    for option in reversed(OPTIONS):
        command = option(command)
    return command


def batch_settings(
    *,
    model: str | None,
    max_bytes: int | None,
    workers: int | None,
    time_limit: float | None,
    memory_limit: int | None,
    fetch_timeout: float | None,
    near_duplicates: bool,
) -> Settings:
    """The settings from the environment, with the batch options given winning."""
    settings = load_settings(
        spacy_model=model,
        max_input_bytes=max_bytes,
        workers=workers,
        time_limit=time_limit,
        memory_limit=memory_limit,
        fetch_timeout=fetch_timeout,
    )
    return settings if near_duplicates else settings.with_values(near_duplicates=0.0)


def limit_name(max_bytes: int | None) -> str | None:
    """What over-limit messages name as the limit's origin: the option when it was given
    (None: the settings' environment variable)."""
    return "--max-bytes" if max_bytes is not None else None


def check_outputs(inputs: Iterable[str], outputs: Iterable[tuple[str, Path | None]]) -> None:
    """A usage error when an output is one of the inputs (writing would empty it before it is
    read) or when two outputs are one file (one would overwrite the other's lines)."""
    given = [(option, path) for option, path in outputs if path is not None]
    for index, (option, path) in enumerate(given):
        for value in inputs:
            if value != "-" and _same_file(path, Path(value)):
                raise click.UsageError(f"{option} {path} is also an input: it would be emptied")
        for other, other_path in given[index + 1 :]:
            if _same_file(path, other_path):
                raise click.UsageError(f"{option} and {other} are the same file ({path})")


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: the same inode when both exist (links, `./x`), else
    the same resolved path."""
    try:
        return first.samefile(second)
    except OSError:
        return first.resolve() == second.resolve()


def sidecar_dates(dates: Path | None) -> PublicationDates | None:
    """The --dates file read (a `SidecarError` names its file, line and reason)."""
    return read_dates(dates) if dates is not None else None


def inputs_and_dates(paths: Iterable[str], dates: Path | None) -> tuple[str, ...]:
    """Every file the command reads, for `check_outputs`: the inputs and the --dates file."""
    return (*paths, *((str(dates),) if dates is not None else ()))


def iso_day(published: Any) -> str | None:
    """The --published option as YYYY-MM-DD."""
    return published.strftime(ISO_DATE) if published is not None else None
