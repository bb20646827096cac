"""The corpus under stress: a SIGKILL mid-ingest, a reader beside a writer, resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from bench.corpus import write_records

from newsgraph.batch import BatchOptions, run_batch
from newsgraph.records import Article, Document, Metadata
from newsgraph.scale.executor import Annotate, Extracted, Outcome
from newsgraph.store import Corpus, queries
from newsgraph.store.queries import QuoteFilters
from tests.conftest import REPO

RECORDS_QUOTES = 20_000  # 2,000 articles: several seconds of ingest to kill in the middle


def _ingest(db: Path, records: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])}
    command = "from newsgraph.cli import main; main()"
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            command,
            "ingest",
            "--quiet",
            "--db",
            str(db),
            "--from",
            str(records),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _articles_in(db: Path) -> int:
    """Committed articles, read from another connection (0 before the schema exists)."""
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.OperationalError:
        return 0


def _wait_for(db: Path, count: int, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        found = _articles_in(db)
        if found >= count:
            return found
        time.sleep(0.05)
    raise AssertionError(f"ingest ended or stalled before {count} articles: {process.stderr}")


def _each_article_whole(corpus: Corpus) -> None:
    """Every stored article has all of its quotes, entities and mentions; no orphan rows."""
    assert corpus.check() == []
    for row in corpus.rows("SELECT id, record FROM articles"):
        record = json.loads(row["record"])
        quotes = corpus.rows("SELECT count(*) FROM quotes WHERE article_id = ?", (row["id"],))
        mentions = corpus.rows("SELECT count(*) FROM mentions WHERE article_id = ?", (row["id"],))
        assert quotes[0][0] == len(record["quotes"]), row["id"]
        assert mentions[0][0] == sum(len(e["mentions"]) for e in record["entities"]), row["id"]
    for table in ("quotes", "mentions", "timeline", "article_entities"):
        orphans = corpus.rows(
            f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
        )
        assert orphans[0][0] == 0, table
    assert queries.sources(corpus) == queries.sources(
        corpus, QuoteFilters(since="0001")
    )  # tallies whole


def test_a_kill_mid_ingest_leaves_whole_articles_and_a_rerun_completes(tmp_path: Path) -> None:
    records, db = tmp_path / "big.jsonl", tmp_path / "news.db"
    total = write_records(records, RECORDS_QUOTES)
    process = _ingest(db, records)
    try:
        _wait_for(db, 200, process)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL  # killed, not finished
    with Corpus(db) as corpus:
        stored = queries.stats(corpus)["articles"]
        assert 200 <= stored < total
        _each_article_whole(corpus)
    rerun = _ingest(db, records)
    assert rerun.wait(timeout=300) == 0, rerun.stderr
    with Corpus(db) as corpus:
        ids = [row[0] for row in corpus.rows("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == total  # each article once
        _each_article_whole(corpus)


def test_a_reader_reads_while_a_writer_ingests(tmp_path: Path) -> None:
    records, db = tmp_path / "big.jsonl", tmp_path / "news.db"
    total = write_records(records, 10_000)
    writer = _ingest(db, records)
    seen: list[int] = []
    try:
        _wait_for(db, 1, writer)
        with Corpus(db) as reader:
            while writer.poll() is None:
                started = time.monotonic()
                seen.append(queries.stats(reader)["articles"])
                queries.quotes(reader, QuoteFilters(speaker="Weller"))
                queries.search(reader, "Aldmoor")
                assert time.monotonic() - started < 5  # never waiting on the writer's lock
    finally:
        assert writer.wait(timeout=300) == 0
    assert len(seen) > 2 and seen == sorted(seen)  # it saw the corpus grow, in order
    assert seen[0] < total
    with Corpus(db) as corpus:
        assert queries.stats(corpus)["articles"] == total


class FakeExecutor:
    """Documents to articles without a model: the body is the text."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def run(
        self, documents: Iterable[Document], annotate: Annotate | None = None
    ) -> Iterator[Outcome]:
        for document in documents:
            self.seen.append(document.id or "")
            article = Article(Metadata(published="2024-05-01"), document.text, id=document.id)
            yield Extracted(article, annotate(article) if annotate else None)


def test_resume_is_the_corpus_knowing_what_it_holds(tmp_path: Path) -> None:
    documents = [
        Document(text=f"Story number {n} about the harbour.", id=f"d{n}") for n in range(6)
    ]
    with Corpus(tmp_path / "news.db") as corpus:
        first = FakeExecutor()
        run_batch(documents[:3], corpus, first, BatchOptions(near_duplicates=None))
    with Corpus(tmp_path / "news.db") as corpus:
        again = FakeExecutor()
        summary = run_batch(documents, corpus, again, BatchOptions(near_duplicates=None))
        assert again.seen == ["d3", "d4", "d5"]
        assert (summary.resumed, summary.articles) == (3, 3)
    redo = FakeExecutor()
    newer = Corpus(tmp_path / "news.db", version="9.0.0")  # a newer newsgraph redoes them all
    run_batch(documents, newer, redo, BatchOptions(near_duplicates=None))  # closes the sink
    assert len(redo.seen) == 6
    with Corpus(tmp_path / "news.db") as corpus:
        assert queries.stats(corpus)["extracted_by"] == {"9.0.0": 6}
