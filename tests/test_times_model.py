"""Model tests (real spaCy parse) and the golden test of the seed article's times and timeline."""

from __future__ import annotations

import json
import re

import pytest
from spacy.language import Language

import newsgraph
from newsgraph.records import Article, Time
from tests.conftest import SEED, shared_path
from tests.time_docs import model_times

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister said on Monday that talks had failed.", ("Monday", "2021-05-31")),
        ("The ministers will meet on Monday in Brussels.", ("Monday", "2021-06-07")),
        ("Stocks fell sharply on Friday.", ("Friday", "2021-05-28")),
        ("The summit is scheduled for Friday.", ("Friday", "2021-06-04")),
        ("The strike began in March.", ("March", "2021-03")),
        ("Elections will be held in March.", ("March", "2022-03")),
        ("Trading is to resume in Paris on Monday.", ("Monday", "2021-06-07")),
        ("The offer had been due to expire Friday.", ("Friday", "2021-05-28")),
        ("The council did not plan to vote on Monday.", ("Monday", "2021-06-07")),
        ("She had hoped to sign the lease on Monday.", ("Monday", "2021-06-07")),
        ("He is now in Brussels.", ("now", "PRESENT_REF")),
        ("The paper is published daily.", ("daily", "P1D")),
    ],
)
def test_direction_from_the_real_parse(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert [(t.text, t.value) for t in model_times(nlp, text)] == [expected]


def test_may_the_modal_is_not_a_month(nlp: Language) -> None:
    assert model_times(nlp, "NATO may pose more dangers to its allies.") == []


def test_offsets_and_ids(nlp: Language) -> None:
    text = "Profit fell 5% in the third quarter, after rising last year and in 1988."
    times = model_times(nlp, text, "1989-10-26")
    assert [t.id for t in times] == ["t1", "t2", "t3"]
    assert [(t.text, t.value) for t in times] == [
        ("the third quarter", "1989-Q3"),
        ("last year", "1988"),
        ("1988", "1988"),
    ]
    assert all(text[t.start : t.end] == t.text for t in times)


@pytest.fixture(scope="module")
def seed() -> tuple[Article, dict]:  # type: ignore[type-arg]
    text = shared_path(SEED + ".txt").read_text(encoding="utf-8")
    gold = json.loads(shared_path(SEED + ".gold.json").read_text(encoding="utf-8"))
    return newsgraph.extract(text), gold


def test_seed_timeline_matches_the_gold(seed: tuple[Article, dict]) -> None:  # type: ignore[type-arg]
    article, gold = seed
    assert article.metadata.published == "2021-06-01"  # from the article, not an option
    timeline = [(e.date, e.text) for e in article.timeline]
    assert [date for date, _ in timeline] == [entry["date"] for entry in gold["timeline"]]
    times = {t.id: t for t in article.times}
    for entry, expected in zip(article.timeline, gold["timeline"], strict=True):
        assert expected["text_contains"] in entry.text
        assert times[entry.time].text == expected["expression"]
        assert article.body[entry.start : entry.end] == entry.text


def _direction(time: Time, expression: str) -> str | None:
    """The direction a TIMEX3 gives: *_REF values say it; a duration after "in" ("in a few
    weeks") is that long from now, so it lies ahead."""
    if time.value in ("FUTURE_REF", "PAST_REF", "PRESENT_REF"):
        return time.value.removesuffix("_REF").lower().replace("present", "now")
    if time.type == "DURATION" and re.match(r"in\s", expression):
        return "future"
    return None


def test_seed_vague_futures(seed: tuple[Article, dict]) -> None:  # type: ignore[type-arg]
    article, gold = seed
    for fuzzy in gold["fuzzy_time"]:
        expression = fuzzy["expression"]
        start = article.body.find(expression)
        end = start + len(expression)
        found = [t for t in article.times if start <= t.start and t.end <= end]
        assert found, expression
        assert _direction(found[0], expression) == fuzzy["direction"]
    assert ("the coming weeks", "FUTURE_REF") in [(t.text, t.value) for t in article.times]
    assert ("a few weeks", "PXW") in [(t.text, t.value) for t in article.times]


def test_a_clock_time_takes_the_day_of_its_sentence(nlp: Language) -> None:
    text = "The blast occurred at about 10:35 a.m. on Friday, witnesses said."
    times = model_times(nlp, text, "1998-08-08")
    assert [(t.text, t.value) for t in times] == [
        ("about 10:35 a.m.", "1998-08-07T10:35"),
        ("Friday", "1998-08-07"),
    ]


def test_that_year_refers_to_the_year_named_before(nlp: Language) -> None:
    text = "He fled to Florida in June 1998 and returned to Cuba later that year."
    times = model_times(nlp, text, "2000-01-28")
    assert [(t.text, t.value) for t in times] == [
        ("June 1998", "1998-06"),
        ("later that year", "1998"),
    ]
