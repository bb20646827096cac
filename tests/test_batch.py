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

from newsgraph.batch.dedupe import NearDuplicates, signature
from newsgraph.batch.run import BatchOptions, BatchState, load_state, run_batch
from newsgraph.ingest import Failure
from newsgraph.pipeline import Prepared, text_id
from newsgraph.records import Article, Document, Metadata
from newsgraph.scale import workers
from newsgraph.scale.limits import DocumentTimeout, time_limit
from newsgraph.scale.workers import Extracted, WorkerOptions, process_chunk
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
    state = load_state(out, 0.8)
    assert state.done == {"a", "b"}
    assert out.read_text(encoding="utf-8") == "\n".join(lines) + "\n"
    assert state.index is not None
    assert state.index.add("copy", signature(edited_copy(WIRE_STORY))) == "a"


def test_time_limit_raises_in_the_block() -> None:
    with pytest.raises(DocumentTimeout, match="time limit"), time_limit(0.05):
        time.sleep(1)
    with time_limit(None):
        time.sleep(0.01)


def _fake_article(document: Document) -> Article:
    return Article(metadata=Metadata(), body=document.text, id=document.id, source=document.source)


def test_a_slow_or_greedy_document_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_extract(documents: list[Document], model: str | None = None) -> Iterator[Article]:
        for document in documents:
            if "slow" in document.text:
                time.sleep(2)
            if "greedy" in document.text:
                raise MemoryError
            if "broken" in document.text:
                raise ValueError("cannot parse this")
            yield _fake_article(document)

    def fake_extract_prepared(chunk: list[Prepared], model: str | None = None) -> Iterator[Article]:
        return fake_extract([prepared.document for prepared in chunk], model)

    # A failed chunk is redone document by document, through the prepared-document path.
    monkeypatch.setattr(workers, "extract_documents", fake_extract)
    monkeypatch.setattr(workers, "extract_prepared", fake_extract_prepared)
    monkeypatch.setattr(workers, "_options", WorkerOptions(time_limit=0.2))
    texts = ["fine one", "slow one", "greedy one", "fine two", "broken one"]
    chunk = [Document(text=t, source=t.replace(" ", "-")) for t in texts]
    outcomes = process_chunk(chunk)
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


def _run(
    documents: list[Document | Failure], state: BatchState | None = None
) -> tuple[list[Article], list[Failure], Any]:
    articles: list[Article] = []
    failures: list[Failure] = []
    summary = run_batch(documents, articles.append, failures.append, BatchOptions(), state)
    return articles, failures, summary


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
    state = BatchState(done={text_id(WIRE_STORY)})
    items: list[Document | Failure] = [Document(text=WIRE_STORY), Document(text=OTHER_STORY)]
    articles, _, summary = _run(items, state)
    assert len(articles) == 1 and "meltwater" in articles[0].body
    assert summary.resumed == 1


def test_extracted_outcome_carries_a_signature() -> None:
    outcome = Extracted(_fake_article(Document(text=WIRE_STORY)), signature(WIRE_STORY))
    assert len(outcome.signature) == 128
