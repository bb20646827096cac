"""The `newsgraph` command: a few lines of option parsing over one library call each."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import click

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest.files import read_document
from newsgraph.pipeline import extract_documents
from newsgraph.records import Document
from newsgraph.render import render_article
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
    help="Refuse inputs larger than this (default: NEWSGRAPH_MAX_INPUT_BYTES).",
)
def extract(
    paths: tuple[str, ...],
    as_json: bool,
    body_only: bool,
    published: object,
    model: str | None,
    max_bytes: int | None,
) -> None:
    """Extract the record of each article in PATHS ("-" reads standard input).

    Example: newsgraph extract --json article.txt
    """
    limit = max_bytes or load_settings().max_input_bytes
    day = published.strftime(ISO_DATE) if published is not None else None  # type: ignore[attr-defined]
    failures: list[str] = []
    documents = _read_all(paths, limit, day, body_only, failures)
    try:
        for article in extract_documents(documents, model=model):
            if as_json:
                click.echo(json.dumps(article.to_dict(), ensure_ascii=False))
            else:
                click.echo(render_article(article))
    except NewsgraphError as error:
        raise click.ClickException(str(error)) from error
    if failures:
        sys.exit(1)


def _read_all(
    paths: tuple[str, ...],
    max_bytes: int,
    published: str | None,
    body_only: bool,
    failures: list[str],
) -> Iterator[Document]:
    """Read each input in turn; a bad one is reported on stderr and the rest go on."""
    for path in paths:
        try:
            yield read_document(path, max_bytes=max_bytes, published=published, body_only=body_only)
        except InputError as error:
            failures.append(path)
            click.echo(f"newsgraph: error: {error}", err=True)


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
