"""How inputs are read: limits and the options every document of a batch shares."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.ingest.detect import InputFormat
from newsgraph.ingest.sidecar import PublicationDates
from newsgraph.settings import BY_NAME, Settings


@dataclass(frozen=True, slots=True)
class ReadOptions:
    format: InputFormat | None = None  # None: detect by content and extension
    # Per article (a file, a WARC record, a URL), the setting's default.
    max_bytes: int = BY_NAME["max_input_bytes"].default
    # What set `max_bytes`, for messages about it: the option when given, else the variable.
    limit_name: str = BY_NAME["max_input_bytes"].variable
    published: str | None = None  # an explicit publication date for every document
    # Dates by path, URL or id (`--dates FILE`), for articles that show none of their own.
    dates: PublicationDates | None = None
    body_only: bool = False  # plain-text inputs are bodies alone
    # Seconds for a URL: to connect, between bytes, and in all (x3).
    timeout: float = BY_NAME["fetch_timeout"].default
    max_redirects: int = 5

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        format: InputFormat | None = None,
        published: str | None = None,
        body_only: bool = False,
        limit_name: str | None = None,
        dates: PublicationDates | None = None,
    ) -> ReadOptions:
        return cls(
            format=format,
            max_bytes=settings.max_input_bytes,
            limit_name=limit_name or BY_NAME["max_input_bytes"].variable,
            published=published,
            dates=dates,
            body_only=body_only,
            timeout=settings.fetch_timeout,
        )
