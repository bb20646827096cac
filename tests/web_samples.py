"""A small corpus for the web tests (fictional articles; no spaCy) and a fake `analyse`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from newsgraph.records import Article
from newsgraph.store import Corpus
from tests.store_samples import Builder, bridge_article, strike_article

HOSTILE = '<script>alert("body")</script> "><img src=x onerror=alert(1)> \' onmouseover=\'x'
EVIL_NAME = 'Eve "><script>alert(2)</script>'


def hostile_article() -> Article:
    """Markup, quotes and attribute breakouts in the body, a name and the title."""
    b = Builder(
        "hostile-1",
        f"{HOSTILE} The inspector spoke. {EVIL_NAME} said the <b>vote</b> was rigged.",
        published="2025-04-01",
        title='<script>alert("title")</script>',
    )
    eve = b.entity(EVIL_NAME, "PERSON", EVIL_NAME)
    b.quote("the <b>vote</b> was rigged", EVIL_NAME, entity=eve, mention=EVIL_NAME, type="indirect")
    return b.build()


def build_corpus(path: Path) -> Path:
    """Three articles by Tom Reyes' weeks (2025-09-01 and 2025-09-15: three weekly points,
    one of them empty), the bridge story and the hostile one."""
    with Corpus(path) as corpus:
        for article in (
            bridge_article(),
            strike_article(),
            strike_article("strike-2", published="2025-09-16"),
            hostile_article(),
        ):
            corpus.add(article)
    return path


QUOTE = re.compile(r"\"([^\"]+),\" said ([A-Z]\w+ [A-Z]\w+)")


def fake_analyse(text: str, html: bool) -> dict[str, Any]:
    """A record the way the pipeline would give it for `"…," said First Last` (no model)."""
    b = Builder("analysed", text, published=None, title="Analysed")
    match = QUOTE.search(text)
    if match:
        person = b.entity(match.group(2), "PERSON", match.group(2))
        b.quote(match.group(1), match.group(2), entity=person, mention=match.group(2))
    return b.build().to_dict()
