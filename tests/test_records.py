"""Record v1: the JSON shape, round trips, and the offset invariant on random texts."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.records import (
    SCHEMA,
    Article,
    Entity,
    Mention,
    Metadata,
    Quote,
    QuoteContext,
    Span,
    Speaker,
    Time,
    TimelineEntry,
)

BODY = 'Ann Lee said on Monday: "We will win."'


def _article() -> Article:
    quote = Quote(
        id="q1",
        text="We will win.",
        start=25,
        end=37,
        type="direct",
        cue=Span(8, 12, "said"),
        speaker=Speaker("Ann Lee", "e1", Span(0, 7, "Ann Lee")),
        context=QuoteContext(place=None, time="t1"),
    )
    return Article(
        metadata=Metadata(title="T", authors=("A",), published="2021-06-01", language="en"),
        body=BODY,
        entities=(Entity("e1", "Ann Lee", "PERSON", (Mention(0, 7, "Ann Lee"),)),),
        quotes=(quote,),
        times=(Time("t1", "Monday", 16, 22, "DATE", "2021-05-31"),),
        timeline=(TimelineEntry("2021-05-31", "t1", BODY, 0, len(BODY)),),
    )


def test_to_dict_has_every_v1_field() -> None:
    data = _article().to_dict()
    assert data["schema"] == SCHEMA
    assert set(data["metadata"]) == {
        "title",
        "section",
        "authors",
        "published",
        "views",
        "language",
        "url",
        "site",
        "agency",
    }
    assert {"metadata", "body", "entities", "quotes", "times", "timeline"} <= set(data)
    assert set(data["quotes"][0]) == {
        "id",
        "text",
        "start",
        "end",
        "type",
        "cue",
        "speaker",
        "context",
        "kind",
        "about",
    }
    assert set(data["quotes"][0]["speaker"]) == {"name", "entity", "mention", "via"}
    assert set(data["entities"][0]["mentions"][0]) == {"start", "end", "text", "kind"}
    assert data["quotes"][0]["context"] == {"time": "t1"}  # null parts are left out


def test_round_trip_through_json() -> None:
    article = _article()
    data = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict(data) == article


def test_example_spans_index_the_body() -> None:
    _assert_spans_index_body(_article().to_dict())


def _spans(data: dict[str, Any]) -> list[dict[str, Any]]:
    spans: list[dict[str, Any]] = []
    for entity in data["entities"]:
        spans += entity["mentions"]
    for quote in data["quotes"]:
        spans.append(quote)
        spans += [s for s in (quote["cue"], quote["speaker"]["mention"]) if s]
    return spans + data["times"] + data["timeline"]


def _assert_spans_index_body(data: dict[str, Any]) -> None:
    body = data["body"]
    for span in _spans(data):
        assert body[span["start"] : span["end"]] == span["text"], span


WORDS = st.sampled_from(
    [
        "said",
        "Ann",
        "Lee",
        "Mr.",
        "Brussels",
        "NATO",
        "on",
        "Monday",
        "“",
        "”",
        '"',
        "'",
        "the",
        "minister",
        "added",
        "that",
        "war",
        "U.S.",
        "\n\n",
        "\n",
        " ",
        "May",
        "1,",
        "2021",
        "he",
        "told",
        "reporters",
        ".",
        ",",
        "«",
        "»",
        "é",
        "محمد",
        "\t",
        "  ",
    ]
)
TEXTS = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)


@pytest.mark.model
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_body_only_keeps_the_input_and_every_span_indexes_it(nlp: Any, text: str) -> None:
    article = newsgraph.extract(text, body_only=True)
    assert article.body == text
    _assert_spans_index_body(article.to_dict())
