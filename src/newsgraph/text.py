"""Text helpers that every stage shares: the one shape of a body's paragraphs.

A body is its paragraphs, each stripped, separated by exactly one blank line ("\n\n"): the
readers of feeds (`ingest`), scraped text and HTML (`extract`) all give bodies that shape, and
the language step relies on it (a sentence never crosses a paragraph break).
"""

from __future__ import annotations

import re

PARAGRAPH_SEPARATOR = "\n\n"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")  # a blank line, or one holding only spaces


def normalise_paragraphs(text: str) -> str:
    """Paragraphs separated by exactly one blank line, each stripped, no empty ones."""
    paragraphs = (p.strip() for p in PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")))
    return PARAGRAPH_SEPARATOR.join(p for p in paragraphs if p)
