"""HTML pages through the whole pipeline: metadata from the page, quotes from its body."""

from __future__ import annotations

import pytest

from newsgraph import extract_documents
from newsgraph.records import Document

PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Library opens its doors at night | Fenwick Courier</title>
<meta property="og:site_name" content="Fenwick Courier">
<meta property="og:title" content="Library opens its doors at night">
<meta property="article:section" content="Community">
<meta property="article:published_time" content="2023-02-14T08:30:00+00:00">
<script type="application/ld+json">{"@type": "NewsArticle",
 "headline": "Library opens its doors at night",
 "author": {"@type": "Person", "name": "Ruth Okafor"}}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/community">Community</a></nav></header>
<article>
<h1>Library opens its doors at night</h1>
<p class="byline">By Ruth Okafor</p>
<p>The Fenwick public library will stay open until midnight from next Monday, the town
council announced on Tuesday.</p>
<p>"Students have asked us for this for years," said Helen Marsh, the head librarian.
"Now they will have a quiet place to work after their shifts."</p>
<p>The council said the late opening would cost about 40,000 pounds a year.</p>
</article>
<footer>© Fenwick Courier</footer>
</body></html>"""


@pytest.mark.model
def test_html_document_end_to_end() -> None:
    article = next(extract_documents([Document(text=PAGE, format="html")]))
    metadata = article.metadata
    assert metadata.title == "Library opens its doors at night"
    assert metadata.authors == ("Ruth Okafor",)
    assert metadata.section == "Community"
    assert metadata.published == "2023-02-14T08:30:00+00:00"
    assert metadata.language == "en"
    assert article.body.startswith("The Fenwick public library")
    assert "Fenwick Courier" not in article.body
    for quote in article.quotes:
        assert article.body[quote.start : quote.end] == quote.text


@pytest.mark.model
def test_broken_html_does_not_stop_a_batch() -> None:
    documents = [
        Document(text="<html><body><p>Unclosed <b>tag", format="html"),
        Document(text="", format="html"),
        Document(text=PAGE, format="html"),
    ]
    articles = list(extract_documents(documents))
    assert len(articles) == 3
    assert articles[2].metadata.authors == ("Ruth Okafor",)
