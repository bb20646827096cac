"""The `newsgraph` command: a few lines of option parsing over one library call each."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Protocol

import click

from newsgraph.batch.dedupe import DEFAULT_THRESHOLD
from newsgraph.batch.run import (
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIME_LIMIT,
    BatchOptions,
    BatchSummary,
    run_batch,
    run_to_files,
    write_line,
)
from newsgraph.cli.render import render_article
from newsgraph.errors import NewsgraphError
from newsgraph.ingest import FORMATS, Failure, InputFormat, ReadOptions, read_inputs
from newsgraph.ingest.options import DEFAULT_FETCH_TIMEOUT
from newsgraph.records import Article
from newsgraph.settings import load_settings

ISO_DATE = "%Y-%m-%d"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """newsgraph: who said what, about whom, when and where, from news articles."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article (JSON Lines).")
@click.option("--body-only", is_flag=True, help="The input is the body alone: no metadata lines.")
@click.option(
    "--published",
    type=click.DateTime([ISO_DATE]),
    default=None,
    help="Publication date for relative times (YYYY-MM-DD); overrides the article's.",
)
@click.option("--model", default=None, help="spaCy model name (default: NEWSGRAPH_SPACY_MODEL).")
@click.option(
    "--max-bytes",
    type=int,
    default=None,
    help="Refuse articles larger than this (default: NEWSGRAPH_MAX_INPUT_BYTES).",
)
@click.option(
    "--format",
    "input_format",
    type=click.Choice(FORMATS),
    default=None,
    help="Read every input as this format (default: detect by content and extension).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write JSON Lines here (one line per article, in input order) instead of stdout.",
)
@click.option(
    "--errors",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write one JSON line per failed input here: input, stage, reason.",
)
@click.option("--workers", type=click.IntRange(min=1), default=1, help="Worker processes.")
@click.option("--resume", is_flag=True, help="Skip articles already in --out; append the rest.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIME_LIMIT,
    show_default=True,
    help="Seconds one article may take before it is recorded as failed (0: no limit).",
)
@click.option(
    "--memory-limit",
    type=click.IntRange(min=0),
    default=DEFAULT_MEMORY_LIMIT // 2**20,
    show_default=True,
    help="MB a worker process may grow by on one chunk of articles (0: no limit).",
)
@click.option(
    "--fetch-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_FETCH_TIMEOUT,
    show_default=True,
    help="Seconds to wait for a URL's server (connect, each read; the whole fetch: 3×).",
)
@click.option(
    "--near-duplicates/--no-near-duplicates",
    default=True,
    help="Flag near-duplicate articles with duplicate_of (MinHash; on by default).",
)
def extract(
    paths: tuple[str, ...],
    as_json: bool,
    body_only: bool,
    published: object,
    model: str | None,
    max_bytes: int | None,
    input_format: InputFormat | None,
    out: Path | None,
    errors: Path | None,
    workers: int,
    resume: bool,
    quiet: bool,
    time_limit: float,
    memory_limit: int,
    fetch_timeout: float,
    near_duplicates: bool,
) -> None:
    """Extract the record of each article in PATHS: files, folders, "-" (standard input) or
    URLs; text, HTML, WARC, RSS/Atom feeds or JSON Lines.

    Example: newsgraph extract --out results.jsonl --errors errors.jsonl --workers 2 news.warc.gz
    """
    if resume and out is None:
        raise click.UsageError("--resume needs --out: it skips the articles already written there")
    day = published.strftime(ISO_DATE) if published is not None else None  # type: ignore[attr-defined]
    try:
        limit = max_bytes or load_settings().max_input_bytes
        read_options = ReadOptions(input_format, limit, day, body_only, fetch_timeout)
        options = BatchOptions(
            model,
            workers,
            time_limit=time_limit or None,
            memory_limit=memory_limit * 2**20 or None,
            near_duplicates=DEFAULT_THRESHOLD if near_duplicates else None,
        )
        if out is not None:
            summary = _extract_to_file(paths, out, errors, resume, read_options, options, quiet)
        else:
            summary = _extract_to_stdout(paths, errors, as_json, read_options, options)
    except NewsgraphError as error:
        raise click.ClickException(str(error)) from error
    if summary.failures:
        sys.exit(1)


def _extract_to_file(
    paths: tuple[str, ...],
    out: Path,
    errors: Path | None,
    resume: bool,
    read_options: ReadOptions,
    options: BatchOptions,
    quiet: bool,
) -> BatchSummary:
    """A batch into --out, with a progress bar and a summary line on stderr."""
    from newsgraph.cli.progress import ProgressBar
    from newsgraph.ingest.count import estimate_documents

    bar = None if quiet else ProgressBar(estimate_documents(paths, read_options))
    with bar if bar is not None else nullcontext():
        summary = run_to_files(
            paths,
            out,
            errors=errors,
            resume=resume,
            read_options=read_options,
            options=options,
            progress=bar,
            on_failure=bar.report if bar is not None else _report_failure,
        )
    if not quiet:
        click.echo(f"newsgraph: {summary.render()}", err=True)
    return summary


def _extract_to_stdout(
    paths: tuple[str, ...],
    errors: Path | None,
    as_json: bool,
    read_options: ReadOptions,
    options: BatchOptions,
) -> BatchSummary:
    """Articles on stdout as they are done: JSON Lines, or the readable view."""

    def write_article(article: Article) -> None:
        if as_json:
            click.echo(json.dumps(article.to_dict(), ensure_ascii=False))
        else:
            click.echo(render_article(article))

    with errors.open("w", encoding="utf-8") if errors else nullcontext() as errors_file:

        def write_failure(failure: Failure) -> None:
            _report_failure(failure)
            if errors_file is not None:
                write_line(errors_file, failure.to_dict())

        items = read_inputs(paths, read_options)
        return run_batch(items, write_article, write_failure, options)


def _report_failure(failure: Failure) -> None:
    click.echo(f"newsgraph: error: {failure}", err=True)


@cli.group("eval")
def eval_group() -> None:
    """Score newsgraph on public development data (see docs/evaluation.md)."""


@eval_group.command("quotes")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--model", default=None, help="spaCy model name (default: NEWSGRAPH_SPACY_MODEL).")
def eval_quotes(folder: Path, as_json: bool, model: str | None) -> None:
    """Attribution scores on a folder in PolNeAR's layout (text/, attributions/).

    Example: newsgraph eval quotes ../shared/data/polnear/data/dev
    """
    from newsgraph.evaluate.quotes import evaluate_quotes

    _print_report(lambda: evaluate_quotes(folder, model=model), as_json)


@eval_group.command("time")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--model", default=None, help="spaCy model name (default: NEWSGRAPH_SPACY_MODEL).")
def eval_time(folder: Path, as_json: bool, model: str | None) -> None:
    """TempEval-3 Task A scores on TimeML files (*.tml), per corpus folder.

    Example: newsgraph eval time ../shared/data/timebank/data/TBAQ-cleaned
    """
    from newsgraph.evaluate.time import evaluate_time

    _print_report(lambda: evaluate_time(folder, model=model), as_json)


@eval_group.command("meta")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_meta(folder: Path, as_json: bool) -> None:
    """HTML metadata (title, byline, date) against expected values, beside trafilatura's.

    Example: newsgraph eval meta ../shared/data/readability-pages/test/test-pages
    """
    from newsgraph.evaluate.meta import evaluate_meta

    _print_report(lambda: evaluate_meta(folder), as_json)


@cli.group("train")
def train_group() -> None:
    """Train newsgraph's learned components on development data."""


@train_group.command("cues")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the model (the shipped one: src/newsgraph/nlp/models/cues-en.json.gz).",
)
@click.option("--folds", type=click.IntRange(min=2), default=5, help="Cross-validation folds.")
@click.option(
    "--cache",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to keep the parses in, so that a second run skips parsing.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the training numbers as JSON.")
@click.option("--model", default=None, help="spaCy model name (default: NEWSGRAPH_SPACY_MODEL).")
def train_cues(
    folder: Path, out: Path, folds: int, cache: Path | None, as_json: bool, model: str | None
) -> None:
    """Fit the cue scorer on a folder in PolNeAR's layout; thresholds by cross-validation.

    Example: newsgraph train cues ../shared/data/polnear/data/train --out cues.json.gz
    """
    from newsgraph.train.cues import train_cues as train

    _print_report(lambda: train(folder, out, model=model, folds=folds, cache=cache), as_json)


class _Report(Protocol):
    def render(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...


def _print_report(evaluate: Callable[[], _Report], as_json: bool) -> None:
    try:
        report = evaluate()
    except NewsgraphError as error:
        raise click.ClickException(str(error)) from error
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.render())


def main() -> None:
    cli()
