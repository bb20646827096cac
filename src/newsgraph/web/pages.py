"""Each page's data as one dict: the API returns it as JSON, the page renders it as HTML.

Every function here is a few store queries and no HTML; errors are the store's own
(`StoreError` for a bad filter, `NotFound` for an id that is not there).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.records import Article
from newsgraph.store import Corpus, queries
from newsgraph.store.queries import QuoteFilters
from newsgraph.web import charts
from newsgraph.web.highlight import MARK_CLOSE, MARK_OPEN, body_segments, marked, words_marked

PERSON_QUOTES = 1000  # quotes shown on a person's page (their chart counts them all)


class NotFound(NewsgraphError):
    """An id that names nothing in the corpus."""


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "limit": limit, "offset": offset, "count": len(items)}


def quote_list(corpus: Corpus, filters: QuoteFilters, limit: int, offset: int) -> dict[str, Any]:
    rows = queries.quotes(corpus, filters.without_blanks(), limit=limit, offset=offset)
    items = [{**row.to_dict(), "parts": words_marked(row.text, filters.text)} for row in rows]
    return {**_page(items, limit, offset), "filters": filters.given()}


def article_list(corpus: Corpus, limit: int, offset: int) -> dict[str, Any]:
    return _page(
        [r.to_dict() for r in queries.articles(corpus, limit=limit, offset=offset)], limit, offset
    )


def search(
    corpus: Corpus, query: str | None, filters: QuoteFilters, limit: int, offset: int
) -> dict[str, Any]:
    """Articles matching the words (with marked snippets) and quotes matching every filter."""
    hits: list[dict[str, Any]] = []
    if query and query.strip():
        found = queries.search(
            corpus, query, limit=limit, offset=offset, marks=(MARK_OPEN, MARK_CLOSE)
        )
        hits = [
            {
                **h.to_dict(),
                "snippet": h.snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, ""),
                "parts": marked(h.snippet),
            }
            for h in found
        ]
        filters = replace(filters, text=query)
    quotes = (
        quote_list(corpus, filters, limit, offset) if filters.given() else _page([], limit, offset)
    )
    return {"q": query or "", "filters": filters.given(), "articles": hits, "quotes": quotes}


def _record(corpus: Corpus, article_id: str) -> Article:
    if not corpus.rows("SELECT 1 FROM articles WHERE id = ?", (article_id,)):
        raise NotFound(f"no article with id {article_id!r}")
    return queries.article(corpus, article_id)


def article_view(article: Article, people: dict[str, int]) -> dict[str, Any]:
    """An article's record with its body cut for highlighting; `people` maps the record's
    entity ids to corpus ids (empty for an article analysed and not stored)."""
    entities = {
        e.id: {"id": e.id, "name": e.name, "type": e.type, "person": people.get(e.id)}
        for e in article.entities
    }
    quotes = {}
    for quote in article.quotes:
        mention = quote.speaker.mention
        quotes[quote.id] = {
            **quote.to_dict(),
            "person": people.get(quote.speaker.entity or ""),
            "named_by": mention.text if mention else None,
        }
    times = {t.id: t.value for t in article.times}
    timeline = [{**t.to_dict(), "value": times.get(t.time)} for t in article.timeline]
    return {
        "id": article.id,
        "metadata": article.metadata.to_dict(),
        "url": article.url,
        "entities": list(entities.values()),
        "entity_index": entities,
        "quotes": list(quotes.values()),
        "quote_index": quotes,
        "segments": body_segments(article),
        "timeline": timeline,
        "axis": charts.time_axis([t["date"] for t in timeline]),
        "warnings": list(article.warnings),
    }


def article_page(corpus: Corpus, article_id: str) -> dict[str, Any]:
    article = _record(corpus, article_id)
    return article_view(article, queries.article_people(corpus, article_id))


def people_list(corpus: Corpus, name: str | None, limit: int, offset: int) -> dict[str, Any]:
    rows = queries.people(corpus, name=name, limit=limit, offset=offset)
    return _page([r.to_dict() for r in rows], limit, offset)


def person_page(corpus: Corpus, person_id: int) -> dict[str, Any]:
    rows = queries.people(corpus, person_id=person_id, limit=1)
    if not rows:
        raise NotFound(f"no person with id {person_id}")
    quotes = queries.quotes(corpus, QuoteFilters(speaker_id=person_id), limit=PERSON_QUOTES)
    weeks = queries.quotes_per_week(corpus, person_id)
    return {
        "person": rows[0].to_dict(),
        "evidence": queries.gender_evidence(corpus, person_id),
        "quotes": [q.to_dict() for q in quotes],
        "weeks": [{"week": w, "quotes": n} for w, n in weeks],
        "chart": charts.weekly(weeks),
    }


def entity_list(corpus: Corpus, type: str | None, limit: int, offset: int) -> dict[str, Any]:
    rows = queries.entities(corpus, type=type, limit=limit, offset=offset)
    return _page([r.to_dict() for r in rows], limit, offset)


def entity_page(corpus: Corpus, entity_id: int) -> dict[str, Any]:
    rows = queries.entities(corpus, entity_id=entity_id, limit=1)
    if not rows:
        raise NotFound(f"no entity with id {entity_id}")
    events = queries.timeline(corpus, entity_id=entity_id)
    quotes = queries.quotes(corpus, QuoteFilters(about_id=entity_id))
    return {
        "entity": rows[0].to_dict(),
        "quotes": [q.to_dict() for q in quotes],
        "timeline": [e.to_dict() for e in events],
        "axis": charts.time_axis([e.date for e in events]),
    }


def timeline_page(
    corpus: Corpus, entity: str | None, speaker: str | None, limit: int, offset: int
) -> dict[str, Any]:
    events = queries.timeline(corpus, entity=entity, speaker=speaker, limit=limit, offset=offset)
    given = {k: v for k, v in (("entity", entity), ("speaker", speaker)) if v}
    return {
        **_page([e.to_dict() for e in events], limit, offset),
        "filters": given,
        "axis": charts.time_axis([e.date for e in events]),
    }


def sources_page(corpus: Corpus, filters: QuoteFilters) -> dict[str, Any]:
    """Who gets quoted, each dimension with its rows and a bar chart of them."""
    shares = queries.sources(corpus, filters)
    by: dict[str, list[queries.SourceShare]] = defaultdict(list)
    for share in shares:
        by[share.by].append(share)
    dimensions = [
        {
            "by": name,
            "rows": [s.to_dict() for s in rows],
            "chart": charts.bars(
                [(f"{s.value} · {s.gender}", s.quotes, s.quote_share) for s in rows]
            ),
        }
        for name, rows in by.items()
    ]
    return {"filters": filters.given(), "dimensions": dimensions}


def stats_page(corpus: Corpus) -> dict[str, Any]:
    return queries.stats(corpus)
