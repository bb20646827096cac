"""Sharded batches: archives of shards in, one Parquet dataset per table out, on this
machine or on a Ray cluster, with the same result.

    from newsgraph.batch.sharded import run_sharded
    summary = run_sharded(["s3://bucket/cc-news/2026/11/*.warc.gz"], "out/", engine="ray")

- Inputs are files, folders or glob patterns of WARC, JSON Lines or Parquet shards on any
  filesystem pyarrow supports (`newsgraph.ingest.shards`).
- Output: `OUT/TABLE/SHARD.parquet` for each table of `newsgraph.tables` (articles, quotes,
  entities, times, timeline, errors), SHARD a hash of the shard's address, so that a rerun
  replaces a shard's files and never adds a second copy; `OUT/_done/SHARD` is written last,
  and a shard with it is skipped on a rerun, unless it was done with other publication
  dates (`dates`, `--dates FILE`): the marker holds a digest of the dates as read, and a
  shard done with other dates or none is run again (see `dates_digest`). Every row carries
  its article's id; the articles table holds the whole record as JSON (`record`), from which
  `read_output` (and `newsgraph ingest --from OUT`) rebuilds the articles.
- A dates sidecar (`newsgraph.ingest.sidecar`) fills `published` as for `extract`: matched
  by id, URL or source before the batch gives a document without an id its text id; the
  sidecar file itself is never read as a shard.
- Within a shard, documents get their ids as in every batch and exact duplicates are
  skipped; near-duplicates across shards are not looked for (each shard is done alone).
- `engine="local"` runs the local executor (`--workers` processes); `engine="ray"` reads the
  shards as a Ray dataset and extracts in an actor pool (`newsgraph.scale.ray_executor`).
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Literal

from newsgraph._version import __version__
from newsgraph.ingest import PublicationDates, ReadOptions
from newsgraph.ingest.shards import expand_shards, filesystem, read_shard
from newsgraph.ingest.sidecar import with_sidecar_date
from newsgraph.progress import Progress
from newsgraph.records import Article, Document, Failure, text_id
from newsgraph.scale.executor import Extracted, Outcome
from newsgraph.settings import Settings, load_settings
from newsgraph.tables import COLUMNS, TABLES, Row, article_tables, error_row

Engine = Literal["local", "ray"]
ENGINES: tuple[Engine, ...] = ("local", "ray")
DONE = "_done"  # OUT/_done/SHARD: the shard's files are whole
# An outcome with the id of the document it came from (None: the shard could not be read).
Result = tuple[str | None, Outcome]


@dataclass(slots=True)
class ShardSummary:
    shards: int = 0  # written in this run
    skipped: int = 0  # done in an earlier run
    articles: int = 0
    failures: int = 0

    def render(self) -> str:
        return (
            f"{self.shards:,} shards ({self.skipped:,} already done), "
            f"{self.articles:,} articles, {self.failures:,} failed"
        )


def shard_key(shard: str) -> str:
    """A shard's name in the output: a hash of its address (the same on every rerun)."""
    return hashlib.sha256(shard.encode("utf-8")).hexdigest()[:16]


def dates_digest(dates: PublicationDates | None) -> str | None:
    """What a done marker records of the dates a shard was run with (None: no dates file).

    A digest of the dates as read (key and day, sorted), not of the file's bytes: comments,
    a header, quoting or the order of the lines do not make finished shards run again; a day
    added, changed or removed does, in every shard (which shard a key matches is known only
    once the shard is read, and reading every shard again is most of a rerun's cost)."""
    if dates is None:
        return None
    pairs = sorted(dates.by_key.items())
    return hashlib.sha256(json.dumps(pairs).encode("utf-8")).hexdigest()[:16]


def shard_items(shard: str, options: ReadOptions) -> list[Document | Failure]:
    """A shard's documents, each with its id (exact duplicates within it dropped) and the
    day its dates sidecar gives it, and the failures met reading it, in order."""
    items: list[Document | Failure] = []
    seen: set[str] = set()
    for item in read_shard(shard, options):
        if isinstance(item, Document):
            # Looked up before a text id is given: the sidecar names what the input names.
            item = with_sidecar_date(item, options.dates)
            item = item if item.id else replace(item, id=text_id(item.text))
            if item.id in seen:
                continue
            seen.add(item.id or "")
        items.append(item)
    return items


class ShardOutput:
    """The output folder: a Parquet file per table and shard, and the done markers."""

    def __init__(self, out: str, dates: str | None = None) -> None:
        self.system, self.root = filesystem(out)
        self.dates = dates  # `dates_digest` of this run's dates: markers record it

    def is_done(self, shard: str) -> bool:
        """Whether the shard has its marker, written with this run's dates (a marker from
        before markers held them counts as done without dates)."""
        try:
            with self.system.open_input_stream(f"{self.root}/{DONE}/{shard_key(shard)}") as f:
                marker = json.loads(f.read())
        except (OSError, ValueError):  # none yet, or a marker that cannot be read: run it
            return False
        return isinstance(marker, dict) and marker.get("dates") == self.dates

    def write(self, shard: str, results: Sequence[Result]) -> tuple[int, int]:
        """Every table's file of a shard, then its marker; returns (articles, failures)."""
        import pyarrow.parquet as pq

        tables = _tables_of(shard, results)
        key = shard_key(shard)
        for table, rows in tables.items():
            path = f"{self.root}/{table}/{key}.parquet"
            self.system.create_dir(f"{self.root}/{table}", recursive=True)
            # Written aside, then moved: a killed run leaves no half file under the name.
            with self.system.open_output_stream(path + ".tmp") as stream:
                pq.write_table(arrow_table(table, rows), stream)
            self.system.move(path + ".tmp", path)
        counts = len(tables["articles"]), len(tables["errors"])
        self.system.create_dir(f"{self.root}/{DONE}", recursive=True)
        with self.system.open_output_stream(f"{self.root}/{DONE}/{key}") as stream:
            marker = {"shard": shard, "articles": counts[0], "failures": counts[1]}
            marker |= {"dates": self.dates, "version": __version__}
            stream.write(json.dumps(marker).encode("utf-8"))
        return counts


def arrow_table(table: str, rows: list[Row]) -> Any:
    import pyarrow as pa

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS[table]])
    return pa.Table.from_pylist(rows, schema=schema)


def _tables_of(shard: str, results: Sequence[Result]) -> dict[str, list[Row]]:
    tables: dict[str, list[Row]] = {table: [] for table in TABLES}
    for article_id, outcome in results:
        if isinstance(outcome, Extracted):
            for table, rows in article_tables(outcome.article, __version__).items():
                tables[table] += rows
        else:
            tables["errors"].append(error_row(outcome, article_id, shard))
    return tables


def run_sharded(
    inputs: Iterable[str],
    out: str,
    settings: Settings | None = None,
    *,
    engine: Engine = "local",
    ray_options: Any = None,  # newsgraph.scale.ray_executor.RayOptions
    progress: Progress | None = None,
    dates: PublicationDates | None = None,
) -> ShardSummary:
    """Every shard of `inputs` not yet done into `out` (with these `dates`), with the engine
    asked for. `dates` fills `published` where an article shows none (`read_dates`)."""
    settings = settings or load_settings()
    progress = progress or Progress()
    output = ShardOutput(out, dates_digest(dates))
    shards = [shard for shard in expand_shards(inputs) if not _is_sidecar(shard, dates)]
    pending = [shard for shard in shards if not output.is_done(shard)]
    summary = ShardSummary(skipped=len(shards) - len(pending))
    read = partial(shard_items, options=ReadOptions.from_settings(settings, dates=dates))
    if engine == "ray":
        results = _on_ray(pending, read, settings, ray_options, progress)
    else:
        results = _locally(pending, read, settings, progress)
    for shard, shard_results in results:
        articles, failures = output.write(shard, shard_results)
        summary.shards += 1
        summary.articles += articles
        summary.failures += failures
    return summary


def _is_sidecar(shard: str, dates: PublicationDates | None) -> bool:
    """Whether a shard is the dates file itself (in a folder of shards, say, as `dates.jsonl`)."""
    return dates is not None and "://" not in shard and dates.is_sidecar(Path(shard))


ShardResults = Iterator[tuple[str, list[Result]]]


def _locally(shards: list[str], read: Any, settings: Settings, progress: Progress) -> ShardResults:
    """Each shard's results as soon as it is whole, from one local executor for them all
    (worker processes load the model once for the run, not once per shard)."""
    from newsgraph.scale.local import local_executor

    queue: deque[_ReadShard] = deque()

    def documents() -> Iterator[Document]:
        for shard in shards:
            items = read(shard)
            progress.add_total(len(items))
            queue.append(_ReadShard(shard, items, sum(isinstance(i, Document) for i in items)))
            yield from (item for item in items if isinstance(item, Document))

    done: deque[Outcome] = deque()  # outcomes of the documents of the shards in `queue`
    for outcome in local_executor(settings).run(documents()):
        done.append(outcome)
        progress.advance()
        yield from _whole_shards(queue, done, progress)
    yield from _whole_shards(queue, done, progress)


@dataclass(frozen=True, slots=True)
class _ReadShard:
    """A shard read and waiting for its documents' outcomes."""

    shard: str
    items: list[Document | Failure]
    documents: int  # counted once: a shard of thousands is checked after every outcome


def _whole_shards(
    queue: deque[_ReadShard], done: deque[Outcome], progress: Progress
) -> ShardResults:
    while queue and len(done) >= queue[0].documents:
        whole = queue.popleft()
        results: list[Result] = []
        for item in whole.items:
            if isinstance(item, Document):
                results.append((item.id, done.popleft()))
            else:
                results.append((None, item))
                progress.advance()
        yield whole.shard, results


def _on_ray(
    shards: list[str], read: Any, settings: Settings, options: Any, progress: Progress
) -> ShardResults:
    """Each shard's results as soon as its last item is back from the actors (Ray shows
    its own progress)."""
    from newsgraph.scale.ray_executor import RayExecutor

    executor = RayExecutor(settings, options)
    held: dict[str, dict[int, Result]] = {}
    for row in executor.run_shards(shards, read):
        results = held.setdefault(row.shard, {})
        if row.index >= 0:
            results[row.index] = (row.article_id, row.item)
        progress.advance()
        if len(results) == row.total:
            del held[row.shard]
            yield row.shard, [results[i] for i in range(row.total)]


def read_output(out: str) -> Iterator[Article | Failure]:
    """The articles and failures of every finished shard of a batch output, shard by
    shard: what `newsgraph ingest --from OUT` loads into the corpus."""
    import pyarrow.parquet as pq
    from pyarrow import fs

    output = ShardOutput(out)
    selector = fs.FileSelector(f"{output.root}/{DONE}", allow_not_found=True)
    keys = sorted(info.base_name for info in output.system.get_file_info(selector))
    for key in keys:
        for table, column in (("articles", "record"), ("errors", None)):
            with output.system.open_input_file(f"{output.root}/{table}/{key}.parquet") as f:
                rows = pq.read_table(f).to_pylist()
            for row in rows:
                if column is not None:
                    yield Article.from_dict(json.loads(row[column]))
                else:
                    yield Failure(row["input"], row["stage"], row["reason"])
