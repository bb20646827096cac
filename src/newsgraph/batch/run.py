"""Batches: many inputs in, one JSON line per article out, in input order, with failures apart.

    from newsgraph.batch.run import BatchOptions, run_to_files
    summary = run_to_files(["news.warc.gz", "feeds/"], Path("out.jsonl"),
                           errors=Path("errors.jsonl"), resume=True)

- Every article gets a stable id before extraction: the given id (JSON Lines `id`) or a hash
  of its normalised text (`pipeline.text_id`).
- Exact duplicates (an id already written, in this run or, with `resume`, an earlier one) are
  skipped and counted, so that every id is in the output once and `resume` can trust ids.
- Near-duplicates (syndicated copies, small edits) are kept, with `duplicate_of` set to the id
  of the earliest similar article (MinHash LSH over word shingles, `scale/duplicates.py`).
- A document that fails (reading, parsing, extraction, time limit, memory cap) becomes one
  line of the errors file, {"input", "stage", "reason"}, and the batch goes on.
- Lines are flushed one by one, so a killed batch loses at most the line being written;
  `resume` drops such a cut line and skips every id already in the output.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from newsgraph.batch.dedupe import DEFAULT_THRESHOLD, NearDuplicates, signature
from newsgraph.ingest.failure import Failure
from newsgraph.ingest.inputs import read_inputs
from newsgraph.ingest.options import ReadOptions
from newsgraph.pipeline import text_id
from newsgraph.records import Article, Document
from newsgraph.scale.workers import Extracted, WorkerOptions, ordered_outcomes

DEFAULT_TIME_LIMIT = 120.0  # seconds per document: far beyond any real article
DEFAULT_MEMORY_LIMIT = 2 * 1024**3  # bytes a worker may grow by beyond the loaded model
# Documents per chunk. In one process, the model's own batch size (spaCy is faster on bigger
# batches); across workers, small, so that the last chunks still keep every worker busy.
IN_PROCESS_CHUNK = 32
WORKER_CHUNK = 8


@dataclass(frozen=True, slots=True)
class BatchOptions:
    model: str | None = None
    workers: int = 1
    time_limit: float | None = DEFAULT_TIME_LIMIT
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT
    near_duplicates: float | None = DEFAULT_THRESHOLD  # MinHash threshold; None: do not look
    chunk_size: int | None = None  # None: IN_PROCESS_CHUNK or WORKER_CHUNK

    @property
    def effective_chunk_size(self) -> int:
        if self.chunk_size:
            return self.chunk_size
        return IN_PROCESS_CHUNK if self.workers <= 1 else WORKER_CHUNK


@dataclass(slots=True)
class BatchSummary:
    articles: int = 0  # written in this run
    failures: int = 0
    resumed: int = 0  # skipped: already in the output
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


@dataclass(slots=True)
class BatchState:
    """What is known before the batch starts: ids already written and their signatures."""

    done: set[str] = field(default_factory=set)
    index: NearDuplicates | None = None


class Progress:
    """What the batch reports as it goes; the command line shows it as a progress bar."""

    def add_total(self, count: int) -> None:
        """More documents were found than expected."""

    def advance(self, count: int = 1) -> None:
        """`count` more documents are done (written, failed or skipped)."""


def run_batch(
    items: Iterable[Document | Failure],
    write_article: Callable[[Article], None],
    write_failure: Callable[[Failure], None],
    options: BatchOptions | None = None,
    state: BatchState | None = None,
    progress: Progress | None = None,
) -> BatchSummary:
    """Extract every document of `items`, writing articles in order and failures as they come."""
    options = options or BatchOptions()
    state = state or BatchState()
    progress = progress or Progress()
    if options.near_duplicates and state.index is None:
        state.index = NearDuplicates(options.near_duplicates)
    summary = BatchSummary()

    def fail(failure: Failure) -> None:
        summary.failures += 1
        write_failure(failure)
        progress.advance()

    chunks = _new_chunks(items, state.done, summary, fail, progress, options.effective_chunk_size)
    worker_options = WorkerOptions(options.model, options.time_limit, options.memory_limit)
    for _chunk, outcomes in ordered_outcomes(chunks, options.workers, worker_options):
        for outcome in outcomes:
            if isinstance(outcome, Extracted):
                write_article(_flag_near_duplicate(outcome, state.index, summary))
                summary.articles += 1
                progress.advance()
            else:
                fail(outcome)
    return summary


def _new_chunks(
    items: Iterable[Document | Failure],
    done: set[str],
    summary: BatchSummary,
    fail: Callable[[Failure], None],
    progress: Progress,
    size: int,
) -> Iterator[list[Document]]:
    """Chunks of documents not yet done, each with its id set; failures reported on the way."""
    seen: set[str] = set()
    chunk: list[Document] = []
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
            progress.advance()
            continue
        seen.add(key)
        chunk.append(document)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _flag_near_duplicate(
    outcome: Extracted, index: NearDuplicates | None, summary: BatchSummary
) -> Article:
    article = outcome.article
    if index is None or article.id is None:
        return article
    original = index.add(article.id, outcome.signature)
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
    read_options: ReadOptions | None = None,
    options: BatchOptions | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> BatchSummary:
    """Run a batch over `inputs`, writing articles to `out` and failures to `errors`."""
    options = options or BatchOptions()
    state = load_state(out, options.near_duplicates) if resume else BatchState()
    items = read_inputs(inputs, read_options or ReadOptions())
    with (
        out.open("a" if resume else "w", encoding="utf-8") as out_file,
        _open_errors(errors, resume) as errors_file,
    ):

        def write_failure(failure: Failure) -> None:
            if errors_file is not None:
                write_line(errors_file, failure.to_dict())
            if on_failure is not None:
                on_failure(failure)

        def write_article(article: Article) -> None:
            write_line(out_file, article.to_dict())

        return run_batch(items, write_article, write_failure, options, state, progress)


def write_line(stream: IO[str], data: dict[str, Any]) -> None:
    """One JSON object as one line, flushed: a kill loses at most the line being written."""
    stream.write(json.dumps(data, ensure_ascii=False) + "\n")
    stream.flush()


def _open_errors(path: Path | None, resume: bool) -> AbstractContextManager[IO[str] | None]:
    if path is None:
        return nullcontext()
    return path.open("a" if resume else "w", encoding="utf-8")


def load_state(out: Path, near_duplicates: float | None) -> BatchState:
    """The ids (and body signatures) already in `out`; a cut last line is removed first."""
    state = BatchState(index=NearDuplicates(near_duplicates) if near_duplicates else None)
    if not out.exists():
        return state
    complete = 0  # bytes up to the end of the last whole line
    with out.open("rb") as stream:
        for line in stream:
            if not line.endswith(b"\n"):
                break
            complete += len(line)
            _remember(line, state)
    if complete < out.stat().st_size:
        with out.open("r+b") as stream:
            stream.truncate(complete)
    return state


def _remember(line: bytes, state: BatchState) -> None:
    try:
        data = json.loads(line)
    except ValueError:
        return
    article_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(article_id, str):
        return
    state.done.add(article_id)
    if state.index is not None:
        state.index.add(article_id, signature(str(data.get("body") or "")))
