"""Attribution rules on hand-written sentences: sources the parser hangs elsewhere, lines of
layout, and the contents of cue words the scorer finds (names and words are made up).

These run the real pipeline (the session fixture `nlp`), as `test_quotes_rules.py` does.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.nlp.quotes.content import verb_content
from newsgraph.nlp.quotes.cues import verb_cue
from newsgraph.nlp.quotes.learned import learned_cue
from newsgraph.nlp.quotes.source import apposed_noun, inverted_subject, opening_name, subject_of
from tests.quote_docs import mention_text, quotes_in

pytestmark = pytest.mark.model


def test_signed_quotations_ending_in_no_break_spaces(nlp: Any) -> None:
    # Pages end lines with a no-break space; the dash may follow the mark without a space.
    text = (
        "Readers wrote in.\n\n"
        "“The plan scares me. It ignores our lives.”\u2015 Rosa Delgado\u00a0\n"
        "“Nobody asked us about the road.” \u2015 Omar Haddad\u00a0\n"
    )
    quotes = quotes_in(nlp, text)
    assert [(q.text, mention_text(q)) for q in quotes] == [
        ("The plan scares me. It ignores our lives.", "Rosa Delgado"),
        ("Nobody asked us about the road.", "Omar Haddad"),
    ]
    assert all(q.cue is not None and q.cue.text == "\u2015" for q in quotes)


def test_a_quoted_transcript_gives_each_line_to_its_speaker(nlp: Any) -> None:
    # Each paragraph of the transcript opens with a quotation mark that never closes: the
    # lines are the speakers', not one quotation running over the four paragraphs.
    text = (
        "Part of the interview follows.\n\n"
        '"HOST: Will the bridge open this year?\n\n'
        '"OKAFOR: It will open in May, and it will cost less than planned.\n\n'
        '"HOST: And the tolls?\n\n'
        '"OKAFOR: There will be no tolls at all."'
    )
    quotes = quotes_in(nlp, text)
    assert [(q.text, mention_text(q)) for q in quotes] == [
        ("Will the bridge open this year", "HOST"),
        ("It will open in May, and it will cost less than planned", "OKAFOR"),
        ("And the tolls", "HOST"),
        ("There will be no tolls at all", "OKAFOR"),
    ]


def test_a_quoted_line_with_a_page_label_stays_a_quotation(nlp: Any) -> None:
    text = '"VIDEO: The mayor cuts the ribbon at the new pier," the council wrote.'
    [quote] = quotes_in(nlp, text)
    assert quote.text == "VIDEO: The mayor cuts the ribbon at the new pier,"
    assert mention_text(quote) == "the council"


def test_the_name_before_a_party_label_after_a_quote(nlp: Any) -> None:
    # The parser also takes the quote's first word for a subject; the name is the source.
    text = '"The levy is a tax on families," Rep. Ann Lindqvist (D-Ore.) said in an interview.'
    [quote] = quotes_in(nlp, text)
    assert quote.speaker.name == "Ann Lindqvist"
    assert mention_text(quote) == "Rep. Ann Lindqvist (D-Ore.)"


def test_the_name_an_apposition_describes_after_a_quote(nlp: Any) -> None:
    # Not the date after the verb ("said Thursday morning").
    text = '"Nobody here will pay more," Tomas Varga, a spokesman for the union, said Thursday.'
    [quote] = quotes_in(nlp, text)
    assert quote.speaker.name == "Tomas Varga"
    assert mention_text(quote) == "Tomas Varga, a spokesman for the union"


def test_said_before_its_speaker_inside_a_paragraph(nlp: Any) -> None:
    text = "The plan raises fees for every driver. Said Okafor: “It will not pass the council.”"
    [quote] = quotes_in(nlp, text)
    assert quote.text == "It will not pass the council."
    assert quote.cue is not None and quote.cue.text == "Said"
    assert mention_text(quote) == "Okafor"


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Brennan refuses to name his picks, aside from saying he wants a board that "
            "looks like the city.",
            "he wants a board that looks like the city",
            "Brennan",
        ),
        (
            "After saying her knee was “too sore to climb a stair,” Ruth Okafor was taken "
            "to the clinic.",
            "her knee was “too sore to climb a stair,",
            "Ruth Okafor",
        ),
    ],
)
def test_saying_after_a_preposition_borrows_the_subject(
    nlp: Any, text: str, content: str, source: str
) -> None:
    # Through "aside from" to "refuses"; a passive's subject when the participle is an
    # adjunct ("After saying …, she was taken …").
    quotes = [q for q in quotes_in(nlp, text) if q.cue is not None and q.cue.text == "saying"]
    assert [(q.text, mention_text(q)) for q in quotes] == [(content, source)]


@pytest.mark.parametrize(
    ("text", "word", "cue", "content", "source"),
    [
        (
            "The senator bristled at the questions about his record.",
            "bristled",
            "bristled at",
            "the questions about his record",
            "The senator",
        ),
        (
            "Graham has been critical of the new trade deal.",
            "critical",
            "critical of",
            "the new trade deal",
            "Graham",
        ),
    ],
)
def test_a_learned_cue_takes_the_object_of_its_preposition(
    nlp: Any, text: str, word: str, cue: str, content: str, source: str
) -> None:
    doc = nlp(text)
    [token] = [t for t in doc if t.text == word]
    found = learned_cue(token)
    assert found is not None
    assert text[found.start : found.end] == cue
    assert [text[start:end] for start, end in found.content] == [content]
    assert found.source is not None and doc[found.source[0] : found.source[1]].text == source


def test_an_apposition_before_a_comma_names_the_noun_it_describes() -> None:
    # "In Ohio, Ann Lee, the head of the union, told …" with "Lee" hung from "Ohio".
    words = ["In", "Ohio", ",", "Ann", "Lee", ",", "the", "head", ",", "told"]
    heads = [9, 0, 1, 4, 1, 4, 7, 4, 9, 9]
    deps = ["prep", "pobj", "punct", "compound", "conj", "punct", "det", "appos", "punct", "ROOT"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    found = apposed_noun(doc, 8)
    assert found is not None and found.text == "Lee"
    assert apposed_noun(doc, 2) is None  # "In Ohio," is no apposition


def test_a_clause_after_a_comma_is_not_what_was_told(nlp: Any) -> None:
    # The parser hangs "he had not yet been fined" from "told" too; the quote is the content.
    text = (
        "“You should resign,” Okafor told Brandt, after he admitted under her questioning "
        "he had not yet been fined."
    )
    told = [q for q in quotes_in(nlp, text) if q.cue is not None and q.cue.text == "told"]
    assert [(q.text, q.type, mention_text(q)) for q in told] == [
        ("You should resign,", "direct", "Okafor")
    ]


def test_a_negation_inside_the_quote_is_no_silence(nlp: Any) -> None:
    # "not" hangs from "said", but it is the quote's word: she said something.
    text = '"Are we ready? Probably not," Dana Whitfield said. "We will be."'
    quotes = quotes_in(nlp, text)
    assert [(q.text, mention_text(q)) for q in quotes] == [
        ("Are we ready? Probably not,", "Dana Whitfield"),
        ("We will be.", "Dana Whitfield"),
    ]
    assert quotes_in(nlp, "The director did not respond to requests for comment.") == []


def test_the_speaker_s_next_act_keeps_the_reporting_verb_s_subject(nlp: Any) -> None:
    # "added" is coordinated with the reported clause: its subject is the speaker's, never
    # the clause's ("it").
    text = "Haas said the repair takes time but added that the council would agree."
    quotes = quotes_in(nlp, text)
    assert [(q.text, mention_text(q)) for q in quotes] == [
        ("the repair takes time", "Haas"),
        ("the council would agree", "Haas"),
    ]


def test_the_refused_act_of_speaking_is_no_statement_either(nlp: Any) -> None:
    # "comment on the strike" is what was refused, whatever a cue scorer makes of it.
    for text in (
        "The Harwick Ferry Company declined to comment on the closure.",
        "Ms. Ostrova refused to say where the records had gone.",
    ):
        assert quotes_in(nlp, text) == []


def test_a_reported_clause_is_no_cue_interrupting_its_head(nlp: Any) -> None:
    # "that the board would agree" is what "added" reports: "agree" takes no content of its
    # own around "added" (which would leave "added" inside another cue's content).
    text = "Haas said the repair takes time but added that the board would agree."
    quotes = quotes_in(nlp, text)
    assert [q.cue.text for q in quotes if q.cue is not None] == ["said", "added"]


def test_a_name_after_the_quote_and_the_verb_that_the_parser_read_as_no_subject() -> None:
    # `“It is ready,” said Skelly.` with "Skelly" read as an adverb of "said".
    words = ["“", "It", "is", "ready", ",", "”", "said", "Skelly", "."]
    heads = [6, 2, 6, 2, 6, 6, 6, 6, 6]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "ROOT", "advmod", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "VERB", "ADV", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert inverted_subject(doc[6]) == (7, 8)
    # A description after the verb, up to its last noun: `“Meh,” wrote a reader from Leeds.`
    words = ["“", "Meh", ",", "”", "wrote", "a", "reader", "from", "Leeds", "."]
    heads = [4, 4, 4, 4, 4, 6, 1, 6, 7, 4]
    deps = ["punct", "ccomp", "punct", "punct", "ROOT", "det", "appos", "prep", "pobj", "punct"]
    pos = ["PUNCT", "INTJ", "PUNCT", "PUNCT", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert inverted_subject(doc[4]) == (5, 7)  # "a reader"
    # With no quotation mark before it, a verb inside its sentence takes no name after it.
    words = ["It", "is", "ready", ",", "said", "Skelly", "."]
    heads = [1, 4, 1, 4, 4, 4, 4]
    deps = ["nsubj", "ccomp", "acomp", "punct", "ROOT", "advmod", "punct"]
    pos = ["PRON", "AUX", "ADJ", "PUNCT", "VERB", "ADV", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert inverted_subject(doc[4]) is None


def test_a_name_that_opens_its_clause_before_a_long_aside_is_the_source() -> None:
    # "Ann Lind, whose firm, Ordo, sells maps, said …" with the name hung from the aside's
    # verb and "said" left without subject.
    words = ["Ann", "Lind", ",", "whose", "firm", ",", "Ordo", ",", "sells", "maps", ","]
    words += ["said", "it", "grew", "."]
    heads = [1, 8, 1, 4, 8, 4, 4, 4, 11, 8, 11, 11, 13, 11, 11]
    deps = ["compound", "dep", "punct", "poss", "nsubj", "punct", "appos", "punct", "ccomp"]
    deps += ["dobj", "punct", "ROOT", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "VERB"]
    pos += ["NOUN", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"]
    tags = ["NNP", "NNP", ",", "WP$", "NN", ",", "NNP", ",", "VBZ", "NNS", ",", "VBD"]
    tags += ["PRP", "VBD", "."]
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert opening_name(doc[11]) == (0, 10)  # "Ann Lind, whose firm, Ordo, sells maps"
    # After a quotation, and with an adverb before the verb: `“No,” Ann Lee, a senator,
    # also said.`
    words2 = ["“", "No", ",", "”", "Ann", "Lee", ",", "a", "senator", ",", "also", "said", "."]
    heads2 = [11, 11, 11, 11, 5, 8, 5, 8, 11, 11, 11, 11, 11]
    deps2 = ["punct", "intj", "punct", "punct", "compound", "nmod", "punct", "det", "dep"]
    deps2 += ["punct", "advmod", "ROOT", "punct"]
    pos2 = ["PUNCT", "INTJ", "PUNCT", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "NOUN"]
    pos2 += ["PUNCT", "ADV", "VERB", "PUNCT"]
    tags2 = ["``", "UH", ",", "''", "NNP", "NNP", ",", "DT", "NN", ",", "RB", "VBD", "."]
    quoted = Doc(vocab, words=words2, heads=heads2, deps=deps2, pos=pos2, tags=tags2)
    assert opening_name(quoted[11]) == (4, 9)  # "Ann Lee, a senator"
    # A clause that opens with no name ("The firm, …, said") gives no source this way.
    words[0:2] = ["The", "firm"]
    pos[0:2] = ["DET", "NOUN"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert opening_name(doc[11]) is None


def test_a_learned_cue_beside_a_quotation_takes_it(nlp: Any) -> None:
    # "beamed" names no statement in the lists and has no content in the parse: the
    # quotation right before it is its content, and the name after it its source.
    text = "“This is the best day of my life!” beamed Hal Orton, a retired welder."
    [quote] = quotes_in(nlp, text)
    assert quote.text == "This is the best day of my life!"
    assert quote.cue is not None and quote.cue.text == "beamed"
    assert quote.speaker.name == "Hal Orton"


def test_a_cue_in_the_next_paragraph_takes_no_quote_of_this_one(nlp: Any) -> None:
    # The second quotation closes its paragraph: it continues Solberg, and the next
    # paragraph's "said" is Lars's own.
    text = (
        "“The ice was thin that winter,” Solberg said. “We lost two boats.”\n"
        "“After that, nobody fished on the lake,” his brother Lars said."
    )
    quotes = quotes_in(nlp, text)
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("The ice was thin that winter,", "Solberg"),
        ("We lost two boats.", "Solberg"),
        ("After that, nobody fished on the lake,", "Lars"),
    ]


def test_a_verb_of_saying_in_a_relative_clause_is_an_attribution_of_its_own(nlp: Any) -> None:
    # "which she said had doubled the paperwork" is inside what "cited" reports, and it is
    # also what she said: kept as a quote of its own, not dropped as a nested cue.
    text = "Marta Quill cited the new rules, which she said had doubled the paperwork."
    quotes = quotes_in(nlp, text)
    assert [(q.cue.text if q.cue else None, q.text) for q in quotes] == [
        ("cited", "the new rules, which she said had doubled the paperwork"),
        ("said", "which she said had doubled the paperwork"),
    ]
    assert all(q.speaker.name == "Marta Quill" for q in quotes)


def test_of_two_subjects_the_one_nearest_before_the_verb_is_the_speaker() -> None:
    # "OSLO (Reuters) - Ann Lee said it grew." with the dateline's city hung from "said" as
    # a second subject.
    words = ["OSLO", "(", "Reuters", ")", "-", "Ann", "Lee", "said", "it", "grew", "."]
    heads = [7, 2, 0, 2, 0, 6, 7, 7, 9, 7, 7]
    deps = ["nsubj", "punct", "appos", "punct", "punct", "compound", "nsubj", "ROOT", "nsubj"]
    deps += ["ccomp", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT", "PROPN", "PROPN", "VERB", "PRON"]
    pos += ["VERB", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    subject = subject_of(doc[7])
    assert subject is not None and subject.text == "Lee"


def test_speaking_reports_through_its_preposition_or_a_quotation(nlp: Any) -> None:
    [about] = quotes_in(nlp, "Mayor Ines Calder spoke about the new bridge on Monday.")
    assert about.cue is not None and about.cue.text == "spoke about"
    [quoted] = quotes_in(nlp, "“We will rebuild,” Mayor Ines Calder spoke softly.")
    assert quoted.text == "We will rebuild," and quoted.speaker.name == "Ines Calder"


def test_a_reported_clause_the_parser_cut_short_runs_on() -> None:
    # "Lee told reporters she was pleased the count ended." with "ended" hung on "told" as a
    # second complement: the words right after the clause are still what she told.
    words = ["Lee", "told", "reporters", "she", "was", "pleased", "the", "count", "ended", "."]
    heads = [1, 1, 1, 4, 1, 4, 7, 8, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "nsubj", "ccomp", "acomp", "det", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "PRON", "AUX", "ADJ", "DET", "NOUN", "VERB", "PUNCT"]
    tags = ["NNP", "VBD", "NNS", "PRP", "VBD", "JJ", "DT", "NN", "VBD", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    found = verb_content(doc[1], "tell")
    assert [doc.text[start:end] for start, end in found.content] == [
        "she was pleased the count ended"
    ]
    # After a comma, what the verb governs is no more of the clause ("…, adding …").
    words[6:6] = [","]
    heads = [h + (h >= 6) for h in heads]
    heads[6:6] = [1]
    deps[6:6] = ["punct"]
    pos[6:6] = ["PUNCT"]
    tags[6:6] = [","]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    found = verb_content(doc[1], "tell")
    assert [doc.text[start:end] for start, end in found.content] == ["she was pleased"]


def test_a_short_quotation_after_a_colon_is_a_statement_not_a_title(nlp: Any) -> None:
    # A few quoted words alone are a title ("read “War and Peace”"), but not after a colon:
    # the learned cue "boomed" takes them.
    text = "At the rally in Ohio, Mayor Dana Kroll boomed: “Let’s defeat them in November.”"
    [quote] = quotes_in(nlp, text)
    assert quote.text == "Let’s defeat them in November."
    assert quote.cue is not None and quote.cue.text == "boomed"
    assert quote.speaker.name == "Dana Kroll"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mara Voss called Tomas a “special person.”", "Tomas a “special person."),
        (
            "Voss called him a political opportunist who has neglected his duties.",
            "him a political opportunist who has neglected his duties",
        ),
    ],
)
def test_an_object_takes_the_complement_that_opens_right_after_it(
    nlp: Any, text: str, content: str
) -> None:
    # The complement's head ("person") is not the next word, its first word ("a") is; a
    # quotation mark may stand between.
    [quote] = quotes_in(nlp, text)
    assert quote.text == content
    assert quote.cue is not None and quote.cue.text == "called"


def test_a_clause_opened_by_a_subordinating_adverb_is_no_reported_clause() -> None:
    # "Voss said as some booed." with "as" read as an adverb of "booed": when it was said,
    # not what; "Voss said after the vote it failed." still reports "it failed".
    words = ["Voss", "said", "as", "some", "booed", "."]
    heads = [1, 1, 4, 4, 1, 1]
    deps = ["nsubj", "ROOT", "advmod", "nsubj", "advcl", "punct"]
    pos = ["PROPN", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"]
    tags = ["NNP", "VBD", "IN", "DT", "VBD", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert verb_content(doc[1], "say").content == ()
    words = ["Voss", "said", "after", "the", "vote", "it", "failed", "."]
    heads = [1, 1, 1, 4, 2, 6, 1, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "nsubj", "advcl", "punct"]
    pos = ["PROPN", "VERB", "ADP", "DET", "NOUN", "PRON", "VERB", "PUNCT"]
    tags = ["NNP", "VBD", "IN", "DT", "NN", "PRP", "VBD", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    found = verb_content(doc[1], "say")
    assert [doc.text[start:end] for start, end in found.content] == ["it failed"]


def test_a_source_phrase_ends_before_its_own_cue() -> None:
    # "Ines spoke of the storm, the worst." with "the worst" hung from "Ines" as an
    # apposition: the subject's phrase would run over the verb.
    words = ["Ines", "spoke", "of", "the", "storm", ",", "the", "worst", "."]
    heads = [1, 1, 1, 4, 2, 1, 7, 0, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "punct", "det", "appos", "punct"]
    pos = ["PROPN", "VERB", "ADP", "DET", "NOUN", "PUNCT", "DET", "ADJ", "PUNCT"]
    tags = ["NNP", "VBD", "IN", "DT", "NN", ",", "DT", "JJS", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    cue = verb_cue(doc[1], "speak")
    assert cue is not None and cue.source is not None
    assert doc[cue.source[0] : cue.source[1]].text == "Ines"


def test_a_participle_after_a_noun_has_that_noun_for_its_speaker(nlp: Any) -> None:
    # "voters saying …": the parse hangs the participle on the noun, which has no verb of
    # its own to give a subject; the noun is who says it.
    quotes = quotes_in(nlp, "Tenants saying the rents had doubled marched to the town hall.")
    assert [(q.text, q.speaker.name) for q in quotes] == [("the rents had doubled", "Tenants")]


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Asked if the ferry should run at night, 46 percent of riders said yes.", "yes"),
        ("The mayor said no.", "no"),
        ("Lind said as much on Monday.", "as much"),
    ],
)
def test_an_answer_is_what_was_said(nlp: Any, text: str, answer: str) -> None:
    quotes = [q for q in quotes_in(nlp, text) if q.cue is not None and q.cue.text == "said"]
    assert [q.text for q in quotes] == [answer]


def test_responding_to_something_says_nothing_by_itself(nlp: Any) -> None:
    # What was answered is not what was said; a quotation beside the verb still is.
    assert quotes_in(nlp, "The council responded to the criticism on Monday.") == []
    quotes = quotes_in(nlp, "“We hear you,” the council responded.")
    assert [(q.text, q.speaker.name) for q in quotes] == [("We hear you,", "the council")]


def test_a_digest_item_gives_its_quotation_to_the_name_after_the_dash(nlp: Any) -> None:
    # A newsletter's item: a heading in capitals, a dash, a name and a colon, a quotation.
    text = (
        "Here is what the analysts wrote this week.\n\n"
        "TURNOUT FELL IN THE NORTH - Mira Solberg: “Fewer young voters came out than in "
        "any election since 1990.”\n"
    )
    quotes = quotes_in(nlp, text)
    assert [(q.text, mention_text(q)) for q in quotes] == [
        ("Fewer young voters came out than in any election since 1990.", "Mira Solberg")
    ]


def test_a_speaker_set_off_by_commas_after_the_verb_is_inverted(nlp: Any) -> None:
    # The parser takes "The contrast with the mayor" for the subject of "said"; the name after
    # the verb speaks, and the sentence around the aside is what was said.
    quotes = quotes_in(nlp, "The contrast with the mayor, said Ines Carlo, would be clear by May.")
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("The contrast with the mayor", "Ines Carlo"),
        ("would be clear by May", "Ines Carlo"),
    ]
    quotes = quotes_in(nlp, "The plan will fail, said Ines Carlo, a nurse at the clinic.")
    assert [(q.text, q.speaker.name) for q in quotes] == [("The plan will fail", "Ines Carlo")]
    # A clause after the name is what the name said, not an inversion.
    quotes = quotes_in(nlp, "Ana Lee, the mayor, said Tom Reyes was wrong.")
    assert [(q.text, q.speaker.name) for q in quotes] == [("Tom Reyes was wrong", "Ana Lee")]


def test_the_description_of_an_inverted_speaker_is_not_what_was_said(nlp: Any) -> None:
    text = "“We were never asked,” said Ines Carlo, a nurse who has worked at the clinic for years."
    quotes = quotes_in(nlp, text)
    assert [(q.text, q.speaker.name) for q in quotes] == [("We were never asked,", "Ines Carlo")]


def _participle_doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    tags = {"PROPN": "NNP", "VERB": "VBD", "NOUN": "NNS", "ADP": "IN", "DET": "DT"}
    tag_list = [
        "VBG" if w.endswith("ing") else tags.get(p, "XX") for w, p in zip(words, pos, strict=True)
    ]
    lemmas = [
        w.lower().removesuffix("ed") if p == "VERB" else w.lower()
        for w, p in zip(words, pos, strict=True)
    ]
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, tags=tag_list, pos=pos, lemmas=lemmas)


# A participle describing a noun, by hand-built parses: (words, heads, deps, parts of speech,
# the participle, who says what it reports).
PARTICIPLES = [
    # Ivo Brandt sent a letter saying the deal was off: a document sent is the sender's.
    (
        ["Ivo", "Brandt", "sent", "a", "letter", "saying", "the", "deal", "was", "off"],
        [1, 2, 2, 4, 2, 4, 7, 8, 5, 8],
        ["compound", "nsubj", "ROOT", "det", "dobj", "acl", "det", "nsubj", "ccomp", "acomp"],
        ["PROPN", "PROPN", "VERB", "DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "ADJ"],
        5,
        "Brandt",
    ),
    # Residents saying the road flooded gathered: a noun that is no document says it itself.
    (
        ["Residents", "saying", "the", "road", "flooded", "gathered"],
        [5, 0, 3, 4, 1, 5],
        ["nsubj", "acl", "det", "nsubj", "ccomp", "ROOT"],
        ["NOUN", "VERB", "DET", "NOUN", "VERB", "VERB"],
        1,
        "Residents",
    ),
    # Ivo emailed supporters saying it was over: the people addressed are the sender's.
    (
        ["Ivo", "emailed", "supporters", "saying", "it", "was", "over"],
        [1, 1, 1, 2, 5, 3, 5],
        ["nsubj", "ROOT", "dobj", "acl", "nsubj", "ccomp", "acomp"],
        ["PROPN", "VERB", "NOUN", "VERB", "PRON", "AUX", "ADJ"],
        3,
        "Ivo",
    ),
    # Ivo gave money to groups backing Lee: the groups back Lee, not Ivo.
    (
        ["Ivo", "gave", "money", "to", "groups", "backing", "Lee"],
        [1, 1, 1, 1, 3, 4, 5],
        ["nsubj", "ROOT", "dobj", "dative", "pobj", "acl", "dobj"],
        ["PROPN", "VERB", "NOUN", "ADP", "NOUN", "VERB", "PROPN"],
        5,
        "groups",
    ),
    # In the release announcing it, Ivo spoke: a phrase before the verb sets the scene.
    (
        ["In", "the", "release", "announcing", "it", "Ivo", "spoke"],
        [6, 2, 0, 2, 3, 6, 6],
        ["prep", "det", "pobj", "acl", "dobj", "nsubj", "ROOT"],
        ["ADP", "DET", "NOUN", "VERB", "PRON", "PROPN", "VERB"],
        3,
        "release",
    ),
]


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "participle", "sayer"), PARTICIPLES)
def test_who_says_what_a_participle_after_a_noun_reports(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    participle: int,
    sayer: str,
) -> None:
    subject = subject_of(_participle_doc(words, heads, deps, pos)[participle])
    assert subject is not None and subject.text == sayer
