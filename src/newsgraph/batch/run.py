"""Batches: documents in, through an executor, into a sink, in input order, failures apart.

    from newsgraph.batch import JsonlSink, run_batch
    from newsgraph.ingest import read_inputs
    from newsgraph.scale.local import local_executor
    sink = JsonlSink(Path("out.jsonl"), errors=Path("errors.jsonl"), resume=True)
    summary = run_batch(read_inputs(["news.warc.gz", "feeds/"]), sink, local_executor(settings))

- Every article gets a stable id before extraction: the given id (JSON Lines `id`) or a hash
  of its normalised text (`records.text_id`).
- Exact duplicates (an id the sink already holds, or one earlier in the batch) are skipped and
  counted, so that every id is in the output once and resume can trust ids.
- Near-duplicates (syndicated copies, small edits) are kept, with `duplicate_of` set to the id
  of the earliest similar article (MinHash LSH over word shingles, `batch/dedupe.py`); the
  signatures are computed where each article is extracted.
- A document that fails (reading, parsing, extraction, time limit, memory cap) goes to the
  sink as a failure, and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from newsgraph.batch.dedupe import NearDuplicates, signature
from newsgraph.batch.sinks import JsonlSink, Sink
from newsgraph.progress import Progress
from newsgraph.records import Article, Document, Failure, text_id
from newsgraph.scale.executor import Executor, Extracted, Outcome
from newsgraph.settings import BY_NAME, Settings, load_settings


@dataclass(frozen=True, slots=True)
class BatchOptions:
    # MinHash threshold; None: do not look.
    near_duplicates: float | None = BY_NAME["near_duplicates"].default

    @classmethod
    def from_settings(cls, settings: Settings) -> BatchOptions:
        return cls(near_duplicates=settings.near_duplicates or None)


@dataclass(slots=True)
class BatchSummary:
    articles: int = 0  # written in this run
    failures: int = 0
    resumed: int = 0  # skipped: already in the sink
    exact_duplicates: int = 0  # skipped: the same id earlier in the batch
    near_duplicates: int = 0  # written, with `duplicate_of`

    def render(self) -> str:
        """One line: "12 articles, 1 failed, 3 already done, ..." (counts that are 0 left out)."""
        parts = [f"{self.articles:,} articles", f"{self.failures:,} failed"]
        optional = (
            (self.resumed, "already done"),
            (self.exact_duplicates, "exact duplicates skipped"),
            (self.near_duplicates, "near-duplicates flagged"),
        )
        parts += [f"{count:,} {what}" for count, what in optional if count]
        return ", ".join(parts)


def run_batch(
    items: Iterable[Document | Failure],
    sink: Sink,
    executor: Executor,
    options: BatchOptions | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Extract every document of `items` with `executor` into `sink`; the sink is closed."""
    options = options or BatchOptions()
    progress = progress or Progress()
    summary = BatchSummary()
    done, index = _what_the_sink_holds(sink, options)

    def fail(failure: Failure) -> None:
        summary.failures += 1
        sink.add_failure(failure)
        progress.advance()

    documents = _new_documents(items, done, summary, fail, progress)
    annotate = signature_of if index is not None else None
    outcomes: Iterable[Outcome] | None = None
    try:
        outcomes = executor.run(documents, annotate)
        for outcome in outcomes:
            if isinstance(outcome, Extracted):
                sink.add_article(_flag_near_duplicate(outcome, index, summary))
                summary.articles += 1
                progress.advance()
            else:
                fail(outcome)
    finally:
        # Stopped early (an output error, Ctrl-C): the executor ends its workers now, before
        # the error goes on, not when the error's traceback lets go of the loop.
        if isinstance(outcomes, Generator):
            outcomes.close()
        sink.close()
    return summary


def signature_of(article: Article) -> object:
    """The near-duplicate signature of an article, computed where it is extracted."""
    return signature(article.body)


def _what_the_sink_holds(
    sink: Sink, options: BatchOptions
) -> tuple[set[str], NearDuplicates | None]:
    """The ids the sink holds, and a near-duplicate index of their bodies (when looking)."""
    index = NearDuplicates(options.near_duplicates) if options.near_duplicates else None
    done: set[str] = set()
    for article_id, body in sink.held():
        done.add(article_id)
        if index is not None:
            index.add(article_id, signature(body))
    return done, index


def _new_documents(
    items: Iterable[Document | Failure],
    done: set[str],
    summary: BatchSummary,
    fail: Callable[[Failure], None],
    progress: Progress,
) -> Iterator[Document]:
    """The documents not yet done, each with its id set; failures reported on the way."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Failure):
            fail(item)
            continue
        document = item if item.id else replace(item, id=text_id(item.text))
        key = document.id or ""
        if key in done or key in seen:
            if key in done:
                summary.resumed += 1
            else:
                summary.exact_duplicates += 1
            progress.skip()
            continue
        seen.add(key)
        yield document


def _flag_near_duplicate(
    outcome: Extracted, index: NearDuplicates | None, summary: BatchSummary
) -> Article:
    article = outcome.article
    if index is None or article.id is None:
        return article
    original = index.add(article.id, outcome.annotation)
    if original is None:
        return article
    summary.near_duplicates += 1
    return replace(article, duplicate_of=original)


def run_to_files(
    inputs: Sequence[str],
    out: Path,
    *,
    errors: Path | None = None,
    resume: bool = False,
    settings: Settings | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> BatchSummary:
    """A batch over `inputs` (paths, folders, URLs, "-") into JSON Lines files, with the local
    executor: the Python form of `newsgraph extract --out`."""
    from newsgraph.ingest import ReadOptions, read_inputs
    from newsgraph.scale.local import local_executor

    settings = settings or load_settings()
    sink = JsonlSink(out, errors=errors, resume=resume, report=on_failure)
    items = read_inputs(inputs, ReadOptions.from_settings(settings))
    return run_batch(
        items, sink, local_executor(settings), BatchOptions.from_settings(settings), progress
    )
