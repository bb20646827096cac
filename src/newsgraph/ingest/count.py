"""How many documents the inputs hold, roughly and cheaply: the total of a progress bar.

Counting never parses what the batch will parse anyway: it counts the non-blank lines of JSON
Lines and the entry tags of a feed, and a file, a URL or standard input counts as one. A WARC
archive's count would mean decompressing and walking the whole archive, so an input that holds
one makes the total unknown (None): the bar then counts up without a total. So does anything
that is not a regular file (a pipe, a FIFO, `/dev/stdin`, a device): it can be read only once,
and that once is the batch's, so counting never opens it. The count may be a
little off (a JSON line that fails, a feed entry without text); the bar's total is corrected at
the end.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterable
from pathlib import Path

from newsgraph.ingest.detect import HEAD_BYTES, detect_format, is_url
from newsgraph.ingest.inputs import walk_folder
from newsgraph.ingest.options import ReadOptions

FEED_ENTRY = re.compile(rb"<(?:item|entry)[\s>]")


def estimate_documents(inputs: Iterable[str], options: ReadOptions) -> int | None:
    """About how many documents `read_inputs` will yield for these inputs; None when an input
    (a WARC archive) cannot be counted cheaply."""
    return _sum_counts(_count_input(value, options) for value in inputs)


def _count_input(value: str, options: ReadOptions) -> int | None:
    path = Path(value)
    if is_url(value) or not path.exists():
        return 1
    if path.is_dir():
        dates = options.dates
        files = [f for f in walk_folder(path) if dates is None or not dates.is_sidecar(f)]
        return _sum_counts(_count_file(file, options) for file in files)
    return _count_file(path, options)


def _sum_counts(counts: Iterable[int | None]) -> int | None:
    """The sum, or None as soon as one count is unknown (the rest are not counted)."""
    total = 0
    for count in counts:
        if count is None:
            return None
        total += count
    return total


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _count_file(path: Path, options: ReadOptions) -> int | None:
    if not _is_regular(path):
        return None  # `<(cat rows.jsonl)`, a FIFO, a device: reading it here would consume it
    try:
        with path.open("rb") as stream:
            fmt = options.format or detect_format(path.name, stream.peek(HEAD_BYTES)[:HEAD_BYTES])
            if fmt == "warc":
                return None
            if fmt == "jsonl":
                return sum(1 for line in stream if line.strip())
            if fmt == "feed":
                return max(len(FEED_ENTRY.findall(stream.read(options.max_bytes))), 1)
    except OSError:
        pass
    return 1
