"""No component may fail an article: the whole pipeline on odd generated texts and on every
development text cut at its start, with zero exceptions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.records import Article, Document
from tests.conftest import shared_path

pytestmark = pytest.mark.model

# Pieces that trip parsers and rules: bullets, dashes, quotation marks of every kind, line
# breaks, brackets, numbers, words of saying, names and other scripts.
PIECES = [
    "- ",
    "• ",
    "— ",
    "– ",
    " - ",
    '"',
    "“",
    "”",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "\n",
    "\n\n",
    "(",
    ")",
    "[",
    ":",
    ";",
    ",",
    ".",
    "?",
    "!",
    "...",
    "3",
    "2021",
    "10:30",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "they",
    "it",
    "Ms. Varga",
    "Tomas Berg",
    "the minister",
    "the company",
    "on Monday",
    "Кремль",
    "北京",
    "مرحبا",
    " ",
    "\t",
    "n't",
    "'s",
    "Mr.",
    "U.S.",
    "@",
    "#",
    "%",
    "&amp;",
]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)


def _analyse(text: str) -> Article:
    from newsgraph.pipeline import default_extractor

    extractor = default_extractor()
    return next(extractor.extract_documents([Document(text=text, body_only=True)]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_odd_texts_never_fail_an_article(text: str) -> None:
    article = _analyse(text)
    for quote in article.quotes:
        assert article.body[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    "text",
    [
        "- New research found that harbour bridges rust faster in salt air, officials said.",
        "• The council said on Monday it would vote.\n\n- Mayor Ann Lee - said no.",
        "“\n\n” said - he",
    ],
)
def test_texts_that_open_with_a_bullet_or_a_dash_are_read(text: str) -> None:
    assert _analyse(text).body == text


def _cut(text: str, characters: int) -> str:
    return text[characters:]


@pytest.mark.gate
def test_every_development_text_cut_at_its_start_is_still_read(nlp: Any) -> None:
    folder: Path = shared_path("data", "polnear", "data", "dev", "text")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    assert texts
    for cut in (1, 7):
        for text in texts:
            _analyse(_cut(text, cut))
