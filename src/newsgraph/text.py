"""Text helpers that every stage shares: the one shape of a body's paragraphs.

A body is its paragraphs, each stripped, separated by exactly one blank line ("\n\n"): the
readers of feeds (`ingest`), scraped text and HTML (`extract`) all give bodies that shape, and
the language step relies on it (a sentence never crosses a paragraph break).
"""

from __future__ import annotations

import re
from datetime import date

PARAGRAPH_SEPARATOR = "\n\n"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")  # a blank line, or one holding only spaces


def normalise_paragraphs(text: str) -> str:
    """Paragraphs separated by exactly one blank line, each stripped, no empty ones."""
    paragraphs = (p.strip() for p in PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")))
    return PARAGRAPH_SEPARATOR.join(p for p in paragraphs if p)


# A lone surrogate (U+D800..U+DFFF) is no character: JSON's "\ud800" and a file name that is
# not UTF-8 (Python's surrogateescape) produce them, and UTF-8 cannot encode them, so one left
# in a text breaks its id hash and every file it is written to.
SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
SURROGATE_NOTE = "the input held lone surrogates (invalid Unicode), replaced by U+FFFD"
ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def replace_surrogates(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD (valid text comes back as is)."""
    return SURROGATE.sub(REPLACEMENT, text)


def has_surrogates(text: str) -> bool:
    return SURROGATE.search(text) is not None


def calendar_day(value: str) -> str | None:
    """The YYYY-MM-DD that an ISO 8601 date or timestamp starts with, when it is a real
    calendar date ("2021-02-31" and "0000-00-00" are not); else None."""
    match = ISO_DAY.match(value.strip())
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return None
    return match.group(0)
