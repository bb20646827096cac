"""Golden pages of our own (fictional): a scraped text and an HTML page carrying every kind of
furniture issue 14 lists. None of it may reach the body, the quotes or the timeline, and the
metadata must be the article's own: headline, persons, agency, site, canonical address."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsgraph.extract.html.page import parse_html
from newsgraph.extract.text.page import parse_scraped
from newsgraph.records import Article, Document

GOLDEN = Path(__file__).parent / "golden_pages"

# Furniture in both pages: none of these may survive anywhere in the record's text.
FURNITURE = (
    "Advertisement",
    "Story continues below",
    "Open this photo in gallery",
    "WATCH",
    "Read more",
    "Photo:",
    "Related stories",
    "Harbour bridge repairs delayed again",
    "Ferry crews walk out",
    "Council votes on new pier lease",
    "Contact the newsroom",
    "@",
    "©",
    "All rights reserved",
    "may not be published",
    "Commuters wait at the north pier",
    "Fishing boats tied up",
)

EXPECTED_METADATA: dict[str, dict[str, Any]] = {
    "ferry-strike.txt": {
        "title": "Ferry crews in Port Elvin walk out over night shifts ’unsafe’ rota",
        "authors": ("Marta Lindqvist",),
        "agency": "The Associated Press",
        "published": "2025-06-03",
    },
    "pier-lease.html": {
        "title": "Council signs pier lease that runs to 2036 'for good'",
        "section": "Local & Regional",
        "authors": ("Ines Calloway",),  # not "View all posts by …", not the related author
        "agency": "AFP",  # the meta author is a wire agency
        "site": "The Bay Courier",
        "url": "https://www.baycourier.example/news/2025/06/pier-lease",  # canonical first
        "published": "2025-06-04T09:30:00+02:00",
    },
}
FIRST_PARAGRAPH = {
    "ferry-strike.txt": "Ferry crews in Port Elvin walked off the job on Tuesday",
    "pier-lease.html": "The Port Elvin council on Wednesday signed a lease",
}
LAST_PARAGRAPH = {
    "ferry-strike.txt": "The ferry company said the talks had been postponed until Friday.",
    "pier-lease.html": "The harbour trust said its board would meet on Friday",
}


def _page(name: str) -> Any:
    text = (GOLDEN / name).read_text(encoding="utf-8")
    return parse_html(text) if name.endswith(".html") else parse_scraped(text)


@pytest.mark.parametrize("name", sorted(EXPECTED_METADATA))
def test_metadata_is_the_articles_own(name: str) -> None:
    metadata = _page(name).metadata
    for field, expected in EXPECTED_METADATA[name].items():
        assert getattr(metadata, field) == expected, field


@pytest.mark.parametrize("name", sorted(EXPECTED_METADATA))
def test_the_body_is_the_article_whole_and_nothing_else(name: str) -> None:
    body = _page(name).body
    assert body.startswith(FIRST_PARAGRAPH[name])
    assert body.split("\n\n")[-1].startswith(LAST_PARAGRAPH[name])
    for furniture in FURNITURE:
        assert furniture not in body, furniture
    # Every paragraph of the article's own text is kept.
    assert len(body.split("\n\n")) == (3 if name.endswith(".txt") else 4)


@pytest.fixture(scope="module")
def articles(nlp: Any) -> dict[str, Article]:
    import newsgraph

    names = sorted(EXPECTED_METADATA)
    documents = [
        Document(
            text=(GOLDEN / name).read_text(encoding="utf-8"),
            source=name,
            format="html" if name.endswith(".html") else "text",
        )
        for name in names
    ]
    return dict(zip(names, newsgraph.extract_documents(documents), strict=True))


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(EXPECTED_METADATA))
def test_no_furniture_in_quotes_or_timeline(articles: dict[str, Article], name: str) -> None:
    article = articles[name]
    texts = [q.text for q in article.quotes] + [e.text for e in article.timeline]
    assert article.timeline and article.quotes
    for text in texts:
        for furniture in FURNITURE:
            assert furniture not in text, (furniture, text)


@pytest.mark.model
def test_the_rescheduled_talks_are_dated_ahead(articles: dict[str, Article]) -> None:
    dates = {e.date for e in articles["ferry-strike.txt"].timeline}
    assert "2025-06-06" in dates  # "postponed until Friday", published Tuesday 3 June
