"""Publication dates given beside the inputs (`--dates FILE`): a CSV or JSON Lines file that
maps an input's path, URL or id to the day it was published.

    path,published                      {"id": "a17", "published": "2021-06-01"}
    articles/storm.txt,2021-06-01       {"url": "https://example.org/b", "published": "2021-06-02"}
    https://example.org/b,2021-06-02

A CSV has two columns (key, date), with or without a header row naming them (`path`, `input`,
`url`, `id` or `key`; `published` or `date`); a `.tsv` file is read with tabs. A JSON Lines
file (`.jsonl`, `.ndjson`) has one object per line with one key field and the date. Blank lines
and lines starting with `#` are skipped. A date is `YYYY-MM-DD` or an ISO 8601 timestamp that
starts with a calendar date.

A key matches a document by its id (a JSON Lines `id`), its URL (a WARC record's, a feed
entry's link, a fetched address) or its source (the input as named in records and errors); a
path key also matches the same file written another way, taken from the current folder or from
the sidecar's own folder. The date is used when the article shows none of its own (no date line,
no container date); `--published` still overrides everything.

Reading the file is all or nothing: a malformed line is a `SidecarError` naming the file, the
line and the reason, before any article is read.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.detect import is_url
from newsgraph.records import Document
from newsgraph.text import calendar_day

KEY_COLUMNS = ("path", "input", "url", "id", "key", "source", "file")
DATE_COLUMNS = ("published", "date")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# A sidecar is a list of names and days; anything near this size is not one.
MAX_SIDECAR_BYTES = 256 * 1024 * 1024


class SidecarError(InputError):
    """The dates file cannot be used: names the file (and line) and the reason."""


@dataclass(frozen=True, slots=True, eq=False)
class PublicationDates:
    """Days by key (path, URL or id), as read from one sidecar file."""

    source: str  # the sidecar's path, for messages
    by_key: Mapping[str, str]
    # The path keys, made absolute both ways (from the current folder, from the sidecar's).
    by_path: Mapping[str, str] = field(default_factory=dict)
    path: Path | None = None  # the sidecar file itself, never read as an article

    @classmethod
    def from_mapping(cls, dates: Mapping[str, str], source: str = "<dates>") -> PublicationDates:
        """Dates given in code (path, URL or id → day), checked like a file's lines."""
        by_key = {_key(key, source): _day(day, f"{source}[{key!r}]") for key, day in dates.items()}
        return cls(source, by_key, _by_path(by_key, Path.cwd()))

    def date_of(self, document: Document) -> str | None:
        """The day given for this document, if any: by id, then URL, then source."""
        # 1. The container's stable id (a JSON Lines `id`): what names an article best.
        # 2. The article's URL: a WARC record, a feed entry, a fetched page.
        # 3. The input as named in records and errors, as written.
        for key in (document.id, document.url, document.source):
            if key is not None and key in self.by_key:
                return self.by_key[key]
        # 4. The source as a file, however the sidecar wrote its path.
        if document.source is not None and not is_url(document.source):
            return self.by_path.get(_absolute(document.source))
        return None

    def is_sidecar(self, path: Path) -> bool:
        """Whether `path` is the sidecar file (a folder walk must not read it as an article)."""
        return self.path is not None and _absolute(str(path)) == _absolute(str(self.path))


def with_sidecar_date(document: Document, dates: PublicationDates | None) -> Document:
    """The document with the day its sidecar gives it, when there is one."""
    if dates is None:
        return document
    day = dates.date_of(document)
    if day is None:
        return document
    return _replace_day(document, day)


def _replace_day(document: Document, day: str) -> Document:
    return replace(document, sidecar_published=day)


def read_dates(path: str | Path) -> PublicationDates:
    """The dates of a sidecar file; `SidecarError` for a file that cannot be read or a
    malformed line (naming the line)."""
    path = Path(path)
    name = os.fsencode(path).decode("utf-8", "replace")
    text = _read_text(path, name)
    is_jsonl = path.suffix.lower() in JSONL_SUFFIXES
    rows = _jsonl_rows(text, name) if is_jsonl else _csv_rows(text, name, _delimiter(path))
    by_key: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, key, day in rows:
        if key in by_key and by_key[key] != day:
            raise SidecarError(
                f"{name}:{number}",
                f"{key!r} is given {day} here and {by_key[key]} on line {lines[key]}",
            )
        by_key[key] = day
        lines.setdefault(key, number)
    return PublicationDates(name, by_key, _by_path(by_key, path.parent), path)


def _read_text(path: Path, name: str) -> str:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_SIDECAR_BYTES + 1)
    except FileNotFoundError:
        raise SidecarError(name, "no such file") from None
    except IsADirectoryError:
        raise SidecarError(name, "a folder, not a dates file") from None
    except OSError as error:
        raise SidecarError(name, f"cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_SIDECAR_BYTES:
        raise SidecarError(name, f"over {MAX_SIDECAR_BYTES:,} bytes: not a dates file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SidecarError(name, f"not UTF-8 (byte {error.start})") from None


def _delimiter(path: Path) -> str:
    return "\t" if path.suffix.lower() == ".tsv" else ","


def _is_skipped(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _csv_rows(text: str, name: str, delimiter: str) -> Iterator[tuple[int, str, str]]:
    """(line number, key, day) for each data row of a CSV sidecar."""
    columns: tuple[int, int] | None = None
    seen_row = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _is_skipped(line):
            continue
        where = f"{name}:{number}"
        cells = [cell.strip() for cell in _split_csv(line, delimiter, where)]
        if not seen_row:
            seen_row = True
            header = _header_columns(cells, where)
            if header is not None:
                columns = header
                continue
        yield number, *_csv_row(cells, columns, where)


def _split_csv(line: str, delimiter: str, where: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(line), delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration) as error:
        raise SidecarError(where, f"not a CSV row ({error})") from None


def _header_columns(cells: list[str], where: str) -> tuple[int, int] | None:
    """Where the key and the date are, when the row is a header naming them; else None."""
    names = [cell.lower() for cell in cells]
    keys = [i for i, n in enumerate(names) if n in KEY_COLUMNS]
    days = [i for i, n in enumerate(names) if n in DATE_COLUMNS]
    if not keys and not days:
        return None
    if len(keys) != 1 or len(days) != 1:
        wanted = f"one of {', '.join(KEY_COLUMNS)} and one of {', '.join(DATE_COLUMNS)}"
        raise SidecarError(where, f"header {cells}: a header names {wanted}")
    return keys[0], days[0]


def _csv_row(cells: list[str], columns: tuple[int, int] | None, where: str) -> tuple[str, str]:
    if columns is None:
        if len(cells) != 2:
            raise SidecarError(where, f"{len(cells)} columns, not 2 (key, date)")
        key_at, day_at = 0, 1
    else:
        key_at, day_at = columns
        if len(cells) <= max(columns):
            raise SidecarError(where, f"{len(cells)} columns: the header names {max(columns) + 1}")
    return _key(cells[key_at], where), _day(cells[day_at], where)


def _jsonl_rows(text: str, name: str) -> Iterator[tuple[int, str, str]]:
    """(line number, key, day) for each line of a JSON Lines sidecar."""
    for number, line in enumerate(text.splitlines(), start=1):
        if _is_skipped(line):
            continue
        where = f"{name}:{number}"
        try:
            data: Any = json.loads(line)
        except json.JSONDecodeError as error:
            raise SidecarError(where, f"not JSON ({error})") from None
        if not isinstance(data, dict):
            raise SidecarError(where, f"a JSON {type(data).__name__}, not an object")
        key_field = _one_field(data, KEY_COLUMNS, where)
        day_field = _one_field(data, DATE_COLUMNS, where)
        yield number, _key(_text(data, key_field, where), where), _day(data[day_field], where)


def _one_field(data: Mapping[str, Any], names: Iterable[str], where: str) -> str:
    present = [name for name in names if name in data]
    if len(present) != 1:
        found = f"has {', '.join(present)}" if present else "has none"
        raise SidecarError(where, f"needs exactly one of {', '.join(names)} ({found})")
    return present[0]


def _text(data: Mapping[str, Any], name: str, where: str) -> str:
    value = data[name]
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # a numeric id, as JSON Lines inputs allow
    if not isinstance(value, str):
        raise SidecarError(where, f'"{name}" is a JSON {type(value).__name__}, not a string')
    return value


def _key(value: str, where: str) -> str:
    key = value.strip()
    if not key:
        raise SidecarError(where, "empty key (a path, URL or id)")
    return key


def _day(value: object, where: str) -> str:
    if not isinstance(value, str) or not _is_iso_date(value.strip()):
        shown = json.dumps(value) if not isinstance(value, str) else repr(value)
        raise SidecarError(where, f"{shown} is not a calendar date (YYYY-MM-DD)")
    return value.strip()


def _is_iso_date(value: str) -> bool:
    """A calendar date, alone or starting an ISO 8601 timestamp ("2021-06-01T09:30:00Z")."""
    if calendar_day(value) is None:
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _by_path(by_key: Mapping[str, str], folder: Path) -> dict[str, str]:
    """Path keys made absolute from the sidecar's folder, then from the current one (which
    wins when both name a file: it is how inputs on the command line are read)."""
    paths: dict[str, str] = {}
    for key, day in by_key.items():
        if not is_url(key):
            paths[_absolute(str(folder / key))] = day
    for key, day in by_key.items():
        if not is_url(key):
            paths[_absolute(key)] = day
    return paths


def _absolute(path: str) -> str:
    """A path's absolute, normalised spelling (no file system look-up: links stay links)."""
    return os.path.normpath(os.path.abspath(path))
