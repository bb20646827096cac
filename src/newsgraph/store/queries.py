"""The corpus queries: who said what (`quotes`), who is quoted (`people`, `sources`), the
articles (`search`, `article`), the dated events (`timeline`) and the counts (`stats`).

Every value from the user reaches SQLite as a parameter, never as SQL text: a name is
matched with LIKE patterns whose `%` and `_` are escaped, and full-text words are quoted as
FTS5 phrases (unless `raw=True` asks for FTS5's own syntax), so a hostile string finds
itself literally or is a clear `StoreError`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.records import Article
from newsgraph.store import schema
from newsgraph.store.db import Corpus
from newsgraph.store.write import fold, merge_rows, split_rows

DEFAULT_LIMIT = 100
DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TOP_ENTITIES = 5


class Row:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload, no-any-return]


@dataclass(frozen=True, slots=True)
class QuoteRow(Row):
    article_id: str
    quote: str  # the record's id in its article: q1, q2...
    date: str | None  # when it was said: the context time's full date, else publication
    speaker: str | None  # the person's name across the corpus, else the record's speaker name
    source_kind: str  # person, organisation, unnamed or none
    type: str
    kind: str
    cue: str | None
    text: str
    outlet: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class PersonRow(Row):
    id: int
    name: str
    type: str
    gender: str  # male, female or unknown: as the articles state it
    gender_evidence: int  # how many places state it
    quotes: int
    first: str | None
    last: str | None
    titles: list[str] = field(default_factory=list)  # "NATO Secretary-General (2021-06-01)"
    top_entities: list[str] = field(default_factory=list)  # what their quotes are about


@dataclass(frozen=True, slots=True)
class SearchHit(Row):
    article_id: str
    title: str | None
    published: str | None
    outlet: str | None
    score: float  # bm25: lower is better
    snippet: str


@dataclass(frozen=True, slots=True)
class Event(Row):
    date: str
    text: str
    article_id: str
    title: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class SourceShare(Row):
    by: str  # all, source, outlet, section or month
    value: str
    gender: str
    quotes: int
    quote_share: float  # of the quotes in this value of `by`
    people: int  # distinct named people quoted (0 for organisations and unnamed sources)
    people_share: float


# -- matching -----------------------------------------------------------------------------


def like_escape(text: str) -> str:
    """`text` as a literal inside a LIKE pattern with ESCAPE '\\'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def match_people(corpus: Corpus, name: str) -> list[int]:
    """The people a name given by the user means: the same folded name, a last part of it
    ("Stoltenberg" for "Jens Stoltenberg"), or a name merged into one by hand."""
    key = fold(name)
    if not key:
        raise StoreError("an empty name matches nothing: give a name")
    rows = corpus.rows(
        "SELECT id FROM people WHERE key = ? OR key LIKE ? ESCAPE '\\'"
        " UNION SELECT p.id FROM corrections c JOIN people p ON p.key = c.target"
        " WHERE c.action = 'merge' AND c.name = ?",
        (key, "% " + like_escape(key), key),
    )
    return [int(row[0]) for row in rows]


def fts_query(text: str, raw: bool = False) -> str:
    """An FTS5 query for the user's words: each word a quoted phrase, all of them required;
    with `raw`, the text as FTS5 syntax (NEAR, OR, prefix*), checked by SQLite."""
    if raw:
        if not text.strip():
            raise StoreError("an empty full-text query matches nothing")
        return text
    words = [word for word in text.split() if any(ch.isalnum() for ch in word)]
    if not words:
        raise StoreError(f"no words to search for in {text!r}")
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _date_bound(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if not DATE_PREFIX.match(value):
        raise StoreError(f"{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def _in(ids: list[int]) -> str:
    # Placeholders only: the ids themselves are parameters.
    return "(" + ", ".join("?" * len(ids)) + ")"


@dataclass
class _Where:
    """WHERE conditions and their parameters, in step."""

    conditions: list[str] = field(default_factory=list)
    parameters: list[Any] = field(default_factory=list)

    def add(self, condition: str, *parameters: Any) -> None:
        self.conditions.append(condition)
        self.parameters.extend(parameters)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def _quote_filters(
    corpus: Corpus,
    *,
    speaker: str | None = None,
    about: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    kind: str | None = None,
    outlet: str | None = None,
    raw: bool = False,
) -> _Where:
    where = _Where()
    if speaker is not None:
        ids = match_people(corpus, speaker)
        where.add(f"q.speaker_person IN {_in(ids)}", *ids)
    if about is not None:
        ids = match_people(corpus, about)
        where.add(
            f"q.id IN (SELECT quote_id FROM quote_entities WHERE person_id IN {_in(ids)})", *ids
        )
    if text is not None:
        where.add(
            "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
            fts_query(text, raw),
        )
    if (start := _date_bound(since, "--since")) is not None:
        where.add("q.date >= ?", start)
    if (end := _date_bound(until, "--until")) is not None:
        where.add("q.date <= ?", end + "~")  # "~" sorts after digits: 2021-06 takes June
    for column, value in (("type", type), ("kind", kind)):
        if value is not None:
            where.add(f"q.{column} = ?", value)
    if outlet is not None:
        where.add("q.outlet = ?", outlet.casefold().removeprefix("www."))
    return where


# -- queries ------------------------------------------------------------------------------


def quotes(
    corpus: Corpus,
    *,
    speaker: str | None = None,
    about: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    kind: str | None = None,
    outlet: str | None = None,
    raw: bool = False,
    limit: int | None = DEFAULT_LIMIT,
    offset: int = 0,
    speaker_id: int | None = None,
    about_id: int | None = None,
) -> list[QuoteRow]:
    """Statements matching every filter given, by date. `about` is an entity the quote is
    about (the record's `about`) or mentions inside its span."""
    where = _quote_filters(
        corpus,
        speaker=speaker,
        about=about,
        text=text,
        since=since,
        until=until,
        type=type,
        kind=kind,
        outlet=outlet,
        raw=raw,
    )
    if speaker_id is not None:  # one person by id (the web app's person page)
        where.add("q.speaker_person = ?", speaker_id)
    if about_id is not None:
        where.add("q.id IN (SELECT quote_id FROM quote_entities WHERE person_id = ?)", about_id)
    # The page of quote ids first, then the joins for those rows only: a common word
    # matches thousands of quotes, and joining them all before the sort costs twice as much.
    rows = corpus.rows(
        "SELECT q.article_id, q.quote, q.date, coalesce(p.name, q.speaker_name) AS speaker,"
        " q.source_kind, q.type, q.kind, q.cue, q.text, q.outlet, a.title"
        " FROM (SELECT q.id FROM quotes q"
        + where.sql()
        + " ORDER BY q.date, q.article_id, q.start LIMIT ? OFFSET ?) AS page"
        " JOIN quotes q ON q.id = page.id JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN people p ON p.id = q.speaker_person"
        " ORDER BY q.date, q.article_id, q.start",
        [*where.parameters, -1 if limit is None else limit, offset],
    )
    return [QuoteRow(**dict(row)) for row in rows]


def people(
    corpus: Corpus,
    *,
    name: str | None = None,
    about: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    offset: int = 0,
    person_id: int | None = None,
) -> list[PersonRow]:
    """People and organisations that are quoted (and every person named), most quoted
    first; with `about`, only those quoted about that entity, counting those quotes."""
    where = _Where()
    join = "LEFT JOIN quotes q ON q.speaker_person = p.id"
    if about is not None:
        ids = match_people(corpus, about)
        join = "JOIN quotes q ON q.speaker_person = p.id"
        where.add(
            f"q.id IN (SELECT quote_id FROM quote_entities WHERE person_id IN {_in(ids)})", *ids
        )
    else:
        where.add("(p.type = 'PERSON' OR q.id IS NOT NULL)")
    if name is not None:
        ids = match_people(corpus, name)
        where.add(f"p.id IN {_in(ids)}", *ids)
    if person_id is not None:
        where = _Where(["p.id = ?"], [person_id])  # one row by id, quoted or not
    rows = corpus.rows(
        "SELECT p.id, p.name, p.type, p.gender, p.gender_evidence, count(q.id) AS quotes,"
        " min(q.date) AS first, max(q.date) AS last FROM people p "
        + join
        + where.sql()
        + " GROUP BY p.id ORDER BY quotes DESC, p.name LIMIT ? OFFSET ?",
        [*where.parameters, -1 if limit is None else limit, offset],
    )
    return [
        PersonRow(
            **dict(row),
            titles=_titles(corpus, row["id"]),
            top_entities=_top_entities(corpus, row["id"]),
        )
        for row in rows
    ]


def _titles(corpus: Corpus, person: int) -> list[str]:
    rows = corpus.rows(
        "SELECT title, min(date) AS since FROM titles WHERE person_id = ?"
        " GROUP BY title ORDER BY count(*) DESC, since",
        (person,),
    )
    return [f"{row['title']} ({row['since']})" if row["since"] else row["title"] for row in rows]


def _top_entities(corpus: Corpus, person: int) -> list[str]:
    rows = corpus.rows(
        "SELECT e.name, count(*) AS n FROM quotes q"
        " JOIN quote_entities qe ON qe.quote_id = q.id JOIN people e ON e.id = qe.person_id"
        " WHERE q.speaker_person = ? GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?",
        (person, TOP_ENTITIES),
    )
    return [f"{row['name']} ({row['n']})" for row in rows]


def search(
    corpus: Corpus,
    query: str,
    *,
    raw: bool = False,
    limit: int = 20,
    offset: int = 0,
    marks: tuple[str, str] = ("[", "]"),
) -> list[SearchHit]:
    """Articles matching a full-text query, best first (FTS5 bm25), with a snippet of the
    body where the words are marked [like this] (or between the given `marks`)."""
    rows = corpus.rows(
        "SELECT a.id AS article_id, a.title, a.published, a.outlet,"
        " bm25(articles_fts) AS score,"
        " snippet(articles_fts, 1, ?, ?, '…', 16) AS snippet"
        " FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?",
        (*marks, fts_query(query, raw), limit, offset),
    )
    return [SearchHit(**dict(row)) for row in rows]


def timeline(
    corpus: Corpus,
    *,
    entity: str | None = None,
    speaker: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    offset: int = 0,
    entity_id: int | None = None,
) -> list[Event]:
    """Dated events across articles in date order: those naming `entity` (in the event's
    sentence), those in statements by `speaker`."""
    where = _Where()
    for value, how in ((entity, "mention"), (speaker, "speaker")):
        if value is not None:
            ids = match_people(corpus, value)
            where.add(
                "t.id IN (SELECT timeline_id FROM timeline_people"
                f" WHERE how = ? AND person_id IN {_in(ids)})",
                how,
                *ids,
            )
    if entity_id is not None:  # named in the event or speaking it
        where.add(
            "t.id IN (SELECT timeline_id FROM timeline_people WHERE person_id = ?)", entity_id
        )
    rows = corpus.rows(
        "SELECT t.date, t.text, t.article_id, a.title, a.published"
        " FROM timeline t JOIN articles a ON a.id = t.article_id"
        + where.sql()
        + " ORDER BY t.date, a.published, t.article_id, t.position LIMIT ? OFFSET ?",
        [*where.parameters, -1 if limit is None else limit, offset],
    )
    return [Event(**dict(row)) for row in rows]


def article(corpus: Corpus, article_id: str) -> Article:
    """The stored record of one article."""
    rows = corpus.rows("SELECT record FROM articles WHERE id = ?", (article_id,))
    if not rows:
        raise StoreError(f"{corpus.path}: no article with id {article_id!r}")
    return Article.from_dict(json.loads(rows[0]["record"]))


# -- what the web app's pages add ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleRow(Row):
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    section: str | None
    quotes: int


@dataclass(frozen=True, slots=True)
class EntityRow(Row):
    id: int
    name: str
    type: str
    articles: int  # how many articles name it


def articles(corpus: Corpus, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[ArticleRow]:
    """The articles, newest first, with their quote counts."""
    rows = corpus.rows(
        "SELECT a.id, a.title, a.published, a.outlet, a.section,"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes"
        " FROM articles a ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return [ArticleRow(**dict(row)) for row in rows]


def entities(
    corpus: Corpus,
    *,
    type: str | None = None,
    entity_id: int | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[EntityRow]:
    """Every entity (people, organisations, places...), the most widely named first."""
    where = _Where()
    if type is not None:
        where.add("p.type = ?", type)
    if entity_id is not None:
        where.add("p.id = ?", entity_id)
    rows = corpus.rows(
        "SELECT p.id, p.name, p.type, count(ae.article_id) AS articles FROM people p"
        " LEFT JOIN article_entities ae ON ae.person_id = p.id"
        + where.sql()
        + " GROUP BY p.id ORDER BY articles DESC, p.name LIMIT ? OFFSET ?",
        [*where.parameters, limit, offset],
    )
    return [EntityRow(**dict(row)) for row in rows]


def article_people(corpus: Corpus, article_id: str) -> dict[str, int]:
    """The corpus-wide person (or entity) id of each entity id of one article's record."""
    rows = corpus.rows(
        "SELECT entity, person_id FROM article_entities WHERE article_id = ?", (article_id,)
    )
    return {row["entity"]: int(row["person_id"]) for row in rows}


def quotes_per_week(corpus: Corpus, person_id: int) -> list[tuple[str, int]]:
    """(Monday of the week, quotes) for each week in which the person was quoted."""
    rows = corpus.rows(
        "SELECT date(substr(q.date, 1, 10), '-6 days', 'weekday 1') AS week, count(*) AS n"
        " FROM quotes q WHERE q.speaker_person = ? AND q.date IS NOT NULL"
        " GROUP BY week HAVING week IS NOT NULL ORDER BY week",
        (person_id,),
    )
    return [(str(row["week"]), int(row["n"])) for row in rows]


def gender_evidence(corpus: Corpus, person_id: int, limit: int = 20) -> list[dict[str, Any]]:
    """Where the articles state a person's gender: the word and a little text around it."""
    rows = corpus.rows(
        "SELECT g.article_id, g.gender, g.cue, g.start,"
        " substr(a.body, max(1, g.start - 39), 40 + length(g.cue) + 40) AS context"
        " FROM gender_evidence g JOIN articles a ON a.id = g.article_id"
        " WHERE g.person_id = ? ORDER BY a.published, g.article_id, g.start LIMIT ?",
        (person_id, limit),
    )
    return [dict(row) for row in rows]


STAT_TABLES = (
    "articles",
    "quotes",
    "people",
    "article_entities",
    "mentions",
    "times",
    "timeline",
    "titles",
    "gender_evidence",
    "corrections",
    "failures",
)


def stats(corpus: Corpus) -> dict[str, Any]:
    """Row counts of every table, the schema version and the versions that extracted."""
    counts: dict[str, Any] = {
        table: corpus.rows(f"SELECT count(*) FROM {table}")[0][0]  # names from STAT_TABLES
        for table in STAT_TABLES
    }
    counts["schema_version"] = corpus.schema_version()
    counts["extracted_by"] = {
        row["version"]: row["n"]
        for row in corpus.rows("SELECT version, count(*) AS n FROM articles GROUP BY version")
    }
    dates = corpus.rows("SELECT min(published), max(published) FROM articles")[0]
    counts["published"] = f"{dates[0]} … {dates[1]}" if dates[0] else None
    return counts


def sources(
    corpus: Corpus,
    *,
    since: str | None = None,
    until: str | None = None,
    about: str | None = None,
) -> list[SourceShare]:
    """Who gets quoted: the share of quotes and of quoted people by gender, overall and by
    source kind (person, organisation, unnamed), outlet, section and month."""
    if since is None and until is None and about is None:
        return _shares(corpus.rows(_SOURCES_SQL.format(tallies="quote_tallies")))
    # The filtered quotes counted once by every column at a time, then summed per dimension
    # value the way the tallies are: fewer rows to sort five times than the quotes themselves.
    where = _quote_filters(corpus, since=since, until=until, about=about)
    chosen = (
        "WITH chosen AS MATERIALIZED (SELECT q.source_kind, q.speaker_person, q.outlet,"
        " q.section, q.month, count(*) AS n FROM quotes q"
        + where.sql()
        + " GROUP BY 1, 2, 3, 4, 5) "
    )
    counted = schema.TALLY_SELECT.format(source="chosen", where="true", count="sum(n)", sign="1")
    sql = chosen + _SOURCES_SQL.format(tallies=f"({counted})")
    return _shares(corpus.rows(sql, where.parameters))


DIMENSIONS = ("all", "source", "outlet", "section", "month")
# Per dimension value and stated gender: the quotes and the distinct named people, from the
# tallies kept at ingest (the whole corpus) or from the filtered quotes counted the same way.
_SOURCES_SQL = """
SELECT t.dimension, t.value,
    CASE WHEN t.kind = 'person' THEN coalesce(p.gender, 'unknown') ELSE '(' || t.kind || ')'
    END AS gender,
    sum(t.n) AS quotes,
    count(DISTINCT CASE WHEN t.kind = 'person' THEN t.person END) AS people
FROM {tallies} AS t LEFT JOIN people p ON p.id = t.person
GROUP BY 1, 2, 3  -- by position: "gender" alone would name people.gender
"""


def _shares(rows: list[Any]) -> list[SourceShare]:
    """Each row's share of the quotes and of the named people quoted in its dimension value
    (organisations and unnamed sources have no gender: they are shown apart)."""
    quotes: Counter[tuple[str, str]] = Counter()
    people: Counter[tuple[str, str]] = Counter()
    for row in rows:
        quotes[row["dimension"], row["value"]] += row["quotes"]
        people[row["dimension"], row["value"]] += row["people"]
    shares = [
        SourceShare(
            row["dimension"],
            row["value"],
            row["gender"],
            row["quotes"],
            row["quotes"] / quotes[row["dimension"], row["value"]],
            row["people"],
            row["people"] / people[key] if people[key := (row["dimension"], row["value"])] else 0.0,
        )
        for row in rows
    ]
    order = {dimension: index for index, dimension in enumerate(DIMENSIONS)}
    return sorted(shares, key=lambda s: (order[s.by], s.value, s.gender))


# -- corrections by hand --------------------------------------------------------------------


def merge_people(corpus: Corpus, keep: str, other: str) -> int:
    """Make `other` the same person as `keep`, now and in every later ingest (recorded in
    the corrections table); returns the kept person's id."""
    with corpus.transaction() as connection:
        return merge_rows(connection, fold(keep), fold(other))


def split_person(corpus: Corpus, name: str, article_id: str, new_name: str | None = None) -> int:
    """Take the person `name` of one article apart as a person of their own (`new_name`, or
    "NAME (article ID)"), now and in every later ingest; returns the new person's id."""
    with corpus.transaction() as connection:
        return split_rows(connection, name, article_id, new_name)
