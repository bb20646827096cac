"""Workers without a model, for executor tests on real processes: each document's text says
what its extraction does ("fine", "slow", "crash", "greedy", "hang"), in milliseconds.

They are sent to worker processes by name (`ProcessExecutor(worker_factory=FakeWorker)`),
which import this module: the processes get the tests' import path from their parent. With
NEWSGRAPH_TEST_LAZY_MB set, the first extraction in a process loads a "library" of that many
megabytes of address space, as a library imported on first use would (and keeps it).
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

from newsgraph.nlp.watch import PipeWatch
from newsgraph.pipeline import Prepared
from newsgraph.records import Article, Document, Metadata
from newsgraph.scale.executor import Worker
from newsgraph.settings import Settings


def fake_article(document: Document) -> Article:
    return Article(metadata=Metadata(), body=document.text, id=document.id, source=document.source)


_LIBRARY: list[bytearray] = []  # what the first extraction loaded, kept for the process's life


def _load_library_lazily() -> None:
    megabytes = int(os.environ.get("NEWSGRAPH_TEST_LAZY_MB", "0"))
    if megabytes and not _LIBRARY:
        _LIBRARY.append(bytearray(megabytes * 2**20))


def act(document: Document) -> Article:
    """What the document's text asks for, then its article."""
    _load_library_lazily()
    text = document.text
    if "crash" in text:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    if "slow" in text:
        time.sleep(float(text.split("slow", 1)[1].split()[0]))  # "slow 2.5": seconds
    if "greedy" in text:
        block = bytearray(8 * 2**30)  # 8 GB: more than any cap of a test
        block[-1] = 1
    if "hang" in text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # no time limit reaches
        time.sleep(3600)
    return fake_article(document)


class FakeExtractor:
    """The Extractor's methods a Worker calls, without a model: one document at a time, as a
    component of the model that works on one Doc at a time, watched the same way."""

    def load(self) -> FakeExtractor:
        return self

    def extract_prepared(
        self, chunk: list[Prepared], watch: PipeWatch | None = None
    ) -> Iterator[Article]:
        acted = (watch or PipeWatch()).chain(chunk, [_acting])
        return (fake_article(prepared.document) for prepared in acted)


def _acting(chunk: Iterator[Prepared]) -> Iterator[Prepared]:
    for prepared in chunk:
        act(prepared.document)
        yield prepared


class FakeWorker(Worker):
    """A Worker whose extraction is `act`; its process ids go to NEWSGRAPH_TEST_PIDS."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.extractor = FakeExtractor()  # type: ignore[assignment]
        folder = os.environ.get("NEWSGRAPH_TEST_PIDS")
        if folder:
            Path(folder, str(os.getpid())).touch()


class ColdWorker(FakeWorker):
    """A FakeWorker whose warm-up only loads (the model), as before issue #15: what loads on
    first use then loads under the memory cap."""

    def warm_up(self) -> None:
        self.extractor.load()
