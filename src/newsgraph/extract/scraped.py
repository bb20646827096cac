"""Metadata and body of a page dumped to text (the scraped-text layout).

STUB: the foundation issue fills this in (title, section, authors, date, views, furniture).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.records import Metadata

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class ScrapedPage:
    metadata: Metadata  # `language` is left None: the pipeline detects it on the body
    body: str  # paragraphs separated by exactly "\n\n"


def parse_scraped(text: str) -> ScrapedPage:
    """Split scraped text into metadata and a clean body."""
    return ScrapedPage(metadata=Metadata(), body=normalise_paragraphs(text))


def normalise_paragraphs(text: str) -> str:
    """Paragraphs separated by exactly one blank line, each stripped, no empty ones."""
    paragraphs = (p.strip() for p in PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")))
    return "\n\n".join(p for p in paragraphs if p)
