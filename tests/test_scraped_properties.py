"""Properties of scraped-text reading that hold for any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.text.page import _parse
from newsgraph.records import Metadata
from newsgraph.text import normalise_paragraphs

WORDS = ["the", "council", "voted", "on", "Monday", "to", "rebuild", "old", "pier", "which"]
sentences = st.lists(st.sampled_from(WORDS), min_size=12, max_size=30).map(
    lambda words: " ".join(words).capitalize() + "."
)
paragraphs = st.lists(sentences, min_size=1, max_size=3).map(" ".join)
prose = st.lists(paragraphs, min_size=1, max_size=5).map("\n\n".join)

header_bits = st.sampled_from(
    [
        "By Jane Doe",
        "June 3, 2021",
        "0 Views",
        "Share",
        "World",
        "Harbour Town Votes to Rebuild the Old Pier",
        "محمد نبی",
        "|",
        "Tags: a, b",
        "",
    ]
)
pages = st.tuples(st.lists(header_bits, max_size=8).map("\n".join), prose).map(
    lambda parts: "\n".join(parts)
)


@given(prose)
def test_prose_alone_is_all_body(text: str) -> None:
    page = _parse(text)  # not the never-raise wrapper: a bug must show here
    assert page.metadata == Metadata()
    assert page.body == normalise_paragraphs(text)


@settings(max_examples=200)
@given(pages)
def test_body_lines_come_from_the_text(text: str) -> None:
    page = _parse(text)
    assert page.body == page.body.strip() and "\n\n\n" not in page.body
    source_lines = {line.strip() for line in text.splitlines()}
    for line in page.body.splitlines():
        assert not line or line.strip() in source_lines


@settings(max_examples=200)
@given(st.text(max_size=400))
def test_any_text_is_read_without_error(text: str) -> None:
    page = _parse(text)
    assert page.body == page.body.strip()
    assert all(author and author == author.strip() for author in page.metadata.authors)
