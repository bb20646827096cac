"""Broken HTML never raises: random soups of tags, attributes, JSON-LD and text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.html.page import parse_html

PIECES = st.sampled_from(
    [
        "<html>",
        "<head>",
        "<body>",
        "</div>",
        "<div class='byline'>",
        "<p>",
        "</p>",
        "<h1>",
        "<title>",
        "<time datetime='2021-13-45'>",
        "<meta property='article:published_time' content='9999-99-99'>",
        "<meta name='author' content='By , and ;'>",
        "<meta property='og:title' content=' | '>",
        '<script type="application/ld+json">',
        '{"@type": "NewsArticle", "author": [null, 3, {"name": ["A", "B"]}], ',
        '"datePublished": {"x": 1}, "headline": ["H"]}',
        '"@graph": [[[[{"@type": "BreadcrumbList", "itemListElement": "x"}]]]]',
        "</script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "By Jo Bloggs",
        "1,234 views",
        "&amp;&#xffff;&bogus;",
        "\x00",
        "\ufeff",
        " ",
        "\n",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40))
def test_random_html_never_raises(pieces: list[str]) -> None:
    page = parse_html("".join(pieces), crawled=date(2024, 1, 1))
    assert "\n\n\n" not in page.body
    published = page.metadata.published
    assert published is None or published[:10] <= "2024-01-01"
