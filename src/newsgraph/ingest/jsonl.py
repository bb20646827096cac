"""Articles from JSON Lines: one JSON object per line.

Each object has `text` (scraped text) or `html` (a page), and optionally `url`, `title`,
`published`, `authors` (a list or one string) and `id` (kept as the article's stable id).
A line that is not JSON, not an object, or has neither text nor html is a failure named
`file.jsonl:LINE`; the other lines go on.

Lines are read with the size limit: a line longer than it is never held in memory whole; it is
one failure and reading stops there (an endless line, `/dev/zero`, has no next line to go on
at). Lone surrogates (`"\\ud800"`) in any string are replaced by U+FFFD with a warning in the
record; a `published` that is no calendar date and a `url` or `title` that is no string become
null, with a warning.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from newsgraph.ingest.options import ReadOptions
from newsgraph.records import Document, Failure, Metadata
from newsgraph.text import SURROGATE_NOTE, calendar_day, has_surrogates, replace_surrogates

STRING_FIELDS = ("url", "title")


def read_jsonl(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Document | Failure]:
    """A document per line that holds an article; a failure per line that does not."""
    number = 0
    while raw := stream.readline(options.max_bytes + 1):
        number += 1
        name = f"{source}:{number}"
        if len(raw) > options.max_bytes:
            reason = f"line over the limit of {options.max_bytes:,} bytes ({options.limit_name})"
            yield Failure(name, "read", f"{reason}; the rest of the input is not read")
            return
        if raw.strip():
            yield _line_document(raw, name, options)


def read_objects(
    rows: Iterable[dict[str, Any]], source: str, options: ReadOptions
) -> Iterator[Document | Failure]:
    """A document per row already parsed (a Parquet shard's rows), named `source#ROW`."""
    for number, data in enumerate(rows, start=1):
        notes: list[str] = []
        yield _object_document(_clean(data, notes), f"{source}#{number}", options, notes)


def _line_document(raw: bytes, name: str, options: ReadOptions) -> Document | Failure:
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        return Failure(name, "read", "not UTF-8 (JSON Lines must be UTF-8)")
    except ValueError as error:
        return Failure(name, "parse", f"not JSON ({error})")
    if not isinstance(data, dict):
        return Failure(name, "parse", f"a JSON {type(data).__name__}, not an object")
    notes: list[str] = []
    return _object_document(_clean(data, notes), name, options, notes)


def _clean(value: Any, notes: list[str]) -> Any:
    """`value` with lone surrogates replaced in every string, noted once."""
    if isinstance(value, str):
        if has_surrogates(value):
            if SURROGATE_NOTE not in notes:
                notes.append(SURROGATE_NOTE)
            return replace_surrogates(value)
        return value
    if isinstance(value, list):
        return [_clean(item, notes) for item in value]
    if isinstance(value, dict):
        return {_clean(key, notes): _clean(item, notes) for key, item in value.items()}
    return value


def _object_document(
    data: dict[str, Any], name: str, options: ReadOptions, notes: list[str]
) -> Document | Failure:
    html, text = data.get("html"), data.get("text")
    content = html if _is_text(html) else text
    if not isinstance(content, str) or not content.strip():
        return Failure(name, "parse", 'no article: neither "text" nor "html" is a non-empty string')
    given_id = data.get("id")
    if given_id is not None and not isinstance(given_id, str | int):
        return Failure(name, "parse", '"id" is not a string')
    url, title = (_string(data, field, notes) for field in STRING_FIELDS)
    return Document(
        text=content,
        source=name,
        published=options.published,
        body_only=options.body_only and content is text,
        format="html" if content is html else "text",
        url=url,
        id=str(given_id) if given_id not in (None, "") else None,
        hints=Metadata(
            title=title,
            authors=_authors(data.get("authors")),
            published=_day(data.get("published"), notes),
        ),
        notes=tuple(notes),
    )


def _string(data: dict[str, Any], field: str, notes: list[str]) -> str | None:
    """A field that must be a string: anything else (`"url": 42`) is null, with a warning."""
    value = data.get(field)
    if value is None or isinstance(value, str):
        return value or None
    notes.append(f'"{field}" is a JSON {type(value).__name__}, not a string: left out')
    return None


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _authors(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list):
        return tuple(str(name).strip() for name in value if str(name).strip())
    return ()


def _day(value: object, notes: list[str]) -> str | None:
    """The date part of an ISO 8601 date or timestamp when it is a real calendar date; an
    invalid one ("0000-00-00", "2021-02-31", "not a date") is left out with a warning."""
    if value is None or value == "":
        return None
    day = calendar_day(value) if isinstance(value, str) else None
    if day is None:
        notes.append(f'"published" {json.dumps(value)} is not a calendar date: left out')
    return day
