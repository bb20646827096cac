"""One article into the corpus tables, inside the caller's transaction.

The record is flattened into rows: the article, its entities joined to the people across
articles (by folded canonical name, after the hand corrections), mentions, times, quotes
(with the date each statement was made, its source kind and the entities in its span),
timeline events with the people in them, and the titles and stated gender of each person.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from newsgraph.errors import StoreError
from newsgraph.records import Article, Quote
from newsgraph.store import people, schema

# Shared with the batch output's tables (newsgraph.tables); names kept here for callers.
from newsgraph.tables import PERSON, article_row, outlet_of, source_kind, statement_date

SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+|\n\n")


def fold(name: str) -> str:
    """The key of a name: case and spacing folded."""
    return " ".join(name.casefold().split())


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def is_newer(version: str, than: str) -> bool:
    return version_key(version) > version_key(than)


def save_article(connection: sqlite3.Connection, article: Article, version: str, now: str) -> str:
    """Write `article`: "added", "replaced" (an older extraction of it was there) or
    "unchanged" (the same or a newer extraction is there already)."""
    article_id = article.id or ""
    held = connection.execute("SELECT version FROM articles WHERE id = ?", (article_id,)).fetchone()
    if held is not None and not is_newer(version, held[0]):
        return "unchanged"
    touched: set[int] = set()
    if held is not None:
        touched |= _people_of_article(connection, article_id)
        _tally(connection, article_id, "-1")
        connection.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        connection.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    _insert_article(connection, article, version, now)
    persons = _insert_entities(connection, article)
    _insert_times(connection, article)
    _insert_quotes(connection, article, persons)
    _tally(connection, article_id, "1")
    _insert_timeline(connection, article, persons)
    _insert_people_facts(connection, article, persons)
    update_gender(connection, touched | set(persons.values()))
    return "added" if held is None else "replaced"


def _tally(connection: sqlite3.Connection, article_id: str, sign: str) -> None:
    """Count an article's quotes in the source counts (sign "1"), or no longer ("-1")."""
    for statement in schema.count_sql("article_id = ?1", sign):
        connection.execute(statement, (article_id,))
    if sign != "1":
        for table in schema.COUNT_TABLES:  # names from the schema
            # The rows spent are in a partial index; SQLite would rather scan source_days.
            connection.execute(f"DELETE FROM {table} INDEXED BY {table}_spent WHERE n <= 0")


def rebuild_tallies(connection: sqlite3.Connection) -> None:
    """The source counts counted again from every quote (after people were merged or split)."""
    for table in schema.COUNT_TABLES:
        connection.execute(f"DELETE FROM {table}")
    for statement in schema.count_sql("true", "1"):
        connection.execute(statement)


def _people_of_article(connection: sqlite3.Connection, article_id: str) -> set[int]:
    rows = connection.execute(
        "SELECT person_id FROM article_entities WHERE article_id = ?", (article_id,)
    )
    return {row[0] for row in rows}


def _insert_article(
    connection: sqlite3.Connection, article: Article, version: str, now: str
) -> None:
    # The same row as the batch output's articles table, plus when it was ingested.
    row = article_row(article, version) | {"ingested": now}
    # Column names come from newsgraph.tables, never from the input.
    names = ", ".join(row)
    marks = ", ".join("?" * len(row))
    connection.execute(f"INSERT INTO articles ({names}) VALUES ({marks})", tuple(row.values()))


def resolve_person(connection: sqlite3.Connection, article_id: str, name: str, kind: str) -> int:
    """The people row of an entity: by its folded name, after the corrections made by hand
    (a split for this article, else a merge), created when new."""
    key = fold(name)
    split = connection.execute(
        "SELECT target FROM corrections WHERE action = 'split' AND name = ? AND article_id = ?"
        " ORDER BY id DESC LIMIT 1",
        (key, article_id),
    ).fetchone()
    key = split[0] if split else _merged_key(connection, key)
    row = connection.execute("SELECT id FROM people WHERE key = ?", (key,)).fetchone()
    if row is not None:
        return int(row[0])
    cursor = connection.execute(
        "INSERT INTO people (key, name, type) VALUES (?, ?, ?)", (key, name, kind)
    )
    return int(cursor.lastrowid or 0)


def _merged_key(connection: sqlite3.Connection, key: str) -> str:
    seen = {key}
    while True:  # merges chain (A into B, B into C); a loop made by hand stops
        row = connection.execute(
            "SELECT target FROM corrections WHERE action = 'merge' AND name = ?"
            " ORDER BY id DESC LIMIT 1",
            (key,),
        ).fetchone()
        if row is None or row[0] in seen:
            return key
        key = row[0]
        seen.add(key)


def _insert_entities(connection: sqlite3.Connection, article: Article) -> dict[str, int]:
    """The article's entities and mentions; returns each entity's person id."""
    article_id = article.id or ""
    persons: dict[str, int] = {}
    for entity in article.entities:
        persons[entity.id] = resolve_person(connection, article_id, entity.name, entity.type)
    connection.executemany(
        "INSERT INTO article_entities (article_id, entity, person_id, name, type)"
        " VALUES (?, ?, ?, ?, ?)",
        [(article_id, e.id, persons[e.id], e.name, e.type) for e in article.entities],
    )
    connection.executemany(
        'INSERT INTO mentions (article_id, entity, start, "end", text, kind)'
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (article_id, e.id, m.start, m.end, m.text, m.kind)
            for e in article.entities
            for m in e.mentions
        ],
    )
    return persons


def _insert_times(connection: sqlite3.Connection, article: Article) -> None:
    connection.executemany(
        'INSERT INTO times (article_id, time, text, start, "end", type, value)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(article.id, t.id, t.text, t.start, t.end, t.type, t.value) for t in article.times],
    )


def _insert_quotes(
    connection: sqlite3.Connection, article: Article, persons: dict[str, int]
) -> None:
    meta = article.metadata
    outlet = outlet_of(article)
    for quote in article.quotes:
        speaker = quote.speaker
        said = statement_date(article, quote)  # its month is the quote's month in `sources`
        cursor = connection.execute(
            'INSERT INTO quotes (article_id, quote, text, start, "end", type, kind, cue,'
            " speaker_name, speaker_entity, speaker_mention, speaker_via, speaker_person,"
            " source_kind, place, time, date, outlet, section, month)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                quote.id,
                quote.text,
                quote.start,
                quote.end,
                quote.type,
                quote.kind,
                quote.cue.text if quote.cue else None,
                speaker.name,
                speaker.entity,
                speaker.mention.text if speaker.mention else None,
                speaker.via,
                persons.get(speaker.entity or ""),
                source_kind(article, quote),
                quote.context.place if quote.context else None,
                quote.context.time if quote.context else None,
                said,
                outlet,
                meta.section,
                said[:7] if said else None,
            ),
        )
        connection.executemany(
            "INSERT OR IGNORE INTO quote_entities (quote_id, person_id, how) VALUES (?, ?, ?)",
            [(cursor.lastrowid, persons[e], how) for e, how in _quote_entities(article, quote)],
        )


def _quote_entities(article: Article, quote: Quote) -> Iterable[tuple[str, str]]:
    """The entities a quote is about (the record's `about`) and those mentioned inside its
    span, apart from the speaker's own first person."""
    known = {entity.id for entity in article.entities}
    for entity_id in quote.about:
        if entity_id in known:
            yield entity_id, "about"
    for entity in article.entities:
        if entity.id == quote.speaker.entity:
            continue
        if any(quote.start <= m.start and m.end <= quote.end for m in entity.mentions):
            yield entity.id, "mention"


def _insert_timeline(
    connection: sqlite3.Connection, article: Article, persons: dict[str, int]
) -> None:
    for position, entry in enumerate(article.timeline):
        cursor = connection.execute(
            'INSERT INTO timeline (article_id, position, date, time, text, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article.id, position, entry.date, entry.time, entry.text, entry.start, entry.end),
        )
        low, high = sentence_around(article.body, entry.start, entry.end)
        rows = {
            (persons[entity.id], "mention")
            for entity in article.entities
            for m in entity.mentions
            if low <= m.start and m.end <= high
        }
        rows |= {
            (persons[quote.speaker.entity], "speaker")
            for quote in article.quotes
            if quote.speaker.entity in persons and _overlaps(quote, entry.start, entry.end)
        }
        connection.executemany(
            "INSERT INTO timeline_people (timeline_id, person_id, how) VALUES (?, ?, ?)",
            [(cursor.lastrowid, person, how) for person, how in rows],
        )


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or paragraph) that holds the span: an event is about what its sentence
    names, even when the dated clause itself does not ("... from Afghanistan began on May 1,
    and all troops are to leave the country by September 11")."""
    before = [m.end() for m in SENTENCE_END.finditer(body, 0, start)]
    after = SENTENCE_END.search(body, end)
    return (before[-1] if before else 0), (after.start() if after else len(body))


def _overlaps(quote: Quote, start: int, end: int) -> bool:
    """Whether a statement (its content, cue and the words naming its source) overlaps."""
    spans = [(quote.start, quote.end)]
    spans += [(s.start, s.end) for s in (quote.cue, quote.speaker.mention) if s is not None]
    low, high = min(s for s, _ in spans), max(e for _, e in spans)
    return low < end and start < high


def _insert_people_facts(
    connection: sqlite3.Connection, article: Article, persons: dict[str, int]
) -> None:
    """Titles and gender evidence of the article's person entities."""
    date = article.metadata.published[:10] if article.metadata.published else None
    for entity in article.entities:
        if entity.type != PERSON:
            continue
        person = persons[entity.id]
        connection.executemany(
            "INSERT OR IGNORE INTO titles (person_id, article_id, title, date) VALUES (?, ?, ?, ?)",
            [(person, article.id, title, date) for title in people.titles(article, entity)],
        )
        connection.executemany(
            "INSERT OR IGNORE INTO gender_evidence (person_id, article_id, start, gender, cue)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (person, article.id, e.start, e.gender, e.cue)
                for e in people.gender_evidence(article, entity)
            ],
        )


def update_gender(connection: sqlite3.Connection, person_ids: Iterable[int]) -> None:
    """Each person's gender, decided again from the evidence of every article."""
    for person in person_ids:
        genders = [
            row[0]
            for row in connection.execute(
                "SELECT gender FROM gender_evidence WHERE person_id = ?", (person,)
            )
        ]
        gender, count = people.decide(genders)
        connection.execute(
            "UPDATE people SET gender = ?, gender_evidence = ? WHERE id = ?",
            (gender, count, person),
        )


# -- corrections by hand --------------------------------------------------------------------

# Each table that names a person, with how its rows belong to an article (for a split).
PERSON_COLUMNS = (
    ("article_entities", "person_id", "article_id = ?"),
    ("quotes", "speaker_person", "article_id = ?"),
    ("quote_entities", "person_id", "quote_id IN (SELECT id FROM quotes WHERE article_id = ?)"),
    (
        "timeline_people",
        "person_id",
        "timeline_id IN (SELECT id FROM timeline WHERE article_id = ?)",
    ),
    ("titles", "person_id", "article_id = ?"),
    ("gender_evidence", "person_id", "article_id = ?"),
)


def _person_id(connection: sqlite3.Connection, key: str) -> int:
    row = connection.execute("SELECT id FROM people WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise StoreError(f"no person or organisation named {key!r} in the corpus")
    return int(row[0])


def _repoint(
    connection: sqlite3.Connection, old: int, new: int, article_id: str | None = None
) -> None:
    """Every row of person `old` (in one article, or all) becomes a row of person `new`;
    a row `new` already has is dropped rather than doubled."""
    for table, column, in_article in PERSON_COLUMNS:
        condition = f"{column} = ?" + (f" AND {in_article}" if article_id else "")
        parameters = (old, article_id) if article_id else (old,)
        # Table and column names come from PERSON_COLUMNS, never from the user.
        connection.execute(
            f"UPDATE OR IGNORE {table} SET {column} = ? WHERE {condition}", (new, *parameters)
        )
        if table != "quotes":
            connection.execute(f"DELETE FROM {table} WHERE {condition}", parameters)


def merge_rows(connection: sqlite3.Connection, keep_key: str, other_key: str) -> int:
    keep, other = _person_id(connection, keep_key), _person_id(connection, other_key)
    if keep == other:
        raise StoreError(f"{keep_key!r} and {other_key!r} are one person already")
    connection.execute(
        "INSERT INTO corrections (action, name, target, made) VALUES ('merge', ?, ?, ?)",
        (other_key, keep_key, _now()),
    )
    _repoint(connection, other, keep)
    connection.execute("DELETE FROM people WHERE id = ?", (other,))
    update_gender(connection, [keep])
    rebuild_tallies(connection)
    return keep


def split_rows(
    connection: sqlite3.Connection, name: str, article_id: str, new_name: str | None
) -> int:
    row = connection.execute(
        "SELECT person_id FROM article_entities WHERE article_id = ? AND name = ? COLLATE NOCASE",
        (article_id, name),
    ).fetchone()
    if row is None:
        raise StoreError(f"article {article_id!r} names no one {name!r}")
    old = int(row[0])
    target = fold(new_name) if new_name else f"{fold(name)} (article {article_id})"
    connection.execute(
        "INSERT INTO corrections (action, name, target, article_id, made)"
        " VALUES ('split', ?, ?, ?, ?)",
        (fold(name), target, article_id, _now()),
    )
    kind = connection.execute("SELECT type FROM people WHERE id = ?", (old,)).fetchone()[0]
    new = resolve_person(connection, article_id, new_name or name, kind)
    if new == old:
        raise StoreError(f"{new_name!r} is the person {name!r} already")
    _repoint(connection, old, new, article_id)
    update_gender(connection, [old, new])
    rebuild_tallies(connection)
    return new


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
