"""The gold speaker referents of the quote evaluation (`evaluate/speakers.py`)."""

from __future__ import annotations

from newsgraph.evaluate.polnear import Attribution
from newsgraph.evaluate.speakers import gold_referents

TEXT = "I told the council the plan was late. Marta Lind said it was not."


def _at(words: str) -> tuple[tuple[int, int], ...]:
    start = TEXT.index(words)
    return ((start, start + len(words)),)


def test_the_pronoun_i_names_no_referent_though_capitalised() -> None:
    attributions = [
        Attribution(_at("I"), _at("told"), _at("the plan was late")),
        Attribution(_at("Marta Lind"), _at("said"), _at("it was not")),
    ]
    first, second = gold_referents(TEXT, attributions)
    assert first is None
    assert second is not None and second.surname == "lind"
