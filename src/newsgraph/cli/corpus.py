"""The corpus commands: `ingest` into the SQLite store, and the queries over it (`quotes`,
`people`, `sources`, `search`, `timeline`, `article`, `stats`, `export`).

Each query command is a few lines over one `newsgraph.store.queries` call; the rows are
shown as a readable table, or with --json as JSON Lines, or with --csv as CSV.
"""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from newsgraph.batch import BatchOptions, BatchSummary, run_batch
from newsgraph.batch.sinks import FailureLog
from newsgraph.cli.batch_options import (
    batch_options,
    batch_settings,
    check_outputs,
    inputs_and_dates,
    iso_day,
    limit_name,
    sidecar_dates,
)
from newsgraph.errors import NewsgraphError
from newsgraph.ingest import InputFormat, ReadOptions, read_inputs
from newsgraph.progress import Progress
from newsgraph.records import QUOTE_KINDS, QUOTE_TYPES, Article, Failure, text_id
from newsgraph.settings import Settings, help_text, load_settings
from newsgraph.store import Corpus, queries
from newsgraph.store.export import EXPORT_FORMATS, ExportFormat, export

F = TypeVar("F", bound=Callable[..., Any])
TEXT_WIDTH = 70  # a readable table cuts long text here; --json and --csv never cut


def db_option(function: F) -> F:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=help_text("db"),
    )(function)


def output_options(function: F) -> F:
    function = click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row.")(
        function
    )
    return click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")(
        function
    )


# The options of each quote filter (queries.QuoteFilters), shared by the commands that take them.
FILTER_OPTIONS: dict[str, Callable[[Any], Any]] = {
    "speaker": click.option("--speaker", help="Who said it: a full name or a surname."),
    "about": click.option("--about", help="An entity the quote is about or names."),
    "text": click.option("--text", help="Words in the quote (full text; every word)."),
    "raw": click.option("--raw", is_flag=True, help="--text is FTS5 syntax (NEAR, OR, prefix*)."),
    "since": click.option("--since", help="Said on or after: YYYY, YYYY-MM or YYYY-MM-DD."),
    "until": click.option("--until", help="Said on or before: YYYY, YYYY-MM or YYYY-MM-DD."),
    "type": click.option("--type", type=click.Choice(QUOTE_TYPES)),
    "kind": click.option("--kind", type=click.Choice(QUOTE_KINDS)),
    "outlet": click.option("--outlet", help="The site: the host of the article's URL."),
}


def filter_options(*names: str) -> Callable[[F], F]:
    """The options of the quote filters `names`, handed to the command as one `filters`."""

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            given = {name: kwargs.pop(name) for name in names}
            return function(*args, filters=queries.QuoteFilters(**given), **kwargs)

        for name in reversed(names):  # click lists options in the order they are applied
            wrapper = FILTER_OPTIONS[name](wrapper)
        return wrapper  # type: ignore[return-value]

    return decorate


def open_corpus(db: Path | None, create: bool = False) -> Corpus:
    """The corpus of --db, else of the NEWSGRAPH_DB setting; only ingest creates one."""
    return Corpus(db or load_settings().db, create=create)


def fail_clearly(function: F) -> F:
    """A NewsgraphError (a bad query, a foreign database) is one line and exit status 1."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except NewsgraphError as error:
            raise click.ClickException(str(error)) from error

    return wrapper  # type: ignore[return-value]


def emit(
    rows: Sequence[queries.Row],
    as_json: bool,
    as_csv: bool,
    shown: tuple[str, ...] | None = None,
) -> None:
    """Rows as a readable table (the `shown` columns, or all), JSON Lines or CSV (every
    column) on stdout."""
    dicts = [_flat(row.to_dict()) for row in rows]
    if as_json:
        for row in rows:
            click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
    elif as_csv:
        if dicts:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(dicts[0]))
            writer.writeheader()
            writer.writerows(dicts)
    elif not dicts:
        click.echo("(nothing found)", err=True)
    else:
        click.echo(table([{k: row[k] for k in shown or row} for row in dicts]))


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()}


def table(rows: list[dict[str, Any]]) -> str:
    """Aligned columns; long cells cut with "…", but the last column (the text) whole."""
    names = list(rows[0])
    cells = [[_cell(row[name], last=name == names[-1]) for name in names] for row in rows]
    widths = [max(len(name), *(len(line[i]) for line in cells)) for i, name in enumerate(names)]
    lines = [names, *cells]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def _cell(value: Any, last: bool = False) -> str:
    if value is None:
        return ""
    text = f"{value:.2f}" if isinstance(value, float) else " ".join(str(value).split())
    return text if last or len(text) <= TEXT_WIDTH else text[: TEXT_WIDTH - 1] + "…"


# -- ingest -------------------------------------------------------------------------------


class IngestSink:
    """The corpus as a batch sink, with the failures also in --errors and told to `report`
    (stderr, or the progress bar)."""

    def __init__(
        self, corpus: Corpus, errors: Path | None, report: Callable[[Failure], None]
    ) -> None:
        self.corpus = corpus
        self.report = report
        self.outcomes: Counter[str] = Counter()
        self._failures = FailureLog(errors)
        self._closed = False

    def held(self) -> Iterator[tuple[str, str]]:
        return self.corpus.held()

    def add_article(self, article: Article) -> None:
        self.outcomes[self.corpus.add(article)] += 1

    def add_failure(self, failure: Failure) -> None:
        self.corpus.add_failure(failure)
        self._failures.add(failure)
        self.report(failure)

    def close(self) -> None:
        if not self._closed:
            self._failures.close()
            self._closed = True


@click.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option(
    "--from",
    "records",
    type=click.Path(exists=True, path_type=Path),
    multiple=True,
    help="Load records already extracted: JSON Lines from `newsgraph extract --out`, or the"
    " output folder of `newsgraph batch --out`.",
)
@batch_options
@fail_clearly
def ingest(
    paths: tuple[str, ...],
    db: Path | None,
    records: tuple[Path, ...],
    input_format: InputFormat | None,
    errors: Path | None,
    body_only: bool,
    published: datetime | None,
    dates: Path | None,
    workers: int | None,
    model: str | None,
    max_bytes: int | None,
    time_limit: float | None,
    memory_limit: int | None,
    fetch_timeout: float | None,
    near_duplicates: bool,
    quiet: bool,
) -> None:
    """Extract the articles in PATHS (every input kind `extract` reads) into the corpus, each
    in one transaction; articles already there from this version are skipped (resume), older
    extractions replaced. --from loads records already extracted (a JSON Lines file, or a
    `newsgraph batch` output folder: newsgraph ingest --from batch-out/).

    Example: newsgraph ingest --db news.db --workers 2 --errors errors.jsonl news.warc.gz feeds/
    """
    if not paths and not records:
        raise click.UsageError("give inputs to extract, or --from RECORDS.jsonl")
    check_outputs(inputs_and_dates(paths, dates), (("--errors", errors),))
    settings = batch_settings(
        model=model,
        max_bytes=max_bytes,
        workers=workers,
        time_limit=time_limit,
        memory_limit=memory_limit,
        fetch_timeout=fetch_timeout,
        near_duplicates=near_duplicates,
    )
    given_dates = sidecar_dates(dates)  # a malformed file stops before the corpus is touched
    with open_corpus(db, create=True) as corpus:
        sink = IngestSink(corpus, errors, _report_failure)
        failures = 0
        if records:  # first: the batch closes the sink at its end
            failures += _load_records(records, sink, quiet)
        if paths:
            read_options = ReadOptions.from_settings(
                settings,
                format=input_format,
                published=iso_day(published),
                dates=given_dates,
                body_only=body_only,
                limit_name=limit_name(max_bytes),
            )
            failures += _extract_into(paths, sink, read_options, settings, quiet).failures
        sink.close()
    if not quiet:
        done = ", ".join(f"{n:,} {what}" for what, n in sorted(sink.outcomes.items()))
        click.echo(f"newsgraph: corpus {corpus.path}: {done or 'nothing new'}", err=True)
    if failures:
        sys.exit(1)


def _extract_into(
    paths: tuple[str, ...],
    sink: IngestSink,
    read_options: ReadOptions,
    settings: Settings,
    quiet: bool,
) -> BatchSummary:
    from newsgraph.cli.progress import ProgressBar
    from newsgraph.ingest.count import estimate_documents
    from newsgraph.scale.local import local_executor

    bar = None if quiet else ProgressBar(estimate_documents(paths, read_options))
    if bar is not None:
        sink.report = bar.report
    with bar if bar is not None else nullcontext():
        summary = run_batch(
            read_inputs(paths, read_options),
            sink,
            local_executor(settings),
            BatchOptions.from_settings(settings),
            bar or Progress(),
        )
    if not quiet:
        click.echo(f"newsgraph: {summary.render()}", err=True)
    return summary


def _load_records(paths: tuple[Path, ...], sink: IngestSink, quiet: bool) -> int:
    """Records from JSON Lines files and batch output folders into the corpus; returns the
    failed lines (a folder's failures are those its batch recorded)."""
    from newsgraph.cli.progress import ProgressBar

    files = [path for path in paths if not path.is_dir()]
    total = sum(sum(1 for _ in path.open("rb")) for path in files)
    bar = None if quiet else ProgressBar(None if len(files) < len(paths) else total)
    if bar is not None:
        sink.report = bar.report
    failures = 0
    with bar if bar is not None else nullcontext():
        for item in _items_of(paths):
            if isinstance(item, Failure):
                failures += 1
                sink.add_failure(item)
            elif item is not None:
                sink.add_article(item)
            if bar is not None:
                bar.advance()
    return failures


def _items_of(paths: tuple[Path, ...]) -> Iterator[Article | Failure | None]:
    from newsgraph.batch.sharded import read_output

    for path in paths:
        if path.is_dir():
            yield from read_output(str(path))
            continue
        for number, line in enumerate(path.open(encoding="utf-8"), 1):
            yield _record(line, f"{path}:{number}")


def _record(line: str, where: str) -> Article | Failure | None:
    if not line.strip():
        return None
    try:
        article = Article.from_dict(json.loads(line))
    except (ValueError, KeyError, TypeError) as error:
        return Failure(where, "parse", f"not an article record ({error})")
    if not article.id:
        article = Article.from_dict({**article.to_dict(), "id": text_id(article.body)})
    return article


def _report_failure(failure: Failure) -> None:
    click.echo(f"newsgraph: error: {failure}", err=True)


# -- queries ------------------------------------------------------------------------------


@click.command("quotes")
@filter_options("speaker", "about", "text", "raw", "since", "until", "type", "kind", "outlet")
@click.option("--limit", type=click.IntRange(min=1), default=queries.DEFAULT_LIMIT)
@db_option
@output_options
@fail_clearly
def quotes_command(
    filters: queries.QuoteFilters, limit: int, db: Path | None, as_json: bool, as_csv: bool
) -> None:
    """Who said what, by date: the statements matching every option given.

    Example: newsgraph quotes --speaker Stoltenberg --about Afghanistan --since 2021-06
    """
    with open_corpus(db) as corpus:
        rows = queries.quotes(corpus, filters, limit=limit)
    emit(rows, as_json, as_csv, ("date", "speaker", "type", "kind", "article_id", "text"))


@click.group("people", invoke_without_command=True)
@click.option("--about", default=None, help="Only those quoted about this entity.")
@click.option("--name", default=None, help="Only this person (a full name or a surname).")
@click.option("--limit", type=click.IntRange(min=1), default=queries.DEFAULT_LIMIT)
@db_option
@output_options
@click.pass_context
@fail_clearly
def people_group(
    context: click.Context,
    about: str | None,
    name: str | None,
    limit: int,
    db: Path | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """People and organisations quoted: quotes, first and last, titles, stated gender, what
    they talk about. `people merge` and `people split` correct who is who.

    Example: newsgraph people --about Afghanistan
    """
    if context.invoked_subcommand is not None:
        return
    with open_corpus(db) as corpus:
        emit(queries.people(corpus, name=name, about=about, limit=limit), as_json, as_csv)


@people_group.command("merge")
@click.argument("keep")
@click.argument("other")
@db_option
@fail_clearly
def people_merge(keep: str, other: str, db: Path | None) -> None:
    """OTHER is the same person as KEEP (full names as `newsgraph people` shows them); kept
    in the corrections table, so later ingests join them too.

    Example: newsgraph people merge "Jens Stoltenberg" "J. Stoltenberg"
    """
    with open_corpus(db) as corpus:
        queries.merge_people(corpus, keep, other)
    click.echo(f"merged {other!r} into {keep!r}")


@people_group.command("split")
@click.argument("name")
@click.option("--article", "article_id", required=True, help="The article whose NAME is another.")
@click.option("--as", "new_name", default=None, help="The other person's name.")
@db_option
@fail_clearly
def people_split(name: str, article_id: str, new_name: str | None, db: Path | None) -> None:
    """NAME in article ID is a different person; kept in the corrections table, so a later
    ingest of that article keeps them apart.

    Example: newsgraph people split "John Smith" --article 3f2a9c01d2e4b5a6 --as "John Smith (MP)"
    """
    with open_corpus(db) as corpus:
        queries.split_person(corpus, name, article_id, new_name)
    click.echo(f"split {name!r} of article {article_id} apart")


@click.command("sources")
@filter_options("since", "until", "about")
@db_option
@output_options
@fail_clearly
def sources_command(
    filters: queries.QuoteFilters, db: Path | None, as_json: bool, as_csv: bool
) -> None:
    """Who gets quoted: the share of quotes and of quoted people by stated gender, overall
    and by source kind (person, organisation, unnamed), outlet, section and month.

    Example: newsgraph sources --since 2021-01 --until 2021-12 --about NATO
    """
    with open_corpus(db) as corpus:
        emit(queries.sources(corpus, filters), as_json, as_csv)


@click.command("search")
@click.argument("query")
@click.option("--raw", is_flag=True, help="QUERY is FTS5 syntax (NEAR, OR, prefix*).")
@click.option("--limit", type=click.IntRange(min=1), default=20)
@db_option
@output_options
@fail_clearly
def search_command(
    query: str, raw: bool, limit: int, db: Path | None, as_json: bool, as_csv: bool
) -> None:
    """Articles matching QUERY (every word, in title or body), best first, with a snippet.

    Example: newsgraph search "civilian presence"
    """
    with open_corpus(db) as corpus:
        hits = queries.search(corpus, query, raw=raw, limit=limit)
    emit(hits, as_json, as_csv, ("article_id", "published", "title", "snippet"))


@click.command("timeline")
@click.option("--entity", default=None, help="Events whose sentence names this entity.")
@click.option("--speaker", default=None, help="Events inside this person's statements.")
@click.option("--limit", type=click.IntRange(min=1), default=queries.DEFAULT_LIMIT)
@db_option
@output_options
@fail_clearly
def timeline_command(
    entity: str | None,
    speaker: str | None,
    limit: int,
    db: Path | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Dated events across the articles, in date order.

    Example: newsgraph timeline --entity Afghanistan
    """
    with open_corpus(db) as corpus:
        events = queries.timeline(corpus, entity=entity, speaker=speaker, limit=limit)
    emit(events, as_json, as_csv, ("date", "article_id", "text"))


@click.command("article")
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="The record as one JSON object.")
@db_option
@fail_clearly
def article_command(article_id: str, as_json: bool, db: Path | None) -> None:
    """The stored record of the article ARTICLE_ID.

    Example: newsgraph article cbd3963c77527712 --json
    """
    from newsgraph.cli.render import render_article

    with open_corpus(db) as corpus:
        record = queries.article(corpus, article_id)
    click.echo(
        json.dumps(record.to_dict(), ensure_ascii=False) if as_json else render_article(record)
    )


@click.command("stats")
@click.option("--check", is_flag=True, help="Also run SQLite's integrity check.")
@db_option
@fail_clearly
def stats_command(check: bool, db: Path | None) -> None:
    """What the corpus holds: rows per table, schema version, extracting versions.

    Example: newsgraph stats --db news.db --check
    """
    with open_corpus(db) as corpus:
        for key, value in queries.stats(corpus).items():
            click.echo(f"{key}: {value}")
        if check:
            problems = corpus.check()
            click.echo("integrity: " + ("ok" if not problems else "; ".join(problems)))
            if problems:
                sys.exit(1)


@click.command("export")
@click.option("--format", "export_format", type=click.Choice(EXPORT_FORMATS), default="jsonl")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder for the files: one per table.",
)
@db_option
@fail_clearly
def export_command(export_format: ExportFormat, out: Path, db: Path | None) -> None:
    """Every table as a file in OUT (TABLE.jsonl, .csv or .parquet): for DuckDB, pandas,
    polars. The columns are described in docs/corpus.md.

    Example: newsgraph export --format parquet --out corpus-parquet/
    """
    with open_corpus(db) as corpus:
        counts = export(corpus, out, export_format)
    for table_name, count in counts.items():
        click.echo(f"{out / f'{table_name}.{export_format}'}: {count:,} rows")


CORPUS_COMMANDS: tuple[click.Command, ...] = (
    ingest,
    quotes_command,
    people_group,
    sources_command,
    search_command,
    timeline_command,
    article_command,
    stats_command,
    export_command,
)
