"""`newsgraph batch` on this machine: shards into a Parquet dataset per table, reruns that
skip and replace, and `ingest --from` the output folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.batch.sharded import DONE, read_output, run_sharded, shard_key
from newsgraph.cli import cli
from newsgraph.ingest.shards import expand_shards
from newsgraph.records import Article
from newsgraph.settings import load_settings
from newsgraph.store import Corpus
from newsgraph.store.export import columns
from newsgraph.tables import COLUMNS, TABLES
from tests.shard_samples import write_shards

pq = pytest.importorskip("pyarrow.parquet")


def read_tables(out: Path) -> dict[str, list[dict[str, object]]]:
    """Every table of a batch output, rows in shard-file order."""
    return {
        table: [
            row
            for f in sorted((out / table).glob("*.parquet"))
            for row in pq.read_table(f).to_pylist()
        ]
        for table in TABLES
    }


def test_the_columns_are_the_corpus_tables_columns(tmp_path: Path) -> None:
    corpus_table = {"entities": "article_entities", "errors": "failures"}
    with Corpus(tmp_path / "c.db", create=True) as corpus:
        for table, batch_columns in COLUMNS.items():
            held = {name for name, _ in columns(corpus, corpus_table.get(table, table))}
            shared = {name for name, _ in batch_columns} & held
            extra = {name for name, _ in batch_columns} - held
            assert extra <= {"mentions", "article_id", "shard"}, (table, extra)
            assert shared, table


def test_the_scale_package_imports_without_ray() -> None:
    code = "import sys, newsgraph.scale.ray_executor, newsgraph.cli; print('ray' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_shards_expand_from_folders_and_patterns(tmp_path: Path) -> None:
    folder = write_shards(tmp_path / "in")
    (folder / ".hidden.jsonl").write_text("{}\n")
    every = expand_shards([str(folder)])
    assert [Path(s).name for s in every] == ["news-0.warc.gz", "rows-0.jsonl", "rows-0.parquet"]
    assert expand_shards([str(folder / "*.jsonl"), str(folder / "rows-0.jsonl")]) == [every[1]]


@pytest.mark.model
def test_local_batch_writes_every_table_once_and_skips_on_rerun(tmp_path: Path) -> None:
    folder, out = write_shards(tmp_path / "in"), tmp_path / "out"
    settings = load_settings(cue_model="none")
    summary = run_sharded([str(folder)], str(out), settings)
    assert (summary.shards, summary.articles, summary.failures) == (3, 5, 2)
    tables = read_tables(out)
    assert len(tables["articles"]) == 5 and tables["quotes"] and tables["timeline"]
    ids = {row["id"] for row in tables["articles"]}
    for table in ("quotes", "entities", "times", "timeline"):
        assert {row["article_id"] for row in tables[table]} <= ids, table
    reasons = {row["input"].rsplit("/", 1)[-1]: row["stage"] for row in tables["errors"]}
    assert reasons == {"rows-0.jsonl:2": "parse", "rows-0.parquet#2": "parse"}
    # Both failed before they had an id (reading): they are named by shard and place.
    assert all(r["article_id"] is None and r["shard"] for r in tables["errors"])

    assert run_sharded([str(folder)], str(out), settings).skipped == 3  # all done: skipped
    (out / DONE / shard_key(str(folder / "rows-0.jsonl"))).unlink()
    again = run_sharded([str(folder)], str(out), settings)
    assert (again.shards, again.skipped) == (1, 2)
    assert read_tables(out) == tables  # replaced, not added to


@pytest.mark.model
def test_ingest_from_a_batch_output_folder(tmp_path: Path) -> None:
    folder, out, db = write_shards(tmp_path / "in"), tmp_path / "out", tmp_path / "news.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["batch", str(folder), "--out", str(out), "--quiet"])
    assert result.exit_code == 1, result.output  # the two bad records
    records = [item for item in read_output(str(out)) if isinstance(item, Article)]
    result = runner.invoke(cli, ["ingest", "--db", str(db), "--from", str(out), "--quiet"])
    assert result.exit_code == 1, result.output  # the failures are loaded as failures
    with Corpus(db) as corpus:
        assert {row["id"] for row in corpus.rows("SELECT id FROM articles")} == {
            article.id for article in records
        }
        assert corpus.rows("SELECT count(*) AS n FROM failures")[0]["n"] == 2


def test_the_time_limit_holds_outside_the_main_thread() -> None:
    import threading
    import time

    from newsgraph.scale.limits import DocumentTimeout, time_limit

    outcome: list[str] = []

    def work() -> None:
        try:
            with time_limit(0.2):
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline:  # Python code: the timeout gets in
                    pass
            outcome.append("finished")
        except DocumentTimeout:
            outcome.append("timed out")
        with time_limit(5):  # done before its limit: nothing raised later
            pass
        time.sleep(0.1)
        outcome.append("went on")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert outcome == ["timed out", "went on"]


def test_the_ray_engine_without_ray_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray raises ImportError
    folder = write_shards(tmp_path / "in")
    result = CliRunner().invoke(
        cli, ["batch", str(folder), "--out", str(tmp_path / "out"), "--engine", "ray", "-q"]
    )
    assert result.exit_code == 1
    assert "pip install 'newsgraph[ray]'" in result.output
