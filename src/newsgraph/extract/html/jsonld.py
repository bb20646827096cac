"""Schema.org JSON-LD blocks of a page: the most reliable metadata a news page carries.

A page may hold several blocks, each an object, a list or a `@graph`; articles may nest
inside `mainEntity` or `mainEntityOfPage`. This module flattens them into plain dicts and
picks the article among them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import html

# Types that describe the article itself (schema.org's Article and its news subtypes).
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenews",
        "reportagenewsarticle",
        "satiricalarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicquestion",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "techarticle",
        "scholarlyarticle",
        "report",
        "creativework",
    }
)
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "aboutpage"})
# Control characters that some sites leave inside JSON strings, which strict JSON rejects.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f]")
TRAILING_COMMA = re.compile(r",\s*([}\]])")
# Wrappers that keep old browsers from reading the script: <!-- -->, (//)<![CDATA[ ]]>.
SCRIPT_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
NESTED_KEYS = ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement")


@dataclass(frozen=True, slots=True)
class JsonLd:
    """The objects of a page's JSON-LD, flattened, and the article among them (if any)."""

    objects: tuple[dict[str, Any], ...]
    article: dict[str, Any] | None

    def of_type(self, *types: str) -> Iterator[dict[str, Any]]:
        wanted = {t.lower() for t in types}
        return (o for o in self.objects if wanted & type_names(o))


def read_jsonld(tree: html.HtmlElement) -> JsonLd:
    """Every JSON-LD object of the page; blocks that are not valid JSON are skipped."""
    objects: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        data = _load(script.text_content())
        if data is not None:
            objects.extend(_flatten(data, depth=0))
    return JsonLd(objects=tuple(objects), article=_pick_article(objects))


def _load(text: str) -> Any:
    text = SCRIPT_WRAPPERS.sub("", text.strip()).strip()
    if not text:
        return None
    for candidate in (text, TRAILING_COMMA.sub(r"\1", CONTROL_CHARACTERS.sub(" ", text))):
        try:
            return json.loads(candidate)
        except ValueError:
            continue
    return None


def _flatten(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 4:  # deeper nesting is never the article, and bounds the work on odd pages
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in NESTED_KEYS:
            if key in data:
                yield from _flatten(data[key], depth + 1)


def type_names(obj: dict[str, Any]) -> set[str]:
    """The object's @type names, lower-cased, without a schema.org prefix."""
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {str(n).rsplit("/", 1)[-1].lower() for n in names if n}


def _pick_article(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    # An article type with a headline first; then any article type; then a page that names a
    # headline or an author (some sites describe the article as a WebPage).
    articles = [o for o in objects if type_names(o) & ARTICLE_TYPES]
    for candidate in articles:
        if candidate.get("headline"):
            return candidate
    if articles:
        return articles[0]
    for candidate in objects:
        if type_names(candidate) & PAGE_TYPES and (
            candidate.get("headline") or candidate.get("author")
        ):
            return candidate
    return None


def names_of(value: Any) -> list[tuple[str, str]]:
    """(name, type) pairs from a schema.org value that is a string, an object or a list."""
    if isinstance(value, str):
        return [(value, "")]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            name = " ".join(str(n) for n in name)
        kind = ",".join(sorted(type_names(value)))
        return [(str(name), kind)] if name else []
    if isinstance(value, list):
        return [pair for item in value for pair in names_of(item)]
    return []


def text_value(value: Any) -> str | None:
    """A plain string from a schema.org value (a string, or the first of a list)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0]
    return None
