"""The authors of an HTML page: a chain of fallbacks, then one cleaning step for all.

Sources, most reliable first: JSON-LD (the article's `author`, people before organisations),
author meta tags (Dublin Core, `article:author`, `author`, Parse.ly, ...), and the visible
byline. Whatever the source, values go through `clean_authors`: prefixes ("By"), dates,
roles ("Staff"), advertising labels ("Sponsored"), site names and duplicates are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lxml import html

from newsgraph.extract.html.jsonld import JsonLd, names_of
from newsgraph.extract.html.tree import class_and_id, clean_text, visible_text
from newsgraph.extract.text import authors as names
from newsgraph.lang.html import (
    BYLINE_PREFIXES,
    CO_AUTHOR_WORDS,
    JOB_TITLE_WORDS,
    MONTHS,
    NAME_JOINERS,
    NOT_AUTHOR_WORDS,
    NOT_AUTHORS,
    NOT_NAME_START,
    OTHER_CREDIT_WORDS,
    PHOTO_CREDIT_WORDS,
    WEEKDAYS,
)

# Meta tags that carry author names, most deliberate first: Dublin Core is set on purpose,
# `author` is the common case, and the rest are vendor conventions.
AUTHOR_META_KEYS = (
    "dc.creator",
    "dc:creator",
    "dcterms.creator",
    "article:author",
    "og:article:author",
    "article:author_name",
    "author",
    "parsely-author",
    "sailthru.author",
    "citation_author",
    "byl",
)
URL = re.compile(r"(?:https?://|www\.)[^\s()<>]+", re.IGNORECASE)
EMAIL_OR_HANDLE = re.compile(r"\S+@\S+|(?<!\w)@\w+")
BYLINE_PREFIX = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in BYLINE_PREFIXES) + r")\b\s*:?\s*", re.IGNORECASE
)
# Where a name stops: a digit (a date, a count) or a month name followed by a digit.
MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
NAME_TAIL = re.compile(
    rf"\s*(?:\d|\b(?:{MONTH_WORDS})\.?\s+\d|\b(?:{'|'.join(WEEKDAYS)})\b).*$", re.IGNORECASE
)
CO_AUTHORS = re.compile(r"\(\s*(?:" + "|".join(CO_AUTHOR_WORDS) + r")\s+([^()]*)\)", re.IGNORECASE)
EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
HARD_SEPARATORS = re.compile(r"\s*(?:;|\||\n|/|·|•)\s*")
SOFT_SEPARATOR = re.compile(
    r"\s*,\s*|\s+(?:" + "|".join(re.escape(j) for j in NAME_JOINERS) + r")\s+", re.IGNORECASE
)
NON_WORD = re.compile(r"\W+")
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60
MAX_BYLINE_CHARS = 150  # a longer "byline" element is a biography or a whole article
# A class or id naming a byline: "byline", "author", "author-name", "article__writer", but
# not "authority" or "authorize".
BYLINE_MARKER = re.compile(r"(?:^|[\s_-])(?:by-?line|author|writer)(?:s|name)?(?:$|[\s_-])")
FURNITURE_TAGS = frozenset({"footer", "aside", "nav"})
COMMENT_MARKERS = ("comment", "reply")
FURNITURE_MARKERS = (*COMMENT_MARKERS, "related", "sidebar", "recommend", "promo", "footer")
NOT_BYLINE_MARKERS = ("bio", "avatar", "image", "photo", "img", "comment", "related")
PREFIXED_BYLINE_TAGS = ("p", "div", "span", "address", "li", "td", "strong", "b", "em")
MAX_PREFIXED_BYLINE_CHARS = 60
# "By Jane Doe" with a capital after the word: a byline, not a sentence ("by the river").
STRICT_BYLINE_PREFIX = re.compile(
    r"^(?i:" + "|".join(re.escape(p) for p in BYLINE_PREFIXES) + r")\s*:?\s+(?=[A-Z\u00c0-\u00de])"
)
# A credit in brackets or after a label: "(Image: FBI)", "Photo: Jane Doe", "Foto: dpa".
PHOTO_CREDIT = re.compile(
    r"\(\s*(?:" + "|".join(PHOTO_CREDIT_WORDS) + r")\b[^()]*\)"
    r"|^(?:" + "|".join(PHOTO_CREDIT_WORDS) + r")s?\s*(?::|by\b).*$",
    re.IGNORECASE,
)
# Credits for others after the authors: "Written by A Edited by B", "A; Photos by C".
OTHER_CREDITS = re.compile(
    r"\s*\b(?:" + "|".join(OTHER_CREDIT_WORDS) + r")\s+(?:by|par|von|por)\b.*$", re.IGNORECASE
)
# Two names glued where two links met without a space: "Jane DoeJohn Roe".
GLUED_NAMES = re.compile(r"(?<=[a-z\u00df-\u00ff]{2})(?=[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+\s)")


@dataclass(frozen=True, slots=True)
class Credits:
    """Who the page credits: persons (the authors), a wire agency, a publication."""

    authors: tuple[str, ...] = ()
    agency: str | None = None
    site: str | None = None


def extract_authors(
    tree: html.HtmlElement,
    meta: dict[str, list[str]],
    jsonld: JsonLd,
    site_names: Iterable[str],
) -> tuple[str, ...]:
    """Each author once, in byline order; () when the page names none."""
    return extract_credits(tree, meta, jsonld, site_names).authors


def extract_credits(
    tree: html.HtmlElement,
    meta: dict[str, list[str]],
    jsonld: JsonLd,
    site_names: Iterable[str],
) -> Credits:
    """The authors, and the agency or publication credited where an author is expected.

    Each source in turn, most reliable first; a source that names only organisations
    ("AFP", the site itself) gives those to `agency`/`site` and the search for persons goes
    on to the next source.
    """
    sites = {_fold(s) for s in site_names if s}
    organisations: list[str] = []
    # 1. structured data: people. A typed Person is kept even when it is the site's name (a
    # personal blog); everywhere else the site's name is a publisher, not an author.
    people, untyped = _jsonld_people(jsonld)
    sources: list[tuple[list[str], set[str]]] = [
        (people + untyped, sites - {_fold(p) for p in people})
    ]
    sources += [(values, sites) for values in _meta_and_bylines(tree, meta)]  # 2., 3.
    for values, known_sites in sources:
        organisations += _credited_organisations(values, known_sites)
        authors = clean_authors(values, known_sites)
        if authors:
            return _credits(authors, organisations)
    # 4. an organisation as author: a wire service is credited as the agency; another
    # organisation (an encyclopedia's contributors) stays the author.
    typed = _jsonld_organisations(jsonld)
    organisations += [o for o in typed if names.is_agency(_strip_furniture(o))]
    authors = clean_authors([o for o in typed if not names.is_agency(_strip_furniture(o))], sites)
    return _credits(authors, organisations)


def _meta_and_bylines(tree: html.HtmlElement, meta: dict[str, list[str]]) -> Iterator[list[str]]:
    yield _meta_authors(meta)  # 2. meta tags
    yield from _visible_bylines(tree)  # 3. the bylines a reader sees, in page order
    yield from _prefixed_bylines(tree)  # 3b. a visible "By Jane Doe" line with no markup


def _organisation(value: str, sites: set[str]) -> bool:
    cleaned = _strip_furniture(value)
    return bool(cleaned) and (names.is_agency(cleaned) or _fold(cleaned) in sites)


def _credited_organisations(values: list[str], sites: set[str]) -> list[str]:
    """Organisations a byline value names beside or instead of persons: "AFP", the site,
    "Jane Doe, The Valley Courier" (a publication)."""
    found = []
    for value in values:
        if _organisation(value, sites):
            found.append(value)
            continue
        for part in SOFT_SEPARATOR.split(HARD_SEPARATORS.sub(", ", _strip_furniture(value))):
            part = part.strip(" ,.-–—")
            if names.is_agency(part) or names.is_outlet(part):
                found.append(part)
    return found


def _credits(authors: tuple[str, ...], organisations: list[str]) -> Credits:
    cleaned = [_strip_furniture(o) for o in organisations]
    agency = next((o for o in cleaned if names.is_agency(o)), None)
    site = next((o for o in cleaned if o and not names.is_agency(o)), None)
    return Credits(authors=authors, agency=agency, site=site)


def _prefixed_bylines(tree: html.HtmlElement) -> Iterator[list[str]]:
    # A short element whose own text starts with a byline word ("By Jane Doe", "Par Jean
    # Dupont") inside the article, when nothing is marked up as a byline.
    for element in tree.iter(*PREFIXED_BYLINE_TAGS):
        text = visible_text(element)
        if len(text) > MAX_PREFIXED_BYLINE_CHARS or not STRICT_BYLINE_PREFIX.match(text):
            continue
        if _in_furniture(element, []):
            continue
        yield [text]


def _jsonld_people(jsonld: JsonLd) -> tuple[list[str], list[str]]:
    """Authors typed Person, and untyped ones (plain strings); `creator` is left out: sites
    fill it with user names of their content systems."""
    if jsonld.article is None:
        return [], []
    pairs = names_of(jsonld.article.get("author"))
    return [n for n, kind in pairs if "person" in kind], [n for n, kind in pairs if not kind]


def _jsonld_organisations(jsonld: JsonLd) -> list[str]:
    if jsonld.article is None:
        return []
    return [name for name, kind in names_of(jsonld.article.get("author")) if "organization" in kind]


def _meta_authors(meta: dict[str, list[str]]) -> list[str]:
    # All values of the first key the page has: several `article:author` tags list co-authors.
    for key in AUTHOR_META_KEYS:
        values = [v for v in meta.get(key, ()) if not URL.match(v)]
        if values:
            return values
    return []


def _visible_bylines(tree: html.HtmlElement) -> Iterator[list[str]]:
    # rel=author links and itemprop=author first, then elements marked as bylines; none
    # from comments, related stories or other page furniture.
    marked = (
        e
        for e in tree.iter()
        if isinstance(e.tag, str)
        and BYLINE_MARKER.search(class_and_id(e))
        and not any(m in class_and_id(e) for m in NOT_BYLINE_MARKERS)
    )
    structured = tree.xpath('//*[@rel="author" or @itemprop="author"]')
    for elements in (structured, marked):
        for element in elements:
            if element.tag in ("meta", "link") or _in_furniture(element, structured):
                continue
            name = element.xpath('.//*[@itemprop="name"]')
            text = visible_text(name[0] if name else element)
            if text and len(text) <= MAX_BYLINE_CHARS:
                yield [text]


def _in_furniture(element: html.HtmlElement, structured: list[html.HtmlElement]) -> bool:
    # Marked-up authors (rel, itemprop) are trusted outside comments: blogs put the article's
    # byline in an <aside>. <body> classes describe the layout, not this element.
    markers = COMMENT_MARKERS if element in structured else FURNITURE_MARKERS
    for ancestor in element.iterancestors():
        if ancestor.tag in ("body", "html"):
            break
        if element not in structured and ancestor.tag in FURNITURE_TAGS:
            return True
        if any(m in class_and_id(ancestor) for m in markers):
            return True
    return False


def clean_authors(values: Iterable[str], site_names: set[str]) -> tuple[str, ...]:
    """Person names from raw author values, each once, in order (see the module docstring)."""
    names: list[str] = []
    for value in values:
        for name in _split_names(_strip_furniture(value)):
            if _is_person_name(name, site_names):
                names.append(name)
    return _unique(names)


def _strip_furniture(value: str) -> str:
    value = OTHER_CREDITS.sub("", PHOTO_CREDIT.sub(" ", value))
    value = CO_AUTHORS.sub(r"; \1", URL.sub(" ", value))
    value = EMAIL_OR_HANDLE.sub(" ", value)
    value = EMPTY_BRACKETS.sub(" ", value)
    value = clean_text(value)
    previous = None
    while previous != value:  # "By: Written by Jane Doe" needs two passes
        previous = value
        value = BYLINE_PREFIX.sub("", value)
    return NAME_TAIL.sub("", value).strip(" ,;:-–—|")


def _split_names(value: str) -> list[str]:
    names: list[str] = []
    for part in HARD_SEPARATORS.split(_unglue(value)):
        pieces = [p.strip(" ,.-–—") for p in SOFT_SEPARATOR.split(part)]
        # Split on commas and "and" only when every piece is a full name: "Jong, Michiel de"
        # (a catalogue form), "Brenda Goodman, MA" and "Mac & i" stay whole.
        if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
            names.extend(_drop_job_title(p) for p in pieces)
        else:
            names.append(_drop_job_title(clean_text(part).strip(" ,.-–—")))
    return names


def _unglue(value: str) -> str:
    """ "Jane DoeJohn Roe" -> "Jane Doe; John Roe", only when both sides are full names
    ("LeBron James" and "Ronald McDonald" stay whole)."""
    for glue in GLUED_NAMES.finditer(value):
        left, right = value[: glue.start()], value[glue.start() :]
        left_name = re.split(r"[;,|]", left)[-1].split()
        right_name = re.split(r"[;,|]", right)[0].split()
        if len(left_name) >= 2 and len(right_name) >= 2:
            return f"{left}; {_unglue(right)}"
    return value


def _drop_job_title(name: str) -> str:
    # "Ben Silverman Games Editor" -> "Ben Silverman": a title never starts a name.
    words = name.split()
    for index in range(2, len(words)):
        if words[index].lower() in JOB_TITLE_WORDS:
            # The word before the title belongs to it ("Games Editor") unless it is the name.
            keep = index - 1 if index - 1 >= 2 else index
            return " ".join(words[:keep])
    return name


def _is_person_name(name: str, site_names: set[str]) -> bool:
    folded = name.casefold()
    if not name or not any(ch.isalpha() for ch in name) or folded in NOT_AUTHORS:
        return False
    if names.is_agency(name):  # a wire agency is credited as the agency, never an author
        return False
    if folded.split()[0] in NOT_NAME_START:  # "The Valley Courier", "Our Correspondent"
        return False
    words = folded.split()
    if len(words) > MAX_NAME_WORDS or len(name) > MAX_NAME_CHARS:
        return False
    if len(words) == 1 and name.islower():  # "mcupdate": a user handle, not a name
        return False
    if any(w.strip(".,:") in NOT_AUTHOR_WORDS | JOB_TITLE_WORDS for w in words):
        return False
    return _fold(name) not in site_names


def _unique(names: list[str]) -> tuple[str, ...]:
    """Each name once, in first-seen order, in its best-cased spelling (not ALL CAPS)."""
    chosen: dict[str, str] = {}
    for name in names:
        key = _fold(name)
        if key not in chosen or (chosen[key].isupper() and not name.isupper()):
            chosen[key] = name
    return tuple(chosen.values())


def _fold(text: str) -> str:
    return NON_WORD.sub("", text.casefold())
