"""The publication date of an HTML page: a chain of fallbacks, never a date after the crawl.

Sources, most reliable first: the JSON-LD article's `datePublished`, publication meta tags
(`article:published_time`, Dublin Core, Parse.ly, ...), <time> elements marked as the
publication time, and htmldate's search of the whole page for the original (not the updated)
date. Values are read by `extract/dates.py`, the one date parser, into "YYYY-MM-DD", or a full
ISO 8601 timestamp when the page gives a time of day. A numeric date such as 03/04/2021 is
decided by the other candidates (an ISO date equal to one reading, a date whose day is above
12) or else by the page's locale (`lang`, `og:locale`); an undecided one is no date, never a
guess. A date after the crawl date is a wrong guess (an expiry, an event listing) and moves
the search on to the next source.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from lxml import html

from newsgraph.extract.dates import (
    DateMatch,
    choose_published,
    day_first_in,
    find_dates,
    resolve_dates,
)
from newsgraph.extract.html.jsonld import JsonLd, text_value

logger = logging.getLogger(__name__)

PUBLISHED_META_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "citation_publication_date",
    "article:publicationdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "pubdate",
    "pdate",
    "dc.date",
    "dcterms.date",
    "date",
)
# "20170113" or "20170113093000": a machine date in a meta tag, never in running text.
COMPACT_DATE = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:\d{2,6})?$")
LOCALE_META_KEYS = ("og:locale", "content-language", "language", "dc.language")
PUBLISHED_TIME_XPATH = (
    '//*[@itemprop="datePublished"] | //time[@pubdate] | '
    '//time[contains(@class, "publish") or contains(@class, "pubdate")]'
)


def extract_published(
    tree: html.HtmlElement,
    meta: dict[str, list[str]],
    jsonld: JsonLd,
    crawled: date,
) -> str | None:
    """The publication date as "YYYY-MM-DD" or an ISO timestamp; None when none is found."""
    day_first = page_day_first(tree, meta)
    candidates = _read_candidates(list(_candidates(tree, meta, jsonld)), day_first)
    found = [v for matches in candidates if (v := _published_value(matches, crawled))]
    if found:
        return _in_local_time(found[0], found[1:])
    fallback = _htmldate_fallback(tree, crawled, day_first)
    if fallback is None:
        return None
    page_dates = [m for matches in candidates for m in matches] + find_dates(_page_text(tree))
    if _is_guessed_order(date.fromisoformat(fallback[:10]), page_dates, day_first):
        return None
    return fallback


def page_day_first(tree: html.HtmlElement, meta: dict[str, list[str]]) -> bool | None:
    """The order of numeric dates the page's locale implies: the first locale that decides it
    among the meta tags' (which usually name the region, "en_US") and the root's `lang`."""
    locales = [value for key in LOCALE_META_KEYS for value in meta.get(key, ())]
    locales += [
        tree.get("lang") or "",
        tree.get("{http://www.w3.org/XML/1998/namespace}lang") or "",
    ]
    orders = (day_first_in(locale) for locale in locales)
    return next((order for order in orders if order is not None), None)


def normalise_date(
    value: str, latest: date | None = None, *, day_first: bool | None = None
) -> str | None:
    """A date string read into "YYYY-MM-DD" or a full ISO timestamp; None if it is not a
    plausible date (unreadable, undecidable, or after `latest`)."""
    return _published_value(_read_candidates([value], day_first)[0], latest)


def _read_candidates(values: list[str], day_first: bool | None) -> list[list[DateMatch]]:
    """The dates of each value, an ambiguous one decided with the evidence of all values (an
    ISO date equal to one reading, another numeric date's order), else by `day_first`."""
    found = [find_dates(_expand_compact(value.strip())) for value in values]
    resolved = iter(resolve_dates([m for matches in found for m in matches], day_first=day_first))
    return [[next(resolved) for _ in matches] for matches in found]


def _published_value(matches: list[DateMatch], latest: date | None) -> str | None:
    value = choose_published(matches)
    if value is None or (latest is not None and date.fromisoformat(value[:10]) > latest):
        return None
    return value


def _expand_compact(value: str) -> str:
    match = COMPACT_DATE.match(value)
    return f"{match['y']}-{match['m']}-{match['d']}" if match else value


def _in_local_time(chosen: str, others: list[str]) -> str:
    # The same moment is often given in UTC by one source and in the newsroom's time zone by
    # another; the local form carries the calendar day the readers saw.
    instant = _instant(chosen)
    if instant is None or instant.utcoffset() != timedelta(0):
        return chosen
    for other in others:
        moment = _instant(other)
        if moment is None or moment.utcoffset() in (None, timedelta(0)):
            continue
        if abs((moment - instant).total_seconds()) < 60:
            return other
    return chosen


def _instant(value: str) -> datetime | None:
    if len(value) <= len("YYYY-MM-DD"):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _candidates(
    tree: html.HtmlElement, meta: dict[str, list[str]], jsonld: JsonLd
) -> Iterator[str]:
    # 1. JSON-LD
    if jsonld.article is not None:
        for key in ("datePublished", "dateCreated"):
            value = text_value(jsonld.article.get(key))
            if value:
                yield value
    # 2. meta tags
    for key in PUBLISHED_META_KEYS:
        yield from meta.get(key, ())
    # 3. <time> and other elements marked as the publication time
    for element in tree.xpath(PUBLISHED_TIME_XPATH):
        value = element.get("datetime") or element.get("content") or element.text_content()
        if value and value.strip():
            yield value.strip()


def _page_text(tree: html.HtmlElement) -> str:
    return " ".join(tree.xpath("//body//text()[not(ancestor::script or ancestor::style)]"))


def _is_guessed_order(found: date, page_dates: list[DateMatch], day_first: bool | None) -> bool:
    """Whether `found` can only be one reading of a numeric date that the page's evidence
    leaves undecided or decides otherwise: htmldate settles 03/04/2021 by a fixed order."""
    readings = {r for match in page_dates if match.ambiguous for r in match.readings}
    if found not in readings:
        return False
    resolved = resolve_dates(page_dates, day_first=day_first)
    return found not in {match.readings[0] for match in resolved if not match.ambiguous}


def _htmldate_fallback(tree: html.HtmlElement, crawled: date, day_first: bool | None) -> str | None:
    # 4. htmldate's search of the whole page: the original date, not the last update.
    from htmldate import find_date

    try:
        found = find_date(
            tree, original_date=True, extensive_search=True, max_date=crawled.isoformat()
        )
    except Exception as error:  # htmldate is a heuristic: its failure only means no date
        logger.debug("htmldate failed: %s", error)
        return None
    return normalise_date(found, crawled, day_first=day_first) if found else None
