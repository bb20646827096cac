"""Hostile query text: every query is parameterised, so it matches literally or is a clear
StoreError, never a crash, never SQL."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import Corpus, queries
from newsgraph.store.queries import QuoteFilters
from tests.store_samples import Builder, bridge_article

HOSTILE = [
    '"',
    "'",
    "%",
    "_",
    "%_%",
    "\\",
    "NEAR(",
    "NEAR(a b",
    'say "unbalanced',
    "OR",
    "a OR b",
    "*",
    "-",
    "-bridge",
    "bridge*",
    "^bridge",
    "title:bridge",
    "(",
    ")",
    "AND NOT",
    "'; DROP TABLE articles; --",
    "\x00",
    "",
    "   ",
    "🙂",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    corpus = Corpus(tmp_path_factory.mktemp("hostile") / "news.db")
    corpus.add(bridge_article())
    b = Builder("odd-1", 'Analyst 100%_sure said "50% off" was a_b test OR NEAR( trick.')
    person = b.entity("Dee O'Hara", "PERSON", "Analyst")
    b.quote("50% off", "Dee O'Hara", entity=person, mention="Analyst", cue="said")
    corpus.add(b.build())
    return corpus


def _each_query(corpus: Corpus, text: str) -> None:
    queries.quotes(corpus, QuoteFilters(speaker=text))
    queries.quotes(corpus, QuoteFilters(about=text))
    queries.quotes(corpus, QuoteFilters(text=text))
    queries.quotes(corpus, QuoteFilters(outlet=text))
    queries.people(corpus, name=text)
    queries.people(corpus, about=text)
    queries.timeline(corpus, entity=text)
    queries.search(corpus, text)
    queries.sources(corpus, QuoteFilters(about=text))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_literal_or_a_clear_error(corpus: Corpus, text: str) -> None:
    try:
        _each_query(corpus, text)
    except StoreError as error:
        assert str(error)  # a message, not a traceback
    for raw in (True, False):
        with contextlib.suppress(StoreError):
            queries.search(corpus, text, raw=raw)
    assert queries.stats(corpus)["articles"] == 2  # nothing was dropped or changed
    assert corpus.check() == []


def test_like_wildcards_match_themselves_only(corpus: Corpus) -> None:
    assert queries.people(corpus, name="%") == []
    assert queries.people(corpus, name="_") == []
    assert [p.name for p in queries.people(corpus, name="Dee O'Hara")] == ["Dee O'Hara"]
    assert queries.quotes(corpus, QuoteFilters(speaker="o'hara"))[0].text == "50% off"


def test_fts_syntax_is_searched_as_words(corpus: Corpus) -> None:
    assert [h.article_id for h in queries.search(corpus, "OR NEAR(")] == ["odd-1"]
    assert [h.article_id for h in queries.search(corpus, '"50%')] == ["odd-1"]
    assert [q.text for q in queries.quotes(corpus, QuoteFilters(text="50%"))] == ["50% off"]
    assert queries.search(corpus, "-bridge")[0].article_id == "bridge-1"  # not "NOT bridge"


def test_raw_fts_syntax_errors_are_clear(corpus: Corpus) -> None:
    with pytest.raises(StoreError, match=r"syntax error|unterminated"):
        queries.search(corpus, "NEAR(", raw=True)
    with pytest.raises(StoreError, match="unterminated"):
        queries.search(corpus, 'say "unbalanced', raw=True)


def test_bad_dates_are_clear_errors(corpus: Corpus, tmp_path: Path) -> None:
    for bad in ("yesterday", "2021-13-x", "' OR 1=1 --"):
        with pytest.raises(StoreError, match="--since"):
            queries.quotes(corpus, QuoteFilters(since=bad))
