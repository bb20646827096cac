"""newsgraph_paragraphs: a sentence starts after a line break, before the parser runs.

The parser may run a sentence over a paragraph break (a headline into the first paragraph, a
paragraph without a final full stop into the next); the quote step then takes a subject or a
content from the wrong paragraph. Marking the first token after a line break as a sentence
start keeps the parser inside the paragraph: it respects boundaries set before it.

The starts are set in one pass over the token array (`Doc.from_array`): setting
`token.is_sent_start` one token at a time makes spaCy check the whole Doc's annotation each
time, quadratic in the number of line breaks (`bench/paragraphs.py` measures it).
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_COMPONENT = "newsgraph_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def start_sentences_at_paragraphs(doc: Doc) -> Doc:
    """Mark the first word after every line break as a sentence start."""
    starts = [
        token.i + 1
        for token in doc[:-1]
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text)
    ]
    starts = [index for index in starts if not doc[index].is_space]
    if starts:
        # The starts already set (by an earlier component) are kept; only these are added.
        # One attribute gives a 1-d array, which spaCy's stubs (2-d only) do not describe.
        values: Any = doc.to_array([SENT_START])
        values[numpy.array(starts)] = 1
        doc.from_array([SENT_START], values)
    return doc
