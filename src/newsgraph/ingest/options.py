"""How inputs are read: limits and the options every document of a batch shares."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.ingest.detect import InputFormat
from newsgraph.settings import DEFAULT_MAX_INPUT_BYTES

DEFAULT_FETCH_TIMEOUT = 20.0  # seconds: generous for slow news sites, short for dead ones


@dataclass(frozen=True, slots=True)
class ReadOptions:
    format: InputFormat | None = None  # None: detect by content and extension
    max_bytes: int = DEFAULT_MAX_INPUT_BYTES  # per article (a file, a WARC record, a URL)
    published: str | None = None  # an explicit publication date for every document
    body_only: bool = False  # plain-text inputs are bodies alone
    timeout: float = (
        DEFAULT_FETCH_TIMEOUT  # seconds for a URL: to connect, between bytes, and in all (×3)
    )
    max_redirects: int = 5
