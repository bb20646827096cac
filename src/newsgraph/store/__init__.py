"""The corpus: an embedded SQLite store of articles, quotes and people (no spaCy here).

    from newsgraph.store import Corpus, queries
    from newsgraph.store.queries import QuoteFilters
    with Corpus("newsgraph.db") as corpus:
        corpus.add(article)                      # one transaction; re-adding changes nothing
        queries.quotes(corpus, QuoteFilters(speaker="Stoltenberg", since="2021-06"))

`Corpus` (`db.py`) owns the connection, the transactions and the migrations (`schema.py`);
`write.py` flattens a record into rows; `people.py` reads titles and stated gender from a
record; `queries.py` is every query; `export.py` writes the tables as JSON Lines, CSV or
Parquet. docs/corpus.md describes the tables and their columns.
"""

from newsgraph.store.db import Corpus

__all__ = ["Corpus"]
