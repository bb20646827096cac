"""Extraction in worker processes, with results in input order.

Each worker process loads the model once (in its initializer) and extracts chunks of documents
with `pipeline.extract_documents`. A chunk that fails as a whole (an error, the time limit, the
memory cap) is done again one document at a time, so that only the documents at fault become
failures. With one worker everything runs in the calling process: no start-up, no copying.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from newsgraph.batch.dedupe import Signature, signature
from newsgraph.errors import ModelError, NewsgraphError
from newsgraph.ingest.failure import Failure, Stage
from newsgraph.pipeline import extract_documents, extract_prepared, prepare
from newsgraph.records import Article, Document
from newsgraph.scale.limits import DocumentTimeout, cap_memory, time_limit

# Chunks queued per worker: enough to keep every worker busy while the results are written.
QUEUED_PER_WORKER = 2
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
NO_TEXT = "no article text found in it"
WORKERS_FAILED = (
    "the worker processes died before extracting anything (see the errors above): "
    "is the model installed, and is there enough memory?"
)
WORKER_DIED = "the worker process died while extracting it (a crash, or out of memory)"


@dataclass(frozen=True, slots=True)
class WorkerOptions:
    model: str | None = None
    time_limit: float | None = None  # seconds per document
    memory_limit: int | None = None  # bytes a worker may grow by (worker processes only)


@dataclass(frozen=True, slots=True)
class Extracted:
    article: Article
    signature: Signature | None  # MinHash values of the body, for near-duplicates


Outcome = Extracted | Failure
_options = WorkerOptions()


def init_worker(options: WorkerOptions, in_subprocess: bool = True) -> None:
    """Load the model once for this process, then cap its memory."""
    global _options
    _options = options
    if in_subprocess:
        # One thread per worker process: the processes are the parallelism, and BLAS threads
        # of several workers would spin against each other for the same cores. Read when
        # numpy is first imported, which is below, by the model.
        for variable in THREAD_VARIABLES:
            os.environ.setdefault(variable, "1")
    from newsgraph.nlp.model import load_model

    load_model(options.model)
    if in_subprocess:
        cap_memory(options.memory_limit)


def process_chunk(chunk: list[Document]) -> list[Outcome]:
    """An outcome per document of the chunk, in order."""
    limit = _options.time_limit * len(chunk) if _options.time_limit else None
    try:
        with time_limit(limit):
            articles = list(extract_documents(chunk, model=_options.model))
    except ModelError:
        raise
    except Exception:  # MemoryError and DocumentTimeout included
        return [process_document(document) for document in chunk]
    return [_outcome(document, article) for document, article in zip(chunk, articles, strict=True)]


def process_document(document: Document) -> Outcome:
    """The outcome of one document alone, with the stage at which it failed."""
    name = _name(document)
    stage: Stage = "parse"
    try:
        with time_limit(_options.time_limit):
            prepared = prepare(document)
            stage = "extract"
            article = next(extract_prepared([prepared], model=_options.model))
    except ModelError:
        raise
    except DocumentTimeout as error:
        return Failure(name, "extract", str(error))
    except MemoryError:
        return Failure(name, "extract", "ran out of memory (the per-worker memory cap)")
    except Exception as error:
        return Failure(name, stage, f"{type(error).__name__}: {error}")
    return _outcome(document, article)


def _outcome(document: Document, article: Article) -> Outcome:
    # A page with no text left after extraction (a video page, markup without paragraphs,
    # a page cut before its text) is no article: it goes to the errors, not the output.
    if not article.body.strip():
        return Failure(_name(document), "parse", NO_TEXT)
    return Extracted(article, signature(article.body))


def ordered_outcomes(
    chunks: Iterable[list[Document]], workers: int, options: WorkerOptions
) -> Iterator[tuple[list[Document], list[Outcome]]]:
    """Each chunk with its outcomes, in the order of the chunks."""
    if workers <= 1:
        init_worker(options, in_subprocess=False)
        for chunk in chunks:
            yield chunk, process_chunk(chunk)
        return
    yield from _pool_outcomes(iter(chunks), workers, options)


def _pool_outcomes(
    chunks: Iterator[list[Document]], workers: int, options: WorkerOptions
) -> Iterator[tuple[list[Document], list[Outcome]]]:
    executor = _executor(workers, options)
    pending: deque[tuple[list[Document], Future[list[Outcome]]]] = deque()
    started = False  # a pool that dies before any result cannot start: no use restarting it
    finished = False
    try:
        while True:
            while len(pending) < workers * QUEUED_PER_WORKER and (chunk := next(chunks, None)):
                pending.append((chunk, executor.submit(process_chunk, chunk)))
            if not pending:
                finished = True
                return
            chunk, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                if not started:
                    raise NewsgraphError(WORKERS_FAILED) from None
                # Every queued chunk is lost with the pool: blame the one being collected,
                # start a new pool and queue the others again.
                yield chunk, [Failure(_name(d), "extract", WORKER_DIED) for d in chunk]
                executor.shutdown(wait=False, cancel_futures=True)
                executor = _executor(workers, options)
                queued = [c for c, _ in pending]
                pending = deque((c, executor.submit(process_chunk, c)) for c in queued)
            else:
                started = True
                yield chunk, outcomes
    finally:
        # Done: wait for the workers to exit. Stopped early: do not wait for queued work.
        executor.shutdown(wait=finished, cancel_futures=not finished)


def _executor(workers: int, options: WorkerOptions) -> ProcessPoolExecutor:
    # spawn, not fork: the parent may run threads (progress display, HTTP) that fork would
    # copy in an unknown state; each worker imports newsgraph and loads the model afresh.
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=init_worker,
        initargs=(options,),
    )


def _name(document: Document) -> str:
    return document.source or document.url or document.id or "(document)"
