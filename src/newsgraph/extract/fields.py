"""Cleaning steps every metadata field goes through, for HTML and scraped text alike.

Sites encode their titles for HTML and then encode them again (`&amp;#039;`), put the kind
of story before the headline ("WATCH: …") and the section and site name after it ("… | News |
Site Name"). These steps undo that; the extractors' fallback chains choose the values.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from urllib.parse import urlsplit

from newsgraph.lang.en import page as en
from newsgraph.records import Metadata

WHITESPACE = re.compile(r"\s+")
ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
MAX_DECODING_ROUNDS = 3  # "&amp;amp;#039;" is three rounds of encoding
_LABELS = "|".join(sorted((re.escape(label) for label in en.TITLE_LABELS), key=len, reverse=True))
TITLE_LABEL = re.compile(rf"^(?:{_LABELS})\s*(?::|\||[-–—]\s)\s*(?=\S)", re.IGNORECASE)
PIPE_PART = re.compile(r"\s+\|\s+")
NON_WORD = re.compile(r"\W+")
MAX_TAIL_WORDS = 4  # a site or section name after a pipe is short


def decode_entities(text: str | None) -> str | None:
    """Character references decoded (again, while any is left), whitespace folded."""
    if text is None:
        return None
    for _ in range(MAX_DECODING_ROUNDS):
        if not ENTITY.search(text):
            break
        text = html.unescape(text)
    return WHITESPACE.sub(" ", text).strip() or None


def decode_body(body: str) -> str:
    """A body's character references decoded, its line structure kept."""
    for _ in range(MAX_DECODING_ROUNDS):
        if not ENTITY.search(body):
            break
        body = html.unescape(body)
    return body


def without_title_label(title: str) -> str:
    """ "WATCH: Council approves bridge" -> "Council approves bridge"."""
    stripped = TITLE_LABEL.sub("", title, count=1)
    return stripped if len(stripped.split()) >= 2 else title


def without_section_tail(title: str, section: str | None) -> str:
    """ "Headline | News" -> "Headline": a piped tail that is a section name, the page's own
    section, or (after the site's name was removed) what is left of the site's trail."""
    parts = PIPE_PART.split(title)
    known = {fold(s) for s in en.SECTION_NAMES} | ({fold(section)} if section else set())
    while len(parts) > 1 and fold(parts[-1]) in known:
        parts.pop()
    return " | ".join(parts)


def without_pipe_tail(title: str) -> str:
    """A scraped title's short last part after " | " (a site name: headlines never hold a
    pipe), when what is before it is a headline of its own."""
    parts = PIPE_PART.split(title)
    if len(parts) > 1 and len(parts[-1].split()) <= MAX_TAIL_WORDS and len(parts[0].split()) >= 3:
        return " | ".join(parts[:-1])
    return title


def site_in_title(title: str, section: str | None) -> str | None:
    """The site's name a scraped title ends with, as `without_pipe_tail` and
    `without_section_tail` strip it: "Gulls return | News | Harbour Times" -> "Harbour
    Times". A tail that is a section name (the page's own, or a common one) is no site."""
    decoded = decode_entities(title) or ""
    if without_pipe_tail(decoded) == decoded:
        return None  # nothing stripped: no headline before the pipe, or a long tail
    sections = {fold(s) for s in en.SECTION_NAMES} | ({fold(section)} if section else set())
    for part in reversed(PIPE_PART.split(decoded)[1:]):
        if fold(part) and fold(part) not in sections and len(part.split()) <= MAX_TAIL_WORDS:
            return part.strip()
    return None


def before_site(title: str, site: str | None) -> str:
    """The piped parts of a title before the site's name: "Gulls | Harbour Times | Local" ->
    "Gulls" (the title unchanged without a site)."""
    parts = PIPE_PART.split(title)
    if site is None or site not in parts[1:]:
        return title
    return " | ".join(parts[: parts.index(site, 1)])


def clean_title(title: str | None, section: str | None) -> str | None:
    """The headline alone: entities decoded, no story label before it, no section after it."""
    decoded = decode_entities(title)
    if decoded is None:
        return None
    return without_section_tail(without_title_label(decoded), section) or None


def host_name(url: str | None) -> str | None:
    """The site's host as a last-resort site name: "https://www.example.org/a" -> "example.org"."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host or None


def decoded_metadata(metadata: Metadata) -> Metadata:
    """Every text field with its character references decoded."""
    return replace(
        metadata,
        title=decode_entities(metadata.title),
        section=decode_entities(metadata.section),
        authors=tuple(a for a in (decode_entities(x) for x in metadata.authors) if a),
        site=decode_entities(metadata.site),
        agency=decode_entities(metadata.agency),
    )


def fold(text: str) -> str:
    return NON_WORD.sub("", text.casefold())
