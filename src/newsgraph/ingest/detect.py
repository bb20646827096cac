"""Which format an input is in, from its first bytes and, where they do not settle it, its name.

Content comes first, because names lie (a feed saved as `.html`, a WARC without `.warc`):
a WARC header, an RSS/Atom/RDF root element, an HTML document, a JSON object per line. The
extension decides between what the content leaves open, and plain text is the default.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from typing import Literal, get_args

InputFormat = Literal["text", "html", "warc", "feed", "jsonl"]
FORMATS: tuple[str, ...] = get_args(InputFormat)

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"
HEAD_BYTES = 4096  # enough to see past an XML declaration, comments and a doctype
EXTENSIONS: dict[str, InputFormat] = {
    ".warc": "warc",
    ".warc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
}
# Longest first, computed once: a compound extension (".warc.gz") wins over any shorter one.
EXTENSIONS_LONGEST_FIRST = tuple(sorted(EXTENSIONS.items(), key=lambda item: -len(item[0])))
BOMS = (b"\xef\xbb\xbf",)
FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
HTML_START = re.compile(rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
URL_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
HTML_TAGS = re.compile(rb"<(?:head|body|article|p|div|title)[\s>]", re.IGNORECASE)


def detect_format(name: str, head: bytes) -> InputFormat:
    """The format of an input called `name` that starts with the bytes `head`."""
    head = _skip_bom(head).lstrip()
    if head.startswith(GZIP_MAGIC):
        head = _gunzip_head(head)
    if head.startswith(WARC_MAGIC):
        return "warc"
    by_name = format_from_name(name)
    if FEED_ROOT.search(head[:HEAD_BYTES]) and not HTML_START.match(head):
        return "feed"
    if HTML_START.match(head):
        return "html"
    if by_name is not None:
        return by_name
    if _looks_like_json_lines(head):
        return "jsonl"
    if head.startswith(b"<") and HTML_TAGS.search(head[:HEAD_BYTES]):
        return "html"
    return "text"


def is_url(value: str) -> bool:
    """Whether an input names a web address rather than a path."""
    return bool(URL_SCHEME.match(value))


def format_from_name(name: str) -> InputFormat | None:
    """The format an extension stands for, or None for an unknown or missing one."""
    lowered = name.lower().split("?", 1)[0]
    for extension, fmt in EXTENSIONS_LONGEST_FIRST:
        if lowered.endswith(extension):
            return fmt
    return None


def _skip_bom(head: bytes) -> bytes:
    for bom in BOMS:
        if head.startswith(bom):
            return head[len(bom) :]
    return head


def _gunzip_head(head: bytes) -> bytes:
    # Only the start of the stream is at hand: decompress what there is of it.
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, HEAD_BYTES)
    except (zlib.error, gzip.BadGzipFile):
        return head


def _looks_like_json_lines(head: bytes) -> bool:
    if not head.startswith(b"{"):
        return False
    first_line = head.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(first_line), dict)
    except ValueError:
        # A first line longer than the head is cut off; an object start is evidence enough.
        return b"\n" not in head
