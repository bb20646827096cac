"""How many documents the inputs hold, roughly and cheaply: the total of a progress bar.

Counting reads containers without extracting anything: lines of JSON Lines, response records
of WARC archives, entries of feeds; a file, a URL or standard input counts as one. The count
may be a little high (a WARC response that is not HTML); the bar's total is corrected at the
end.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from newsgraph.ingest.detect import HEAD_BYTES, detect_format, is_url
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.sources import walk_folder


def estimate_documents(inputs: Iterable[str], options: ReadOptions) -> int:
    """About how many documents `read_inputs` will yield for these inputs."""
    total = 0
    for value in inputs:
        path = Path(value)
        if is_url(value) or not path.exists():
            total += 1
        elif path.is_dir():
            total += sum(_count_file(file, options) for file in walk_folder(path))
        else:
            total += _count_file(path, options)
    return total


def _count_file(path: Path, options: ReadOptions) -> int:
    try:
        with path.open("rb") as stream:
            fmt = options.format or detect_format(path.name, stream.peek(HEAD_BYTES)[:HEAD_BYTES])
            if fmt == "jsonl":
                return sum(1 for line in stream if line.strip())
            if fmt == "warc":
                return _count_warc(path)
            if fmt == "feed":
                return _count_feed(stream.read(options.max_bytes))
    except OSError:
        pass
    return 1


def _count_warc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    try:
        for _record in ArchiveIterator(str(path), record_types=WarcRecordType.response):
            count += 1
    except Exception:  # a broken archive: its reader will say so; count what was there
        pass
    return max(count, 1)


def _count_feed(data: bytes) -> int:
    import io

    import feedparser

    return max(len(feedparser.parse(io.BytesIO(data)).entries), 1)
