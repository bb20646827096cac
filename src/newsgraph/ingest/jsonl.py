"""Articles from JSON Lines: one JSON object per line.

Each object has `text` (scraped text) or `html` (a page), and optionally `url`, `title`,
`published`, `authors` (a list or one string) and `id` (kept as the article's stable id).
A line that is not JSON, not an object, or has neither text nor html is a failure named
`file.jsonl:LINE`; the other lines go on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.ingest.options import ReadOptions
from newsgraph.records import Document, Failure, Metadata

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
HINT_FIELDS = ("url", "title", "published", "id")


def read_jsonl(
    lines: Iterable[bytes], source: str, options: ReadOptions
) -> Iterator[Document | Failure]:
    """A document per line that holds an article; a failure per line that does not."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        yield _line_document(raw, f"{source}:{number}", options)


def read_objects(
    rows: Iterable[dict[str, Any]], source: str, options: ReadOptions
) -> Iterator[Document | Failure]:
    """A document per row already parsed (a Parquet shard's rows), named `source#ROW`."""
    for number, data in enumerate(rows, start=1):
        yield _object_document(data, f"{source}#{number}", options)


def _line_document(raw: bytes, name: str, options: ReadOptions) -> Document | Failure:
    if len(raw) > options.max_bytes:
        return Failure(name, "read", f"line over the limit of {options.max_bytes:,} bytes")
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        return Failure(name, "read", "not UTF-8 (JSON Lines must be UTF-8)")
    except ValueError as error:
        return Failure(name, "parse", f"not JSON ({error})")
    if not isinstance(data, dict):
        return Failure(name, "parse", f"a JSON {type(data).__name__}, not an object")
    return _object_document(data, name, options)


def _object_document(data: dict[str, Any], name: str, options: ReadOptions) -> Document | Failure:
    html, text = data.get("html"), data.get("text")
    content = html if _is_text(html) else text
    if not isinstance(content, str) or not content.strip():
        return Failure(name, "parse", 'no article: neither "text" nor "html" is a non-empty string')
    for field in HINT_FIELDS:
        if data.get(field) is not None and not isinstance(data[field], str | int):
            return Failure(name, "parse", f'"{field}" is not a string')
    given_id = data.get("id")
    return Document(
        text=content,
        source=name,
        published=options.published,
        body_only=options.body_only and content is text,
        format="html" if content is html else "text",
        url=data.get("url") or None,
        id=str(given_id) if given_id not in (None, "") else None,
        hints=Metadata(
            title=data.get("title") or None,
            authors=_authors(data.get("authors")),
            published=_day(data.get("published")),
        ),
    )


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _authors(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list):
        return tuple(str(name).strip() for name in value if str(name).strip())
    return ()


def _day(value: object) -> str | None:
    """The date part of an ISO 8601 date or timestamp; the time component reads days."""
    match = ISO_DAY.match(str(value)) if value is not None else None
    return match.group(0) if match else None
