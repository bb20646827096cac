"""What is a statement: a name in apposition wins over its description, and actions,
refusals, questions, requests and page furniture are no quotes at all.

Hand-written sentences with fictional names; they run the real pipeline (`nlp` fixture).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.quote_docs import quotes_in

pytestmark = pytest.mark.model


# A name in apposition wins over the description beside it, in either order.


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Her brother, Tom Reyes, said the family would appeal the ruling.",
            "Her brother, Tom Reyes",
        ),
        (
            "Tom Reyes, her brother, said the family would appeal the ruling.",
            "Tom Reyes, her brother",
        ),
    ],
)
def test_a_name_in_apposition_is_the_speaker(nlp: Any, text: str, mention: str) -> None:
    [quote] = quotes_in(nlp, text)
    assert quote.speaker.name == "Tom Reyes"
    assert quote.speaker.entity is not None
    assert quote.speaker.via == "apposition"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == mention


def test_a_name_in_apposition_after_the_cue_is_the_speaker(nlp: Any) -> None:
    text = '"We will rebuild the pavilion by spring," said the club\'s treasurer, Mara Voss.'
    [quote] = quotes_in(nlp, text)
    assert (quote.speaker.name, quote.speaker.via) == ("Mara Voss", "apposition")


# Not statements: actions after a listed verb.


@pytest.mark.parametrize(
    "text",
    [
        "The Kessler index added 0.4 per cent on Tuesday.",
        "The contractor added two lanes to the bridge last year.",
        "The guard fired two shots at the fence before the van drove away.",
        # A named subject leaves the parse a source: the counted object is still an act.
        "Carla Moreau fired two shots at the fence before the van drove away.",
        "Ann Lee cut 300 jobs at the plant last year.",
        "Councillor Ann Bell voted against the plan on Monday.",
        # A vote is a decision taken, whatever follows the verb.
        "The council voted on Monday to fund repairs to the old pier.",
        "The board voted 5 to 2 to close the depot.",
        "The crew continued the repairs through the night.",
        # A legal act with an object or a preposition's object, whatever the scorer says.
        "Tom Reyes sued the city last year over the closure of the pool.",
        "The tenants' union sued over the closure.",
        "Police arrested two men outside the depot on Friday.",
        # The act of speaking reports nothing without "about" or a quotation beside it.
        "The crowd grew quiet as Ines Calder spoke, and the rain kept falling.",
        "While Dorn spoke, protesters chanted outside the hall.",
        # A lone pronoun for object points at what was said elsewhere.
        "Voss said it again and again.",
    ],
)
def test_actions_are_not_quotes(nlp: Any, text: str) -> None:
    assert quotes_in(nlp, text) == []


def test_added_with_a_clause_is_still_speech(nlp: Any) -> None:
    [quote] = quotes_in(nlp, "Mayor Ann Kerr added that the bridge would reopen in May.")
    assert (quote.text, quote.kind) == ("the bridge would reopen in May", "speech")


# Not statements: refusals, questions and requests.


@pytest.mark.parametrize(
    "text",
    [
        "The Vellmar Shipping Company declined to comment on the strike.",
        "Mr. Lind refused to say where the money had gone.",
        "Mr. Lind did not respond to a request for comment.",
        "Ms. Holm did not immediately reply to questions about the contract.",
        "Ilona Varga declined an interview request.",
        "The company said nothing about the layoffs.",
    ],
)
def test_refusals_are_not_quotes(nlp: Any, text: str) -> None:
    assert quotes_in(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A reporter asked Minister Eva Holm whether the tax would rise.",
        "A reporter asked Minister Eva Holm who would pay for the repairs.",
        "A boy asked the striker for an autograph after the match.",
        "Several residents asked about the new parking rules.",
    ],
)
def test_questions_and_requests_are_not_quotes(nlp: Any, text: str) -> None:
    assert quotes_in(nlp, text) == []


def test_asking_someone_to_act_reports_what_was_urged(nlp: Any) -> None:
    [quote] = quotes_in(nlp, "The mayor asked residents to stay indoors during the storm.")
    assert quote.text == "residents to stay indoors during the storm"


def test_a_quoted_question_is_still_the_speaker_s_words(nlp: Any) -> None:
    [quote] = quotes_in(nlp, "“Who will pay for the repairs?” asked Tomas Berg.")
    assert (quote.type, quote.speaker.name) == ("direct", "Tomas Berg")


# Not statements: headings, labels, related headlines and captions.


@pytest.mark.parametrize(
    "text",
    [
        "MARKETS: Stocks fell on Monday as oil prices rose.",
        "WATCH: The mayor explains the new bus routes.",
        "Email: newsdesk@example.org",
        "ANALYST VIEW: Prices will rise",
        "READ MORE: Council says the bridge will reopen",
    ],
)
def test_labelled_lines_are_not_quotes(nlp: Any, text: str) -> None:
    assert quotes_in(nlp, f"The harbour reopened on Monday.\n\n{text}") == []


def test_related_headlines_and_captions_are_not_quotes(nlp: Any) -> None:
    text = (
        "The harbour reopened on Monday after a week of repairs.\n\n"
        "RELATED STORIES\n"
        "Council says the bridge will reopen in May\n"
        "Union warns strike could spread to Sandvik\n\n"
        "Harbour master Tomas Berg says the pier is safe. (Photo: Lina Kos/Courier)\n\n"
        "Tomas Berg said the harbour would stay open all winter."
    )
    [quote] = quotes_in(nlp, text)
    assert quote.text == "the harbour would stay open all winter"


def test_a_tally_after_a_name_is_not_a_quote(nlp: Any) -> None:
    text = "The count so far:\nAnn Bell: 1,204\nTom Reyes: 987\n"
    assert quotes_in(nlp, text) == []


def test_a_speaker_line_with_words_is_still_a_quote(nlp: Any) -> None:
    [quote] = quotes_in(nlp, "Paul Okafor: The budget is a disgrace.")
    assert quote.speaker.name == "Paul Okafor"


def test_what_someone_found_or_saw_is_no_statement(nlp: Any) -> None:
    text = "The inspectors closed the pier in June after finding cracked beams."
    assert quotes_in(nlp, text) == []


def test_a_poll_finding_something_is_a_finding(nlp: Any) -> None:
    [quote] = quotes_in(nlp, "A poll by the Vellmar Courier found strong support for the tax.")
    assert quote.kind == "finding"


def test_a_name_in_commas_after_according_to_is_the_source(nlp: Any) -> None:
    text = "According to the city engineer, Paula Okafor, the repairs will start in May."
    [quote] = quotes_in(nlp, text)
    assert quote.text == "the repairs will start in May"
    assert (quote.speaker.name, quote.speaker.via) == ("Paula Okafor", "apposition")


def test_a_pronoun_may_refer_to_a_speaker_with_no_entity(nlp: Any) -> None:
    # The nearest speaker before "He" is the councillor, whatever the entity tagger made of
    # him; the mayor, named earlier, is not the one who warned.
    text = (
        "“We cannot wait,” said Mayor Ingrid Salvesen.\n\n"
        "A councillor from the harbour ward said the city should have waited for a survey. "
        "He warned that the cost could rise by a third."
    )
    quotes = quotes_in(nlp, text)
    assert quotes[-1].cue is not None and quotes[-1].cue.text == "warned"
    assert quotes[-1].speaker.name == quotes[-2].speaker.name
    assert quotes[-1].speaker.via == "pronoun"


def test_a_quoted_question_beside_asked_is_the_asker_s(nlp: Any) -> None:
    # "asked her" puts a question to her: the quoted words are the visitor's, not a
    # continuation of the librarian's quote before them.
    text = "“We fixed the roof,” said Ann Kerr. “And the new shelves?” a visitor asked her."
    first, second = quotes_in(nlp, text)
    assert first.speaker.name == "Ann Kerr"
    assert second.cue is not None and second.cue.text == "asked"
    assert second.speaker.name == "a visitor"


def test_a_second_that_clause_is_more_of_the_same_statement(nlp: Any) -> None:
    text = (
        "A spokesman for the port said it hoped to reach a deal before the weekend, "
        "and that cargo was being sent to the port of Sandvik."
    )
    [quote] = quotes_in(nlp, text)
    assert quote.text.startswith("it hoped") and quote.text.endswith("port of Sandvik")


@pytest.mark.parametrize(
    "text",
    [
        "All told, the storm cost the town two million euros.",
        "That said, the council will meet again in May.",
    ],
)
def test_idioms_with_a_verb_of_saying_are_not_quotes(nlp: Any, text: str) -> None:
    assert quotes_in(nlp, text) == []


def test_who_was_told_is_not_the_speaker(nlp: Any) -> None:
    quotes = quotes_in(nlp, "Mara Voss was told that her job was gone.")
    assert all(q.speaker.name != "Mara Voss" for q in quotes)
