"""An article's body cut into pieces for the page: quotes as regions, mentions inside them.

The page never builds HTML from the body: it gets the pieces as plain text with what each
piece is (a quote's id, an entity, the words naming a speaker), and the template escapes
them. Quotes that overlap one already placed are left unmarked in the body (still listed).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from newsgraph.records import Article

# Where snippet marks go: control characters no article text holds (the text is cleaned).
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


@dataclass(frozen=True, slots=True)
class _Range:
    start: int
    end: int
    value: str


def _placed(ranges: list[_Range], length: int) -> list[_Range]:
    """The ranges in order, each inside the body, none overlapping one before it."""
    kept: list[_Range] = []
    for item in sorted(ranges, key=lambda r: (r.start, -r.end)):
        start, end = max(0, item.start), min(length, item.end)
        if start < end and (not kept or start >= kept[-1].end):
            kept.append(_Range(start, end, item.value))
    return kept


def _at(ranges: list[_Range], starts: list[int], position: int) -> str | None:
    index = bisect_right(starts, position) - 1
    if index >= 0 and ranges[index].start <= position < ranges[index].end:
        return ranges[index].value
    return None


def body_segments(article: Article) -> list[dict[str, Any]]:
    """[{"quote": id or None, "parts": [{"text", "entity", "speaker_of"}]}] covering the body."""
    body = article.body
    quotes = _placed([_Range(q.start, q.end, q.id) for q in article.quotes], len(body))
    mentions = _placed(
        [_Range(m.start, m.end, e.id) for e in article.entities for m in e.mentions], len(body)
    )
    sources = _placed(
        [
            _Range(q.speaker.mention.start, q.speaker.mention.end, q.id)
            for q in article.quotes
            if q.speaker.mention is not None
        ],
        len(body),
    )
    layers = [(r, [x.start for x in r]) for r in (quotes, mentions, sources)]
    cuts = sorted(
        {0, len(body)}
        | {p for r in (quotes, mentions, sources) for x in r for p in (x.start, x.end)}
    )
    segments: list[dict[str, Any]] = []
    for start, end in pairwise(cuts):
        quote, entity, speaker_of = (_at(r, s, start) for r, s in layers)
        part = {"text": body[start:end], "entity": entity, "speaker_of": speaker_of}
        if not segments or segments[-1]["quote"] != quote:
            segments.append({"quote": quote, "parts": []})
        parts = segments[-1]["parts"]
        if parts and (parts[-1]["entity"], parts[-1]["speaker_of"]) == (entity, speaker_of):
            parts[-1]["text"] += part["text"]
        else:
            parts.append(part)
    return segments


def marked(snippet: str) -> list[dict[str, Any]]:
    """A snippet with MARK_OPEN/MARK_CLOSE around the matches as [{"text", "mark"}]."""
    parts: list[dict[str, Any]] = []
    for index, text in enumerate(re.split(f"[{MARK_OPEN}{MARK_CLOSE}]", snippet)):
        if text:
            parts.append({"text": text, "mark": index % 2 == 1})
    return parts


def words_marked(text: str, query: str | None) -> list[dict[str, Any]]:
    """A quote's text with the query's words marked (whole words, any case)."""
    words = [re.escape(w) for w in (query or "").split() if any(c.isalnum() for c in w)]
    if not words:
        return [{"text": text, "mark": False}]
    pattern = re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE)
    parts: list[dict[str, Any]] = []
    last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            parts.append({"text": text[last : match.start()], "mark": False})
        parts.append({"text": match.group(), "mark": True})
        last = match.end()
    if last < len(text):
        parts.append({"text": text[last:], "mark": False})
    return parts
