"""The web app's pure parts: the body cut for highlighting, and the charts' geometry."""

from __future__ import annotations

from newsgraph.web import charts
from newsgraph.web.highlight import MARK_CLOSE, MARK_OPEN, body_segments, marked, words_marked
from tests.store_samples import Builder, bridge_article


def _text(segments: list[dict[str, object]]) -> str:
    return "".join(p["text"] for s in segments for p in s["parts"])  # type: ignore[attr-defined]


def test_segments_cover_the_body_once_with_quotes_and_mentions() -> None:
    article = bridge_article()
    segments = body_segments(article)
    assert _text(segments) == article.body
    quoted = {s["quote"]: "".join(p["text"] for p in s["parts"]) for s in segments if s["quote"]}
    assert quoted == {q.id: q.text for q in article.quotes}
    speaker_words = [p["text"] for s in segments for p in s["parts"] if p["speaker_of"] == "q3"]
    assert "".join(speaker_words) == "Ms. Salvesen"


def test_an_overlapping_quote_is_left_unmarked_and_a_mention_across_is_cut() -> None:
    b = Builder("o-1", "Ann Lee said the plan was good and the plan was cheap.")
    person = b.entity("Ann Lee", "PERSON", "Ann Lee")
    b.entity("the cheap plan", "MISC", "plan was cheap")  # begins inside q1, ends after it
    b.quote("the plan was good and the plan", "Ann Lee", entity=person, mention="Ann Lee")
    b.quote("plan was good", "Ann Lee", entity=person, cue=None)
    article = b.build()
    segments = body_segments(article)
    assert _text(segments) == article.body
    assert [s["quote"] for s in segments if s["quote"]] == ["q1"]
    cut = [p["text"] for s in segments for p in s["parts"] if p["entity"] == "e2"]
    assert cut == ["plan", " was cheap"]


def test_snippet_marks_and_word_marks() -> None:
    assert marked(f"a {MARK_OPEN}bridge{MARK_CLOSE} b") == [
        {"text": "a ", "mark": False},
        {"text": "bridge", "mark": True},
        {"text": " b", "mark": False},
    ]
    parts = words_marked("The Bridge and the bridges", "bridge")
    assert [p["text"] for p in parts if p["mark"]] == ["Bridge"]
    assert words_marked("a (b", "(") == [{"text": "a (b", "mark": False}]


def test_weekly_chart_has_a_point_per_week_empty_ones_included() -> None:
    chart = charts.weekly([("2025-09-01", 2), ("2025-09-15", 1)])
    assert [(p["week"], p["n"]) for p in chart["points"]] == [
        ("2025-09-01", 2),
        ("2025-09-08", 0),
        ("2025-09-15", 1),
    ]
    assert chart["max"] == 2 and chart["points"][0]["y"] < chart["points"][2]["y"]
    assert charts.weekly([])["points"] == []
    assert len(charts.weekly([("2000-01-03", 1), ("2025-01-06", 1)])["points"]) == charts.MAX_WEEKS


def test_bars_and_time_axis() -> None:
    bars = charts.bars([("a", 4, 0.8), ("b" * 60, 1, 0.2)])["bars"]
    assert bars[0]["width"] > bars[1]["width"] > 0 and bars[1]["label"].endswith("…")
    axis = charts.time_axis(["2025-01-01", "2025-12-31", "not a date"])
    assert [m["date"] for m in axis["marks"]] == ["2025-01-01", "2025-12-31"]
