"""Expand inputs (paths, folders, "-" for standard input, URLs) into one stream of documents
and failures, in input order, each input read by the reader of its format.

Folders are walked recursively in sorted order, skipping hidden files and folders. The format
is detected per input (see `detect`) unless `ReadOptions.format` forces one.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.decode import STDIN_NAME, decode_bytes
from newsgraph.ingest.detect import (
    HEAD_BYTES,
    InputFormat,
    detect_format,
    format_from_name,
    is_url,
)
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.sidecar import with_sidecar_date
from newsgraph.records import Document, Failure
from newsgraph.text import SURROGATE_NOTE, has_surrogates, replace_surrogates

Item = Document | Failure
JSONL_TYPES = ("jsonl", "ndjson", "json-seq", "x-json-stream")


def read_inputs(inputs: Iterable[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Documents and failures for every input, in order."""
    options = options or ReadOptions()
    for value in inputs:
        for item in read_input(value, options):
            # A date given beside the input, looked up by what the reader knows of it.
            yield with_sidecar_date(item, options.dates) if isinstance(item, Document) else item


def read_input(value: str, options: ReadOptions) -> Iterator[Item]:
    """Documents and failures for one input: a URL, "-", a folder or a file."""
    if is_url(value):
        yield from _read_url(value, options)
    elif value == STDIN_NAME:
        yield from _read_stdin(options)
    elif Path(value).is_dir():
        for path in walk_folder(Path(value)):
            if options.dates is None or not options.dates.is_sidecar(path):
                yield from _read_file(path, options)
    else:
        yield from _read_file(Path(value), options)


def walk_folder(folder: Path, _visited: frozenset[Path] = frozenset()) -> Iterator[Path]:
    """Every file under `folder`, recursively, in sorted order, without hidden ones.

    A link to a folder is followed, but never into a folder already on the way down (a link
    to itself or a parent would loop forever): such a loop is skipped silently, since every
    file in it is reached by the other way. A folder that cannot be listed is yielded itself,
    so that reading it gives a failure naming it rather than losing it."""
    try:
        resolved = folder.resolve()
    except (OSError, RuntimeError):  # RuntimeError: links that point at each other
        return
    if resolved in _visited:
        return
    visited = _visited | {resolved}
    try:
        paths = sorted(folder.iterdir())
    except OSError:
        yield folder
        return
    for path in paths:
        if path.name.startswith("."):
            continue
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError:  # cannot even be looked at (permission): reading it says so
            yield path
            continue
        if is_dir:
            yield from walk_folder(path, visited)
        elif is_file:
            yield path


def input_name(path: Path) -> str:
    """How records and errors name a file: its path, with bytes that are not UTF-8 (kept by
    Python as lone surrogates, which no output can encode) shown as U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def _read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    source = input_name(path)
    try:
        with path.open("rb") as stream:
            fmt = options.format or detect_format(path.name, stream.peek(HEAD_BYTES)[:HEAD_BYTES])
            if fmt in ("warc", "jsonl"):
                # Containers stream: an archive can be far larger than one article.
                yield from _read_stream(stream, source, fmt, options)
                return
            data = stream.read(options.max_bytes + 1)
    except FileNotFoundError:
        yield Failure(source, "read", "no such file")
        return
    except IsADirectoryError:
        yield Failure(source, "read", "a folder that cannot be listed")
        return
    except OSError as error:
        yield Failure(source, "read", f"cannot be read ({error.strerror or error})")
        return
    if len(data) > options.max_bytes:
        yield Failure(source, "read", _over_limit(options))
        return
    yield from _read_bytes(data, source, fmt, options, url=None)


def _over_limit(options: ReadOptions) -> str:
    return f"over the limit of {options.max_bytes:,} bytes ({options.limit_name})"


def _read_stdin(options: ReadOptions) -> Iterator[Item]:
    stream = sys.stdin.buffer
    peek = getattr(stream, "peek", None)
    head = bytes(peek(HEAD_BYTES)[:HEAD_BYTES]) if peek is not None else b""
    fmt = options.format or (detect_format(STDIN_NAME, head) if head else None)
    if fmt in ("warc", "jsonl"):
        # Containers stream from a pipe too: the size limit is per article, not per archive.
        yield from _read_stream(stream, STDIN_NAME, fmt, options)
        return
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        yield Failure(STDIN_NAME, "read", _over_limit(options))
        return
    fmt = fmt or detect_format(STDIN_NAME, data[:HEAD_BYTES])
    yield from _read_bytes(data, STDIN_NAME, fmt, options, url=None)


def _read_url(url: str, options: ReadOptions) -> Iterator[Item]:
    from newsgraph.ingest.web import fetch

    url = replace_surrogates(url)  # an argument that was not UTF-8: no output could name it
    try:
        fetched = fetch(url, options)
    except InputError as error:
        yield Failure(error.source, "fetch", error.reason)
        return
    fmt = options.format or _format_of_response(fetched.url, fetched.content_type, fetched.data)
    yield from _read_bytes(
        fetched.data, url, fmt, options, url=fetched.url, charset=fetched.charset
    )


def _format_of_response(url: str, content_type: str, data: bytes) -> InputFormat:
    sniffed = detect_format(url, data[:HEAD_BYTES])
    if "html" in content_type and sniffed != "feed":
        return "html"
    if any(kind in content_type for kind in JSONL_TYPES):
        return "jsonl"
    if content_type == "text/plain" and sniffed == "html" and format_from_name(url) is None:
        return "text"
    return sniffed


def _read_bytes(
    data: bytes,
    source: str,
    fmt: InputFormat,
    options: ReadOptions,
    url: str | None,
    charset: str | None = None,  # the encoding the server declared, for a URL
) -> Iterator[Item]:
    if fmt in ("warc", "jsonl"):
        yield from _read_stream(io.BytesIO(data), source, fmt, options)
        return
    if fmt == "feed":
        from newsgraph.ingest.feeds import read_feed

        # Bytes, not text: the XML declaration names the encoding and feedparser honours it.
        yield from read_feed(data, source, options)
        return
    try:
        text = decode_bytes(data, source=source, charset=charset)
    except InputError as error:
        yield Failure(error.source, "read", error.reason)
        return
    is_html = fmt == "html"
    # Decoded bytes hold no lone surrogates; a name or a declared charset might not, and the
    # same rule holds for every reader: replaced, with a note.
    notes = (SURROGATE_NOTE,) if has_surrogates(text) else ()
    yield Document(
        text=replace_surrogates(text),
        notes=notes,
        source=source,
        published=options.published,
        body_only=options.body_only and not is_html,
        format="html" if is_html else "text",
        url=url,
    )


def _read_stream(
    stream: BinaryIO, source: str, fmt: InputFormat, options: ReadOptions
) -> Iterator[Item]:
    if fmt == "warc":
        from newsgraph.ingest.warc import read_warc

        yield from read_warc(stream, source, options)
    else:
        from newsgraph.ingest.jsonl import read_jsonl

        yield from read_jsonl(stream, source, options)
