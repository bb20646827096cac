"""The batch runner: ids, exact and near duplicates, resume state, time limit and memory cap.

Rule tests replace the extraction with stand-ins; the model tests run the real pipeline
in-process (one worker). Worker processes are exercised by tests/test_cli_extract.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.batch import BatchOptions, run_batch
from newsgraph.batch.dedupe import NearDuplicates, signature
from newsgraph.batch.run import signature_of
from newsgraph.batch.sinks import JsonlSink, held_in_file
from newsgraph.pipeline import Extractor, Prepared
from newsgraph.records import Article, Document, Failure, Metadata, text_id
from newsgraph.scale.executor import Extracted, Worker
from newsgraph.scale.limits import DocumentTimeout, time_limit
from newsgraph.scale.local import InProcessExecutor
from newsgraph.settings import Settings
from tests.ingest_samples import OTHER_STORY, WIRE_STORY, edited_copy


def test_near_duplicates_point_to_the_earliest_copy() -> None:
    index = NearDuplicates(0.8)
    assert index.add("original", signature(WIRE_STORY)) is None
    assert index.add("other", signature(OTHER_STORY)) is None
    assert index.add("copy", signature(edited_copy(WIRE_STORY))) == "original"
    assert index.add("copy-of-copy", signature(edited_copy(edited_copy(WIRE_STORY)))) == "original"
    assert index.add("tiny", signature("Too short")) is None


def test_resume_state_drops_a_cut_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    lines = [json.dumps({"id": "a", "body": WIRE_STORY}), json.dumps({"id": "b", "body": "x"})]
    out.write_text("\n".join(lines) + '\n{"id": "c", "bo', encoding="utf-8")
    held = list(held_in_file(out))
    assert [article_id for article_id, _ in held] == ["a", "b"]
    assert out.read_text(encoding="utf-8") == "\n".join(lines) + "\n"
    assert held[0][1] == WIRE_STORY  # the body, for the near-duplicate index


def test_time_limit_raises_in_the_block() -> None:
    with pytest.raises(DocumentTimeout, match="time limit"), time_limit(0.05):
        time.sleep(1)
    with time_limit(None):
        time.sleep(0.01)


def _fake_article(document: Document) -> Article:
    return Article(metadata=Metadata(), body=document.text, id=document.id, source=document.source)


def test_a_slow_or_greedy_document_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_extract(documents: list[Document]) -> Iterator[Article]:
        for document in documents:
            if "slow" in document.text:
                time.sleep(2)
            if "greedy" in document.text:
                raise MemoryError
            if "broken" in document.text:
                raise ValueError("cannot parse this")
            yield _fake_article(document)

    def fake_extract_prepared(chunk: list[Prepared]) -> Iterator[Article]:
        return fake_extract([prepared.document for prepared in chunk])

    # A failed chunk is redone document by document, through the prepared-document path.
    worker = Worker(Settings(time_limit=0.2))
    monkeypatch.setattr(worker.extractor, "extract_documents", fake_extract)
    monkeypatch.setattr(worker.extractor, "extract_prepared", fake_extract_prepared)
    texts = ["fine one", "slow one", "greedy one", "fine two", "broken one"]
    chunk = [Document(text=t, source=t.replace(" ", "-")) for t in texts]
    outcomes = worker.process_chunk(chunk, annotate=None)
    kinds = [type(o).__name__ for o in outcomes]
    assert kinds == ["Extracted", "Failure", "Failure", "Extracted", "Failure"]
    slow, greedy, broken = (o for o in outcomes if isinstance(o, Failure))
    assert slow.input == "slow-one" and "time limit" in slow.reason and slow.stage == "extract"
    assert "memory" in greedy.reason
    assert "cannot parse this" in broken.reason


def test_memory_cap_turns_a_huge_allocation_into_memory_error() -> None:
    code = (
        "from newsgraph.scale.limits import cap_memory\n"
        "cap_memory(200 * 2**20)\n"
        "try:\n"
        "    block = bytearray(2 * 2**30)\n"
        "except MemoryError:\n"
        "    print('MemoryError')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "MemoryError", result.stderr


class ListSink:
    """A sink that keeps what it is given; `held` pretends to hold some articles already."""

    def __init__(self, held: list[tuple[str, str]] | None = None) -> None:
        self.articles: list[Article] = []
        self.failures: list[Failure] = []
        self._held = held or []
        self.closed = False

    def held(self) -> Iterator[tuple[str, str]]:
        return iter(self._held)

    def add_article(self, article: Article) -> None:
        self.articles.append(article)

    def add_failure(self, failure: Failure) -> None:
        self.failures.append(failure)

    def close(self) -> None:
        self.closed = True


def _run(
    documents: list[Document | Failure], held: list[tuple[str, str]] | None = None
) -> tuple[list[Article], list[Failure], Any]:
    sink = ListSink(held)
    summary = run_batch(documents, sink, InProcessExecutor(Settings()), BatchOptions())
    assert sink.closed
    return sink.articles, sink.failures, summary


@pytest.mark.model
def test_batch_order_duplicates_and_failures(nlp: Any) -> None:
    items: list[Document | Failure] = [
        Document(text=WIRE_STORY, source="wire"),
        Failure("bad.jsonl:2", "parse", "not JSON"),
        Document(text=OTHER_STORY, source="other", id="given-id"),
        Document(text=WIRE_STORY.upper(), source="same text, other case"),
        Document(text=edited_copy(WIRE_STORY), source="syndicated"),
    ]
    articles, failures, summary = _run(items)
    assert [a.source for a in articles] == ["wire", "other", "syndicated"]
    assert articles[0].id == text_id(WIRE_STORY) and articles[1].id == "given-id"
    assert articles[2].duplicate_of == articles[0].id
    assert failures == [items[1]]
    assert (summary.articles, summary.failures, summary.exact_duplicates) == (3, 1, 1)
    assert summary.near_duplicates == 1


@pytest.mark.model
def test_batch_skips_what_is_already_done(nlp: Any) -> None:
    held = [(text_id(WIRE_STORY), WIRE_STORY)]
    items: list[Document | Failure] = [
        Document(text=WIRE_STORY),
        Document(text=OTHER_STORY),
        Document(text=edited_copy(WIRE_STORY), source="syndicated"),
    ]
    articles, _, summary = _run(items, held)
    assert len(articles) == 2 and "meltwater" in articles[0].body
    assert summary.resumed == 1
    # A near-duplicate of an article the sink held already points to it.
    assert articles[1].duplicate_of == text_id(WIRE_STORY)


def test_jsonl_sink_resumes_after_what_it_holds(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = Article(metadata=Metadata(), body="one", id="a")
    sink = JsonlSink(out)
    sink.add_article(first)
    sink.close()
    resumed = JsonlSink(out, resume=True, errors=tmp_path / "errors.jsonl")
    assert list(resumed.held()) == [("a", "one")]
    resumed.add_article(Article(metadata=Metadata(), body="two", id="b"))
    resumed.add_failure(Failure("x.txt", "read", "empty"))
    resumed.close()
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]
    assert json.loads((tmp_path / "errors.jsonl").read_text())["reason"] == "empty"


def test_an_extractor_owns_its_settings_and_builds_no_model_before_it_is_needed() -> None:
    extractor = Extractor(Settings(spacy_model="no_such_model_here"))
    assert extractor.settings.spacy_model == "no_such_model_here"
    # Nothing is loaded until a body needs the model.
    assert "nlp" not in extractor.__dict__


def test_extracted_outcome_carries_a_signature() -> None:
    article = _fake_article(Document(text=WIRE_STORY))
    outcome = Extracted(article, signature_of(article))
    assert len(outcome.annotation) == 128
