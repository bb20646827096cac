"""Issue #15, the time limit with the real model: one article that never ends among small ones
fails alone, once, and the others succeed, wherever in the pipeline it spins. The slow article
spins in a test component put into the session's pipeline for the test (and taken out after
it). Nothing is timed; `bench/time_limit.py` measures what the slow article costs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.records import Document, Failure
from newsgraph.scale.executor import Extracted, Worker
from newsgraph.settings import Settings

MARKER = "NEVERENDING"
COMPONENT = "test_reliability_never_ends"
SEEN: list[str] = []  # the texts the test component was given, in order


@Language.component(COMPONENT)
def _never_ends_on_the_marker(doc: Doc) -> Doc:
    SEEN.append(doc.text)
    if MARKER in doc.text:
        time.sleep(60)  # the time limit interrupts it long before
    return doc


@pytest.fixture(params=[{"before": "parser"}, {"last": True}], ids=["before the parser", "last"])
def worker(request: pytest.FixtureRequest, nlp: Any) -> Iterator[Worker]:
    """A worker on the session's pipeline, with the test component where the test asks."""
    worker = Worker(Settings(time_limit=1, memory_limit=0))
    worker.extractor.__dict__["nlp"] = nlp  # the loaded pipeline, not a second one
    worker.warm_up()  # as the executors do: what loads on first use is not the first's time
    nlp.add_pipe(COMPONENT, **request.param)
    SEEN.clear()
    try:
        yield worker
    finally:
        nlp.remove_pipe(COMPONENT)


def test_a_never_ending_article_fails_alone_and_once(worker: Worker) -> None:
    texts = [f"The council of Vellmar met on Monday about road {n}." for n in range(7)]
    texts[3] = f"{MARKER}: the council of Vellmar met again."
    documents = [Document(text=text, source=f"doc{n}") for n, text in enumerate(texts)]
    outcomes = worker.process_chunk(documents, None)
    kinds = ["ok" if isinstance(outcome, Extracted) else "failed" for outcome in outcomes]
    assert kinds == ["ok"] * 3 + ["failed"] + ["ok"] * 3
    slow = outcomes[3]
    assert isinstance(slow, Failure) and slow.input == "doc3"
    assert slow.reason == "took longer than 1 s (the per-document time limit)"
    assert SEEN.count(texts[3]) == 1  # never a second time alone to find it
