"""Executors on this machine: in this process, or in local worker processes.

`InProcessExecutor` runs the work in the calling process: no start-up, no copying, chunks as
big as the model's batches. `ProcessExecutor` runs `workers` processes, each loading the model
once (in its initializer) and capping its own memory; small chunks keep every worker busy to
the end, and results come back in input order. A pool that dies while extracting (a crash, the
kernel's out-of-memory killer) costs the chunk being collected, which becomes failures, and is
started again for the rest.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from newsgraph.errors import NewsgraphError
from newsgraph.pipeline import MODEL_BATCH
from newsgraph.records import Document, Failure
from newsgraph.scale.executor import (
    Annotate,
    Executor,
    Outcome,
    Worker,
    chunked,
    document_name,
)
from newsgraph.scale.limits import cap_memory
from newsgraph.settings import Settings

# Documents per chunk handed to a worker process: small, so that the last chunks still keep
# every worker busy (in one process, chunks are the model's batches: MODEL_BATCH).
WORKER_CHUNK = 8
# Chunks queued per worker: enough to keep every worker busy while the results are written.
QUEUED_PER_WORKER = 2
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
WORKERS_FAILED = (
    "the worker processes died before extracting anything (see the errors above): "
    "is the model installed, and is there enough memory?"
)
WORKER_DIED = "the worker process died while extracting it (a crash, or out of memory)"


def local_executor(settings: Settings, chunk_size: int | None = None) -> Executor:
    """The executor the settings ask for: worker processes when `workers` > 1."""
    if settings.workers > 1:
        return ProcessExecutor(settings, chunk_size=chunk_size or WORKER_CHUNK)
    return InProcessExecutor(settings, chunk_size=chunk_size or MODEL_BATCH)


class InProcessExecutor:
    """The work in the calling process, with one model loaded for the executor's life."""

    def __init__(self, settings: Settings, chunk_size: int = MODEL_BATCH) -> None:
        self.settings = settings
        self.chunk_size = chunk_size
        self._worker: Worker | None = None

    @property
    def worker(self) -> Worker:
        if self._worker is None:
            self._worker = Worker(self.settings)
        return self._worker

    def run(
        self, documents: Iterable[Document], annotate: Annotate | None = None
    ) -> Iterator[Outcome]:
        for chunk in chunked(documents, self.chunk_size):
            yield from self.worker.process_chunk(chunk, annotate)


class ProcessExecutor:
    """The work in `settings.workers` local processes, outcomes in input order."""

    def __init__(self, settings: Settings, chunk_size: int = WORKER_CHUNK) -> None:
        self.settings = settings
        self.workers = max(1, settings.workers)
        self.chunk_size = chunk_size

    def run(
        self, documents: Iterable[Document], annotate: Annotate | None = None
    ) -> Iterator[Outcome]:
        for _chunk, outcomes in self._chunk_outcomes(chunked(documents, self.chunk_size), annotate):
            yield from outcomes

    def _chunk_outcomes(
        self, chunks: Iterator[list[Document]], annotate: Annotate | None
    ) -> Iterator[tuple[list[Document], list[Outcome]]]:
        pool = self._pool()
        pending: deque[tuple[list[Document], Future[list[Outcome]]]] = deque()
        started = False  # a pool that dies before any result cannot start: no use restarting it
        finished = False
        try:
            while True:
                while len(pending) < self.workers * QUEUED_PER_WORKER and (
                    chunk := next(chunks, None)
                ):
                    pending.append((chunk, pool.submit(_process_chunk, chunk, annotate)))
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
                    yield chunk, [Failure(document_name(d), "extract", WORKER_DIED) for d in chunk]
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = self._pool()
                    queued = [c for c, _ in pending]
                    pending = deque((c, pool.submit(_process_chunk, c, annotate)) for c in queued)
                else:
                    started = True
                    yield chunk, outcomes
        finally:
            # Done: wait for the workers to exit. Stopped early: do not wait for queued work.
            pool.shutdown(wait=finished, cancel_futures=not finished)

    def _pool(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent may run threads (progress display, HTTP) that fork would
        # copy in an unknown state; each worker imports newsgraph and loads the model afresh.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.settings,),
        )


# The worker of this process, in a worker process of a ProcessExecutor (set by its
# initializer; a process pool reaches its workers only through module-level functions).
_process_worker: Worker | None = None


def _start_worker(settings: Settings) -> None:
    """Load the model once for this worker process, then cap its memory."""
    global _process_worker
    # One thread per worker process: the processes are the parallelism, and BLAS threads of
    # several workers would spin against each other for the same cores. Read when numpy is
    # first imported, which is below, by the model.
    for variable in THREAD_VARIABLES:
        os.environ.setdefault(variable, "1")
    worker = Worker(settings)
    worker.extractor.load()
    cap_memory(settings.memory_limit * 2**20 if settings.memory_limit else None)
    _process_worker = worker


def _process_chunk(chunk: list[Document], annotate: Annotate | None) -> list[Outcome]:
    assert _process_worker is not None, "a worker process starts with _start_worker"
    return _process_worker.process_chunk(chunk, annotate)
