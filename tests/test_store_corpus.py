"""The corpus store on records built by hand: ingest, people, queries, migrations, export."""

from __future__ import annotations

import csv
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError, StoreError
from newsgraph.store import Corpus, queries, schema
from newsgraph.store.export import TABLES, export
from newsgraph.store.queries import QuoteFilters
from tests.store_samples import berg_articles, bridge_article, strike_article


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    corpus = Corpus(tmp_path / "news.db")
    for article in (bridge_article(), strike_article(), *berg_articles()):
        corpus.add(article)
    return corpus


def _count(corpus: Corpus, table: str) -> int:
    return int(corpus.rows(f"SELECT count(*) FROM {table}")[0][0])


# -- ingest ---------------------------------------------------------------------------------


def test_an_article_is_stored_whole_and_its_record_comes_back(corpus: Corpus) -> None:
    assert queries.article(corpus, "bridge-1") == bridge_article()
    assert _count(corpus, "quotes") == 4 + 3 + 3
    assert corpus.check() == []


def test_adding_the_same_article_again_changes_nothing(corpus: Corpus) -> None:
    before = {table: _count(corpus, table) for table in TABLES}
    assert corpus.add(bridge_article()) == "unchanged"
    assert {table: _count(corpus, table) for table in TABLES} == before


def test_a_newer_extraction_replaces_the_old_one_and_its_index_entries(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Corpus(path, version="0.1.0") as old:
        old.add(bridge_article())
    edited = replace(bridge_article(), quotes=bridge_article().quotes[:1])
    with Corpus(path, version="0.2.0") as new:
        assert [article_id for article_id, _ in new.held()] == []  # older: extract again
        assert new.add(edited) == "replaced"
        assert new.add(bridge_article(), version="0.1.0") == "unchanged"  # older never wins
        assert _count(new, "quotes") == 1
        assert _count(new, "quotes_fts") == 1
        assert len(queries.quotes(new, QuoteFilters(text="money"))) == 0
        assert queries.stats(new)["extracted_by"] == {"0.2.0": 1}
        assert [article_id for article_id, _ in new.held()] == ["bridge-1"]


def test_held_answers_resume_from_the_articles_table(corpus: Corpus) -> None:
    held = dict(corpus.held())
    assert set(held) == {"bridge-1", "strike-1", "berg-a", "berg-b", "berg-c"}
    assert held["bridge-1"] == bridge_article().body


def test_an_article_without_an_id_is_refused(corpus: Corpus) -> None:
    with pytest.raises(StoreError, match="id"):
        corpus.add(replace(bridge_article(), id=None))


# -- people ---------------------------------------------------------------------------------


def test_a_person_has_the_titles_and_the_gender_the_articles_state(corpus: Corpus) -> None:
    (mayor,) = queries.people(corpus, name="Salvesen")
    assert mayor.name == "Ingrid Salvesen"
    assert mayor.titles == ["Mayor (2025-03-03)"]
    # "She" (an entity pronoun and a speaker mention: one place) and "Ms.".
    assert (mayor.gender, mayor.gender_evidence) == ("female", 2)
    (reyes,) = queries.people(corpus, name="Tom Reyes")
    assert (reyes.gender, reyes.titles) == ("male", ["Union leader (2025-09-02)"])


def test_no_gender_is_guessed_from_a_first_name(corpus: Corpus) -> None:
    (anna,) = queries.people(corpus, name="Anna Berg")
    assert (anna.gender, anna.gender_evidence) == ("unknown", 0)


def test_one_person_across_articles_and_two_with_one_surname_apart(corpus: Corpus) -> None:
    corpus.add(strike_article("strike-2", published="2025-09-03"))
    (reyes,) = queries.people(corpus, name="Tom Reyes")
    assert (reyes.quotes, reyes.first, reyes.last) == (4, "2025-09-02", "2025-09-03")
    bergs = {p.name for p in queries.people(corpus, name="Berg")}
    assert bergs == {"Anna Berg", "Lars Berg", "Berg"}  # an untied surname stays apart
    assert len({p.id for p in queries.people(corpus, name="Berg")}) == 3


def test_a_merge_by_hand_holds_for_later_ingests(corpus: Corpus) -> None:
    queries.merge_people(corpus, "Lars Berg", "Berg")
    (lars,) = queries.people(corpus, name="Lars Berg")
    assert lars.quotes == 2
    assert {q.speaker for q in queries.quotes(corpus, QuoteFilters(speaker="Lars Berg"))} == {
        "Lars Berg"
    }
    again = replace(berg_articles()[2], id="berg-d")
    corpus.add(again)
    assert queries.people(corpus, name="Lars Berg")[0].quotes == 3
    assert _count(corpus, "corrections") == 1
    with pytest.raises(StoreError, match="no person"):
        queries.merge_people(corpus, "Lars Berg", "Nobody At All")


def test_a_split_by_hand_survives_a_reingest(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Corpus(path, version="0.1.0") as corpus:
        corpus.add(strike_article("strike-1"))
        corpus.add(strike_article("strike-2"))
        queries.split_person(corpus, "Tom Reyes", "strike-2", "Tom Reyes (Dublin)")
        assert _quotes_of_the_two(corpus) == (2, 2)
    with Corpus(path, version="0.2.0") as corpus:  # a newer extraction replaces both
        corpus.add(strike_article("strike-1"))
        corpus.add(strike_article("strike-2"))
        assert _quotes_of_the_two(corpus) == (2, 2)


def _quotes_of_the_two(corpus: Corpus) -> tuple[int, ...]:
    names = ("Tom Reyes", "Tom Reyes (Dublin)")
    return tuple(queries.people(corpus, name=name)[0].quotes for name in names)


# -- queries --------------------------------------------------------------------------------


def test_quotes_by_speaker_about_type_kind_outlet_and_date(corpus: Corpus) -> None:
    assert len(queries.quotes(corpus, QuoteFilters(speaker="Salvesen"))) == 3
    assert (
        len(queries.quotes(corpus, QuoteFilters(speaker="ingrid salvesen", type="indirect"))) == 2
    )
    assert len(queries.quotes(corpus, QuoteFilters(outlet="elvin-gazette.example"))) == 4
    assert len(queries.quotes(corpus, QuoteFilters(kind="thought"))) == 0
    (spokesman,) = queries.quotes(corpus, QuoteFilters(about="Port Elvin city council"))  # `about`
    assert (spokesman.speaker, spokesman.source_kind) == ("a spokesman", "unnamed")
    assert [
        q.date for q in queries.quotes(corpus, QuoteFilters(since="2025-09", until="2025-09-02"))
    ] == ["2025-09-02"] * 3
    assert (
        queries.quotes(corpus, QuoteFilters(speaker="Tom Reyes"))[1].date == "2025-09-02"
    )  # context time


def test_about_counts_entities_mentioned_inside_the_quote(tmp_path: Path) -> None:
    from tests.store_samples import Builder

    b = Builder("elvin-2", "Tom Reyes said Port Elvin had failed the workers.")
    reyes = b.entity("Tom Reyes", "PERSON", "Tom Reyes")
    b.entity("Port Elvin", "GPE", "Port Elvin")
    b.quote("Port Elvin had failed the workers", "Tom Reyes", entity=reyes, mention="Tom Reyes")
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add(b.build())
        assert [q.quote for q in queries.quotes(corpus, QuoteFilters(about="Port Elvin"))] == ["q1"]
        assert (
            queries.quotes(corpus, QuoteFilters(about="Tom Reyes")) == []
        )  # not the speaker himself
        assert queries.people(corpus, about="Port Elvin")[0].top_entities == ["Port Elvin (1)"]


def test_full_text_search_ranks_articles_and_marks_the_words(corpus: Corpus) -> None:
    hits = queries.search(corpus, "bridge")
    assert [hit.article_id for hit in hits] == ["bridge-1"]
    assert "[bridge]" in hits[0].snippet
    assert [q.quote for q in queries.quotes(corpus, QuoteFilters(text="insult"))] == ["q1"]
    assert len(queries.search(corpus, "offer rejected")) == 1  # every word
    assert len(queries.search(corpus, "reject*", raw=True)) == 1


def test_timeline_by_entity_and_by_speaker_in_date_order(corpus: Corpus) -> None:
    dates = [event.date for event in queries.timeline(corpus)]
    assert dates == sorted(dates) == ["2025-03-03", "2025-05", "2025-09-02"]
    council = queries.timeline(corpus, entity="Port Elvin city council")
    assert [event.date for event in council] == ["2025-03-03"]
    assert [event.date for event in queries.timeline(corpus, speaker="Salvesen")] == ["2025-05"]


def test_sources_shares_by_gender_and_source_kind(corpus: Corpus) -> None:
    shares = {(s.by, s.value, s.gender): s for s in queries.sources(corpus)}
    assert shares["all", "all", "female"].quotes == 3
    assert shares["all", "all", "male"].quotes == 2
    assert shares["all", "all", "unknown"].quotes == 3  # the Bergs: nothing stated
    assert shares["all", "all", "(unnamed)"].quotes == 1
    assert shares["all", "all", "(organisation)"].quotes == 1
    assert shares["all", "all", "female"].people_share == pytest.approx(1 / 5)
    assert shares["source", "unnamed", "(unnamed)"].quote_share == 1.0
    assert shares["outlet", "news.example.org", "male"].quote_share == pytest.approx(2 / 3)
    assert shares["section", "Local News", "female"].quotes == 3
    assert shares["month", "2025-09", "male"].quotes == 2
    about = queries.sources(corpus, QuoteFilters(about="Port Elvin city council"))
    assert [(s.by, s.gender, s.quotes) for s in about if s.by == "all"] == [("all", "(unnamed)", 1)]


def test_stats_count_every_table(corpus: Corpus) -> None:
    stats = queries.stats(corpus)
    assert (stats["articles"], stats["quotes"], stats["schema_version"]) == (5, 10, schema.LATEST)


# -- migrations and identity ------------------------------------------------------------------


def test_migrations_are_recorded_and_an_old_schema_is_brought_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Corpus(path, target=1) as old:
        assert old.schema_version() == 1
        assert [name for _, name in old.applied_migrations()] == ["create_core_tables"]
    with Corpus(path) as current:
        assert current.schema_version() == schema.LATEST
        names = [name for _, name in current.applied_migrations()]
        assert names == [migration.__name__ for migration in schema.MIGRATIONS]
        current.add(bridge_article())
        assert len(queries.search(current, "bridge")) == 1


def test_a_database_newer_than_the_code_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    Corpus(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer than this newsgraph"):
        Corpus(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"not": "a database"}\n', "not a SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 100, "not a usable database"),
    ],
)
def test_a_file_that_is_not_a_corpus_is_a_clear_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        Corpus(path)


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="not a newsgraph corpus"):
        Corpus(path)
    assert issubclass(StoreError, NewsgraphError)


# -- export ---------------------------------------------------------------------------------


def test_export_jsonl_and_csv_have_every_row(corpus: Corpus, tmp_path: Path) -> None:
    counts = export(corpus, tmp_path / "jsonl", "jsonl")
    assert counts["quotes"] == 10
    lines = (tmp_path / "jsonl" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["text"] == bridge_article().quotes[0].text
    export(corpus, tmp_path / "csv", "csv")
    with (tmp_path / "csv" / "people.csv").open(encoding="utf-8") as stream:
        assert len(list(csv.DictReader(stream))) == _count(corpus, "people")


def test_export_parquet_round_trips_every_table(corpus: Corpus, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    counts = export(corpus, tmp_path / "parquet", "parquet")
    for table in TABLES:
        read = parquet.read_table(tmp_path / "parquet" / f"{table}.parquet").to_pylist()
        rows = [dict(row) for row in corpus.rows(f"SELECT * FROM {table} ORDER BY rowid")]
        assert len(read) == counts[table] == _count(corpus, table), table
        assert read == rows, table


def test_the_tallies_kept_at_ingest_agree_with_counting_the_quotes(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Corpus(path, version="0.1.0") as corpus:
        for article in (bridge_article(), strike_article(), *berg_articles()):
            corpus.add(article)
    with Corpus(path, version="0.2.0") as corpus:
        corpus.add(replace(bridge_article(), quotes=bridge_article().quotes[1:]))  # replaced
        queries.merge_people(corpus, "Lars Berg", "Berg")
        # A date range reads the counts per day, the whole corpus the tallies: kept apart,
        # they agree (test_store_counts compares each with counting the quotes themselves).
        assert queries.sources(corpus) == queries.sources(corpus, QuoteFilters(since="0001"))
        shares = {(s.by, s.value, s.gender): s.quotes for s in queries.sources(corpus)}
        assert shares["all", "all", "female"] == 2


def test_an_apposition_is_a_title_and_a_gendered_one_is_evidence(tmp_path: Path) -> None:
    from tests.store_samples import Builder

    b = Builder(
        "apposition-1",
        "Dana Kell, a spokeswoman for the Vellmar union, said talks had stalled. "
        "Kell, however, said more. Kell, 45, said the rest.",
    )
    kell = b.entity("Dana Kell", "PERSON", "Dana Kell", "Kell", "Kell")
    b.quote("talks had stalled", "Dana Kell", entity=kell, mention="Dana Kell", type="indirect")
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add(b.build())
        (person,) = queries.people(corpus, name="Kell")
        assert person.titles == ["Spokeswoman for the Vellmar union (2024-03-05)"]
        assert (person.gender, person.gender_evidence) == ("female", 1)
