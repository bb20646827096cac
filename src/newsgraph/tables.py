"""A record as table rows: the columns the corpus (`store/`) and the batch output share.

The SQLite corpus and `newsgraph batch --out DIR` (one Parquet dataset per table) flatten an
`Article` the same way, so that a query written against one reads the other: the column names
here are the corpus tables' (docs/corpus.md). Only plain records come in (no spaCy, no
pipeline), so `store/` may import this module. Columns that only a database can fill (the
people ids the corpus joins across articles) are not here.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal
from urllib.parse import urlsplit

from newsgraph.records import Article, Failure, Quote

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
PERSON = "PERSON"

ColumnType = Literal["string", "int64"]
Row = dict[str, Any]

# The batch output's tables, each with its columns in order and their types (a fixed schema:
# an empty shard's file still has every column, and every shard's files can be read as one
# dataset). `record` is the whole record v1 as JSON, so that `ingest --from DIR` rebuilds it.
COLUMNS: dict[str, tuple[tuple[str, ColumnType], ...]] = {
    "articles": (
        ("id", "string"),
        ("version", "string"),
        ("url", "string"),
        ("source", "string"),
        ("outlet", "string"),
        ("title", "string"),
        ("section", "string"),
        ("published", "string"),
        ("month", "string"),
        ("language", "string"),
        ("authors", "string"),
        ("body", "string"),
        ("duplicate_of", "string"),
        ("fetched", "string"),
        ("record", "string"),
    ),
    "quotes": (
        ("article_id", "string"),
        ("quote", "string"),
        ("text", "string"),
        ("start", "int64"),
        ("end", "int64"),
        ("type", "string"),
        ("kind", "string"),
        ("cue", "string"),
        ("speaker_name", "string"),
        ("speaker_entity", "string"),
        ("speaker_mention", "string"),
        ("speaker_via", "string"),
        ("source_kind", "string"),
        ("place", "string"),
        ("time", "string"),
        ("date", "string"),
        ("outlet", "string"),
        ("section", "string"),
        ("month", "string"),
    ),
    # The corpus's article_entities without its people id.
    "entities": (
        ("article_id", "string"),
        ("entity", "string"),
        ("name", "string"),
        ("type", "string"),
        ("mentions", "int64"),
    ),
    "times": (
        ("article_id", "string"),
        ("time", "string"),
        ("text", "string"),
        ("start", "int64"),
        ("end", "int64"),
        ("type", "string"),
        ("value", "string"),
    ),
    "timeline": (
        ("article_id", "string"),
        ("position", "int64"),
        ("date", "string"),
        ("time", "string"),
        ("text", "string"),
        ("start", "int64"),
        ("end", "int64"),
    ),
    # The corpus's failures, with the article id when the document had one and its shard.
    "errors": (
        ("article_id", "string"),
        ("input", "string"),
        ("stage", "string"),
        ("reason", "string"),
        ("shard", "string"),
    ),
}
TABLES = tuple(COLUMNS)


def outlet_of(article: Article) -> str | None:
    """The outlet: the host of the article's URL (or of a URL source), without "www."."""
    for address in (article.url, article.source):
        if address and address.startswith(("http://", "https://")):
            host = urlsplit(address).hostname or ""
            return host.removeprefix("www.") or None
    return None


def statement_date(article: Article, quote: Quote) -> str | None:
    """When a statement was made: its context time when that is a full date, else the
    article's publication date."""
    time_id = quote.context.time if quote.context else None
    for time in article.times:
        if time.id == time_id and FULL_DATE.match(time.value):
            return time.value[:10]
    published = article.metadata.published
    return published[:10] if published else None


def source_kind(article: Article, quote: Quote) -> str:
    """person, organisation (any other named entity), unnamed ("a spokesman") or none."""
    if quote.speaker.entity is None:
        return "unnamed" if quote.speaker.name else "none"
    types = {entity.id: entity.type for entity in article.entities}
    return "person" if types.get(quote.speaker.entity) == PERSON else "organisation"


def article_row(article: Article, version: str) -> Row:
    """The articles row: the corpus's columns, with the whole record as JSON."""
    meta = article.metadata
    return {
        "id": article.id,
        "version": version,
        "url": article.url,
        "source": article.source,
        "outlet": outlet_of(article),
        "title": meta.title,
        "section": meta.section,
        "published": meta.published,
        "month": meta.published[:7] if meta.published else None,
        "language": meta.language,
        "authors": json.dumps(list(meta.authors), ensure_ascii=False),
        "body": article.body,
        "duplicate_of": article.duplicate_of,
        "fetched": article.fetched,
        "record": json.dumps(article.to_dict(), ensure_ascii=False),
    }


def quote_rows(article: Article) -> list[Row]:
    outlet, section = outlet_of(article), article.metadata.section
    rows = []
    for quote in article.quotes:
        speaker, context = quote.speaker, quote.context
        said = statement_date(article, quote)
        rows.append(
            {
                "article_id": article.id,
                "quote": quote.id,
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "type": quote.type,
                "kind": quote.kind,
                "cue": quote.cue.text if quote.cue else None,
                "speaker_name": speaker.name,
                "speaker_entity": speaker.entity,
                "speaker_mention": speaker.mention.text if speaker.mention else None,
                "speaker_via": speaker.via,
                "source_kind": source_kind(article, quote),
                "place": context.place if context else None,
                "time": context.time if context else None,
                "date": said,
                "outlet": outlet,
                "section": section,
                "month": said[:7] if said else None,
            }
        )
    return rows


def entity_rows(article: Article) -> list[Row]:
    return [
        {
            "article_id": article.id,
            "entity": e.id,
            "name": e.name,
            "type": e.type,
            "mentions": len(e.mentions),
        }
        for e in article.entities
    ]


def time_rows(article: Article) -> list[Row]:
    return [
        {
            "article_id": article.id,
            "time": t.id,
            "text": t.text,
            "start": t.start,
            "end": t.end,
            "type": t.type,
            "value": t.value,
        }
        for t in article.times
    ]


def timeline_rows(article: Article) -> list[Row]:
    return [
        {
            "article_id": article.id,
            "position": position,
            "date": entry.date,
            "time": entry.time,
            "text": entry.text,
            "start": entry.start,
            "end": entry.end,
        }
        for position, entry in enumerate(article.timeline)
    ]


def article_tables(article: Article, version: str) -> dict[str, list[Row]]:
    """Every row an article gives, by table (errors apart)."""
    return {
        "articles": [article_row(article, version)],
        "quotes": quote_rows(article),
        "entities": entity_rows(article),
        "times": time_rows(article),
        "timeline": timeline_rows(article),
    }


def error_row(failure: Failure, article_id: str | None, shard: str | None) -> Row:
    return {
        "article_id": article_id,
        "input": failure.input,
        "stage": failure.stage,
        "reason": failure.reason,
        "shard": shard,
    }
