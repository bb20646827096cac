"""`newsgraph batch` on this machine: shards into a Parquet dataset per table, reruns that
skip and replace, and `ingest --from` the output folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.batch.sharded import DONE, read_output, run_sharded, shard_key
from newsgraph.cli import cli
from newsgraph.ingest import read_dates
from newsgraph.ingest.shards import expand_shards
from newsgraph.records import Article
from newsgraph.settings import load_settings
from newsgraph.store import Corpus
from newsgraph.store.export import columns
from newsgraph.tables import COLUMNS, TABLES
from tests.ingest_samples import OTHER_STORY, write_jsonl
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
def test_addresses_with_a_scheme_go_through_pyarrows_filesystems(tmp_path: Path) -> None:
    # `s3://…` and `gs://…` take the same path through `pyarrow.fs.FileSystem.from_uri` as
    # `file://…`, which needs no server: the output is the plain paths' output.
    folder = write_shards(tmp_path / "in")
    settings = load_settings(cue_model="none")
    plain = run_sharded([str(folder)], str(tmp_path / "plain"), settings)
    uri = run_sharded([f"{folder.as_uri()}/*"], (tmp_path / "uri").as_uri(), settings)
    assert (uri.shards, uri.articles, uri.failures) == (
        plain.shards,
        plain.articles,
        plain.failures,
    )
    expected, found = read_tables(tmp_path / "plain"), read_tables(tmp_path / "uri")
    for table in ("articles", "quotes", "entities", "times", "timeline"):
        assert _without_addresses(found[table]) == _without_addresses(expected[table]), table


def _without_addresses(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """The rows without the fields that name where they were read (the shard, the source,
    also inside the whole record)."""
    kept = []
    for row in rows:
        row = {k: v for k, v in row.items() if k not in ("shard", "source")}
        if isinstance(row.get("record"), str):
            record = json.loads(str(row["record"]))
            record.pop("source", None)
            row["record"] = record
        kept.append(row)
    return sorted(kept, key=lambda row: json.dumps(row, sort_keys=True, default=str))


@pytest.mark.model
def test_ingest_from_a_batch_output_folder(tmp_path: Path) -> None:
    folder, out, db = write_shards(tmp_path / "in"), tmp_path / "out", tmp_path / "news.db"
    dates = tmp_path / "dates.jsonl"
    dates.write_text('{"id": "wire-0", "published": "2020-02-03"}\n', encoding="utf-8")
    runner = CliRunner()
    arguments = ["batch", str(folder), "--out", str(out), "--dates", str(dates), "--quiet"]
    result = runner.invoke(cli, arguments)
    assert result.exit_code == 1, result.output  # the two bad records
    assert published_by_id(out)["wire-0"] == "2020-02-03"
    records = [item for item in read_output(str(out)) if isinstance(item, Article)]
    result = runner.invoke(cli, ["ingest", "--db", str(db), "--from", str(out), "--quiet"])
    assert result.exit_code == 1, result.output  # the failures are loaded as failures
    with Corpus(db) as corpus:
        assert {row["id"] for row in corpus.rows("SELECT id FROM articles")} == {
            article.id for article in records
        }
        assert corpus.rows("SELECT count(*) AS n FROM failures")[0]["n"] == 2


# Days beside the shards of `write_shards` (and of a shard named by its day): by a JSON Lines
# id, a line's URL, a Parquet id, and the URL of a WARC page that shows its own date.
DATES = """key,published
# a comment, then the days
wire-0,2020-02-03
https://x.org/a,2020-02-04
pq-0,2020-02-05
https://example.org/ferry-0,2020-02-06
desk-1,2020-02-07
"""
DAY_NAMED_SHARD = "desk-2020-07-08.jsonl"


def with_dates(folder: Path) -> Path:
    """The shards of `write_shards` with a shard named by its day, its dates file beside
    them (never read as a shard)."""
    folder = write_shards(folder)
    lines = [{"text": f"{OTHER_STORY}\nDesk {n}.\n", "id": f"desk-{n}"} for n in (1, 2)]
    write_jsonl(folder / DAY_NAMED_SHARD, lines)
    (folder / "dates.csv").write_text(DATES, encoding="utf-8")
    return folder


def published_by_id(out: Path) -> dict[str, str | None]:
    rows = read_tables(out)["articles"]
    return {
        str(row["id"]): None if row["published"] is None else str(row["published"]) for row in rows
    }


# The page's own date wins over the sidecar's; `desk-2` has the day of its shard's name.
EXPECTED_DAYS = {
    "wire-0": "2020-02-03",
    "pq-0": "2020-02-05",
    "desk-1": "2020-02-07",
    "desk-2": "2020-07-08",
}


@pytest.mark.model
def test_a_dates_file_fills_published_as_extract_does_and_reruns_when_it_changes(
    tmp_path: Path,
) -> None:
    folder, out = with_dates(tmp_path / "in"), tmp_path / "out"
    settings = load_settings(cue_model="none")
    dates = read_dates(folder / "dates.csv")
    summary = run_sharded([str(folder)], str(out), settings, dates=dates)
    assert (summary.shards, summary.articles, summary.failures) == (4, 7, 2)  # no dates.csv
    days = published_by_id(out)
    assert {key: days[key] for key in EXPECTED_DAYS} == EXPECTED_DAYS
    assert sum(bool(d and d.startswith("2021-06-01")) for d in days.values()) == 2  # the pages
    assert "2020-02-04" in days.values() and "2020-02-06" not in days.values()
    # `extract` gives each article of the same inputs the same day.
    jsonl = [str(folder / name) for name in ("rows-0.jsonl", DAY_NAMED_SHARD, "news-0.warc.gz")]
    result = CliRunner().invoke(
        cli, ["extract", *jsonl, "--json", "--dates", str(folder / "dates.csv"), "-q"]
    )
    extracted = [Article.from_dict(json.loads(line)) for line in result.stdout.splitlines()]
    assert {a.id: a.metadata.published for a in extracted} == {
        key: day for key, day in days.items() if key in {a.id for a in extracted}
    }
    assert len(extracted) == 6

    # The file edited, the same days written another way: done. A day changed: every shard
    # again. Without dates (and without the file, else read as a shard): again.
    sidecar = folder / "dates.csv"
    sidecar.write_text("\n".join(reversed(DATES.splitlines()[2:])) + "\n", encoding="utf-8")
    same = run_sharded([str(folder)], str(out), settings, dates=read_dates(sidecar))
    assert (same.shards, same.skipped) == (0, 4)
    sidecar.write_text(DATES.replace("2020-02-05", "2020-03-05"), encoding="utf-8")
    changed = run_sharded([str(folder)], str(out), settings, dates=read_dates(sidecar))
    assert (changed.shards, changed.skipped) == (4, 0)
    assert published_by_id(out)["pq-0"] == "2020-03-05"
    sidecar.unlink()
    assert run_sharded([str(folder)], str(out), settings).shards == 4
    assert published_by_id(out)["pq-0"] is None
    # A marker written before markers held the dates: done without dates.
    marker = out / DONE / shard_key(str(folder / "rows-0.jsonl"))
    marker.write_text(
        json.dumps({k: v for k, v in json.loads(marker.read_text()).items() if k != "dates"})
    )
    assert run_sharded([str(folder)], str(out), settings).skipped == 4


def test_a_malformed_dates_file_is_one_error_before_any_shard_is_read(tmp_path: Path) -> None:
    folder, out = write_shards(tmp_path / "in"), tmp_path / "out"
    dates = tmp_path / "dates.csv"
    dates.write_text("wire-0,2020-02-03\npq-0,the fifth of February\n", encoding="utf-8")
    arguments = ["batch", str(folder), "--out", str(out), "--dates", str(dates), "-q"]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 1
    assert f"{dates}:2" in result.output and "not a calendar date" in result.output
    assert not out.exists()  # nothing read, nothing written


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
