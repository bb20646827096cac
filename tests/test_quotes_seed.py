"""Golden test: the seed article gives exactly its 12 hand-annotated quotes.

The whole scraped file goes through `newsgraph.extract` (metadata lines and all). Matching
follows the gold's "about": case, whitespace and curly/straight quotation marks folded, and
the spans may differ by leading or trailing punctuation only.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

import newsgraph
from tests.conftest import SEED, shared_path

pytestmark = pytest.mark.model

MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
EDGE = " \t\n.,;:!?\"'"


def _normal(text: str) -> str:
    folded = re.sub(r"\s+", " ", text.translate(MARKS).casefold())
    return folded.strip(EDGE)


@pytest.fixture(scope="module")
def seed() -> tuple[newsgraph.Article, dict[str, Any]]:
    text = shared_path(SEED + ".txt").read_text(encoding="utf-8")
    gold = json.loads(shared_path(SEED + ".gold.json").read_text(encoding="utf-8"))
    return newsgraph.extract(text), gold


def test_seed_gives_every_gold_quote_and_no_other(
    seed: tuple[newsgraph.Article, dict[str, Any]],
) -> None:
    article, gold = seed
    found = [
        (
            _normal(q.text),
            q.type,
            q.cue.text if q.cue else None,
            q.speaker.name,
        )
        for q in article.quotes
    ]
    expected = [(_normal(g["text"]), g["type"], g["cue"], g["speaker"]) for g in gold["quotes"]]
    assert found == expected


def test_seed_quotes_link_speakers_and_context(
    seed: tuple[newsgraph.Article, dict[str, Any]],
) -> None:
    article, _gold = seed
    names = {e.id: e.name for e in article.entities}
    for quote in article.quotes:
        assert article.body[quote.start : quote.end] == quote.text
        if quote.speaker.entity is not None:
            assert names[quote.speaker.entity] == quote.speaker.name
    linked = [q for q in article.quotes if q.speaker.name == "Jens Stoltenberg"]
    assert all(q.speaker.entity is not None for q in linked)
    pronouns = [q for q in linked if q.speaker.mention and q.speaker.mention.text in ("he", "He")]
    assert pronouns, "pronoun speakers resolve to the person"
    with_context = [q for q in article.quotes if q.context is not None]
    assert [q.context.place for q in with_context if q.context] == ["Brussels"]
