"""The corpus commands: ingest, the queries in their three outputs, corrections, export; and
the seed article through the real pipeline (model tests)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsgraph.cli import cli
from tests.conftest import SEED, shared_path
from tests.store_samples import berg_articles, bridge_article, strike_article


def _run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    records = tmp_path / "results.jsonl"
    articles = (bridge_article(), strike_article(), *berg_articles())
    records.write_text(
        "".join(json.dumps(a.to_dict()) + "\n" for a in articles) + "not json\n", encoding="utf-8"
    )
    path = str(tmp_path / "news.db")
    result = _run("ingest", "--quiet", "--db", path, "--from", str(records))
    assert result.exit_code == 1  # the bad line failed, alone
    assert "not an article record" in result.output
    return path


def test_ingest_from_records_and_again_changes_nothing(db: str, tmp_path: Path) -> None:
    records = tmp_path / "again.jsonl"
    records.write_text(json.dumps(bridge_article().to_dict()) + "\n", encoding="utf-8")
    result = _run("ingest", "--db", db, "--from", str(records))
    assert result.exit_code == 0
    assert "1 unchanged" in result.output
    stats = _run("stats", "--db", db, "--check").output
    assert "articles: 5" in stats and "failures: 1" in stats and "integrity: ok" in stats


def test_quotes_as_a_table_as_json_and_as_csv(db: str) -> None:
    table = _run("quotes", "--db", db, "--speaker", "Salvesen").output
    assert table.splitlines()[0].split() == [
        "date",
        "speaker",
        "type",
        "kind",
        "article_id",
        "text",
    ]
    assert len(table.splitlines()) == 4
    lines = _run("quotes", "--db", db, "--about", "Port Elvin city council", "--json").output
    assert [json.loads(line)["speaker"] for line in lines.splitlines()] == ["a spokesman"]
    rows = list(csv.DictReader(io.StringIO(_run("quotes", "--db", db, "--csv").output)))
    assert len(rows) == 10 and rows[0]["text"]


def test_each_quote_filter_is_an_option_and_goes_to_the_library_as_given(db: str) -> None:
    from newsgraph.cli.corpus import quotes_command, sources_command
    from newsgraph.store.queries import TEXT_FILTERS

    assert set(TEXT_FILTERS) | {"raw"} <= {option.name for option in quotes_command.params}
    assert {"since", "until", "about"} <= {option.name for option in sources_command.params}
    given = ("--type", "indirect", "--kind", "speech", "--text", "clos* OR May", "--raw")
    lines = _run("quotes", "--db", db, "--speaker", "Salvesen", *given, "--json").output
    assert [json.loads(line)["text"] for line in lines.splitlines()] == [
        "work would begin in May",
        "the bridge had been closed twice last year",
    ]
    assert _run("sources", "--db", db, "--since", "2025-09", "--about", "Tom Reyes").exit_code == 0


def test_the_database_setting_names_the_corpus(db: str) -> None:
    result = _run("quotes", "--type", "direct", env={"NEWSGRAPH_DB": db})
    assert result.exit_code == 0 and "We cannot keep asking" in result.output


def test_people_merge_and_split_by_hand(db: str) -> None:
    assert _run("people", "merge", "Lars Berg", "Berg", "--db", db).exit_code == 0
    people = [json.loads(line) for line in _run("people", "--db", db, "--json").output.splitlines()]
    assert {p["name"]: p["quotes"] for p in people}["Lars Berg"] == 2
    split = _run(
        "people", "split", "Tom Reyes", "--article", "strike-1", "--db", db, "--as", "T. R."
    )
    assert split.exit_code == 0
    assert "T. R." in _run("people", "--db", db).output
    bad = _run("people", "merge", "Nobody", "Berg", "--db", db)
    assert bad.exit_code == 1 and "no person" in bad.output


def test_search_timeline_article_sources_and_export(db: str, tmp_path: Path) -> None:
    assert "[bridge]" in _run("search", "--db", db, "bridge").output
    assert (
        "2025-03-03" in _run("timeline", "--db", db, "--entity", "Port Elvin city council").output
    )
    record = json.loads(_run("article", "--db", db, "bridge-1", "--json").output)
    assert record == bridge_article().to_dict()
    sources = _run("sources", "--db", db, "--csv").output
    assert "all,all,female,3,0.3" in sources
    result = _run("export", "--db", db, "--format", "csv", "--out", str(tmp_path / "out"))
    assert "quotes.csv: 10 rows" in result.output


def test_hostile_queries_and_bad_files_are_one_line_errors(db: str, tmp_path: Path) -> None:
    assert _run("quotes", "--db", db, "--text", "NEAR(").exit_code == 0
    raw = _run("search", "--db", db, "--raw", "NEAR(")
    assert raw.exit_code == 1 and raw.output.startswith("Error: ")
    foreign = tmp_path / "notes.db"
    foreign.write_text("my notes\n", encoding="utf-8")
    result = _run("stats", "--db", str(foreign))
    assert result.exit_code == 1 and "not a SQLite database" in result.output
    assert foreign.read_text(encoding="utf-8") == "my notes\n"
    missing = _run("quotes", "--db", str(tmp_path / "nowhere.db"))
    assert missing.exit_code == 1 and "no corpus here" in missing.output
    assert not (tmp_path / "nowhere.db").exists()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    seed = shared_path(SEED + ".txt")
    path = str(tmp_path_factory.mktemp("seed") / "news.db")
    result = _run("ingest", "--quiet", "--db", path, str(seed))
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.model
def test_seed_stoltenbergs_statements_and_afghanistans_timeline(seed_db: str) -> None:
    lines = _run("quotes", "--db", seed_db, "--speaker", "Stoltenberg", "--json").output
    quotes = [json.loads(line) for line in lines.splitlines()]
    assert len(quotes) == 11
    assert {q["speaker"] for q in quotes} == {"Jens Stoltenberg"}
    assert quotes[0]["date"] == "2021-05-31"  # said "on Monday" (the cue's context time)
    lines = _run("timeline", "--db", seed_db, "--entity", "Afghanistan", "--json").output
    dates = [json.loads(line)["date"] for line in lines.splitlines()]
    assert dates == sorted(dates) and "2021-05-01" in dates and "2021-09-11" in dates


@pytest.mark.model
def test_seed_one_stoltenberg_with_his_title_and_stated_gender(seed_db: str) -> None:
    lines = _run("people", "--db", seed_db, "--name", "Stoltenberg", "--json").output
    (person,) = [json.loads(line) for line in lines.splitlines()]
    assert person["name"] == "Jens Stoltenberg"
    assert any(title.startswith("NATO Secretary-General") for title in person["titles"])
    assert person["gender"] == "male" and person["gender_evidence"] >= 2  # "Mr.", "he"
    again = _run("ingest", "--db", seed_db, str(shared_path(SEED + ".txt")))
    assert "1 already done" in again.output  # resume: the corpus holds it
