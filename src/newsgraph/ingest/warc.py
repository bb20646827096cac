"""Articles from WARC archives (`.warc`, `.warc.gz`), read with FastWARC.

Only HTML responses with a 2xx status become documents, with the record's target URL and
WARC-Date kept. Gzip is decompressed by Python's `gzip` rather than FastWARC's own reader,
because FastWARC ends a truncated gzip stream silently: here a cut archive yields the records
before the cut and then a failure saying so.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import BinaryIO, cast

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from newsgraph.errors import InputError
from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.detect import GZIP_MAGIC, WARC_MAGIC
from newsgraph.ingest.options import ReadOptions
from newsgraph.records import Document, Failure

HTML_TYPES = ("text/html", "application/xhtml+xml")


class _TolerantGzip:
    """A gzip stream that ends quietly where the data ends, remembering that it was cut."""

    def __init__(self, raw: BinaryIO) -> None:
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self.truncated = False
        self.error: str | None = None

    def read(self, size: int = -1) -> bytes:
        if self.truncated:
            return b""
        try:
            # read1: one decompression step at a time, so that the bytes before a cut are
            # returned before the error (read() would drop the partly filled buffer).
            return self._gzip.read1(size)
        except EOFError:
            self.truncated, self.error = True, "the gzip stream is truncated (cut short)"
        except (OSError, zlib.error) as error:
            self.truncated, self.error = True, f"the gzip stream is corrupt ({error})"
        return b""

    def tell(self) -> int:
        return self._gzip.tell()


class _Forward:
    """A stream read front to back, counting its own position: FastWARC asks where a stream
    is (`tell`), and a pipe or a device cannot say (its panic is an "Illegal seek")."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        self._position += len(data)
        return data

    def tell(self) -> int:
        return self._position


def read_warc(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Document | Failure]:
    """A document per HTML response in the archive; failures for bad records and bad bytes."""
    gz = _TolerantGzip(stream) if _starts_with(stream, GZIP_MAGIC) else None
    if gz is None and not _starts_with(stream, WARC_MAGIC):
        # Checked first: FastWARC scans for a record header as far as the bytes go, and an
        # endless input (`/dev/zero`) has no end.
        yield Failure(source, "parse", "not a WARC archive (no WARC/ header at the start)")
        return
    count = 0
    try:
        records = ArchiveIterator(
            cast(BinaryIO, gz if gz is not None else _Forward(stream)),
            record_types=WarcRecordType.response,
            parse_http=True,
            stream_detect=False,
        )
        for record in records:
            count += 1
            item = _record_document(record, f"{source}#{count}", options)
            if item is not None:
                yield item
    except (GeneratorExit, KeyboardInterrupt, SystemExit):
        raise
    # FastWARC turns errors of its Rust core into panics, which are BaseExceptions.
    except BaseException as error:
        yield Failure(source, "parse", f"not a valid WARC archive after {count} records ({error})")
        return
    if gz is not None and gz.error:
        yield Failure(source, "parse", f"{gz.error}: read {count} records before the cut")
    elif count == 0:
        yield Failure(source, "parse", "no WARC response records found")


def _starts_with(stream: BinaryIO, magic: bytes) -> bool:
    """Whether the stream starts with `magic`, leaving it unread."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(len(magic))[: len(magic)]) == magic
    start = stream.tell()
    head = stream.read(len(magic))
    stream.seek(start)
    return head == magic


def _record_document(
    record: WarcRecord, name: str, options: ReadOptions
) -> Document | Failure | None:
    """The record's document, a failure, or None for a record that is not an HTML page."""
    content_type = (record.http_content_type or "").lower()
    status = record.http_headers.status_code if record.http_headers else None
    if not any(kind in content_type for kind in HTML_TYPES) or not 200 <= (status or 0) < 300:
        record.reader.consume()
        return None
    url = record.headers.get("WARC-Target-URI") or None
    where = f"{name} ({url})" if url else name
    payload = record.reader.read(options.max_bytes + 1)
    if len(payload) > options.max_bytes:
        reason = f"record over the limit of {options.max_bytes:,} bytes ({options.limit_name})"
        return Failure(where, "read", reason)
    if record.content_length and len(payload) < record.content_length:
        return Failure(where, "read", "record is truncated (shorter than its Content-Length)")
    try:
        text = decode_bytes(payload, source=where, charset=record.http_charset)
    except InputError as error:
        return Failure(error.source, "read", error.reason)
    return Document(
        text=text,
        source=name,
        published=options.published,
        format="html",
        url=url,
        fetched=record.headers.get("WARC-Date") or None,
    )
