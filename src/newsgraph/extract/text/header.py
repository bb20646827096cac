"""One line at the top of a scraped page, read as metadata.

A header line may hold several fields at once ("Politics <name> Friday March 5th, 2021
0 Views", "By Jane Doe | June 3, 2021 | 4 min read"). It is cut into segments at the things
that are easy to recognise — dates, counters, separators, bylines, changes of script — and the
remaining pieces are classified by their shape and position. A line with none of these marks
is not metadata (it may be the title, or prose) and `read_header_line` returns None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from newsgraph.extract.dates import DateMatch, find_dates
from newsgraph.extract.text import authors as names
from newsgraph.lang.en import page as en

PieceKind = Literal["text", "byline", "script"]


def _words(words: tuple[str, ...]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_NUMBER = r"\d[\d,.]*(?:\s?[KkMm]\b)?"
# "0 Views", "1.2K views", "3 Comments", "4 min read"; and "Views: 5".
_COUNTER_NOUNS = _words(en.VIEW_WORDS + en.OTHER_COUNTER_WORDS)
COUNTER = re.compile(
    rf"(?<![\w.,])(?P<number>{_NUMBER})\s*(?P<noun>{_COUNTER_NOUNS})\b"
    rf"|\b(?P<noun_first>{_words(en.VIEW_WORDS)})\s*:\s*(?P<number_after>{_NUMBER})",
    re.IGNORECASE,
)
READING_TIME = re.compile(r"\breading time\s*:?\s*\d+\s*min(?:ute)?s?\b", re.IGNORECASE)
# "Posted 3 hours ago", "2 days ago", "just now": a date we cannot place without the crawl time.
RELATIVE_TIME = re.compile(
    rf"(?:\b(?:{_words(en.PUBLISHED_LABELS + en.UPDATED_LABELS)})\s*:?\s*)?"
    r"(?:\b(?:an?|\d+)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
    r"\s+ago\b|\bjust now\b)",
    re.IGNORECASE,
)
# Between fields on one line: "|", bullets, a spaced dash, a spaced slash.
SEPARATOR = re.compile(r"\s*[|•·‖┃]\s*|\s+[-–—/]\s+|\s{3,}|\t")
# "by" inside a line that is already metadata: "Posted on June 3, 2021 by Jane Doe".
INNER_BY = re.compile(r"(?:^|\s)by\s+(?=\S)", re.IGNORECASE)
BYLINE_START = re.compile(
    rf"^\s*(?:{_words(en.BYLINE_PREFIXES)})\b(?:\s*:\s*|\s+)(?=\S)", re.IGNORECASE
)
SECTION_LABEL = re.compile(
    rf"^\s*(?:(?:{_words(en.SECTION_LABELS)})\s*:|(?:{_words(en.SECTION_PHRASES)})\s*:?)"
    r"\s*(?P<name>[^,;|]+)",
    re.IGNORECASE,
)
BREADCRUMB_SEPARATOR = re.compile(r"\s*[>»›]\s*")
BAR_SEPARATOR = re.compile(r"\s*[|/]\s*")
TRAIL_NON_ITEM = re.compile(r"\d|[.!?]$")  # dates, counters and sentences are no sections
FURNITURE = re.compile(rf"(?:{'|'.join(en.FURNITURE_LINES)})", re.IGNORECASE)
BARE_DATE_LABEL = re.compile(
    rf"(?:{_words(en.PUBLISHED_LABELS + en.UPDATED_LABELS)})(?:\s+(?:on|at))?\s*:?", re.IGNORECASE
)
MAX_SECTION_WORDS = 4
MAX_FURNITURE_CHARS = 300
# Between furniture items on one line: a run of spaces or tabs, or a separator mark.
FURNITURE_ITEM_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s{2,}|\t")
MAX_AUTHORS_PER_LINE = 8
SENTENCE_END = re.compile(r"[.?!][\"'”’»)]*\s*$")
SENTENCE_REST_WORDS = 4  # words besides the metadata that make a sentence of a line


@dataclass(frozen=True, slots=True)
class HeaderLine:
    """What one header line says. `furniture` lines say nothing worth keeping."""

    dates: tuple[DateMatch, ...] = ()
    views: int | None = None
    authors: tuple[str, ...] = ()
    section: str | None = None
    furniture: bool = False
    rest: tuple[str, ...] = ()  # pieces that are none of the above (a headline, a site name)
    agency: str | None = None  # a wire agency credited beside the names ("Reuters")
    site: str | None = None  # a publication credited beside the names ("The Valley Courier")


@dataclass(slots=True)
class _Piece:
    kind: PieceKind
    text: str
    leading: bool = False  # the first thing on its line


@dataclass(slots=True)
class _Reading:
    dates: list[DateMatch] = field(default_factory=list)
    views: int | None = None
    counters: int = 0
    pieces: list[_Piece] = field(default_factory=list)


def is_furniture(line: str) -> bool:
    """A whole line of site furniture: "Share", "Follow us on X", "Tags: a, b", "© 2021 …",
    or several such items side by side ("Share   Follow us", "Tweet | Email")."""
    text = line.strip().strip("•·|-–—:").strip()
    if not text or len(text) > MAX_FURNITURE_CHARS:  # paragraphs of prose, quickly
        return False
    if _is_furniture_item(text):
        return True
    items = [item for item in FURNITURE_ITEM_SEPARATOR.split(text) if item]
    return len(items) > 1 and all(_is_furniture_item(item) for item in items)


def _is_furniture_item(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in (FURNITURE, READING_TIME, RELATIVE_TIME))


def is_date_label(line: str) -> bool:
    """A label on a line of its own, its date on the next: "Published" / "3 June 2021"."""
    return bool(BARE_DATE_LABEL.fullmatch(line.strip()))


def read_header_line(line: str, *, latin_page: bool = True) -> HeaderLine | None:
    """The metadata on one line, or None when the line carries no metadata marks. On a page
    in Latin script, a run of another script is a name; elsewhere it is ordinary text."""
    text = line.strip()
    if not text:
        return None
    if is_furniture(text) or is_date_label(text):  # a lone label's date is on the next line
        return HeaderLine(furniture=True)
    labelled = SECTION_LABEL.match(text)
    if labelled:
        return HeaderLine(section=labelled["name"].strip(names.EDGE_PUNCTUATION))
    crumbs = _breadcrumbs(text)
    if crumbs:
        return HeaderLine(section=crumbs)
    return _read_segments(text, latin_page=latin_page)


def _breadcrumbs(text: str) -> str | None:
    """ "Home > World > Asia" -> "Asia": the last section of a trail. A trail may end with the
    page's own headline; "News | Mining" is a trail when it names a known section."""
    items = [i.strip() for i in BREADCRUMB_SEPARATOR.split(text)]
    if len(items) < 2:
        items = [i.strip() for i in BAR_SEPARATOR.split(text)]
        if len(items) < 2 or not any(i.casefold() in en.SECTION_NAMES for i in items):
            return None
    if len(items[-1].split()) > MAX_SECTION_WORDS:
        items = items[:-1]  # the headline of the page itself
    items = [i for i in items if i.casefold() not in en.TRAIL_START]
    if not items or not all(_is_trail_item(i) for i in items):
        return None
    return items[-1]


def _is_trail_item(item: str) -> bool:
    return bool(item) and len(item.split()) <= MAX_SECTION_WORDS and not TRAIL_NON_ITEM.search(item)


def _read_segments(text: str, *, latin_page: bool) -> HeaderLine | None:
    reading = _Reading()
    gaps = _cut_marks(text, reading)
    marked = bool(reading.dates or reading.counters)
    for number, gap in enumerate(gaps):
        pieces = _split_gap(gap, marked_line=marked, latin_page=latin_page)
        if number == 0 and pieces:
            pieces[0].leading = True
        reading.pieces.extend(pieces)
    section, people, rest = _classify(reading.pieces, latin_page=latin_page)
    if not _is_metadata(text, reading, rest):
        return None
    if len(people) > MAX_AUTHORS_PER_LINE:  # a menu of links, not a byline
        people, rest = [], [*rest, *people]
    agency, site = _credits(reading.pieces)
    return HeaderLine(
        dates=tuple(reading.dates),
        views=reading.views,
        authors=tuple(people),
        section=section,
        rest=tuple(rest),
        agency=agency,
        site=site,
    )


def _credits(pieces: list[_Piece]) -> tuple[str | None, str | None]:
    """The wire agency and the publication a byline credits ("Jane Doe, Reuters", "By Jane
    Doe, The Valley Courier"): organisations, kept apart from the authors."""
    agency: str | None = None
    site: str | None = None
    for piece in pieces:
        for part in names.byline_parts(piece.text):
            if names.is_agency(part):
                agency = agency or part
            elif piece.kind != "script" and names.is_outlet(part):
                site = site or part
    return agency, site


def _cut_marks(text: str, reading: _Reading) -> list[str]:
    """Take dates and counters out of the line (into `reading`); the gaps between them."""
    marks: list[tuple[int, int]] = []
    for date in find_dates(text):
        reading.dates.append(date)
        marks.append((date.label_start if date.label_start is not None else date.start, date.end))
    others = (*READING_TIME.finditer(text), *RELATIVE_TIME.finditer(text))
    for counter in (*COUNTER.finditer(text), *others):
        if any(start < counter.end() and counter.start() < end for start, end in marks):
            continue
        marks.append((counter.start(), counter.end()))
        reading.counters += 1
        views = _views(counter)
        if views is not None and reading.views is None:
            reading.views = views
    gaps, position = [], 0
    for start, end in sorted(marks):
        gaps.append(text[position:start])
        position = end
    gaps.append(text[position:])
    return gaps


def _views(counter: re.Match[str]) -> int | None:
    noun = (counter.groupdict().get("noun") or counter.groupdict().get("noun_first") or "").lower()
    if noun not in en.VIEW_WORDS:
        return None
    return parse_count(counter["number"] or counter["number_after"])


def parse_count(text: str) -> int | None:
    """ "1,234" -> 1234, "1.2K" -> 1200, "3M" -> 3000000."""
    text = text.replace(" ", "").replace("\u00a0", "")
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:].lower(), 1)
    digits = text.rstrip("KkMm").rstrip(".,")
    if scale == 1 or re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        digits = digits.replace(",", "").replace(".", "")  # thousands separators
        return int(digits) * scale if digits.isdigit() else None
    try:
        return round(float(digits.replace(",", ".")) * scale)
    except ValueError:
        return None


def _split_gap(gap: str, *, marked_line: bool, latin_page: bool) -> list[_Piece]:
    """Pieces of the text between marks: at separators, at "by", at changes of script."""
    pieces: list[_Piece] = []
    for part in SEPARATOR.split(gap):
        part = part.strip(names.EDGE_PUNCTUATION)
        if not part:
            continue
        byline = BYLINE_START.match(part)
        if byline and names.looks_like_credit(part[byline.end() :]):
            pieces.append(_Piece("byline", part[byline.end() :]))
            continue
        inner = INNER_BY.search(part) if marked_line or pieces else None
        if inner and names.looks_like_credit(part[inner.end() :]):
            pieces.extend(_split_scripts(part[: inner.start()], latin_page))
            pieces.append(_Piece("byline", part[inner.end() :]))
            continue
        pieces.extend(_split_scripts(part, latin_page))
    return pieces


def _split_scripts(text: str, latin_page: bool) -> list[_Piece]:
    """Latin and non-Latin runs apart: "Politics سارا احمدی" -> two pieces."""
    if not latin_page:
        return [_Piece("text", text)]
    pieces, position = [], 0
    for run in names.OTHER_SCRIPT_RUN.finditer(text):
        before = text[position : run.start()].strip(names.EDGE_PUNCTUATION)
        if before:
            pieces.append(_Piece("text", before))
        pieces.append(_Piece("script", run.group()))
        position = run.end()
    rest = text[position:].strip(names.EDGE_PUNCTUATION)
    if rest:
        pieces.append(_Piece("text", rest))
    return pieces


def _is_metadata(text: str, reading: _Reading, rest: list[str]) -> bool:
    """A date, a counter or a byline marks a metadata line; so do names in another script or
    an agency credit on a line of short pieces. A sentence that mentions a date is not one."""
    if SENTENCE_END.search(text) and sum(len(r.split()) for r in rest) >= SENTENCE_REST_WORDS:
        return False
    if reading.dates or reading.counters or any(p.kind == "byline" for p in reading.pieces):
        return True
    short = all(len(p.text.split()) <= 6 for p in reading.pieces)
    credited = any(
        p.kind == "script"
        or names.is_agency(p.text)
        or names.is_role(p.text)
        or names.is_credit_line(p.text)
        for p in reading.pieces
    )
    return short and credited and not text.rstrip().endswith((".", "?", "!"))


def _classify(pieces: list[_Piece], *, latin_page: bool) -> tuple[str | None, list[str], list[str]]:
    """The section and the persons among a metadata line's pieces.

    A byline or another-script piece is a name. A plain piece is a section when it is a known
    section name, or when it comes first and a name follows it ("Politics <name>"); it is
    a name when it is shaped like one ("Jane Doe, June 3"); otherwise it is left alone.
    """
    section: str | None = None
    people: list[str] = []
    rest: list[str] = []
    for index, piece in enumerate(pieces):
        if piece.text.casefold().rstrip(".") in en.WEEKDAYS:
            continue  # evidence for a numeric date nearby, already used
        if piece.kind in ("byline", "script"):
            people.extend(names.split_names(piece.text))
        elif _is_section(piece.text, first=piece.leading, named_after=_names_follow(pieces, index)):
            section = section or piece.text
        elif names.looks_like_names(piece.text) and (
            latin_page or not names.is_other_script(piece.text)
        ):
            people.extend(names.split_names(piece.text))
        elif not (names.is_agency(piece.text) or names.is_role(piece.text)):
            rest.append(piece.text)
    return section, names.unique_names(people), rest


def _names_follow(pieces: list[_Piece], index: int) -> bool:
    return any(p.kind in ("byline", "script") for p in pieces[index + 1 :])


def _is_section(text: str, *, first: bool, named_after: bool) -> bool:
    if names.is_agency(text) or names.is_role(text) or is_furniture(text):
        return False
    if text.casefold() in en.SECTION_NAMES:
        return True
    if not first or len(text.split()) > MAX_SECTION_WORDS or not text[:1].isupper():
        return False
    return named_after or len(text.split()) == 1
