"""Rules on hand-built inputs: titles, credits, addresses and furniture (issue 14)."""

from __future__ import annotations

import pytest

from newsgraph.extract.fields import clean_title, decode_entities, host_name, without_pipe_tail
from newsgraph.extract.html.authors import clean_authors
from newsgraph.extract.html.page import parse_html
from newsgraph.extract.text.furniture import is_caption, is_furniture_paragraph, without_furniture
from newsgraph.extract.text.page import parse_scraped
from newsgraph.records import Metadata


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Gulls&#039; return", "Gulls' return"),
        ("Tide &amp;amp; time", "Tide & time"),  # encoded twice
        ("Quay &#8217;reopens&#8217;", "Quay ’reopens’"),
        ("  plain   text ", "plain text"),
    ],
)
def test_entities_are_decoded(raw: str, expected: str) -> None:
    assert decode_entities(raw) == expected


@pytest.mark.parametrize(
    ("raw", "section", "expected"),
    [
        ("WATCH: Gulls return to the quay", None, "Gulls return to the quay"),
        ("Video | Gulls return to the quay", None, "Gulls return to the quay"),
        ("Gulls return to the quay | News", None, "Gulls return to the quay"),
        ("Gulls return to the quay | Coast", "Coast", "Gulls return to the quay"),
        # Editorial labels are the newsroom's words; a bare "Watch" verb is a headline word.
        ("Breaking: Gulls return to the quay", None, "Breaking: Gulls return to the quay"),
        ("Watch the gulls return to the quay", None, "Watch the gulls return to the quay"),
    ],
)
def test_titles_lose_labels_and_section_tails(raw: str, section: str | None, expected: str) -> None:
    assert clean_title(raw, section) == expected


def test_a_scraped_title_loses_a_short_piped_site_name() -> None:
    assert without_pipe_tail("Gulls return to the quay | Harbour Times") == (
        "Gulls return to the quay"
    )
    assert without_pipe_tail("Quay | Gulls") == "Quay | Gulls"  # no headline before it


def test_host_name_is_the_last_resort_site() -> None:
    assert host_name("https://www.harbourtimes.example/news/1") == "harbourtimes.example"
    assert host_name(None) is None


@pytest.mark.parametrize(
    ("first_line", "authors", "agency", "site"),
    [
        ("Jane Doe, The Associated Press", ("Jane Doe",), "The Associated Press", None),
        ("By Jane Doe, Reuters", ("Jane Doe",), "Reuters", None),
        ("Jane Doe, The Valley Courier", ("Jane Doe",), None, "The Valley Courier"),
        ("Metro News Desk", (), None, None),
    ],
)
def test_a_credit_line_above_the_headline_is_a_byline(
    first_line: str, authors: tuple[str, ...], agency: str | None, site: str | None
) -> None:
    text = f"{first_line}\n\nGulls return to the quay after the long winter\n\n" + (
        "The gulls came back to the harbour of Port Elvin on Friday, the warden said. " * 2
    )
    metadata = parse_scraped(text).metadata
    assert metadata.title == "Gulls return to the quay after the long winter"
    assert (metadata.authors, metadata.agency, metadata.site) == (authors, agency, site)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (["View all posts by Nell Brandt"], ("Nell Brandt",)),
        (["Nell BrandtOla Berg"], ("Nell Brandt", "Ola Berg")),  # two links without a space
        (["Ronald McDonald"], ("Ronald McDonald",)),
        (["Nell Brandt (Image: Harbour Police)"], ("Nell Brandt",)),
        (["Photo: Ola Berg"], ()),
        (["Chief Technology Officer"], ()),
        (["Updated"], ()),
        (["AFP"], ()),
        (["The Associated Press"], ()),
        (["Written by Nell Brandt Edited by Ola Berg"], ("Nell Brandt",)),
    ],
)
def test_html_author_values(raw: list[str], expected: tuple[str, ...]) -> None:
    assert clean_authors(raw, set()) == expected


def _html(head: str, body: str = "") -> str:
    return (
        f"<html><head>{head}</head><body>{body}<p>{'The gulls came back. ' * 20}</p></body></html>"
    )


def test_an_agency_as_author_is_the_agency_and_the_byline_names_the_person() -> None:
    page = _html(
        '<meta name="author" content="AFP">',
        '<p class="intro">By Nell Brandt</p>',
    )
    metadata = parse_html(page).metadata
    assert metadata.agency == "AFP"
    assert metadata.authors == ("Nell Brandt",)


def test_related_stories_lend_no_authors() -> None:
    page = _html("", '<aside class="related"><div class="author">By Ola Berg</div></aside>')
    assert parse_html(page).metadata.authors == ()


def test_address_and_site_each_have_a_chain() -> None:
    canonical = _html(
        '<link rel="canonical" href="https://harbourtimes.example/a">'
        '<meta property="og:url" content="https://harbourtimes.example/b">'
        '<meta property="og:site_name" content="Harbour Times">'
    )
    metadata = parse_html(canonical).metadata
    assert (metadata.url, metadata.site) == ("https://harbourtimes.example/a", "Harbour Times")
    relative = _html('<link rel="canonical" href="/story/7">')
    fetched = parse_html(relative, url="https://www.harbourtimes.example/x").metadata
    assert fetched.url == "https://www.harbourtimes.example/story/7"
    assert fetched.site == "harbourtimes.example"  # the host, when the page names no site


@pytest.mark.parametrize(
    "paragraph",
    [
        "Advertisement",
        "Story continues below advertisement",
        "Open this photo in gallery:",
        "WATCH: The mayor on the new pier",
        "Read more: Why the gulls came back",
        "RELATED: Harbour bridge repairs delayed",
        "© 2025 Harbour Times. All rights reserved.",
        "Copyright 2025 Harbour Times",
        "Contact the newsroom at news@harbourtimes.example.",
        "Got a tip? Email tips@harbourtimes.example",
        "This material may not be published, broadcast, rewritten or redistributed.",
    ],
)
def test_furniture_paragraphs(paragraph: str) -> None:
    assert is_furniture_paragraph(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The mayor said she would watch the vote closely.",
        "Readers can contact the council, which meets on Mondays, to object to the plan.",
        "Advertisement revenue at the paper fell by a third, its owners said.",
        "The copyright dispute over the harbour photographs went to court in May.",
    ],
)
def test_prose_is_not_furniture(paragraph: str) -> None:
    assert not is_furniture_paragraph(paragraph)
    assert not is_caption(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Gulls on the quay on Friday. (Photo: Nell Brandt)",
        "The quay at dawn. Photo: Nell Brandt/Harbour Times",
        "The old pier in 1998. (AP Photo/Ola Berg)",
        "Boats in the harbour. Getty Images",
    ],
)
def test_captions_are_told_by_their_credit(paragraph: str) -> None:
    assert is_caption(paragraph)


def test_a_related_block_ends_at_the_next_paragraph_of_prose() -> None:
    body = "\n\n".join(
        [
            "The gulls came back on Friday, the warden said.",
            "Related stories",
            "Harbour bridge repairs delayed",
            "Council votes on pier lease",
            "The warden said the gulls would stay until the autumn.",
        ]
    )
    assert without_furniture(body) == (
        "The gulls came back on Friday, the warden said.\n\n"
        "The warden said the gulls would stay until the autumn."
    )


def test_old_records_read_the_new_fields_as_unknown() -> None:
    old = {"title": "Gulls", "authors": ["Nell Brandt"], "published": "2025-06-04"}
    metadata = Metadata.from_dict(old)
    assert (metadata.url, metadata.site, metadata.agency) == (None, None, None)
    assert Metadata.from_dict(metadata.to_dict()) == metadata


def test_a_publication_beside_the_name_is_the_site() -> None:
    page = _html('<meta name="author" content="Nell Brandt, The Valley Courier">')
    metadata = parse_html(page).metadata
    assert (metadata.authors, metadata.site) == (("Nell Brandt",), "The Valley Courier")
    assert clean_authors(["An Nguyen"], set()) == ("An Nguyen",)


def test_the_container_address_and_its_host_fill_url_and_site() -> None:
    from newsgraph.pipeline import prepare
    from newsgraph.records import Document

    text = (
        "Gulls return to the quay\n\nThe gulls came back to the harbour on Friday, the warden said."
    )
    prepared = prepare(Document(text=text, url="https://www.harbourtimes.example/gulls"))
    assert prepared.metadata.url == "https://www.harbourtimes.example/gulls"
    assert prepared.metadata.site == "harbourtimes.example"
    assert prepare(Document(text=text)).metadata.url is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "Publicité",
        "Anzeige",
        "Lire aussi : Le port rouvre",
        "Lesen Sie auch: Der Hafen",
        "Publicidad",
    ],
)
def test_furniture_in_other_languages(paragraph: str) -> None:
    assert is_furniture_paragraph(paragraph)


@pytest.mark.parametrize(
    ("first_line", "title", "site"),
    [
        ("Gulls return to the quay | Harbour Times", "Gulls return to the quay", "Harbour Times"),
        (
            "Gulls return to the quay | News | Harbour Times",
            "Gulls return to the quay",
            "Harbour Times",
        ),
        # A section after the site's name goes with it; a section alone names no site.
        (
            "Gulls return to the quay | Harbour Times | Local",
            "Gulls return to the quay",
            "Harbour Times",
        ),
        ("Gulls return to the quay | News", "Gulls return to the quay", None),
        ("Gulls return to the quay", "Gulls return to the quay", None),
    ],
)
def test_a_site_name_stripped_from_a_scraped_title_is_the_site(
    first_line: str, title: str, site: str | None
) -> None:
    text = f"{first_line}\n\nThe gulls came back to the harbour on Friday, the warden said."
    metadata = parse_scraped(text).metadata
    assert (metadata.title, metadata.site) == (title, site)


def test_a_credited_publication_and_the_container_win_over_the_titles_site() -> None:
    from newsgraph.pipeline import prepare
    from newsgraph.records import Document

    body = "\n\nThe gulls came back to the harbour on Friday, the warden said."
    credited = parse_scraped(
        "Gulls return to the quay | Gull News\nBy Nell Brandt, The Valley Courier" + body
    )
    assert credited.metadata.site == "The Valley Courier"
    # The title's site beats the URL's host, which stays the last resort.
    text = "Gulls return to the quay | Harbour Times" + body
    prepared = prepare(Document(text=text, url="https://www.harbourtimes.example/gulls"))
    assert prepared.metadata.site == "Harbour Times"
    hinted = prepare(Document(text=text, hints=Metadata(site="The Bay Courier")))
    assert hinted.metadata.site == "The Bay Courier"
