"""Executors on this machine: in this process, or in local worker processes.

`InProcessExecutor` runs the work in the calling process: no start-up, no copying, chunks as
big as the model's batches; the memory cap is on only while a chunk is extracted.
`ProcessExecutor` runs `workers` processes (`scale/processes.py`), each loading the model
once and capping its own memory; small chunks keep every worker busy to the end, and results
come back in input order. A worker that dies costs only the document that killed it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import nullcontext, suppress

from newsgraph.errors import ModelError
from newsgraph.pipeline import MODEL_BATCH
from newsgraph.records import Document
from newsgraph.scale.executor import Annotate, Executor, Outcome, Worker, chunked
from newsgraph.scale.limits import MemoryCap
from newsgraph.scale.processes import WorkerFactory, WorkerPool, run_chunks
from newsgraph.settings import Settings

# Documents per chunk handed to a worker process: small, so that the last chunks still keep
# every worker busy (in one process, chunks are the model's batches: MODEL_BATCH).
WORKER_CHUNK = 8
# Chunks queued per worker: enough to keep every worker busy while the results are written.
QUEUED_PER_WORKER = 2


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
        self._cap: MemoryCap | None = None
        self._cap_fixed = False

    @property
    def worker(self) -> Worker:
        if self._worker is None:
            self._worker = Worker(self.settings)
        return self._worker

    def run(
        self, documents: Iterable[Document], annotate: Annotate | None = None
    ) -> Iterator[Outcome]:
        for chunk in chunked(documents, self.chunk_size):
            cap = self.memory_cap()
            with cap.applied() if cap is not None else nullcontext():
                outcomes = self.worker.process_chunk(chunk, annotate)
            yield from outcomes

    def memory_cap(self) -> MemoryCap | None:
        """The cap on the work (`memory_limit` beyond the loaded model), fixed at the first
        chunk after a warm-up, so that what loads on first use is not counted, nor refused.
        The warm-up also keeps that loading out of the first document's time limit."""
        if not self._cap_fixed:
            self._cap_fixed = True
            if self.settings.memory_limit or self.settings.time_limit:
                # Without the model, the documents that need it will say so, as without one.
                with suppress(ModelError):
                    self.worker.warm_up()
            if self.settings.memory_limit:
                self._cap = MemoryCap.from_now(self.settings.memory_limit * 2**20)
        return self._cap


class ProcessExecutor:
    """The work in `settings.workers` local processes, outcomes in input order."""

    def __init__(
        self,
        settings: Settings,
        chunk_size: int = WORKER_CHUNK,
        worker_factory: WorkerFactory = Worker,
    ) -> None:
        self.settings = settings
        self.workers = max(1, settings.workers)
        self.chunk_size = chunk_size
        self.worker_factory = worker_factory  # module-level: sent to the workers by name

    def run(
        self, documents: Iterable[Document], annotate: Annotate | None = None
    ) -> Iterator[Outcome]:
        pool = WorkerPool(self.settings, self.workers, self.worker_factory)
        finished = False
        try:
            chunks = chunked(documents, self.chunk_size)
            ahead = self.workers * QUEUED_PER_WORKER
            limit = self.settings.time_limit or None
            for outcomes in run_chunks(pool, chunks, annotate, ahead, limit):
                yield from outcomes
            finished = True
        finally:
            # Done: let the workers exit. Stopped early (an error, Ctrl-C): end them now.
            pool.close(finished)
