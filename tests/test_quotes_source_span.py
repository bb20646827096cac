"""Source phrase ends and paragraph sentence starts, on hand-built docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from newsgraph.nlp.paragraphs import start_sentences_at_paragraphs
from newsgraph.nlp.quotes.source import source_end


def _parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_a_trailing_date_is_not_part_of_the_source() -> None:
    # "Trump on Tuesday said": the date says when, not who.
    doc = _parsed(
        ["Trump", "on", "Tuesday", "said"], [3, 0, 1, 3], ["nsubj", "prep", "pobj", "ROOT"]
    )
    doc.ents = [Span(doc, 2, 3, label="DATE")]
    assert source_end(doc, doc[0], 2) == 0


def test_a_place_after_the_name_stays() -> None:
    # "Sen. Rand Paul of Kentucky said": "of Kentucky" tells who.
    doc = _parsed(
        ["Paul", "of", "Kentucky", "said"], [3, 0, 1, 3], ["nsubj", "prep", "pobj", "ROOT"]
    )
    doc.ents = [Span(doc, 2, 3, label="GPE")]
    assert source_end(doc, doc[0], 2) == 2


def test_a_floating_quantifier_is_cut() -> None:
    doc = _parsed(
        ["Bush", "and", "Cruz", "both", "said"],
        [4, 0, 0, 0, 4],
        ["nsubj", "cc", "conj", "advmod", "ROOT"],
    )
    assert source_end(doc, doc[0], 3) == 2


def test_a_sentence_starts_after_a_line_break() -> None:
    nlp = spacy.blank("en")
    doc = start_sentences_at_paragraphs(nlp("Trump wins\n\nThe senator said no."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert "The" in starts
    assert not doc[1].is_sent_start


def test_a_participle_clause_after_a_comma_is_cut() -> None:
    # "Smith, delivering the speech, said": what Smith was doing, not who Smith is.
    doc = _parsed(
        ["Smith", ",", "delivering", "speeches", ",", "said"],
        [5, 0, 0, 2, 0, 5],
        ["nsubj", "punct", "acl", "dobj", "punct", "ROOT"],
    )
    doc[2].tag_ = "VBG"
    assert source_end(doc, doc[0], 3) == 0


def test_a_relative_clause_stays() -> None:
    doc = _parsed(
        ["Reid", ",", "who", "endorsed", "Clinton", ",", "said"],
        [6, 0, 3, 0, 3, 0, 6],
        ["nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT"],
    )
    doc[3].tag_ = "VBD"
    assert source_end(doc, doc[0], 4) == 4


def test_a_datelines_place_taken_for_the_subject_gives_way_to_the_name_after_it() -> None:
    # "VELLBY -- Mayor Lind said": the parser hangs the name from the city as its apposition.
    from newsgraph.nlp.quotes.source import subject_of

    doc = _parsed(
        ["VELLBY", "--", "Mayor", "Lind", "said", "it", "rained"],
        [4, 0, 3, 0, 4, 6, 4],
        ["nsubj", "punct", "compound", "appos", "ROOT", "nsubj", "ccomp"],
    )
    subject = subject_of(doc[4])
    assert subject is not None and subject.text == "Lind"
    aside = _parsed(
        ["Lind", "--", "the", "mayor", "--", "said", "it", "rained"],
        [5, 0, 3, 0, 0, 5, 7, 5],
        ["nsubj", "punct", "det", "appos", "punct", "ROOT", "nsubj", "ccomp"],
    )
    subject = subject_of(aside[5])  # a dash around an apposition is no dateline
    assert subject is not None and subject.text == "Lind"
    plain = _parsed(
        ["Lind", "said", "it", "rained"], [1, 1, 3, 1], ["nsubj", "ROOT", "nsubj", "ccomp"]
    )
    subject = subject_of(plain[1])
    assert subject is not None and subject.text == "Lind"
