"""Metadata of an HTML page: one function per field, each a short chain of fallbacks.

The most reliable source comes first (schema.org JSON-LD), then meta tags (OpenGraph,
`article:*`, Dublin Core, vendor tags), then what a reader sees (headings, bylines,
breadcrumbs, counters). Authors and dates have their own modules (html_authors, html_dates).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html

from newsgraph.extract.fields import clean_title, decode_entities, decoded_metadata, host_name
from newsgraph.extract.html.authors import extract_credits
from newsgraph.extract.html.dates import extract_published
from newsgraph.extract.html.jsonld import JsonLd, names_of, read_jsonld, text_value, type_names
from newsgraph.extract.html.tree import (
    class_and_id,
    clean_text,
    first_meta,
    meta_contents,
    visible_text,
)
from newsgraph.lang.html import NOT_SECTIONS, VIEW_LABELS
from newsgraph.records import Metadata

TITLE_META_KEYS = (
    "og:title",
    "twitter:title",
    "dc.title",
    "dc:title",
    "dcterms.title",
    "parsely-title",
    "sailthru.title",
    "title",
)
SITE_NAME_META_KEYS = ("og:site_name", "application-name", "apple-mobile-web-app-title")
SECTION_META_KEYS = ("article:section", "og:article:section", "parsely-section", "section")
# Separators between a headline and the site name in <title> ("Headline | Site").
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|·|•|/)\s+")
NON_WORD = re.compile(r"\W+")
BRACKETED_SUFFIX = re.compile(r"\s*[\[(](?P<site>[^\[\]()]+)[\])]$")
MIN_HEADLINE_WORDS = 3
MAX_SITE_NAME_WORDS = 4
# Breadcrumb entries that are the way home, not a section.
HOME_WORDS = frozenset({"home", "homepage", "start", "accueil", "startseite", "inicio", "news"})
VIEW_WORDS = "|".join(VIEW_LABELS)
VIEW_COUNTER = re.compile(
    rf"^(?:(?P<n>\d[\d,.\u00a0 ]*)\s*(?P<unit>[kKmM])?\s+(?:{VIEW_WORDS})"
    rf"|(?:{VIEW_WORDS})\s*:?\s*(?P<n2>\d[\d,.\u00a0 ]*)(?P<unit2>[kKmM])?)$",
    re.IGNORECASE,
)
VIEW_LABEL = re.compile(VIEW_WORDS, re.IGNORECASE)
MAX_COUNTER_CHARS = 40
MAX_SECTION_CHARS = 60


def extract_metadata(
    tree: html.HtmlElement, *, url: str | None = None, crawled: date | None = None
) -> Metadata:
    """Title, section, authors, publication date and views of a parsed page."""
    meta = meta_contents(tree)
    jsonld = read_jsonld(tree)
    page_url = extract_url(tree, meta, url)
    sites = site_names(meta, jsonld, page_url)
    headline = decode_entities(extract_title(tree, meta, jsonld, sites))
    section = decode_entities(extract_section(tree, meta, jsonld, headline))
    title = clean_title(headline, section)
    credits = extract_credits(tree, meta, jsonld, sites)
    metadata = Metadata(
        title=title,
        section=section,
        authors=credits.authors,
        published=extract_published(tree, meta, jsonld, crawled or date.today()),
        views=extract_views(tree, jsonld),
        url=page_url,
        site=extract_site(meta, jsonld, credits.site, page_url),
        agency=credits.agency,
    )
    return decoded_metadata(metadata)


def extract_url(tree: html.HtmlElement, meta: dict[str, list[str]], url: str | None) -> str | None:
    """The article's address: 1. <link rel=canonical>; 2. og:url; 3. where it was fetched.
    Only absolute http(s) addresses count (a relative canonical is resolved against the
    fetched address)."""
    canonical = [link.get("href") for link in tree.xpath('//link[@rel="canonical"][@href]')]
    for candidate in (*canonical, *meta.get("og:url", ()), url):
        absolute = urljoin(url or "", clean_text(candidate)) if candidate else ""
        if absolute.startswith(("http://", "https://")):
            return absolute
    return None


def extract_site(
    meta: dict[str, list[str]], jsonld: JsonLd, credited: str | None, url: str | None
) -> str | None:
    """The site or publication: 1. og:site_name and app names; 2. the JSON-LD publisher and
    website; 3. a publication the byline credits; 4. the URL's host."""
    named = [v for key in SITE_NAME_META_KEYS for v in meta.get(key, ())]
    if jsonld.article is not None:
        named += [name for name, _ in names_of(jsonld.article.get("publisher"))]
    named += [name for website in jsonld.of_type("WebSite") for name, _ in names_of(website)]
    for candidate in (*named, credited):
        site = decode_entities(clean_text(candidate))
        if site and not site.startswith(("http://", "https://")):
            return site
    return host_name(url)


def site_names(meta: dict[str, list[str]], jsonld: JsonLd, url: str | None) -> list[str]:
    """Names the site goes by: meta tags, the JSON-LD publisher and website, the domain."""
    names = [v for key in SITE_NAME_META_KEYS for v in meta.get(key, ())]
    names += [h.lstrip("@") for h in meta.get("twitter:site", ())]
    if jsonld.article is not None:
        names += [name for name, _ in names_of(jsonld.article.get("publisher"))]
    names += [name for website in jsonld.of_type("WebSite") for name, _ in names_of(website)]
    if url:
        host = urlsplit(url).hostname or ""
        labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
        if labels:
            names.append(labels[0])
    return [clean_text(n) for n in names if clean_text(n)]


def extract_title(
    tree: html.HtmlElement, meta: dict[str, list[str]], jsonld: JsonLd, sites: list[str]
) -> str | None:
    """The headline, without the site's name."""
    document_title = clean_text(_document_title(tree))
    candidates = [
        _jsonld_headline(jsonld, document_title, meta),  # 1. structured data
        first_meta(meta, TITLE_META_KEYS),  # 2. OpenGraph, Twitter, Dublin Core, vendors
        _heading_in_title(tree, document_title),  # 3. the <h1> that <title> repeats
    ]
    for candidate in candidates:
        title = strip_site_name(clean_text(candidate), sites)
        if title:
            return title
    # 4. <title> alone: its last part is most often the site's name even when unknown.
    return strip_unknown_site_name(strip_site_name(document_title, sites)) or None


def _jsonld_headline(jsonld: JsonLd, document_title: str, meta: dict[str, list[str]]) -> str | None:
    # Some sites put a description in `headline` and the title in `name` (encyclopedias):
    # the one that the page's other titles repeat wins; otherwise the headline.
    if jsonld.article is None:
        return None
    headline = text_value(jsonld.article.get("headline"))
    name = text_value(jsonld.article.get("name"))
    others = _fold(" ".join([document_title, *meta.get("og:title", [])]))
    for candidate in (headline, name):
        if candidate and _fold(candidate) and _fold(candidate) in others:
            return candidate
    return headline or name


def _document_title(tree: html.HtmlElement) -> str | None:
    titles = tree.xpath("//head/title | //title")
    return titles[0].text_content() if titles else None


def _heading_in_title(tree: html.HtmlElement, document_title: str) -> str | None:
    # An <h1> that begins <title> is the headline ("Headline | Site"); else the longest <h1>
    # found inside it. A short <h1> that is only the site's logo loses to both.
    folded_title = _fold(document_title)
    if not folded_title:
        return None
    headings = [visible_text(h).rstrip(" ¶#") for h in tree.iter("h1")]
    inside = [h for h in headings if _fold(h) and _fold(h) in folded_title]
    for heading in inside:
        if folded_title.startswith(_fold(heading)):
            return heading
    return max(inside, key=len, default=None)


def strip_site_name(title: str, sites: list[str]) -> str:
    """The title without a trailing part that is the site's name ("Headline | Site",
    "Headline [Site]")."""
    folded_sites = {_fold(s) for s in sites} - {""}
    bracketed = BRACKETED_SUFFIX.search(title)
    if bracketed and _fold(bracketed["site"]) in folded_sites:
        return title[: bracketed.start()].strip()
    separators = list(TITLE_SEPARATOR.finditer(title))
    if separators and _fold(title[separators[-1].end() :]) in folded_sites:
        return title[: separators[-1].start()].strip()
    return title


def strip_unknown_site_name(title: str) -> str:
    """A <title> without its last part when that part is short and the rest is a headline."""
    separators = list(TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    head, tail = title[: separators[-1].start()], title[separators[-1].end() :]
    if len(head.split()) >= MIN_HEADLINE_WORDS and len(tail.split()) <= MAX_SITE_NAME_WORDS:
        return head.strip()
    return title


def _fold(text: str) -> str:
    return NON_WORD.sub("", text.casefold())


def extract_section(
    tree: html.HtmlElement, meta: dict[str, list[str]], jsonld: JsonLd, title: str | None
) -> str | None:
    """The section of the site the article is filed under."""
    candidates = [
        text_value(jsonld.article.get("articleSection")) if jsonld.article else None,
        *meta_section_values(meta),
        _breadcrumb_section(_jsonld_breadcrumbs(jsonld), title),
        _breadcrumb_section(_html_breadcrumbs(tree), title),
    ]
    for candidate in candidates:
        section = clean_text(candidate)
        if _is_section(section):
            return section
    return None


def _is_section(section: str) -> bool:
    return (
        bool(section)
        and len(section) <= MAX_SECTION_CHARS
        and not section.startswith(("/", "http"))
        and section.casefold() not in NOT_SECTIONS
    )


def meta_section_values(meta: dict[str, list[str]]) -> list[str]:
    return [v for key in SECTION_META_KEYS for v in meta.get(key, ())]


def _jsonld_breadcrumbs(jsonld: JsonLd) -> list[str]:
    for crumbs in jsonld.of_type("BreadcrumbList"):
        items = crumbs.get("itemListElement")
        if isinstance(items, list):
            ordered = sorted((i for i in items if isinstance(i, dict)), key=lambda i: _position(i))
            return [name for item in ordered for name in _crumb_name(item)]
    return []


def _position(item: dict[str, Any]) -> int:
    try:
        return int(item.get("position", 0))
    except (TypeError, ValueError):
        return 0


def _crumb_name(item: dict[str, Any]) -> list[str]:
    if item.get("name"):
        return [str(item["name"])]
    return [name for name, _ in names_of(item.get("item"))]


def _html_breadcrumbs(tree: html.HtmlElement) -> list[str]:
    for element in tree.iter():
        if isinstance(element.tag, str) and "breadcrumb" in class_and_id(element):
            links = [visible_text(a) for a in element.iter("a")]
            if links:
                return [link for link in links if link]
    return []


def _breadcrumb_section(crumbs: list[str], title: str | None) -> str | None:
    # The deepest crumb that is neither the way home nor the article itself.
    folded_title = (title or "").casefold()
    for crumb in reversed(crumbs):
        folded = clean_text(crumb).casefold()
        if folded and folded not in HOME_WORDS and folded != folded_title:
            return clean_text(crumb)
    return None


def extract_views(tree: html.HtmlElement, jsonld: JsonLd) -> int | None:
    """How many times the article was viewed or read, when the page shows a counter."""
    statistics = jsonld.article.get("interactionStatistic") if jsonld.article else None
    counters = [*jsonld.objects, *(statistics if isinstance(statistics, list) else [statistics])]
    for obj in counters:
        if isinstance(obj, dict) and "interactioncounter" in type_names(obj):
            kind = str(obj.get("interactionType", "")).lower()
            if any(word in kind for word in ("watch", "view", "read")):
                count = _count(str(obj.get("userInteractionCount", "")), None)
                if count is not None:
                    return count
    # Only text that names a counter is looked at, then its element and the one around it
    # ("<span>12,480</span> views"): reading every element's text would cost quadratic time.
    for element in _elements_naming_a_counter(tree):
        for candidate in (element, element.getparent() if element is not None else None):
            if candidate is None or candidate.tag in ("script", "style"):
                continue
            count = _counter_value(clean_text(candidate.text_content()))
            if count is not None:
                return count
    return None


def _elements_naming_a_counter(tree: html.HtmlElement) -> Iterator[html.HtmlElement]:
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        if element.text and VIEW_LABEL.search(element.text):
            yield element
        if element.tail and VIEW_LABEL.search(element.tail) and element.getparent() is not None:
            yield element.getparent()


def _counter_value(text: str) -> int | None:
    if len(text) > MAX_COUNTER_CHARS:
        return None
    match = VIEW_COUNTER.match(text)
    if match is None:
        return None
    return _count(match["n"] or match["n2"], match["unit"] or match["unit2"])


def _count(digits: str, unit: str | None) -> int | None:
    cleaned = digits.replace(",", "").replace("\u00a0", "").replace(" ", "")
    try:
        number = float(cleaned) if unit else float(cleaned.replace(".", ""))
    except ValueError:
        return None
    scale = {"k": 1_000, "m": 1_000_000}.get((unit or "").lower(), 1)
    return int(number * scale)
