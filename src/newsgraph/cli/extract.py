"""`newsgraph extract`: every input kind, into JSON Lines files or onto stdout."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from functools import partial
from pathlib import Path
from typing import cast

import click

from newsgraph.batch import BatchOptions, BatchSummary, JsonlSink, Sink, StdoutSink, run_batch
from newsgraph.cli.batch_options import (
    batch_options,
    batch_settings,
    check_outputs,
    inputs_and_dates,
    iso_day,
    limit_name,
    sidecar_dates,
)
from newsgraph.cli.render import SPEECH_ONLY, render_article
from newsgraph.errors import NewsgraphError
from newsgraph.ingest import InputFormat, ReadOptions, read_inputs
from newsgraph.progress import Progress
from newsgraph.records import QUOTE_KINDS, Failure, QuoteKind
from newsgraph.scale.local import local_executor
from newsgraph.settings import Settings


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article (JSON Lines).")
@click.option(
    "--kind",
    "kinds",
    type=click.Choice([*QUOTE_KINDS, "all"]),
    multiple=True,
    help="Quotes of this kind in the readable view (repeatable; default: speech).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write JSON Lines here (one line per article, in input order) instead of stdout.",
)
@click.option("--resume", is_flag=True, help="Skip articles already in --out; append the rest.")
@batch_options
def extract(
    paths: tuple[str, ...],
    as_json: bool,
    kinds: tuple[str, ...],
    body_only: bool,
    published: object,
    dates: Path | None,
    model: str | None,
    max_bytes: int | None,
    input_format: InputFormat | None,
    out: Path | None,
    errors: Path | None,
    workers: int | None,
    resume: bool,
    quiet: bool,
    time_limit: float | None,
    memory_limit: int | None,
    fetch_timeout: float | None,
    near_duplicates: bool,
) -> None:
    """Extract the record of each article in PATHS: files, folders, "-" (standard input) or
    URLs; text, HTML, WARC, RSS/Atom feeds or JSON Lines.

    Example: newsgraph extract --out results.jsonl --errors errors.jsonl --workers 2 news.warc.gz
    """
    if resume and out is None:
        raise click.UsageError("--resume needs --out: it skips the articles already written there")
    check_outputs(inputs_and_dates(paths, dates), (("--out", out), ("--errors", errors)))
    try:
        settings = batch_settings(
            model=model,
            max_bytes=max_bytes,
            workers=workers,
            time_limit=time_limit,
            memory_limit=memory_limit,
            fetch_timeout=fetch_timeout,
            near_duplicates=near_duplicates,
        )
        read_options = ReadOptions.from_settings(
            settings,
            format=input_format,
            published=iso_day(published),
            dates=sidecar_dates(dates),
            body_only=body_only,
            limit_name=limit_name(max_bytes),
        )
        if out is not None:
            summary = _extract_to_file(paths, out, errors, resume, read_options, settings, quiet)
        else:
            render = None if as_json else partial(render_article, kinds=_kinds(kinds))
            sink = StdoutSink(render, errors=errors, report=_report_failure, echo=click.echo)
            summary = _run(paths, sink, read_options, settings)
    except NewsgraphError as error:
        raise click.ClickException(str(error)) from error
    if summary.failures:
        sys.exit(1)


def _run(
    paths: tuple[str, ...],
    sink: Sink,
    read_options: ReadOptions,
    settings: Settings,
    progress: Progress | None = None,
) -> BatchSummary:
    items = read_inputs(paths, read_options)
    options = BatchOptions.from_settings(settings)
    return run_batch(items, sink, local_executor(settings), options, progress)


def _extract_to_file(
    paths: tuple[str, ...],
    out: Path,
    errors: Path | None,
    resume: bool,
    read_options: ReadOptions,
    settings: Settings,
    quiet: bool,
) -> BatchSummary:
    """A batch into --out, with a progress bar and a summary line on stderr."""
    from newsgraph.cli.progress import ProgressBar
    from newsgraph.ingest.count import estimate_documents

    bar = None if quiet else ProgressBar(estimate_documents(paths, read_options))
    report = bar.report if bar is not None else _report_failure
    with bar if bar is not None else nullcontext():
        sink = JsonlSink(out, errors=errors, resume=resume, report=report)
        summary = _run(paths, sink, read_options, settings, bar)
    if not quiet:
        click.echo(f"newsgraph: {summary.render()}", err=True)
    return summary


def _kinds(chosen: tuple[str, ...]) -> frozenset[QuoteKind]:
    if not chosen:
        return SPEECH_ONLY
    return (
        frozenset(QUOTE_KINDS) if "all" in chosen else frozenset(cast(QuoteKind, k) for k in chosen)
    )


def _report_failure(failure: Failure) -> None:
    click.echo(f"newsgraph: error: {failure}", err=True)
