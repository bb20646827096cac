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
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any, cast

from newsgraph.errors import StoreError
from newsgraph.records import Article
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


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    """Which statements: every filter given holds (None: any). The `quotes` and `sources`
    commands' options, the web app's query parameters and the library's argument."""

    speaker: str | None = None  # a full name or a surname
    about: str | None = None  # an entity the quote is about or names in its span
    text: str | None = None  # words in the quote (full text)
    since: str | None = None  # said on or after: YYYY, YYYY-MM or YYYY-MM-DD
    until: str | None = None  # said on or before
    type: str | None = None  # direct, indirect or mixed
    kind: str | None = None  # speech, thought or finding
    outlet: str | None = None  # the host of the article's URL
    raw: bool = False  # `text` is FTS5 syntax (NEAR, OR, prefix*)
    speaker_id: int | None = None  # one person by id (the web app's person page)
    about_id: int | None = None  # one entity by id (the web app's entity page)

    def given(self) -> dict[str, str]:
        """The filters given as text (what a form or a URL carries)."""
        return {name: value for name in TEXT_FILTERS if (value := getattr(self, name))}

    def without_blanks(self) -> QuoteFilters:
        """The same filters with empty text as not given (an empty form field)."""
        blanks = {name: getattr(self, name) or None for name in TEXT_FILTERS}
        return replace(self, **cast(dict[str, Any], blanks))

    @classmethod
    def from_text(cls, given: Mapping[str, str]) -> QuoteFilters:
        """The text filters among a form's or a URL's fields (the other fields ignored)."""
        return cls(**cast(dict[str, Any], {k: v for k, v in given.items() if k in TEXT_FILTERS}))


TEXT_FILTERS = ("speaker", "about", "text", "since", "until", "type", "kind", "outlet")
ANY = QuoteFilters()


def _quote_filters(corpus: Corpus, filters: QuoteFilters, text: bool = True) -> _Where:
    """The WHERE of the quotes (`q`) matching `filters`; without `text`, the full-text
    filter is left to the caller (`quotes` chooses how to apply it)."""
    f, where = filters, _Where()
    if f.speaker is not None:
        ids = match_people(corpus, f.speaker)
        where.add(f"q.speaker_person IN {_in(ids)}", *ids)
    if f.about is not None:
        ids = match_people(corpus, f.about)
        where.add(
            f"q.id IN (SELECT quote_id FROM quote_entities WHERE person_id IN {_in(ids)})", *ids
        )
    if f.text is not None and text:
        where.add(
            "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
            fts_query(f.text, f.raw),
        )
    _add_dates(where, "q.date", f)
    for column, value in (("type", f.type), ("kind", f.kind)):
        if value is not None:
            where.add(f"q.{column} = ?", value)
    if f.outlet is not None:
        where.add("q.outlet = ?", f.outlet.casefold().removeprefix("www."))
    if f.speaker_id is not None:
        where.add("q.speaker_person = ?", f.speaker_id)
    if f.about_id is not None:
        where.add("q.id IN (SELECT quote_id FROM quote_entities WHERE person_id = ?)", f.about_id)
    return where


def _add_dates(where: _Where, column: str, filters: QuoteFilters) -> None:
    """The `since` and `until` filters on a date column (fixed SQL, the dates parameters)."""
    if (start := _date_bound(filters.since, "--since")) is not None:
        where.add(f"{column} >= ?", start)
    if (end := _date_bound(filters.until, "--until")) is not None:
        where.add(f"{column} <= ?", end + "~")  # "~" sorts after digits: 2021-06 takes June


# A full-text match is applied one of two ways. Few matches: their ids first, then the page
# in date order among them. Many (a common word is in most quotes): the quotes walked in date
# order, each one looked up in the index, until the page is full, instead of sorting every
# match. A lookup costs about WALK_COST times what taking one match of the id list does.
WALK_COST = 50


def _text_condition(corpus: Corpus, where: _Where, match: str, wanted: int | None) -> None:
    """Add the full-text filter `match` to `where`, in the cheaper way for `wanted` rows."""
    matches = corpus.rows("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (match,))
    found = int(matches[0][0])
    held = int(corpus.rows("SELECT coalesce(max(id), 0) FROM quotes")[0][0])
    # Walking reads about wanted * held / found quotes; the id list costs `found`.
    if wanted is not None and found * found > WALK_COST * wanted * held:
        where.add(
            "EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.id)", match
        )
    else:
        where.add("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", match)


# -- queries ------------------------------------------------------------------------------


def quotes(
    corpus: Corpus,
    filters: QuoteFilters = ANY,
    *,
    limit: int | None = DEFAULT_LIMIT,
    offset: int = 0,
) -> list[QuoteRow]:
    """Statements matching every filter given, by date. `about` is an entity the quote is
    about (the record's `about`) or mentions inside its span."""
    where = _quote_filters(corpus, filters, text=False)
    if filters.text is not None:
        wanted = None if limit is None else offset + limit
        _text_condition(corpus, where, fts_query(filters.text, filters.raw), wanted)
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


def sources(corpus: Corpus, filters: QuoteFilters = ANY) -> list[SourceShare]:
    """Who gets quoted: the share of quotes and of quoted people by gender, overall and by
    source kind (person, organisation, unnamed), outlet, section and month, among the quotes
    matching `filters` (the command's are --since, --until and --about)."""
    entity = _counted_entity(corpus, filters)
    dated = filters.since is not None or filters.until is not None
    if entity is not None and not dated:
        # The whole corpus, or everything about one entity: the tallies kept at ingest.
        tallies = "(SELECT * FROM source_tallies WHERE entity = ?)"
        return _shares(corpus.rows(_SHARES_SQL.format(tallies=tallies, pairs=""), [entity]))
    if entity is not None:  # a date range, about one entity or not: the counts per day
        where = _Where(["d.entity = ?", "d.date > ''"], [entity])  # '': said on no known day
        _add_dates(where, "d.date", filters)
        chosen = (
            "SELECT d.kind, d.person, d.outlet, d.section, substr(d.date, 1, 7) AS month, d.n"
            " FROM source_days d" + where.sql()
        )
    else:  # any other filter: the matching quotes themselves, counted the same way
        where = _quote_filters(corpus, filters)
        chosen = (
            "SELECT q.source_kind, coalesce(q.speaker_person, 0), coalesce(q.outlet, '(none)'),"
            " coalesce(q.section, '(none)'), coalesce(q.month, '(none)'), count(*)"
            " FROM quotes q" + where.sql() + " GROUP BY 1, 2, 3, 4, 5"
        )
    pairs = _PAIRS_SQL.format(chosen=chosen)
    return _shares(corpus.rows(_SHARES_SQL.format(tallies="pairs", pairs=pairs), where.parameters))


def _counted_entity(corpus: Corpus, filters: QuoteFilters) -> int | None:
    """The entity whose counts answer `sources` for these filters (0: every quote), or None
    when only the quotes themselves can (another filter, or a name meaning several)."""
    if replace(filters, since=None, until=None, about=None, about_id=None) != ANY:
        return None
    if filters.about is None:
        return 0 if filters.about_id is None else filters.about_id
    ids = match_people(corpus, filters.about)
    if len(ids) != 1 or filters.about_id not in (None, ids[0]):
        return None  # a quote about two of them counts once: count the quotes
    return ids[0]


DIMENSIONS = ("all", "source", "outlet", "section", "month")
# The chosen quotes (kind, person, outlet, section, month, n) counted per dimension value and
# speaker, as the tallies kept at ingest are: one row per (dimension, value, kind, person).
_PAIRS_SQL = """
WITH chosen (kind, person, outlet, section, month, n) AS MATERIALIZED ({chosen}),
pairs AS (
    SELECT 'all' AS dimension, 'all' AS value, kind, person, sum(n) AS n
        FROM chosen GROUP BY kind, person
    UNION ALL SELECT 'source', kind, kind, person, sum(n) FROM chosen GROUP BY kind, person
    UNION ALL SELECT 'outlet', outlet, kind, person, sum(n)
        FROM chosen GROUP BY outlet, kind, person
    UNION ALL SELECT 'section', section, kind, person, sum(n)
        FROM chosen GROUP BY section, kind, person
    UNION ALL SELECT 'month', month, kind, person, sum(n)
        FROM chosen GROUP BY month, kind, person
)
"""
# The rows of a dimension value by stated gender (a person's) or by kind of source (the
# others have none): each is one column of quotes and one of rows, which are distinct
# people since a tally row is one person. Reading the tallies in their key's order, SQLite
# sums a dimension value at a time with no sort.
SHARE_GROUPS = (  # (gender, rows counted, whether its rows are named people)
    ("male", "t.kind = 'person' AND p.gender = 'male'", True),
    ("female", "t.kind = 'person' AND p.gender = 'female'", True),
    (
        "unknown",
        "t.kind = 'person' AND coalesce(p.gender, 'unknown') NOT IN ('male', 'female')",
        True,
    ),
    ("(organisation)", "t.kind = 'organisation'", False),
    ("(unnamed)", "t.kind = 'unnamed'", False),
    ("(none)", "t.kind = 'none'", False),
)
_SHARES_SQL = (
    "{pairs}SELECT t.dimension, t.value, "
    + ", ".join(
        f"total(t.n) FILTER (WHERE {condition}), count(*) FILTER (WHERE {condition})"
        for _, condition, _ in SHARE_GROUPS
    )
    + " FROM {tallies} AS t LEFT JOIN people p ON p.id = t.person GROUP BY t.dimension, t.value"
)


def _shares(rows: list[Any]) -> list[SourceShare]:
    """Each group's share of the quotes and of the named people quoted in its dimension
    value (organisations and unnamed sources have no gender: they are shown apart)."""
    shares: list[SourceShare] = []
    for dimension, value, *counts in rows:
        groups = [
            (gender, int(counts[2 * i]), counts[2 * i + 1] if named else 0)
            for i, (gender, _, named) in enumerate(SHARE_GROUPS)
            if counts[2 * i + 1]
        ]
        quotes = sum(n for _, n, _ in groups)
        people = sum(named for _, _, named in groups)
        shares += [
            SourceShare(
                dimension, value, gender, n, n / quotes, named, named / people if people else 0.0
            )
            for gender, n, named in groups
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
