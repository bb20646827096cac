"""What `sources` and `quotes` read to answer fast gives what counting the quotes gives: the
counts kept at ingest (per entity, per day), the upgrade that makes them in an old corpus,
and the two ways a full-text filter is applied."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from bench.corpus import WORDS, generate_articles

from newsgraph.store import Corpus, queries, schema
from newsgraph.store.queries import QuoteFilters

# Through the counts: every filter `sources` has (a name meaning one entity).
COUNTED = (
    QuoteFilters(),
    QuoteFilters(since="2024-01-10", until="2024-02"),
    QuoteFilters(since="2024-02"),
    QuoteFilters(until="2024-01-20"),
    QuoteFilters(about="Vellmar"),
    QuoteFilters(about="port elvin", since="2024-01-15", until="2024-02-05"),
)
# Through the quotes: another filter, or a name that means no one.
NOT_COUNTED = (QuoteFilters(about="nobody at all"), QuoteFilters(type="direct", since="2024-02"))


def _by_counting(
    corpus: Corpus, filters: QuoteFilters, monkeypatch: pytest.MonkeyPatch
) -> list[queries.SourceShare]:
    with monkeypatch.context() as patch:
        patch.setattr(queries, "_counted_entity", lambda corpus, filters: None)
        return queries.sources(corpus, filters)


@pytest.fixture
def generated(tmp_path: Path) -> Corpus:
    """60 generated articles (600 quotes, 40 days), one extracted again with fewer quotes,
    two people merged and one split off by hand: every way the counts change."""
    path = tmp_path / "generated.db"
    articles = list(generate_articles(600))
    with Corpus(path, version="0.1.0") as old:
        for article in articles:
            old.add(article)
    corpus = Corpus(path, version="0.2.0")
    corpus.add(replace(articles[3], quotes=articles[3].quotes[2:]))
    names = [row["name"] for row in corpus.rows("SELECT name FROM people WHERE type = 'PERSON'")]
    queries.merge_people(corpus, names[0], names[1])
    queries.split_person(corpus, names[2], _an_article_naming(corpus, names[2]))
    return corpus


def _an_article_naming(corpus: Corpus, name: str) -> str:
    rows = corpus.rows("SELECT article_id FROM article_entities WHERE name = ? LIMIT 1", (name,))
    return str(rows[0][0])


@pytest.mark.parametrize("filters", COUNTED + NOT_COUNTED)
def test_the_counts_kept_at_ingest_agree_with_counting_the_quotes(
    generated: Corpus, filters: QuoteFilters, monkeypatch: pytest.MonkeyPatch
) -> None:
    through_counts = queries._counted_entity(generated, filters) is not None
    assert through_counts == (filters in COUNTED)
    shares = queries.sources(generated, filters)
    assert shares == _by_counting(generated, filters, monkeypatch)
    assert bool(shares) == (filters.about != "nobody at all")


def test_sources_about_an_entity_by_id_or_by_name_agree(generated: Corpus) -> None:
    (place,) = queries.match_people(generated, "Vellmar")
    by_id = queries.sources(generated, QuoteFilters(about_id=place, since="2024-02"))
    assert by_id == queries.sources(generated, QuoteFilters(about="Vellmar", since="2024-02"))


def test_an_old_corpus_gains_the_counts_when_it_is_opened(generated: Corpus) -> None:
    """A corpus of schema 4 (migration 4's tallies) is brought up to date with the counts
    made from the quotes it holds, the same as kept at ingest."""
    kept = {table: _rows(generated, table) for table in schema.COUNT_TABLES}
    expected = [queries.sources(generated, filters) for filters in COUNTED]
    generated.close()
    _make_schema_4(generated.path)
    with Corpus(generated.path, migrate=False) as old:
        assert old.schema_version() == 4
    with Corpus(generated.path) as upgraded:
        assert upgraded.schema_version() == schema.LATEST
        assert upgraded.applied_migrations()[-1] == (5, "count_sources_by_entity_and_day")
        assert not upgraded.rows("SELECT 1 FROM sqlite_master WHERE name = 'quote_tallies'")
        assert {table: _rows(upgraded, table) for table in schema.COUNT_TABLES} == kept
        assert [queries.sources(upgraded, filters) for filters in COUNTED] == expected


def _rows(corpus: Corpus, table: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in corpus.rows(f"SELECT * FROM {table} ORDER BY 1, 2, 3, 4, 5")]


def _make_schema_4(path: Path) -> None:
    """The corpus as schema 4 left it: migration 4's tallies, no migration 5."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    for table in schema.COUNT_TABLES:
        connection.execute(f"DROP TABLE {table}")
    schema.create_source_tallies(connection)
    connection.execute("DELETE FROM schema_migrations WHERE version > 4")
    connection.execute("PRAGMA user_version = 4")
    connection.execute("COMMIT")
    connection.close()


@pytest.mark.parametrize("words", [WORDS[0], WORDS[1] + " " + WORDS[0], WORDS[40], "Vellmar"])
@pytest.mark.parametrize(("limit", "offset"), [(5, 0), (20, 30), (None, 0)])
def test_a_common_word_walked_in_date_order_finds_what_the_match_list_finds(
    generated: Corpus,
    words: str,
    limit: int | None,
    offset: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    filters = QuoteFilters(text=words)
    with monkeypatch.context() as patch:
        patch.setattr(queries, "WALK_COST", 10**9)  # always the list of matching ids
        listed = queries.quotes(generated, filters, limit=limit, offset=offset)
    with monkeypatch.context() as patch:
        patch.setattr(queries, "WALK_COST", 0)  # always the walk (unless every row is wanted)
        walked = queries.quotes(generated, filters, limit=limit, offset=offset)
        since = queries.quotes(generated, replace(filters, since="2024-02"), limit=limit)
    assert walked == listed
    assert listed or offset  # every word is in some quote
    assert since == queries.quotes(generated, replace(filters, since="2024-02"), limit=limit)
