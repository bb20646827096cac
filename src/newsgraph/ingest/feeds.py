"""Articles from RSS and Atom feeds, read with feedparser.

Each entry becomes a document: its full content when the feed carries it (`content:encoded`,
Atom `content`), else its summary, with a note in the record saying that the body is only a
summary. The entry's title, authors, date and link become metadata hints; the markup of the
content becomes plain paragraphs here, since an entry has no page furniture to strip.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from datetime import date
from email.utils import parsedate_tz
from typing import Any

import feedparser

from newsgraph.ingest.markup import fragment_text
from newsgraph.ingest.options import ReadOptions
from newsgraph.records import Document, Failure, Metadata
from newsgraph.text import SURROGATE_NOTE, calendar_day, has_surrogates, replace_surrogates

SUMMARY_NOTE = "the feed entry has no full content: the body is its summary"
MARKUP_TYPES = ("html", "xml")
# RSS <author> holds an e-mail address, with the name in brackets when there is one.
ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")
RSS_AUTHOR = re.compile(r"^\S+@\S+\s+\((?P<name>[^)]+)\)$")


def read_feed(data: bytes, source: str, options: ReadOptions) -> Iterator[Document | Failure]:
    """A document per entry; a failure for an invalid feed or an entry without text."""
    try:
        # A stream, never bytes: feedparser fetches a string that looks like a URL.
        feed = feedparser.parse(io.BytesIO(data))
    except Exception as error:  # its lenient parser has crashes of its own (&#xD800;)
        reason = f"the feed parser failed on it: {type(error).__name__}"
        yield Failure(source, "parse", f"not a readable RSS or Atom feed ({reason})")
        return
    if not feed.get("version") and not feed.entries:
        reason = str(feed.get("bozo_exception") or "no RSS or Atom root element")
        yield Failure(source, "parse", f"not a valid RSS or Atom feed ({reason})")
        return
    for number, entry in enumerate(feed.entries, start=1):
        yield _entry_document(entry, f"{source}#{number}", options)
    if feed.get("bozo") and feed.entries:
        # Entries before a syntax error are kept; the error itself is reported.
        yield Failure(source, "parse", f"feed is malformed ({feed.get('bozo_exception')})")


def _entry_document(entry: Any, name: str, options: ReadOptions) -> Document | Failure:
    body, notes = _entry_body(entry)
    if not body.strip():
        return Failure(name, "parse", "feed entry has neither content nor a summary")
    day, date_notes = _date(entry)
    title = entry.get("title") or None
    # Character references can spell lone surrogates ("&#xD800;"): the same rule as every reader.
    if any(has_surrogates(text) for text in (body, title or "")):
        notes += (SURROGATE_NOTE,)
    return Document(
        text=replace_surrogates(body),
        source=name,
        published=options.published,
        body_only=True,
        url=entry.get("link") or None,
        hints=Metadata(
            title=replace_surrogates(title) if title else None,
            authors=_authors(entry),
            published=day,
        ),
        notes=notes + date_notes,
    )


def _entry_body(entry: Any) -> tuple[str, tuple[str, ...]]:
    """The entry's longest content, else its summary with a note; as plain paragraphs."""
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value", "")))
        return _as_text(best.get("value", ""), best.get("type", "")), ()
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return _as_text(summary, detail.get("type", "text/html")), (SUMMARY_NOTE,)


def _as_text(value: str, content_type: str) -> str:
    if any(kind in content_type for kind in MARKUP_TYPES):
        return fragment_text(value)
    return value.strip()


def _authors(entry: Any) -> tuple[str, ...]:
    names = [a.get("name") for a in entry.get("authors") or () if a.get("name")]
    if not names and entry.get("author"):
        names = [entry["author"]]
    return tuple(dict.fromkeys(_author_name(str(name)) for name in names))


def _author_name(value: str) -> str:
    match = RSS_AUTHOR.match(value.strip())
    return match.group("name").strip() if match else value.strip()


def _date(entry: Any) -> tuple[str | None, tuple[str, ...]]:
    """The entry's date as YYYY-MM-DD (feedparser gives it in UTC), and a warning when the
    feed's date is no calendar date: feedparser rolls "2021-02-31" over to March 3rd, so the
    date as written is checked first."""
    written = entry.get("published") or entry.get("updated")
    if isinstance(written, str) and not _real_date(written):
        return None, (f"the feed entry's date {written!r} is not a calendar date: left out",)
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not isinstance(parsed, time.struct_time) or parsed.tm_year < 1:
        return None, ()
    return time.strftime("%Y-%m-%d", parsed), ()


def _real_date(written: str) -> bool:
    """Whether a date as written in a feed (ISO 8601 or RFC 822) names a real day; a format
    neither reads is left to feedparser."""
    if ISO_START.match(written.strip()):
        return calendar_day(written) is not None
    fields = parsedate_tz(written)
    if fields is None:
        return True
    try:
        date(fields[0], fields[1], fields[2])
    except ValueError:
        return False
    return True
