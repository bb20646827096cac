"""Worker processes on this machine: started, given tasks, watched, replaced and ended.

A `WorkerPool` holds `count` spawned processes, each with a pipe of its own and one task at a
time (a chunk of documents, or one document), so the pool always knows which documents a
worker holds. `run_chunks` drives it: chunks in, each chunk's outcomes out in input order.

- **Deaths are blamed on their document.** A worker that dies (a crash, the kernel's
  out-of-memory killer) while holding a chunk costs nobody yet: the chunk is done again one
  document per task, in fresh workers, so the innocent documents are extracted and the one
  that kills its worker again is one failure saying so. A worker that dies while starting
  (the model cannot be loaded) stops the batch with one clear error.
- **A document that never returns** (stuck in compiled code where the time limit cannot
  reach) has its worker ended once its task runs well past its limits, and counts as a death.
- **Workers end with their parent.** Each watches its parent's process id and exits when it
  changes, so a parent ended by SIGKILL or SIGTERM (which run none of its clean-up) leaves no
  worker behind, nor multiprocessing's resource tracker, which exits when the last process
  holding it has. Ctrl-C reaches every process of the terminal's group: workers ignore it and
  the parent ends them.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from newsgraph.errors import ModelError, NewsgraphError
from newsgraph.records import Document, Failure
from newsgraph.scale.executor import Annotate, Outcome, Worker, document_name
from newsgraph.scale.limits import cap_memory
from newsgraph.settings import Settings

# Builds the worker of a worker process (a module-level callable: it is sent by name).
WorkerFactory = Callable[[Settings], Worker]
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
PARENT_CHECK = 0.5  # seconds between a worker's looks at its parent
STOP_WAIT = 5.0  # seconds workers have to exit when asked, before they are killed
# Beyond a task's time limits (one per document, and one for the time they share): a task
# running this much longer is stuck where the limit cannot reach, and its worker is ended.
STUCK_GRACE = 10.0
WORKERS_FAILED = (
    "the worker processes died before extracting anything ({reason}): "
    "is the model installed, and is there enough memory?"
)
WORKER_DIED = "the worker process died while extracting it ({how}: a crash, or out of memory)"
WORKER_STUCK = (
    "took longer than {limit:g} s (the per-document time limit) and did not stop: "
    "its worker process was ended"
)


@dataclass(frozen=True, slots=True)
class Task:
    """Documents given to one worker: those of chunk `chunk` from position `start`."""

    chunk: int
    start: int
    documents: list[Document]


# The worker side ------------------------------------------------------------------------


def serve(connection: Connection, settings: Settings, parent: int, factory: WorkerFactory) -> None:
    """A worker process: load the model, cap memory, then do tasks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent ends its workers
    _watch_parent(parent)
    # One thread per worker process: the processes are the parallelism, and BLAS threads of
    # several workers would spin against each other for the same cores. Read when numpy is
    # first imported, which is below, by the model.
    for variable in THREAD_VARIABLES:
        os.environ.setdefault(variable, "1")
    try:
        worker = factory(settings)
        worker.warm_up()  # before the cap: what loads on first use is loaded by then
        cap_memory(settings.memory_limit * 2**20 if settings.memory_limit else None)
    except Exception as error:
        connection.send(("failed", _reason(error)))
        return
    connection.send(("ready", None))
    _serve_tasks(connection, worker)


def _serve_tasks(connection: Connection, worker: Worker) -> None:
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if message is None:
            return
        documents, annotate = message
        try:
            outcomes = worker.process_chunk(documents, annotate)
        except ModelError as error:
            connection.send(("error", error))
            return
        connection.send(("done", outcomes))


def _watch_parent(parent: int) -> None:
    """Exit this process as soon as its parent is gone (its parent id changes)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK)
        os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def _reason(error: BaseException) -> str:
    return str(error) if isinstance(error, NewsgraphError) else f"{type(error).__name__}: {error}"


# The parent side ------------------------------------------------------------------------


class WorkerProcess:
    """One worker process seen from the parent: its pipe, and the task it holds."""

    def __init__(self, context: Any, settings: Settings, factory: WorkerFactory) -> None:
        self.connection, child = context.Pipe()
        args = (child, settings, os.getpid(), factory)
        # daemon: multiprocessing ends the worker if the parent exits without closing the pool.
        self.process = context.Process(target=serve, args=args, daemon=True)
        self.process.start()
        child.close()
        self.ready = False  # the model is loaded and the memory capped
        self.task: Task | None = None
        self.given = 0.0  # when the task was given (time.monotonic)
        self.stuck = False  # ended by the pool for running far past its limits

    def give(self, task: Task, annotate: Annotate | None) -> None:
        self.connection.send((task.documents, annotate))
        self.task, self.given = task, time.monotonic()

    def event(self) -> tuple[str, Any]:
        """What the worker said ("ready", "failed", "done", "error"), or ("died", how)."""
        try:
            if self.connection.poll():
                kind, payload = self.connection.recv()
                return str(kind), payload
        except (EOFError, OSError):
            pass
        self.process.join(STOP_WAIT)  # its sentinel or pipe said it has ended
        return "died", _how(self.process.exitcode)

    def end(self, deadline: float) -> None:
        self.process.join(max(0.0, deadline - time.monotonic()))
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def _how(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return f"killed by {signal.Signals(-exitcode).name}"
    return f"exit status {exitcode}"


class WorkerPool:
    """`count` worker processes, spawned, each replaced when it dies."""

    def __init__(self, settings: Settings, count: int, factory: WorkerFactory = Worker) -> None:
        # spawn, not fork: the parent may run threads (progress display, HTTP) that fork would
        # copy in an unknown state; each worker imports newsgraph and loads the model afresh.
        self._context = multiprocessing.get_context("spawn")
        self._settings, self._factory = settings, factory
        self.processes = [self._start() for _ in range(count)]

    def _start(self) -> WorkerProcess:
        return WorkerProcess(self._context, self._settings, self._factory)

    def idle(self) -> list[WorkerProcess]:
        return [p for p in self.processes if p.ready and p.task is None]

    def replace(self, process: WorkerProcess) -> None:
        process.end(time.monotonic())
        self.processes[self.processes.index(process)] = self._start()

    def events(self, timeout: float | None) -> list[tuple[WorkerProcess, str, Any]]:
        """What happened in the workers, waiting up to `timeout` seconds for something."""
        by_handle: dict[Any, WorkerProcess] = {}
        for process in self.processes:
            by_handle[process.connection] = process
            by_handle[process.process.sentinel] = process
        happened = {id(by_handle[h]): by_handle[h] for h in wait(list(by_handle), timeout)}
        return [(process, *process.event()) for process in happened.values()]

    def close(self, finished: bool) -> None:
        """Done: ask each worker to exit. Stopped early: end them now. Killed if need be."""
        for process in self.processes:
            if not finished:
                process.process.terminate()
                continue
            with suppress(OSError):  # dead already
                process.connection.send(None)
        deadline = time.monotonic() + STOP_WAIT
        for process in self.processes:
            process.end(deadline)


def run_chunks(
    pool: WorkerPool,
    chunks: Iterable[list[Document]],
    annotate: Annotate | None,
    ahead: int,
    time_limit: float | None,
) -> Iterator[list[Outcome]]:
    """Each chunk's outcomes, in order, with at most `ahead` chunks read and not yet given
    back; every death is charged to the document that caused it."""
    return _Run(pool, iter(chunks), annotate, ahead, time_limit).outcomes()


class _Run:
    """The state of one run: chunks read, tasks waiting, outcomes received."""

    def __init__(
        self,
        pool: WorkerPool,
        chunks: Iterator[list[Document]],
        annotate: Annotate | None,
        ahead: int,
        time_limit: float | None,
    ) -> None:
        self.pool, self.chunks, self.annotate = pool, chunks, annotate
        self.ahead, self.time_limit = ahead, time_limit
        self.slots: dict[int, list[Outcome | None]] = {}  # by chunk number
        self.waiting: deque[Task] = deque()
        self.read = 0  # chunks read
        self.given_back = 0  # chunks whose outcomes were yielded

    def outcomes(self) -> Iterator[list[Outcome]]:
        while True:
            # Read ahead first, and only then see whether anything is left: every chunk held
            # may have been given back just before, with more still to read.
            self._read_ahead()
            if not self.slots:
                return
            for process in self.pool.idle():
                if self.waiting:
                    process.give(self.waiting.popleft(), self.annotate)
            for process, kind, payload in self.pool.events(self._until_stuck()):
                self._on(process, kind, payload)
            self._end_stuck()
            yield from self._whole_chunks()

    def _read_ahead(self) -> None:
        while len(self.slots) < self.ahead and (chunk := next(self.chunks, None)):
            self.slots[self.read] = [None] * len(chunk)
            self.waiting.append(Task(self.read, 0, chunk))
            self.read += 1

    def _whole_chunks(self) -> Iterator[list[Outcome]]:
        while (slots := self.slots.get(self.given_back)) and all(o is not None for o in slots):
            del self.slots[self.given_back]
            self.given_back += 1
            yield [outcome for outcome in slots if outcome is not None]

    def _on(self, process: WorkerProcess, kind: str, payload: Any) -> None:
        if kind == "ready":
            process.ready = True
        elif kind == "failed":
            raise NewsgraphError(WORKERS_FAILED.format(reason=payload))
        elif kind == "error":
            raise payload  # the model failed in the worker: it would fail every document
        elif kind == "done" and process.task is not None:
            task, process.task = process.task, None
            self.slots[task.chunk][task.start : task.start + len(payload)] = payload
        elif kind == "died":
            self._on_death(process, payload)

    def _on_death(self, process: WorkerProcess, how: str) -> None:
        task, ready, stuck = process.task, process.ready, process.stuck
        self.pool.replace(process)
        if not ready:
            raise NewsgraphError(WORKERS_FAILED.format(reason=f"one was {how}"))
        if task is None:
            return
        if len(task.documents) > 1:
            # Which document killed it is not known: each is done again alone, first.
            alone = [Task(task.chunk, task.start + i, [d]) for i, d in enumerate(task.documents)]
            self.waiting.extendleft(reversed(alone))
            return
        (document,) = task.documents
        reason = WORKER_STUCK.format(limit=self.time_limit) if stuck else WORKER_DIED
        failure = Failure(document_name(document), "extract", reason.format(how=how))
        self.slots[task.chunk][task.start] = failure

    def _budget(self, task: Task) -> float:
        # One run of the chunk: each document within its own limit, and the time they share
        # (the model on a batch) within one more. A chunk that needs more (several documents
        # out of time, each making the rest run again) is ended as stuck and done again one
        # document per task: it costs time, never a document.
        assert self.time_limit
        shared = 1 if len(task.documents) > 1 else 0
        return self.time_limit * (len(task.documents) + shared) + STUCK_GRACE

    def _until_stuck(self) -> float | None:
        """Seconds until the first busy worker counts as stuck (None: no time limit)."""
        if not self.time_limit:
            return None
        now = time.monotonic()
        ends = [p.given + self._budget(p.task) for p in self.pool.processes if p.task]
        return max(0.0, min(ends) - now) if ends else None

    def _end_stuck(self) -> None:
        if not self.time_limit:
            return
        now = time.monotonic()
        for process in self.pool.processes:
            task = process.task
            if task and not process.stuck and now > process.given + self._budget(task):
                process.stuck = True
                process.process.kill()  # its death is seen at the next wait
