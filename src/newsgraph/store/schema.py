"""The corpus schema as ordered migrations, each recorded in the database it has changed.

A migration is a function of a connection, run inside the caller's transaction; its number
is its place in MIGRATIONS (1-based). `schema_migrations` lists the ones applied, and
`PRAGMA user_version` mirrors the highest, so that a database written by a newer newsgraph
is recognised (and refused) before anything touches it. Never edit a released migration:
add the next one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# Marks a SQLite file as a newsgraph corpus ("NGRF"), so a foreign database is recognised.
APPLICATION_ID = 0x4E475246

Migration = Callable[[sqlite3.Connection], None]


def _run(connection: sqlite3.Connection, script: str) -> None:
    # executescript would COMMIT the caller's transaction: run the statements one by one
    # (a trigger's body holds semicolons, so a statement ends where SQLite says it is whole).
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            connection.execute(statement)
            statement = ""
    if statement.strip():
        connection.execute(statement)


def create_core_tables(connection: sqlite3.Connection) -> None:
    """Articles and what each one says: entities, mentions, quotes, times, timeline."""
    _run(
        connection,
        """
CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,  -- stable rowid for the full-text index
    id TEXT NOT NULL UNIQUE,
    version TEXT NOT NULL,  -- the newsgraph version that extracted it
    url TEXT, source TEXT, outlet TEXT,
    title TEXT, section TEXT, published TEXT, month TEXT, language TEXT,
    authors TEXT NOT NULL,  -- JSON list
    body TEXT NOT NULL,
    duplicate_of TEXT, fetched TEXT,
    record TEXT NOT NULL,  -- the whole record v1, as JSON
    ingested TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,  -- the folded canonical name: one row per name
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    gender TEXT NOT NULL DEFAULT 'unknown',
    gender_evidence INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    entity TEXT NOT NULL,  -- the record's id: e1, e2, ...
    person_id INTEGER NOT NULL REFERENCES people (id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    PRIMARY KEY (article_id, entity)
);
CREATE INDEX article_entities_person ON article_entities (person_id);
CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, kind TEXT NOT NULL,
    FOREIGN KEY (article_id, entity)
        REFERENCES article_entities (article_id, entity) ON DELETE CASCADE
);
CREATE INDEX mentions_article ON mentions (article_id, entity);
CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    time TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    type TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (article_id, time)
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    quote TEXT NOT NULL,  -- the record's id: q1, q2, ...
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    type TEXT NOT NULL, kind TEXT NOT NULL,
    cue TEXT,
    speaker_name TEXT, speaker_entity TEXT, speaker_mention TEXT, speaker_via TEXT,
    speaker_person INTEGER REFERENCES people (id),
    source_kind TEXT NOT NULL,  -- person, organisation or unnamed
    place TEXT, time TEXT,
    date TEXT,  -- when it was said: the context time's full date, else the article's date
    outlet TEXT, section TEXT, month TEXT,
    UNIQUE (article_id, quote)
);
CREATE INDEX quotes_speaker ON quotes (speaker_person, date);
CREATE INDEX quotes_date ON quotes (date);
CREATE INDEX quotes_sources ON quotes (source_kind, speaker_person, outlet, section, month);
CREATE TABLE quote_entities (
    quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    how TEXT NOT NULL,  -- about (the record's `about`) or mention (a mention in the span)
    PRIMARY KEY (quote_id, person_id, how)
);
CREATE INDEX quote_entities_person ON quote_entities (person_id, quote_id);
CREATE TABLE timeline (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT NOT NULL, time TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX timeline_article ON timeline (article_id);
CREATE TABLE timeline_people (
    timeline_id INTEGER NOT NULL REFERENCES timeline (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id),
    how TEXT NOT NULL,  -- mention (named in the event) or speaker (in a statement's span)
    PRIMARY KEY (timeline_id, person_id, how)
);
CREATE INDEX timeline_people_person ON timeline_people (person_id);
CREATE TABLE failures (
    input TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL
)
""",
    )


def create_people_tables(connection: sqlite3.Connection) -> None:
    """What the articles say of each person (titles, gender), and the corrections by hand."""
    _run(
        connection,
        """
CREATE TABLE titles (
    person_id INTEGER NOT NULL REFERENCES people (id),
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    date TEXT,
    PRIMARY KEY (person_id, article_id, title)
);
CREATE TABLE gender_evidence (
    person_id INTEGER NOT NULL REFERENCES people (id),
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    gender TEXT NOT NULL,  -- male or female
    cue TEXT NOT NULL,  -- the word that says it: he, she, Mr., Ms., chairwoman...
    PRIMARY KEY (person_id, article_id, start)
);
CREATE INDEX gender_evidence_article ON gender_evidence (article_id);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,  -- merge: `name` is `target`; split: `name` in `article_id` apart
    name TEXT NOT NULL,  -- folded
    target TEXT,  -- folded
    article_id TEXT,
    made TEXT NOT NULL
);
CREATE INDEX corrections_name ON corrections (name)
""",
    )


def create_full_text_indexes(connection: sqlite3.Connection) -> None:
    """FTS5 over article titles and bodies and over quote texts, kept in step by triggers."""
    _run(
        connection,
        """
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, content='articles', content_rowid='pk', tokenize='unicode61'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.pk, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.pk, old.title, old.body);
END;
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content='quotes', content_rowid='id', tokenize='unicode61'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END
""",
    )


# Migration 4's tallies (replaced by migration 5's; kept as they were, like every migration).
# The quotes counted per dimension value and speaker, for `sources` over the whole corpus:
# what (dimension, value, kind, person) a quote counts for. Person 0: no named speaker.
# `source` is `quotes` (count: "count(*)") or rows already counted (count: "sum(n)").
TALLY_SELECT = """
SELECT 'all' AS dimension, 'all' AS value, source_kind AS kind,
    coalesce(speaker_person, 0) AS person, {count} * {sign} AS n
    FROM {source} q WHERE {where} GROUP BY 3, 4
UNION ALL SELECT 'source', source_kind, source_kind, coalesce(speaker_person, 0), {count} * {sign}
    FROM {source} q WHERE {where} GROUP BY 2, 4
UNION ALL SELECT 'outlet', coalesce(outlet, '(none)'), source_kind, coalesce(speaker_person, 0),
    {count} * {sign} FROM {source} q WHERE {where} GROUP BY 2, 3, 4
UNION ALL SELECT 'section', coalesce(section, '(none)'), source_kind,
    coalesce(speaker_person, 0), {count} * {sign} FROM {source} q WHERE {where} GROUP BY 2, 3, 4
UNION ALL SELECT 'month', coalesce(month, '(none)'), source_kind, coalesce(speaker_person, 0),
    {count} * {sign} FROM {source} q WHERE {where} GROUP BY 2, 3, 4
"""


def tally_sql(where: str, sign: str) -> str:
    """Add (sign "1") or take away (sign "-1") the quotes matching `where` (fixed SQL)."""
    return (
        "INSERT INTO quote_tallies (dimension, value, kind, person, n) "
        + TALLY_SELECT.format(source="quotes", where=where, count="count(*)", sign=sign)
        + " ON CONFLICT DO UPDATE SET n = n + excluded.n"
    )


def create_source_tallies(connection: sqlite3.Connection) -> None:
    """Quotes counted by dimension value and speaker, so that `sources` over the whole
    corpus reads a few thousand rows instead of every quote; filled from the quotes held."""
    connection.execute(
        "CREATE TABLE quote_tallies (dimension TEXT NOT NULL, value TEXT NOT NULL,"
        " kind TEXT NOT NULL, person INTEGER NOT NULL, n INTEGER NOT NULL,"
        " PRIMARY KEY (dimension, value, kind, person))"
    )
    connection.execute(tally_sql("true", "1"))


# What the quotes matching `where` (fixed SQL over `q`, `?1` its one parameter) count for in
# `sources`: each quote once for entity 0 (the whole corpus) and once for each entity it is
# about or names (one row per quote and entity, however many ways it names it).
COUNTED = """
WITH counted AS (
    SELECT 0 AS entity, q.source_kind, q.speaker_person, q.outlet, q.section, q.month, q.date
        FROM quotes q WHERE {where}
    UNION ALL SELECT e.person_id, q.source_kind, q.speaker_person, q.outlet, q.section,
        q.month, q.date
        FROM (SELECT DISTINCT quote_id, person_id FROM quote_entities
            WHERE quote_id IN (SELECT q.id FROM quotes q WHERE {where})) e
        JOIN quotes q ON q.id = e.quote_id
)
"""
# Per entity: the quotes counted by dimension value and speaker (person 0: none named).
ENTITY_TALLY_SELECT = """
SELECT entity, 'all', 'all', source_kind, coalesce(speaker_person, 0), count(*) * {sign}
    FROM counted WHERE true GROUP BY 1, 4, 5
UNION ALL SELECT entity, 'source', source_kind, source_kind, coalesce(speaker_person, 0),
    count(*) * {sign} FROM counted WHERE true GROUP BY 1, 3, 5
UNION ALL SELECT entity, 'outlet', coalesce(outlet, '(none)'), source_kind,
    coalesce(speaker_person, 0), count(*) * {sign} FROM counted WHERE true GROUP BY 1, 3, 4, 5
UNION ALL SELECT entity, 'section', coalesce(section, '(none)'), source_kind,
    coalesce(speaker_person, 0), count(*) * {sign} FROM counted WHERE true GROUP BY 1, 3, 4, 5
UNION ALL SELECT entity, 'month', coalesce(month, '(none)'), source_kind,
    coalesce(speaker_person, 0), count(*) * {sign} FROM counted WHERE true GROUP BY 1, 3, 4, 5
"""
# Per entity and day said ('' for no date): the quotes by speaker, outlet and section (the
# month is the day's), for `sources` over a date range.
DAY_SELECT = """
SELECT entity, coalesce(date, ''), source_kind, coalesce(speaker_person, 0),
    coalesce(outlet, '(none)'), coalesce(section, '(none)'), count(*) * {sign}
    FROM counted WHERE true GROUP BY 1, 2, 3, 4, 5, 6
"""
COUNT_TABLES = ("source_tallies", "source_days")


def count_sql(where: str, sign: str) -> list[str]:
    """Add (sign "1") or take away (sign "-1") the quotes matching `where` (fixed SQL) in
    the counts `sources` reads: one statement per table of COUNT_TABLES."""
    counted = COUNTED.format(where=where)
    upsert = " ON CONFLICT DO UPDATE SET n = n + excluded.n"
    return [
        counted
        + "INSERT INTO source_tallies (entity, dimension, value, kind, person, n) "
        + ENTITY_TALLY_SELECT.format(sign=sign)
        + upsert,
        counted
        + "INSERT INTO source_days (entity, date, kind, person, outlet, section, n) "
        + DAY_SELECT.format(sign=sign)
        + upsert,
    ]


def count_sources_by_entity_and_day(connection: sqlite3.Connection) -> None:
    """The source tallies per entity (entity 0: the whole corpus) and the quotes per day, so
    that `sources --about` and `--since/--until` read counts kept at ingest instead of every
    matching quote; filled from the quotes held. They replace migration 4's tallies."""
    _run(
        connection,
        """
CREATE TABLE source_tallies (
    entity INTEGER NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL,
    kind TEXT NOT NULL, person INTEGER NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (entity, dimension, value, kind, person)
) WITHOUT ROWID;
CREATE INDEX source_tallies_spent ON source_tallies (entity) WHERE n <= 0;
CREATE TABLE source_days (
    entity INTEGER NOT NULL, date TEXT NOT NULL, kind TEXT NOT NULL, person INTEGER NOT NULL,
    outlet TEXT NOT NULL, section TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY (entity, date, kind, person, outlet, section)
) WITHOUT ROWID;
CREATE INDEX source_days_spent ON source_days (entity) WHERE n <= 0;
DROP TABLE quote_tallies
""",
    )
    for statement in count_sql("true", "1"):
        connection.execute(statement)


MIGRATIONS: tuple[Migration, ...] = (
    create_core_tables,
    create_people_tables,
    create_full_text_indexes,
    create_source_tallies,
    count_sources_by_entity_and_day,
)
LATEST = len(MIGRATIONS)
