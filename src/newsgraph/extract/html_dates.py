"""The publication date of an HTML page: a chain of fallbacks, never a date after the crawl.

Sources, most reliable first: the JSON-LD article's `datePublished`, publication meta tags
(`article:published_time`, Dublin Core, Parse.ly, ...), <time> elements marked as the
publication time, and htmldate's search of the whole page for the original (not the updated)
date. Values are read into "YYYY-MM-DD", or a full ISO 8601 timestamp when the page gives a
time of day. A date after the crawl date is a wrong guess (an expiry, an event listing) and
moves the search on to the next source.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date, datetime

from lxml import html

from newsgraph.extract.html_jsonld import JsonLd, text_value
from newsgraph.extract.html_words import MONTHS

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
ISO_DATE = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
COMPACT_DATE = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:\d{2,6})?$")
SLASHED_DATE = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})\b")
MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_FIRST = re.compile(
    rf"\b(?P<mon>{MONTH_NAME})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b.*?\b(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)
DAY_FIRST = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<mon>{MONTH_NAME})\.?,?\s+(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)
EARLIEST_YEAR = 1900
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
    found = [v for raw in _candidates(tree, meta, jsonld) if (v := normalise_date(raw, crawled))]
    if found:
        return _in_local_time(found[0], found[1:])
    return _htmldate_fallback(tree, crawled)


def _in_local_time(chosen: str, others: list[str]) -> str:
    # The same moment is often given in UTC by one source and in the newsroom's time zone by
    # another; the local form carries the calendar day the readers saw.
    if not chosen.endswith("Z"):
        return chosen
    instant = _instant(chosen)
    for other in others:
        if other.endswith("Z") or len(other) <= len("YYYY-MM-DD"):
            continue
        moment = _instant(other)
        if instant and moment and moment.tzinfo and abs((moment - instant).total_seconds()) < 60:
            return other
    return chosen


def _instant(value: str) -> datetime | None:
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


def _htmldate_fallback(tree: html.HtmlElement, crawled: date) -> str | None:
    # 4. htmldate's search of the whole page: the original date, not the last update.
    from htmldate import find_date

    try:
        found = find_date(
            tree, original_date=True, extensive_search=True, max_date=crawled.isoformat()
        )
    except Exception as error:  # htmldate is a heuristic: its failure only means no date
        logger.debug("htmldate failed: %s", error)
        return None
    return normalise_date(found, crawled) if found else None


def normalise_date(value: str, latest: date | None = None) -> str | None:
    """A date string read into "YYYY-MM-DD" or a full ISO timestamp; None if it is not a
    plausible date (unreadable, before 1900 or after `latest`)."""
    value = value.strip()
    parsed = _parse_iso(value) or _parse_compact(value) or _parse_words(value)
    if parsed is None:
        return None
    day, rendered = parsed
    if day.year < EARLIEST_YEAR or (latest is not None and day > latest):
        return None
    return rendered


def _parse_iso(value: str) -> tuple[date, str] | None:
    match = ISO_DATE.search(value)
    if match is None:
        return None
    day = _make_date(match["y"], match["m"], match["d"])
    if day is None:
        return None
    if match["H"] is None:
        return day, day.isoformat()
    seconds = match["S"] or "00"
    stamp = f"{day.isoformat()}T{int(match['H']):02d}:{match['M']}:{seconds}"
    try:
        datetime.fromisoformat(stamp)
    except ValueError:
        return day, day.isoformat()
    return day, stamp + _timezone(match["tz"])


def _timezone(raw: str | None) -> str:
    if not raw:
        return ""
    if raw == "Z":
        return "Z"
    digits = raw[1:].replace(":", "")
    return f"{raw[0]}{digits[:2]}:{digits[2:]}"


def _parse_compact(value: str) -> tuple[date, str] | None:
    match = COMPACT_DATE.match(value)
    day = _make_date(match["y"], match["m"], match["d"]) if match else None
    return (day, day.isoformat()) if day else None


def _parse_words(value: str) -> tuple[date, str] | None:
    match = MONTH_FIRST.search(value) or DAY_FIRST.search(value)
    if match is not None:
        month = MONTHS[match["mon"].lower().rstrip(".")]
        day = _make_date(match["y"], str(month), match["d"])
        return (day, day.isoformat()) if day else None
    match = SLASHED_DATE.search(value)
    if match is None:
        return None
    first, second = int(match["a"]), int(match["b"])
    # Month first (US order) unless the first number cannot be a month.
    month, day_of_month = (second, first) if first > 12 else (first, second)
    day = _make_date(match["y"], str(month), str(day_of_month))
    return (day, day.isoformat()) if day else None


def _make_date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
