"""The authors of an HTML page: a chain of fallbacks, then one cleaning step for all.

Sources, most reliable first: JSON-LD (the article's `author`, people before organisations),
author meta tags (Dublin Core, `article:author`, `author`, Parse.ly, ...), and the visible
byline. Whatever the source, values go through `clean_authors`: prefixes ("By"), dates,
roles ("Staff"), advertising labels ("Sponsored"), site names and duplicates are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lxml import html

from newsgraph.extract.html.jsonld import JsonLd, names_of
from newsgraph.extract.html.tree import class_and_id, clean_text, visible_text
from newsgraph.lang.html import (
    BYLINE_PREFIXES,
    CO_AUTHOR_WORDS,
    JOB_TITLE_WORDS,
    MONTHS,
    NAME_JOINERS,
    NOT_AUTHOR_WORDS,
    NOT_AUTHORS,
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


def extract_authors(
    tree: html.HtmlElement,
    meta: dict[str, list[str]],
    jsonld: JsonLd,
    site_names: Iterable[str],
) -> tuple[str, ...]:
    """Each author once, in byline order; () when the page names none."""
    sites = {_fold(s) for s in site_names if s}
    # 1. structured data: people. A typed Person is kept even when it is the site's name (a
    # personal blog); everywhere else the site's name is a publisher, not an author.
    people, untyped = _jsonld_people(jsonld)
    authors = clean_authors(people + untyped, sites - {_fold(p) for p in people})
    if authors:
        return authors
    for candidates in (
        [_meta_authors(meta)],  # 2. meta tags
        _visible_bylines(tree),  # 3. the bylines a reader sees, in page order
        [_jsonld_organisations(jsonld)],  # 4. an organisation as author (a wire service)
    ):
        for values in candidates:
            authors = clean_authors(values, sites)
            if authors:
                return authors
    return ()


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
    for part in HARD_SEPARATORS.split(value):
        pieces = [p.strip(" ,.-–—") for p in SOFT_SEPARATOR.split(part)]
        # Split on commas and "and" only when every piece is a full name: "Jong, Michiel de"
        # (a catalogue form), "Brenda Goodman, MA" and "Mac & i" stay whole.
        if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
            names.extend(_drop_job_title(p) for p in pieces)
        else:
            names.append(_drop_job_title(clean_text(part).strip(" ,.-–—")))
    return names


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
