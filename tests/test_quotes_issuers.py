"""A document as the grammatical source speaks for whoever issued it ("a statement from the
ministry said", "her letter says"). Hand-written sentences with fictional names; they run the
real pipeline (`nlp` fixture).
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.records import Quote

pytestmark = pytest.mark.model


def _last_quote(nlp: Any, text: str) -> Quote:
    quotes: list[Quote] = list(nlp(text)._.ng_quotes)
    assert quotes, text
    return quotes[-1]


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            "Ilona Varga leads the Harbour Board. A statement from the Harbour Board said "
            "the bridge would close.",
            "Harbour Board",
        ),
        (
            "Marta Lind wrote to the council on Monday. Her letter says the plan is unsafe.",
            "Marta Lind",
        ),
    ],
)
def test_a_document_speaks_for_its_issuer(nlp: Any, text: str, issuer: str) -> None:
    quote = _last_quote(nlp, text)
    assert (quote.speaker.name, quote.speaker.via, quote.kind) == (issuer, "description", "speech")


def test_a_document_with_no_issuer_named_stays_a_description(nlp: Any) -> None:
    quote = _last_quote(nlp, "A statement released on Monday said the bridge would close.")
    assert quote.speaker.entity is None
