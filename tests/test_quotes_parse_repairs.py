"""Contents and sources where the parser hangs a sentence's parts elsewhere than a reader
would: hand-built parses (the rules alone), and one sentence through the real pipeline.

Each rule was kept because it raised PolNeAR train (see docs/evaluation.md); the words here
are made up.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.evaluate.quotes import quote_groups
from newsgraph.nlp.quotes.content import object_content, verb_content
from newsgraph.nlp.quotes.furniture import furniture_paragraphs
from newsgraph.nlp.quotes.source import subject_of
from newsgraph.records import Quote, Span, Speaker, continued_quote
from tests.quote_docs import mention_text, quotes_in

BLANK = spacy.blank("en")


def _doc(
    words: list[str], heads: list[int], deps: list[str], tags: list[str], lemmas: list[str]
) -> Doc:
    return Doc(BLANK.vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)


def _tokens(sentence: str) -> list[str]:
    return sentence.split()


def _text(doc: Doc, stretches: tuple[tuple[int, int], ...]) -> list[str]:
    return [doc.text[start:end] for start, end in stretches]


def test_a_that_clause_read_as_a_relative_clause_of_a_phrase_is_the_content() -> None:
    # "alleged in the suit that the firm earned $4 million from the scheme", with "that" hung
    # from "from" as if the clause described the suit.
    words = _tokens(
        "Ostrander alleged in the suit that the firm earned $ 4 million from the scheme"
    )
    words.append(".")
    heads = [1, 1, 1, 4, 2, 12, 7, 8, 4, 11, 11, 8, 8, 14, 12, 1]
    deps = [
        "nsubj", "ROOT", "prep", "det", "pobj", "pobj", "det", "nsubj", "relcl",
        "quantmod", "compound", "dobj", "prep", "det", "pobj", "punct",
    ]  # fmt: skip
    tags = [
        "NNP", "VBD", "IN", "DT", "NN", "WDT", "DT", "NN", "VBD",
        "$", "CD", "CD", "IN", "DT", "NN", ".",
    ]  # fmt: skip
    lemmas = [w.lower() for w in words]
    doc = _doc(words, heads, deps, tags, lemmas)
    found = verb_content(doc[1], "allege")
    assert _text(doc, found.content) == ["that the firm earned $ 4 million from the scheme"]
    # A real relative clause, whose "that" is its object: "said in the letter that the
    # board wrote", nothing reported.
    words = _tokens("Ostrander said in the letter that the board wrote .")
    heads = [1, 1, 1, 4, 2, 8, 7, 8, 4, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "dobj", "det", "nsubj", "relcl", "punct"]
    tags = ["NNP", "VBD", "IN", "DT", "NN", "WDT", "DT", "NN", "VBD", "."]
    doc = _doc(words, heads, deps, tags, [w.lower() for w in words])
    assert verb_content(doc[1], "say").content == ()


def test_a_reported_subject_read_as_the_cue_s_object_opens_the_content() -> None:
    # "reported Ivo Brandt, the former head, also met the mayor": "met" has no subject, and
    # "Brandt" was taken for the object of "reported".
    words = _tokens("The Ledger reported Ivo Brandt , the former head , also met the mayor .")
    heads = [1, 2, 2, 4, 2, 4, 8, 8, 4, 4, 11, 2, 13, 11, 2]
    deps = [
        "det", "nsubj", "ROOT", "compound", "dobj", "punct", "det", "amod", "appos",
        "punct", "advmod", "ccomp", "det", "dobj", "punct",
    ]  # fmt: skip
    tags = [
        "DT", "NNP", "VBD", "NNP", "NNP", ",", "DT", "JJ", "NN", ",", "RB", "VBD", "DT",
        "NN", ".",
    ]  # fmt: skip
    doc = _doc(words, heads, deps, tags, [w.lower() for w in words])
    found = verb_content(doc[2], "report")
    assert _text(doc, found.content) == ["Ivo Brandt , the former head , also met the mayor"]


def test_a_verb_of_saying_takes_no_preposition_for_its_content() -> None:
    # "Kell said on Twitter": where it was said, even for a cue the scorer found.
    words = ["Kell", "said", "on", "Twitter", "."]
    doc = _doc(
        words,
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct"],
        ["NNP", "VBD", "IN", "NNP", "."],
        ["Kell", "say", "on", "Twitter", "."],
    )
    assert verb_content(doc[1], "say", learned=True).content == ()
    # "responded with a joke" says something.
    words = ["Kell", "responded", "with", "a", "joke", "."]
    doc = _doc(
        words,
        [1, 1, 1, 4, 2, 1],
        ["nsubj", "ROOT", "prep", "det", "pobj", "punct"],
        ["NNP", "VBD", "IN", "DT", "NN", "."],
        ["Kell", "respond", "with", "a", "joke", "."],
    )
    assert _text(doc, verb_content(doc[1], "respond").content) == ["a joke"]


@pytest.mark.parametrize(
    ("preposition", "expected"),
    [("at", "the damage at $ 3 million"), ("after", "the damage")],
)
def test_a_preposition_after_the_object_completes_it_unless_it_sets_the_scene(
    preposition: str, expected: str
) -> None:
    # "estimated the damage at $3 million" (the parser hangs "at" from the verb); "after
    # the storm" would only say when.
    words = ["The", "agency", "estimated", "the", "damage", preposition, "$", "3", "million"]
    doc = _doc(
        words,
        [1, 2, 2, 4, 2, 2, 8, 8, 5],
        ["det", "nsubj", "ROOT", "det", "dobj", "prep", "quantmod", "compound", "pobj"],
        ["DT", "NN", "VBD", "DT", "NN", "IN", "$", "CD", "CD"],
        [w.lower() for w in words],
    )
    found = object_content(doc[2])
    assert found is not None and doc.text[found[0] : found[1]] == expected


def test_the_subject_that_opens_a_list_of_acts_is_the_last_act_s_subject() -> None:
    # "Voss offered the man a job, then says she will run", with "offered" hung from "says".
    words = _tokens("Voss offered the man a job , then says she will run .")
    heads = [1, 8, 3, 1, 5, 1, 8, 8, 8, 11, 11, 8, 8]
    deps = [
        "nsubj", "ccomp", "det", "dative", "det", "dobj", "punct", "advmod", "ROOT",
        "nsubj", "aux", "ccomp", "punct",
    ]  # fmt: skip
    tags = ["NNP", "VBD", "DT", "NN", "DT", "NN", ",", "RB", "VBZ", "PRP", "MD", "VB", "."]
    doc = _doc(words, heads, deps, tags, [w.lower() for w in words])
    subject = subject_of(doc[8])
    assert subject is not None and subject.text == "Voss"
    # Not after a subordinating word: "When Voss arrived, says …" is no list of her acts.
    words = _tokens("When Voss arrived , says she will run .")
    heads = [2, 2, 4, 4, 4, 7, 7, 4, 4]
    deps = ["mark", "nsubj", "advcl", "punct", "ROOT", "nsubj", "aux", "ccomp", "punct"]
    tags = ["WRB", "NNP", "VBD", ",", "VBZ", "PRP", "MD", "VB", "."]
    doc = _doc(words, heads, deps, tags, [w.lower() for w in words])
    assert subject_of(doc[4]) is None


def test_a_participle_made_the_root_continues_the_saying_before_it() -> None:
    # "he said, not even suggesting a date", with "said" hung from "suggesting".
    words = ["he", "said", ",", "not", "suggesting", "a", "date", "."]
    doc = _doc(
        words,
        [1, 4, 4, 4, 4, 6, 4, 4],
        ["nsubj", "parataxis", "punct", "neg", "ROOT", "det", "dobj", "punct"],
        ["PRP", "VBD", ",", "RB", "VBG", "DT", "NN", "."],
        ["he", "say", ",", "not", "suggest", "a", "date", "."],
    )
    subject = subject_of(doc[4])
    assert subject is not None and subject.text == "he"


@pytest.mark.model
def test_a_relative_clause_after_a_comma_that_ends_the_content_is_left_out(nlp: Any) -> None:
    text = "The inspector said the police had questioned Mara Quint, who ran the warehouse."
    said = [q for q in quotes_in(nlp, text) if q.cue is not None and q.cue.text == "said"]
    assert [q.text for q in said] == ["the police had questioned Mara Quint"]


def _quote(index: int, cue: Span | None, speaker: Speaker, start: int) -> Quote:
    return Quote(f"q{index}", "words", start, start + 5, "direct", cue, speaker)


def test_a_quote_without_a_cue_continues_the_speaker_not_a_cue_inside_the_source() -> None:
    # `“We are ready,” said Ann Lee, who wants a recount. “We will win.”`: the wanting is an
    # attribution inside Ann Lee's source phrase; the last quotation is hers.
    ann = Speaker("Ann Lee", "e1", Span(20, 48, "Ann Lee, who wants a recount"), "name")
    said = _quote(1, Span(15, 19, "said"), ann, 1)
    wants = _quote(2, Span(33, 38, "wants"), Speaker("who", None, Span(29, 32, "who")), 39)
    more = _quote(3, None, Speaker("Ann Lee", "e1", ann.mention, "continuation"), 52)
    assert continued_quote([said, wants]) is said
    assert continued_quote([said]) is said
    assert continued_quote([]) is None
    assert quote_groups([said, wants, more]) == [[said, more], [wants]]


@pytest.mark.model
def test_a_quote_after_a_heading_label_is_the_story_s_but_not_after_a_promo(nlp: Any) -> None:
    # A digest's heading is nobody's name, and the quote under it is Maya Osei's; the words
    # after "WATCH:" announce a video.
    text = (
        "Markets fell on Tuesday.\n\n"
        "ANALYST VIEW: “Rates will stay high for a while,” said Maya Osei, an economist.\n\n"
        "WATCH: “We are ready,” the mayor says in a new video."
    )
    assert [(q.text, q.speaker.name) for q in quotes_in(nlp, text)] == [
        ("Rates will stay high for a while,", "Maya Osei")
    ]


def test_a_heading_label_alone_is_furniture_and_a_promo_line_whole() -> None:
    # The heading's label (with its colon) is cut, indented or not; the words after it stay.
    text = "ANALYST VIEW: Prices will rise\n\n    MARKETS: Oil slid\n\nWATCH: Our new video"
    found = [text[start:end] for start, end in furniture_paragraphs(BLANK(text), text)]
    assert found == ["ANALYST VIEW:", "MARKETS:", "WATCH: Our new video"]


def test_an_indented_label_that_names_a_body_is_no_furniture() -> None:
    # The name is looked up where the line's words start, after its indent.
    text = "    Judicial Watch: the ruling is wrong"
    doc = BLANK(text)
    doc.ents = [doc.char_span(4, 18, label="ORG")]
    assert furniture_paragraphs(doc, text) == []


@pytest.mark.model
def test_a_phrase_before_an_interrupting_cue_s_subject_is_the_sentence_s(nlp: Any) -> None:
    # The parser hangs "At times last year" from "said": the cue is still bare.
    text = (
        "At times last year, people close to the mayor said, the mere mention of her name "
        "could make him fume."
    )
    said = [q for q in quotes_in(nlp, text) if q.cue is not None and q.cue.text == "said"]
    assert [q.text for q in said] == ["the mere mention of her name could make him fume"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "As reported by the Daily Ledger, investigators found 200 letters in the archive.",
        "Investigators found 200 letters in the archive, as first reported by the Daily Ledger.",
    ],
)
def test_as_reported_by_gives_the_clause_to_the_agent(nlp: Any, text: str) -> None:
    [quote] = quotes_in(nlp, text)
    assert quote.text.lower() == "investigators found 200 letters in the archive"
    assert mention_text(quote) == "the Daily Ledger"


@pytest.mark.model
def test_a_that_clause_hung_on_the_people_told_is_what_they_were_told(nlp: Any) -> None:
    text = (
        "In Vellmar last week, Ostrander told a meeting of harbour pilots that few people "
        "understood the tides better than they did."
    )
    [quote] = quotes_in(nlp, text)
    assert quote.text == "few people understood the tides better than they did"
    # A relative clause of the object is the object's: "the plan that the council passed".
    [praised] = quotes_in(nlp, "Ostrander praised the plan that the council passed.")
    assert praised.text == "the plan that the council passed"


def test_what_comes_before_the_comma_of_a_closing_he_said() -> None:
    # "Neighbours like Lina, he said.", with "Neighbours" taken for a second subject.
    words = ["Neighbours", "like", "Lina", ",", "he", "said", "."]
    doc = _doc(
        words,
        [5, 0, 1, 5, 5, 5, 5],
        ["nsubj", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"],
        ["NNS", "IN", "NNP", ",", "PRP", "VBD", "."],
        ["neighbour", "like", "Lina", ",", "he", "say", "."],
    )
    assert _text(doc, verb_content(doc[5], "say").content) == ["Neighbours like Lina"]


@pytest.mark.model
def test_a_participle_after_an_occasion_of_speaking_is_the_speaker_s(nlp: Any) -> None:
    text = "Last month Ostrander appeared at a news conference announcing that the city would sue."
    [quote] = quotes_in(nlp, text)
    assert (quote.text, quote.speaker.name) == ("the city would sue", "Ostrander")
