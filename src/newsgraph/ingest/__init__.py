"""Inputs in, `Document`s out: files, folders, standard input, URLs, WARC archives, RSS and
Atom feeds, and JSON Lines, detected by content and extension.

    from newsgraph.ingest import read_inputs
    for item in read_inputs(["news.warc.gz", "feed.xml", "https://example.org/a"]):
        ...  # a Document, or a Failure naming the input, the stage and the reason

One module per format (`warc`, `feeds`, `jsonl`, `web` for URLs), `detect` for telling them
apart, `sidecar` for publication dates given beside the inputs (`--dates FILE`), and `inputs`
to expand paths, folders, standard input and URLs into one stream.
"""

from __future__ import annotations

from newsgraph.ingest.detect import FORMATS, InputFormat, detect_format
from newsgraph.ingest.inputs import read_inputs
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.sidecar import PublicationDates, SidecarError, read_dates
from newsgraph.records import Failure

__all__ = [
    "FORMATS",
    "Failure",
    "InputFormat",
    "PublicationDates",
    "ReadOptions",
    "SidecarError",
    "detect_format",
    "read_dates",
    "read_inputs",
]
