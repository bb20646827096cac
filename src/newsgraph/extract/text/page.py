"""Metadata and body of a page dumped to text (the scraped-text layout).

Such a page starts with lines of title, section, byline, date, counters and site furniture, in
any order and often several on one line, then the article, then perhaps more furniture. The
header zone is the lines before the first line of prose (and a byline or date line just after
a standfirst); each of its lines is read by `header.read_header_line`, and one function per
field picks its value from those readings with a chain of fallbacks, as trafilatura does for
HTML. The body starts after the last header line used; furniture lines are dropped from it,
and so is the trailer after a "Related"/"Tags:" heading. Text with no metadata lines comes out
whole as the body.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from newsgraph.extract.dates import choose_published, find_dates, resolve_dates
from newsgraph.extract.fields import (
    before_site,
    clean_title,
    decode_body,
    decode_entities,
    decoded_metadata,
    site_in_title,
    without_pipe_tail,
)
from newsgraph.extract.page import Page
from newsgraph.extract.text import authors as names
from newsgraph.extract.text.furniture import without_furniture
from newsgraph.extract.text.header import HeaderLine, is_date_label, is_furniture, read_header_line
from newsgraph.lang.en import page as en
from newsgraph.records import Metadata
from newsgraph.text import normalise_paragraphs

logger = logging.getLogger(__name__)

LINE_BREAK = re.compile(r"\r\n?|\n")
WORD = re.compile(r"\w+(?:['’.-]\w+)*")
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$")
TRAILER_HEADING = re.compile(rf"(?:{'|'.join(en.TRAILER_HEADINGS)})", re.IGNORECASE)
DATELINE_DASH = re.compile(r"\s*[—–-]+\s")  # "June 3, 2021 — The mayor said"
DATELINE_PLACE = re.compile(r"(?:[A-Z][A-Z .'’-]*(?:,\s*[A-Z][A-Za-z.]*)?,\s*)?")  # "KABUL, "
DATELINE_REACH = 80
NAME_REACH = 2  # lines between a bare name and the date line it belongs to
MAX_HEADER_LINES = 25  # non-blank lines searched for metadata at the top
LATIN_SAMPLE_LINES = 20  # lines of body read to tell the page's script
LATIN_SAMPLE_CHARS = 4000
LOOKAHEAD_LINES = 3  # lines after a standfirst searched for a byline or date
PROSE_MIN_WORDS = 10  # a sentence-final line this long is prose, not a header line
PROSE_ALWAYS_WORDS = 30  # so is any line this long
QUESTION_PROSE_WORDS = 20  # a question or exclamation shorter than this may be a headline
QUESTION_END = re.compile(r"[?!][\"'”’»)]*$")
TITLE_MAX_WORDS = 30
TITLE_MIN_WORDS_ON_LINE = 4  # a headline beside other fields is longer than a site name
TITLE_FINAL_PERIOD = re.compile(r"(?<!\.)\.(?P<closing>[\"'”’»)]*)$")
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}[\"'”’»)]*$|\b(?:Jr|Sr|Inc|Co|Ltd|St)\.$")
TITLE_MAX_CHARS = 250


@dataclass(frozen=True, slots=True)
class _Header:
    """The header zone: its lines, what each says (None: not metadata), which is the title."""

    lines: tuple[str, ...]
    readings: tuple[HeaderLine | None, ...]
    title_index: int | None


def parse_scraped(text: str) -> Page:
    """Split scraped text into metadata and a clean body. Never raises: odd input gives empty
    metadata and the whole text as the body."""
    try:
        return _parse(text)
    except Exception:  # a bug on one odd page must not stop a batch; the text is still usable
        logger.warning("could not read metadata lines; keeping the whole text", exc_info=True)
        return Page(metadata=Metadata(), body=normalise_paragraphs(text))


def _parse(text: str) -> Page:
    lines = LINE_BREAK.split(text.removeprefix("\ufeff"))
    header = _read_header(lines)
    body_lines = lines[_body_start(header) :]
    # Blocks first (a related-stories heading with its headlines, captions), while their
    # headings are still there; then furniture lines and the trailer, line by line.
    blocks = without_furniture(normalise_paragraphs("\n".join(body_lines)))
    body = decode_body(normalise_paragraphs("\n".join(_drop_furniture(blocks.split("\n")))))
    section = decode_entities(extract_section(header))
    metadata = Metadata(
        title=extract_title(header, section),
        section=section,
        authors=extract_authors(header),
        published=extract_published(header, body),
        views=extract_views(header),
        site=extract_site(header, section),
        agency=extract_agency(header),
    )
    return Page(metadata=decoded_metadata(metadata), body=body)


def _read_header(lines: list[str]) -> _Header:
    """The lines before the first line of prose (at most MAX_HEADER_LINES non-blank ones),
    and the date or byline lines that follow a standfirst closely."""
    end = _first_prose(lines)
    latin = names.is_latin_text("\n".join(lines[: end + LATIN_SAMPLE_LINES])[:LATIN_SAMPLE_CHARS])
    readings = [read_header_line(line, latin_page=latin) for line in _with_labels(lines[:end])]
    followers = [i for i in range(end, len(lines)) if lines[i].strip()][1 : 1 + LOOKAHEAD_LINES]
    for index in followers:
        prose = is_prose(lines[index])
        reading = None if prose else read_header_line(lines[index], latin_page=latin)
        if reading is not None and (reading.dates or reading.authors) and not reading.rest:
            readings += [None] * (index - len(readings)) + [reading]
    zone = lines[: len(readings)]
    title_index = _find_title(zone, tuple(readings))
    return _Header(tuple(zone), tuple(readings), title_index)


def _with_labels(lines: list[str]) -> list[str]:
    """A date label alone on its line ("Updated") put before the next line, which it labels
    (the label's own line reads as furniture)."""
    joined = list(lines)
    label = ""
    for index, line in enumerate(lines):
        if is_date_label(line):
            label = line.strip()
        elif line.strip():
            joined[index] = f"{label} {line.strip()}" if label else line
            label = ""
    return joined


def _first_prose(lines: list[str]) -> int:
    """The index of the first line of prose, or where the header search gives up."""
    filled = 0
    for index, line in enumerate(lines):
        if is_prose(line) or filled >= MAX_HEADER_LINES:
            return index
        filled += bool(line.strip())
    return len(lines)


def _find_title(zone: list[str], readings: tuple[HeaderLine | None, ...]) -> int | None:
    """The first line that is no metadata, when it looks like a headline or a byline or date
    follows it; a lone short line (likely the section) may come before it. Any other line
    first means we cannot tell."""
    candidates = [i for i, line in enumerate(zone) if readings[i] is None and line.strip()]

    def is_title(index: int) -> bool:
        return looks_like_headline(zone[index]) or _headline_by_position(zone, readings, index)

    after_section = len(candidates) > 1 and _is_lone_section(zone[candidates[0]].strip())
    if after_section and is_title(candidates[1]):
        return candidates[1]
    return candidates[0] if candidates and is_title(candidates[0]) else None


def _headline_by_position(
    zone: list[str], readings: tuple[HeaderLine | None, ...], index: int
) -> bool:
    """A short line with a byline or date after it is the headline, whatever its ending."""
    text = zone[index].strip()
    if len(text.split()) > TITLE_MAX_WORDS or len(text) > TITLE_MAX_CHARS:
        return False
    return any(r is not None and (r.dates or r.authors) for r in readings[index + 1 :])


def _body_start(header: _Header) -> int:
    """The line after the last one the header zone used (metadata, furniture or title)."""
    used = [i for i, reading in enumerate(header.readings) if reading is not None]
    used += [i for i in (header.title_index, _section_line(header)) if i is not None]
    used += [i for i in (_author_line(header),) if i is not None]
    return max(used) + 1 if used else 0


def is_prose(line: str) -> bool:
    """A line of running text: long and ending like a sentence, or very long. A headline in
    title case is not prose even when a period ends it."""
    words = len(line.split())
    if words >= PROSE_ALWAYS_WORDS:
        return True
    if words < PROSE_MIN_WORDS or not SENTENCE_END.search(line.strip()):
        return False
    if QUESTION_END.search(line.strip()) and words < QUESTION_PROSE_WORDS:
        return False  # "Is This the End of the Pier?" is a headline more often than prose
    return not is_title_case(line)


def is_title_case(line: str) -> bool:
    """Most longer words capitalised, as in "Man Bites Dog in Springfield"."""
    long_words = [w for w in WORD.findall(line) if len(w) >= 4 and w[0].isalpha()]
    capitalised = [w for w in long_words if w[0].isupper()]
    return len(long_words) >= 3 and len(capitalised) >= 0.8 * len(long_words)


def looks_like_headline(line: str) -> bool:
    """Reasonably short, no sentence-final period unless in title case, has letters."""
    text = line.strip()
    words = text.split()
    if not words or len(words) > TITLE_MAX_WORDS or len(text) > TITLE_MAX_CHARS:
        return False
    if not any(ch.isalpha() for ch in text) or is_furniture(text):
        return False
    return not text.endswith((".", ",", ";", ":")) or (
        text.endswith(".") and not text.endswith("..") and is_title_case(text)
    )


def extract_title(header: _Header, section: str | None = None) -> str | None:
    """The headline: the first line of the header zone that is no metadata, if it looks like
    one. A final period (some dumps add one) is dropped unless it ends an abbreviation; so are
    a story label before it ("WATCH:") and the site and section after it ("| News | Site")."""
    # The site's name after a pipe first (and any section after it: "| Site | Local"), then
    # what it leaves: "| News".
    line = decode_entities(_title_line(header)) or ""
    title = clean_title(without_pipe_tail(before_site(line, site_in_title(line, section))), section)
    if not title:
        return None
    final_period = TITLE_FINAL_PERIOD.search(title)
    if final_period and not ABBREVIATION_END.search(title):
        title = title[: final_period.start()] + final_period["closing"]
    return title or None


def extract_agency(header: _Header) -> str | None:
    """The wire agency a header line credits ("Jane Doe, Reuters"; "AFP")."""
    return next((r.agency for r in header.readings if r is not None and r.agency), None)


def _title_line(header: _Header) -> str | None:
    """The headline's line as written: its own line, or a piece of a metadata line."""
    if header.title_index is None:
        return _title_on_metadata_line(header)
    return " ".join(header.lines[header.title_index].split())


def extract_site(header: _Header, section: str | None = None) -> str | None:
    """The site or publication the header names (the URL's host is the pipeline's last
    resort, when the input came with one)."""
    # 1. A publication the byline credits ("Jane Doe, The Valley Courier").
    credited = next((r.site for r in header.readings if r is not None and r.site), None)
    if credited:
        return credited
    # 2. The site's name stripped from the title's end ("Gulls return | Harbour Times").
    title = _title_line(header)
    return site_in_title(title, section) if title else None


def _title_on_metadata_line(header: _Header) -> str | None:
    """A headline sharing a line with the date: "Harbour Town Rebuilds Its Pier | May 3"."""
    for reading in header.readings:
        for piece in reading.rest if reading is not None else ():
            if len(piece.split()) >= TITLE_MIN_WORDS_ON_LINE and looks_like_headline(piece):
                return piece
    return None


def extract_section(header: _Header) -> str | None:
    """1. a "Section:" line or breadcrumbs, or a leading piece of a metadata line;
    2. a lone short line before the title, not shaped like a name."""
    for reading in header.readings:
        if reading is not None and reading.section:
            return reading.section
    index = _section_line(header)
    return " ".join(header.lines[index].split()) if index is not None else None


def _section_line(header: _Header) -> int | None:
    if header.title_index is None:
        return None
    for index in range(header.title_index):
        line = header.lines[index].strip()
        if header.readings[index] is None and line and _is_lone_section(line):
            return index
    return None


def _is_lone_section(line: str) -> bool:
    words = line.split()
    if line.casefold() in en.SECTION_NAMES:
        return True
    return len(words) <= 3 and line[0].isupper() and not names.looks_like_person(line)


def extract_authors(header: _Header) -> tuple[str, ...]:
    """1. names on metadata lines (bylines, another script, name-shaped pieces);
    2. a line holding only a person's name near a metadata line."""
    people: list[str] = []
    for reading in header.readings:
        if reading is not None:
            people.extend(reading.authors)
    if not people:
        index = _author_line(header)
        if index is not None:
            people = names.split_names(header.lines[index])
    return tuple(names.unique_names(people))


def _author_line(header: _Header) -> int | None:
    """A bare name line ("Jane Doe") near a metadata line, when no byline names anyone."""
    if any(r is not None and r.authors for r in header.readings):
        return None
    filled = [
        i
        for i, (line, reading) in enumerate(zip(header.lines, header.readings, strict=True))
        if line.strip() and not (reading is not None and reading.furniture)
    ]
    for position, index in enumerate(filled):
        if index == header.title_index or header.readings[index] is not None:
            continue
        neighbours = filled[max(0, position - NAME_REACH) : position + NAME_REACH + 1]
        beside_metadata = any(header.readings[n] is not None for n in neighbours)
        if beside_metadata and names.looks_like_names(header.lines[index]):
            return index
    return None


def extract_published(header: _Header, body: str) -> str | None:
    """1. a date labelled as published, else the first date, else an updated one, on the
    metadata lines (numeric dates decided by evidence from all of them);
    2. a dateline opening the body ("June 3, 2021 — The mayor said …")."""
    matches = [d for r in header.readings if r is not None for d in r.dates]
    published = choose_published(resolve_dates(matches))
    if published:
        return published
    opening = resolve_dates(find_dates(body[:DATELINE_REACH]))
    first = opening[0] if opening else None
    if first and DATELINE_PLACE.fullmatch(body[: first.start]):
        return first.value if DATELINE_DASH.match(body, first.end) else None
    return None


def extract_views(header: _Header) -> int | None:
    """A view counter on a metadata line: "0 Views", "1.2K views", "Views: 5"."""
    for reading in header.readings:
        if reading is not None and reading.views is not None:
            return reading.views
    return None


def _drop_furniture(lines: list[str]) -> list[str]:
    """Body lines without furniture lines, and without the trailer of related links, tags
    and copyright that follows a trailer heading after the last line of prose."""
    last_prose = next((i for i in reversed(range(len(lines))) if is_prose(lines[i])), -1)
    kept = []
    for index, line in enumerate(lines):
        if index > last_prose and TRAILER_HEADING.fullmatch(line.strip()):
            break
        if not is_furniture(line):
            kept.append(line)
    return kept
