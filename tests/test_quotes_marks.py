"""Direct quotes from quotation marks: every style, and the repairs news text needs (no model)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.nlp.quotes.marks import find_quoted_spans


def _quoted(text: str, sentence_starts: tuple[int, ...] = ()) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_spans(text, sentence_starts)]


@pytest.mark.parametrize(
    "text",
    [
        "He said “We will win.” Then he left.",
        'He said "We will win." Then he left.',
        "He said ‘We will win.’ Then he left.",
        "He said 'We will win.' Then he left.",
        "Il a dit « We will win. » Then he left.",
        "Er sagte „We will win.“ Then he left.",
        "He said ‹We will win.› Then he left.",
        "He said 「We will win.」 Then he left.",
        "He said ''We will win.'' Then he left.",
    ],
)
def test_every_quotation_style(text: str) -> None:
    assert [q.strip() for q in _quoted(text)] == ["We will win."]


def test_quote_over_several_paragraphs_is_one_quote() -> None:
    text = "“First paragraph of the quote.\n\n“Second paragraph,” he said."
    spans = find_quoted_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end].startswith("First paragraph")
    assert text[spans[0].start : spans[0].end].endswith("Second paragraph,")


def test_opening_mark_never_closed_ends_with_its_paragraph() -> None:
    text = "“We intend to train them abroad.\n\nThe minister stressed the risks."
    spans = find_quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["We intend to train them abroad."]
    assert spans[0].closed is False


def test_closing_mark_never_opened_starts_after_the_previous_cue_sentence() -> None:
    text = "“A is true,” he said. So B is true. And C is too.”"
    second_sentence = text.index("So B")
    assert _quoted(text, (0, second_sentence)) == ["A is true,", "So B is true. And C is too."]


def test_closing_mark_never_opened_alone_starts_at_the_paragraph() -> None:
    text = "Intro line.\n\nWe will win this fight.” The crowd cheered."
    assert _quoted(text) == ["We will win this fight."]


def test_quote_interrupted_by_its_cue_gives_both_parts() -> None:
    assert _quoted("“A is true,” he said, “and B is too.”") == ["A is true,", "and B is too."]


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    text = "“He told me ‘never again’ and left,” she said."
    assert _quoted(text) == ["He told me ‘never again’ and left,"]


def test_apostrophes_are_not_quotation_marks() -> None:
    assert _quoted("Don’t touch Sanders’ plan, it’s the ’90s again.") == []
    assert _quoted("The campaign's view: 'it is over' now.") == ["it is over"]


@given(st.text(alphabet="ab .,\n\"'“”‘’«»„", max_size=80))
def test_spans_always_lie_inside_the_text(text: str) -> None:
    spans = find_quoted_spans(text, [0])
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
