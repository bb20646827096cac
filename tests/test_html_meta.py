"""Rule tests for HTML pages: metadata fallbacks and the body, on small hand-written pages.

The stories are fictional. No model is loaded: `parse_html` needs none.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.extract.html.authors import clean_authors
from newsgraph.extract.html.dates import normalise_date
from newsgraph.extract.html.meta import strip_site_name, strip_unknown_site_name
from newsgraph.extract.html.page import parse_html

CRAWLED = date(2024, 5, 1)
STORY = (
    "<p>The harbour council of Port Elwyn voted on Tuesday to close the old ferry pier.</p>"
    "<p>“We have waited long enough,” said Mara Ellison, who chairs the council.</p>"
    "<p>Repairs would have cost more than a new pier, according to the council's report.</p>"
)

JSONLD_PAGE = f"""<!DOCTYPE html><html><head>
<title>Port Elwyn closes its ferry pier | The Elwyn Gazette</title>
<meta property="og:title" content="Council votes to close the ferry pier">
<meta property="og:site_name" content="The Elwyn Gazette">
<meta name="author" content="The Elwyn Gazette">
<meta property="article:published_time" content="2024-03-02T09:00:00Z">
<script type="application/ld+json">
<![CDATA[
{{"@context": "https://schema.org", "@graph": [
  {{"@type": "WebSite", "name": "The Elwyn Gazette"}},
  {{"@type": "NewsArticle", "headline": "Port Elwyn closes its ferry pier",
   "datePublished": "2024-03-02T10:00:00+01:00", "articleSection": ["Local", "Transport"],
   "author": [{{"@type": "Person", "name": "Tomas Reyes"}},
              {{"@type": "Person", "name": "Ada Quill"}},
              {{"@type": "Organization", "name": "The Elwyn Gazette"}}],
   "publisher": {{"@type": "Organization", "name": "The Elwyn Gazette"}}}}
]}}
]]>
</script></head>
<body><article><h1>Port Elwyn closes its ferry pier</h1>{STORY}</article></body></html>"""

OPENGRAPH_PAGE = f"""<html><head>
<title>Lantern festival returns - Northvale Post</title>
<meta property="og:title" content="Lantern festival returns - Northvale Post">
<meta property="og:site_name" content="Northvale Post">
<meta property="article:section" content="Culture">
<meta property="article:published_time" content="2023-10-14 18:30:00 -0400">
<meta property="article:author" content="https://northvale.example/staff/jo-park">
<meta name="author" content="Jo Park; Staff; Northvale Post">
</head><body><h1>Lantern festival returns</h1>{STORY}</body></html>"""

VISIBLE_PAGE = f"""<html><head><title>Bridge repairs begin :: Riverside Daily</title></head>
<body>
<nav class="breadcrumbs"><a href="/">Home</a> <a href="/city">City</a>
 <a href="/city/roads">Roads</a></nav>
<h1>Bridge repairs begin</h1>
<div class="article-byline">By LENA HOLT and Omar Fayed | March 3, 2022</div>
<time class="published" datetime="2022-03-03T07:15">March 3, 2022</time>
<span class="counter">12,480 views</span>
{STORY}
<section class="comments"><div class="comment-author">Sponsored</div>
<div class="author">Random Commenter</div></section>
</body></html>"""

NO_METADATA_PAGE = f"<html><body>{STORY}</body></html>"


def page(html: str):  # type: ignore[no-untyped-def]
    return parse_html(html, crawled=CRAWLED)


def test_jsonld_wins_and_site_name_is_not_an_author() -> None:
    metadata = page(JSONLD_PAGE).metadata
    assert metadata.title == "Port Elwyn closes its ferry pier"
    assert metadata.authors == ("Tomas Reyes", "Ada Quill")
    assert metadata.published == "2024-03-02T10:00:00+01:00"
    assert metadata.section == "Local"
    assert metadata.language is None  # the pipeline detects it on the body


def test_opengraph_and_meta_tags() -> None:
    metadata = page(OPENGRAPH_PAGE).metadata
    assert metadata.title == "Lantern festival returns"
    assert metadata.authors == ("Jo Park",)
    assert metadata.published == "2023-10-14T18:30:00-04:00"
    assert metadata.section == "Culture"


def test_visible_byline_breadcrumbs_and_counter() -> None:
    metadata = page(VISIBLE_PAGE).metadata
    assert metadata.title == "Bridge repairs begin"
    assert metadata.authors == ("LENA HOLT", "Omar Fayed")
    assert metadata.published == "2022-03-03T07:15:00"
    assert metadata.section == "Roads"
    assert metadata.views == 12480


def test_page_without_metadata_keeps_its_body() -> None:
    result = page(NO_METADATA_PAGE)
    assert result.metadata.title is None
    assert result.metadata.authors == ()
    assert result.metadata.views is None
    assert "Mara Ellison" in result.body


def test_body_paragraphs_are_separated_by_one_blank_line() -> None:
    body = page(JSONLD_PAGE).body
    assert body.split("\n\n")[0].startswith("The harbour council of Port Elwyn")
    assert "\n\n\n" not in body
    assert all(p.strip() == p and p for p in body.split("\n\n"))


def test_future_dates_are_not_believed() -> None:
    html = OPENGRAPH_PAGE.replace("2023-10-14 18:30:00 -0400", "2031-01-01T00:00:00Z")
    published = page(html).metadata.published
    assert published is None or published <= CRAWLED.isoformat()


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><head><title>Half",
        "<<<>>></p></div>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>Declared.</p></body></html>",
        "<html><head><script type='application/ld+json'>{not json</script></head></html>",
        "<p>Unclosed <b>bold <i>italic</p><p>Second paragraph of a broken page.",
        "\x00\x01 binary-ish \ufffd text",
    ],
)
def test_broken_html_never_raises(html: str) -> None:
    result = page(html)
    assert isinstance(result.body, str)
    assert "\n\n\n" not in result.body


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["By Jane Doe and John Roe"], ("Jane Doe", "John Roe")),
        (["Stella Kim, Jennifer Jett"], ("Stella Kim", "Jennifer Jett")),
        (["Jong, Michiel de"], ("Jong, Michiel de",)),  # a catalogue form stays whole
        (["ABC News; Yi-Jin Yu"], ("Yi-Jin Yu",)),
        (["Sponsored"], ()),
        (["Our Foreign Staff"], ()),
        (["Ben Silverman, Games Editor"], ("Ben Silverman",)),
        (["by Lucas Nolan22 Dec 2016"], ("Lucas Nolan",)),
        (["Par Jeanne Morel"], ("Jeanne Morel",)),
        (["KIM LEE; Kim Lee"], ("Kim Lee",)),
        (
            ["Ana Ruiz (avec Paul Vidal et Léa Marchand)"],
            ("Ana Ruiz", "Paul Vidal", "Léa Marchand"),
        ),
        (["Theresa May"], ("Theresa May",)),
        (["https://example.com/authors/jo", "@handle"], ()),
    ],
)
def test_clean_authors(raw: list[str], expected: tuple[str, ...]) -> None:
    assert clean_authors(raw, {"abcnews"}) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021-06-01", "2021-06-01"),
        ("2021-06-01T08:05:09.123Z", "2021-06-01T08:05:09+00:00"),
        ("2015-07-10 09:53:00 -0400", "2015-07-10T09:53:00-04:00"),
        ("20170113", "2017-01-13"),
        ("05/29/2007 09:49:00", "2007-05-29T09:49:00"),
        ("Fri Mar 13 21:30:09 EST 2015", "2015-03-13T21:30:09-05:00"),
        ("3 June 2020", "2020-06-03"),
        ("03/04/2021", None),  # March 4 or 3 April: no evidence, no guess
        ("13/04/2021", "2021-04-13"),  # 13 cannot be a month
        ("2035-01-01", None),  # after the crawl
        ("no date here", None),
    ],
)
def test_normalise_date(raw: str, expected: str | None) -> None:
    assert normalise_date(raw, CRAWLED) == expected


def dated_page(lang: str, head: str, body: str = STORY) -> str:
    return f'<html lang="{lang}"><head>{head}</head><body><article>{body}</article></body></html>'


@pytest.mark.parametrize(
    ("lang", "published"),
    [
        ("en-US", "2021-03-04"),
        ("en-GB", "2021-04-03"),
        ("fr", "2021-04-03"),
        ("en", None),  # either order: no date rather than a wrong one (htmldate's guess too)
    ],
)
def test_an_ambiguous_numeric_date_is_decided_by_the_locale(
    lang: str, published: str | None
) -> None:
    html = dated_page(lang, '<meta name="pubdate" content="03/04/2021">')
    assert page(html).metadata.published == published


def test_og_locale_names_the_region_that_lang_leaves_open() -> None:
    head = '<meta property="og:locale" content="en_US"><meta name="pubdate" content="03/04/2021">'
    assert page(dated_page("en", head)).metadata.published == "2021-03-04"
    head = '<meta name="language" content="en"><meta name="pubdate" content="03/04/2021">'
    assert page(dated_page("en-GB", head)).metadata.published == "2021-04-03"


def test_another_candidate_decides_an_ambiguous_date() -> None:
    # The JSON-LD date is read as 3 April because the meta tag's ISO date says so (the meta
    # tag's own value, with its time, would be the answer if the JSON-LD date were undecided).
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "04/03/2021"}</script>'
        '<meta name="dc.date" content="2021-04-03T09:00:00+01:00">'
    )
    assert page(dated_page("en", head)).metadata.published == "2021-04-03"
    ambiguous_only = '<meta name="pubdate" content="04/03/2021">'
    assert page(dated_page("en", ambiguous_only)).metadata.published is None


def test_htmldate_does_not_guess_the_order_of_a_visible_date() -> None:
    body = "<p>Posted 03/04/2021</p>" + STORY
    assert page(dated_page("en-US", "", body)).metadata.published is None
    assert page(dated_page("en-GB", "", body)).metadata.published == "2021-04-03"


def test_site_names_are_stripped_from_titles() -> None:
    assert strip_site_name("Pier closes | Elwyn Gazette", ["Elwyn Gazette"]) == "Pier closes"
    assert strip_site_name("Pier closes [Elwyn Gazette]", ["Elwyn Gazette"]) == "Pier closes"
    assert strip_site_name("Pier closes - a report", ["Elwyn Gazette"]) == "Pier closes - a report"
    assert (
        strip_unknown_site_name("The pier closes for good – My site") == "The pier closes for good"
    )
    assert strip_unknown_site_name("Pier – closes") == "Pier – closes"


def jsonld_page(block: str, body: str = STORY) -> str:
    return (
        '<html><head><script type="application/ld+json">'
        f"{block}</script></head><body>{body}</body></html>"
    )


def test_jsonld_main_entity_string_authors_and_trailing_commas() -> None:
    block = """{"@type": "WebPage", "mainEntity": {"@type": ["NewsArticle"],
      "headline": "Ferry pier to close", "author": ["Tomas Reyes", "Ada Quill",],
      "datePublished": "2024-03-02",},}"""
    metadata = page(jsonld_page(block)).metadata
    assert metadata.title == "Ferry pier to close"
    assert metadata.authors == ("Tomas Reyes", "Ada Quill")
    assert metadata.published == "2024-03-02"


def test_invalid_jsonld_falls_back_to_other_sources() -> None:
    html = jsonld_page('{"@type": "NewsArticle", "headline": ').replace(
        "<head>", '<head><meta property="og:title" content="Pier vote delayed">'
    )
    assert page(html).metadata.title == "Pier vote delayed"


def test_jsonld_interaction_counter_and_breadcrumbs() -> None:
    block = """[{"@type": "NewsArticle", "headline": "Pier vote delayed",
      "interactionStatistic": {"@type": "InteractionCounter",
        "interactionType": "https://schema.org/ReadAction", "userInteractionCount": "3021"}},
     {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 2, "name": "Harbour"},
        {"@type": "ListItem", "position": 1, "name": "Home"},
        {"@type": "ListItem", "position": 3, "name": "Pier vote delayed"}]}]"""
    metadata = page(jsonld_page(block)).metadata
    assert metadata.views == 3021
    assert metadata.section == "Harbour"


@pytest.mark.parametrize(
    ("counter", "views"),
    [("1.2K views", 1200), ("Views: 87", 87), ("12 493 vues", 12493), ("3 comments", None)],
)
def test_visible_view_counters(counter: str, views: int | None) -> None:
    html = f"<html><body><div class='stats'><span>{counter}</span></div>{STORY}</body></html>"
    assert page(html).metadata.views == views


def test_a_person_who_is_also_the_site_is_kept() -> None:
    # A personal blog: the site is named after its author.
    block = '{"@type": "BlogPosting", "author": {"@type": "Person", "name": "Ines Varga"}}'
    html = jsonld_page(block).replace(
        "<head>", '<head><meta property="og:site_name" content="Ines Varga">'
    )
    assert page(html).metadata.authors == ("Ines Varga",)


def test_a_lower_case_handle_is_not_an_author() -> None:
    assert clean_authors(["mcupdate"], set()) == ()
    assert clean_authors(["肖春芳"], set()) == ("肖春芳",)
