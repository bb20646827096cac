"""Whose voice a text is in: who its "I" and its "you" are outside quotation marks.

Quotation marks tell whose words a quote is, and the quote step gives the first person inside
them to the quote's speaker. A text may itself be someone's words, and then it says whose:
- an interview names its interviewee in its opening ("Wikinews interviews Ilona Varga", "An
  interview with Ilona Varga", "Ilona Varga, interviewed by …", "… spoke with Ilona Varga"):
  the answers' "I" is the interviewee, and so is the questions' "you";
- a letter ends with its signature after a closing ("Love always, Marcie", "Best wishes,
  Tom Reyes"): its "I" is the signer; its "you" is whom the salutation names ("Dear Jean");
- a speaker gives their name ("My name is Ilona Varga", "I'm Ilona Varga"): the "I" after.

A transcript whose lines open with speakers' labels ("VARGA: I will not.") is left to the
quote step, which gives each turn to its label, and so is the first person between an
opening and a closing quotation mark (the quote's speaker's). A stretch that ends with a
closing mark never opened counts as the text's own: such a lone mark is more often a stray
or a detached apostrophe than a quote whose opening was lost.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy
from spacy.attrs import LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]  # a Cython function
from spacy.tokens import Doc, Span, Token

from newsgraph.lang.en import coref as lang
from newsgraph.nlp.coref.referents import Referent
from newsgraph.nlp.quotes.marks import QuotedSpan

OPENING_SENTENCES = 3  # where an interview says whom it interviews
SIGNATURE_TOKENS = 40  # a letter's signature stands among its last tokens
CLOSING_REACH = 8  # tokens between a closing's word and the signature
# Parts of speech that end the noun phrase naming an interviewee.
PHRASE_ENDS = frozenset({"ADP", "VERB", "AUX", "SCONJ", "PRON"})
# Parts of speech of a run of names and titles ("President Ilona Varga and Tom Reyes").
NAME_RUN = frozenset({"PROPN", "NOUN", "ADJ", "DET", "CCONJ", "PART"})
# Marks around a vocative ("Tom, you …", "… you, Tom.", "“Tom, …").
VOCATIVE_BEFORE = frozenset({",", "“", '"', "‘", "'"})
VOCATIVE_AFTER = frozenset({",", ".", "?", "!", "”", '"', "’", "'"})
# A name in one of these roles is a clause's argument, not someone addressed.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "poss", "attr"})
# A line that opens with a speaker's label: "VARGA:", "Q:", "Ilona Varga:".
LABELLED_LINE = re.compile(r"^[A-Z][\w.'’ -]{0,40}:[ \t]", re.MULTILINE)
# The second person's words as spaCy hashes them, for one array look-up of a doc's words.
ADDRESSEE_HASHES = numpy.array(
    [hash_string(word) for word in sorted(lang.ADDRESSEE_PRONOUNS)], dtype=numpy.uint64
)


@dataclass(frozen=True, slots=True)
class Voice:
    """Who the text's own first and second person are, when the text says so."""

    speaker: Referent | None = None
    addressee: Referent | None = None
    speaker_from: int = 0  # the token the speaker's voice starts at (a self-introduction)
    # "you" addressed in its own sentence to someone named there (token index → referent).
    addressed: dict[int, Referent] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.speaker is None and self.addressee is None and not self.addressed


def text_voice(
    doc: Doc,
    people: Sequence[Referent],
    addressable: Sequence[Referent],
    quotations: Sequence[QuotedSpan],
    text: str,
) -> tuple[Voice, set[int]]:
    """The text's own speaker and addressee (see the module docstring), none when the text
    does not say or is a transcript of labelled turns; and the tokens inside quotes.
    `people` are the referents the article shows are people; `addressable` those a
    salutation may name, which says it is someone ("Dear Marta" the tagger typed a place);
    `quotations` are the text's quoted spans (`find_quoted_spans`); `text` is `doc.text`,
    which spaCy joins anew from the tokens on each access."""
    quoted = quoted_tokens(doc, quotations)
    named = _named_people(people)
    addressed = _addressed_in_sentence(list(doc.sents), named, quoted)
    if len(LABELLED_LINE.findall(text)) >= 2:
        return Voice(addressed=addressed), quoted
    return replace(_voice(doc, text, named, addressable, quoted), addressed=addressed), quoted


def quoted_tokens(doc: Doc, quotations: Sequence[QuotedSpan]) -> set[int]:
    """The tokens between an opening and a closing quotation mark."""
    inside: set[int] = set()
    for span in quotations:
        if span.opened and span.closed:
            chars = doc.char_span(span.start, span.end, alignment_mode="expand")
            if chars is not None:
                inside.update(range(chars.start, chars.end))
    return inside


def _voice(
    doc: Doc,
    text: str,
    named: dict[int, Referent],
    addressable: Sequence[Referent],
    quoted: set[int],
) -> Voice:
    interviewee = _interviewee(doc, named, quoted)
    if interviewee is not None:
        return Voice(speaker=interviewee, addressee=interviewee)
    signer, addressee = _signer(doc, text, named), _salutation(doc, _named_people(addressable))
    if signer is not None or addressee is not None:
        return Voice(speaker=signer, addressee=addressee)
    author = _author(doc, named, quoted)
    if author is not None:
        return Voice(speaker=author)
    introduced = _self_introduction(doc, named, quoted)
    if introduced is not None:
        referent, start = introduced
        return Voice(speaker=referent, speaker_from=start)
    return Voice()


def voice_pronouns(doc: Doc, voice: Voice, quoted: set[int]) -> list[tuple[Token, Referent]]:
    """The first- and second-person pronouns outside quotation marks, with the referent the
    text's voice gives them, and every "you" addressed to someone its sentence names."""
    found: list[tuple[Token, Referent]] = []
    for token in doc:
        if token.i in voice.addressed:
            found.append((token, voice.addressed[token.i]))
            continue
        if token.i in quoted or token.tag_ not in lang.PRONOUN_TAGS:
            continue
        lower = token.lower_
        if lower in lang.SPEAKER_PRONOUNS and voice.speaker is not None:
            if token.i >= voice.speaker_from and _is_pronoun_form(token):
                found.append((token, voice.speaker))
        elif lower in lang.ADDRESSEE_PRONOUNS and voice.addressee is not None:
            found.append((token, voice.addressee))
    return found


def _addressed_in_sentence(
    sentences: Sequence[Span], named: dict[int, Referent], quoted: set[int]
) -> dict[int, Referent]:
    """Each "you" of a sentence that addresses one person by name: a vocative set off by
    commas on the same side of the quotation marks ("Tom, you let us down", "Thank you,
    Tom."), or, inside quotation marks, the named object of a verb of telling outside them
    ("'You let us down,' she told Tom")."""
    addressed: dict[int, Referent] = {}
    for number, yous in _yous_by_sentence(sentences).items():
        sentence = sentences[number]
        spans = _name_spans(sentence, named)
        for side in (True, False):  # inside quotation marks, then outside
            own = [t for t in yous if (t.i in quoted) == side]
            people = {
                person.id: person
                for span in spans
                if (span.start in quoted) == side
                and (person := _vocative(sentence.doc, named, span)) is not None
            }
            if not people and side:
                people = {
                    named[t.i].id: named[t.i]
                    for t in sentence
                    if t.i in named and t.i not in quoted and _told(t)
                }
            if len(people) == 1 and own:
                person = next(iter(people.values()))
                addressed.update((t.i, person) for t in own)
    return addressed


def _yous_by_sentence(sentences: Sequence[Span]) -> dict[int, list[Token]]:
    """The text's "you"s by the number of their sentence, in text order: one walk over the
    tokens, each "you" put in its sentence by where the sentences start (most have none)."""
    if not sentences:
        return {}
    doc = sentences[0].doc
    starts = [sentence.start for sentence in sentences]
    yous: dict[int, list[Token]] = {}
    # One array look-up for the words, not a Python loop over every token.
    hits = numpy.isin(doc.to_array(LOWER), ADDRESSEE_HASHES)
    for index in numpy.flatnonzero(hits):
        token = doc[int(index)]
        if token.tag_ in lang.PRONOUN_TAGS:
            number = bisect.bisect_right(starts, token.i) - 1
            yous.setdefault(number, []).append(token)
    return yous


def _name_spans(sentence: Span, named: dict[int, Referent]) -> list[Span]:
    """The runs of name tokens in the sentence."""
    spans: list[Span] = []
    start: int | None = None
    for token in sentence:
        inside = token.i in named and (start is None or named[token.i] is named[start])
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            spans.append(sentence.doc[start : token.i])
            start = token.i if token.i in named else None
    if start is not None:
        spans.append(sentence.doc[start : sentence.end])
    return spans


def _vocative(doc: Doc, named: dict[int, Referent], span: Span) -> Referent | None:
    """The person a name set off by commas or the sentence's edges addresses ("Tom, you …",
    "… thank you, Tom."), unless the name is a clause's subject or object or has an
    apposition ("Tom Reyes, a farmer, said")."""
    sentence = span.sent
    before = doc[span.start - 1] if span.start > sentence.start else None
    after = doc[span.end] if span.end < sentence.end else None
    opens = before is None or before.text in VOCATIVE_BEFORE
    closes = after is None or after.text in VOCATIVE_AFTER
    root = span.root
    if not (opens and closes) or root.dep_ in ARGUMENT_DEPS:
        return None
    if any(c.dep_ == "appos" for c in root.children):
        return None
    return named[span.start]


def _told(token: Token) -> bool:
    """The object of a verb of telling ("she told Tom", "asked Tom")."""
    return token.dep_ in ("dobj", "dative") and token.head.lemma_ in lang.TELLING_LEMMAS


def _is_pronoun_form(token: Token) -> bool:
    """ "I", "my", "My"; not "ME" (a state) in capitals."""
    return token.text == "I" or token.text.islower() or token.text.istitle()


def _named_people(people: Sequence[Referent]) -> dict[int, Referent]:
    """Each token of a person's name → that person (one referent a token)."""
    named: dict[int, Referent] = {}
    for referent in people:
        for span in referent.spans:
            for index in range(span.start, span.end):
                named.setdefault(index, referent)
    return named


def _interviewee(doc: Doc, named: dict[int, Referent], quoted: set[int]) -> Referent | None:
    """The person an interview's opening says it interviews: named in the noun phrase after
    the cue ("interviews Israeli writer Ilona Varga", "an interview with", "spoke with"), or
    in the one before a passive cue or a title's ("Ilona Varga, interviewed by …", "Ilona
    Varga: An interview with …")."""
    for sentence in itertools.islice(doc.sents, OPENING_SENTENCES):
        for token in sentence:
            if token.i in quoted or not _interview_cue(token):
                continue
            if _passive(token) or _titled(doc, token):
                found = _named_in_phrase(doc, named, token.i - 1, -1, sentence)
            else:
                start = token.i + 1
                if start < sentence.end and doc[start].lower_ in lang.CONVERSATION_PREPOSITIONS:
                    start += 1
                found = _named_in_phrase(doc, named, start, 1, sentence)
            if found is not None:
                return found
    return None


def _named_in_phrase(
    doc: Doc, named: dict[int, Referent], start: int, step: int, sentence: Span
) -> Referent | None:
    """The first person named from `start` on (forwards or backwards) in the noun phrase
    there: words of a name, its title and modifiers, up to a preposition or a verb ("Ilona
    Varga on the anemone", not "the bar's owner on Varga's cocktail"); backwards, also across
    the comma or colon that sets a title off."""
    index = start
    while sentence.start <= index < sentence.end:
        if index in named:
            return named[index]
        token = doc[index]
        crossing = step < 0 and token.text in (",", ":")
        if not crossing and (token.pos_ in PHRASE_ENDS or token.text in (",", ".", ":", ";")):
            return None
        index += step
    return None


def _interview_cue(token: Token) -> bool:
    if token.lemma_.lower() in lang.INTERVIEW_LEMMAS or token.lower_.startswith("interview"):
        return True
    if token.lemma_ not in lang.CONVERSATION_LEMMAS or token.pos_ != "VERB":
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in lang.CONVERSATION_PREPOSITIONS


def _passive(token: Token) -> bool:
    """ "interviewed by": the interviewee is named before the cue."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.pos_ == "VERB" and following is not None and following.lower_ == "by"


def _titled(doc: Doc, token: Token) -> bool:
    """ "Ilona Varga: An interview with …": the cue opens a title after a colon."""
    index = token.i - 1
    while index >= 0 and doc[index].pos_ == "DET":
        index -= 1
    return index >= 0 and doc[index].text == ":"


def _first_named(named: dict[int, Referent], indices: range) -> Referent | None:
    return next((named[i] for i in indices if i in named), None)


def _author(doc: Doc, named: dict[int, Referent], quoted: set[int]) -> Referent | None:
    """The one author or speaker an opening names: a byline ("By Ilona Varga"), a speech's
    title ("Remarks by Ilona Varga", "Varga's Inaugural Address", "Varga Floor Speech")."""
    for sentence in itertools.islice(doc.sents, OPENING_SENTENCES):
        for token in sentence:
            if token.i in quoted:
                continue
            if _byline(token):
                found = _people_in_phrase(doc, named, token.i + 1, sentence)
            elif _titled_speech(token):
                found = _people_in_phrase(doc, named, token.i - 1, sentence, step=-1)
            else:
                continue
            if len(found) == 1:
                return found[0]
    return None


def _byline(token: Token) -> bool:
    """ "By Ilona Varga" opening a byline, or "Remarks by" after a speech's title noun."""
    if token.text == "By":
        return True
    before = token.nbor(-1) if token.i > 0 else None
    return (
        token.lower_ == "by"
        and before is not None
        and before.lower_ in lang.SPEECH_NOUNS
        and before.text[:1].isupper()
    )


def _titled_speech(token: Token) -> bool:
    """A speech's title noun, capitalised as a title is ("Inaugural Address")."""
    return token.lower_ in lang.SPEECH_NOUNS and token.text[:1].isupper() and token.i > 0


def _people_in_phrase(
    doc: Doc, named: dict[int, Referent], start: int, sentence: Span, step: int = 1
) -> list[Referent]:
    """The people named in the run of names, titles and their joints from `start` on
    ("President Ilona Varga and Vice President Tom Reyes" names two)."""
    found: list[Referent] = []
    index = start
    while sentence.start <= index < sentence.end:
        token = doc[index]
        if index in named:
            if named[index] not in found:
                found.append(named[index])
        elif not _in_name_run(token, bool(found)):
            break
        index += step
    return found


def _in_name_run(token: Token, after_a_name: bool) -> bool:
    """A title, a joint or a possessive mark in a run of names. A comma joins names only
    after one ("By Ilona Varga, Tom Reyes and …"); before one it ends the run ("By Tuesday,
    Varga had …")."""
    if token.text == ",":
        return after_a_name
    return token.pos_ in NAME_RUN or token.text in ("'s", "’s")


def _signer(doc: Doc, text: str, named: dict[int, Referent]) -> Referent | None:
    """The person whose name follows a letter's closing among its last tokens ("Love
    always, Marcie"): the last such name."""
    end = _before_postscript(doc, text)
    signer: Referent | None = None
    for index in range(max(0, end - SIGNATURE_TOKENS), end):
        referent = named.get(index)
        if referent is None or named.get(index - 1) is referent:
            continue  # not a name, or the name's second word
        closing = doc[max(0, index - CLOSING_REACH) : index]
        if _closes(closing):
            signer = referent
    return signer


def _before_postscript(doc: Doc, text: str) -> int:
    """Where a letter's body ends: before a postscript ("P.S.") in its second half, which
    comes after the signature; else the end. (`text` is the doc's: a text without the mark
    anywhere has no token that starts with it, and most texts have none.)"""
    if lang.POSTSCRIPT not in text.upper():
        return len(doc)
    for token in reversed(doc[len(doc) // 2 :]):
        if token.text.upper().startswith(lang.POSTSCRIPT):
            return token.i
    return len(doc)


def _closes(words: Span) -> bool:
    """A closing's word before a signature, and a comma or a full stop right before it."""
    if not len(words) or words[-1].text not in (",", ".", "!"):
        return False
    return any(w.lower_ in lang.VALEDICTION_WORDS for w in words)


def _salutation(doc: Doc, named: dict[int, Referent]) -> Referent | None:
    """The person a letter's salutation names ("Dear Jean", "Dear Mr. Reyes")."""
    for token in doc[: min(len(doc), SIGNATURE_TOKENS * 2)]:
        if token.lower_ in lang.SALUTATIONS:
            return _first_named(named, range(token.i + 1, min(len(doc), token.i + 4)))
    return None


def _self_introduction(
    doc: Doc, named: dict[int, Referent], quoted: set[int]
) -> tuple[Referent, int] | None:
    """ "My name is Ilona Varga", "I'm Ilona Varga", and in a greeting that opens the text
    "Hi, it's Ilona Varga", "This is Ilona Varga here", outside quotation marks: the speaker
    and where the introduction is. Only one person may introduce themselves so."""
    opening = {t.i for s in itertools.islice(doc.sents, OPENING_SENTENCES) for t in s}
    found: list[tuple[Referent, int]] = []
    for token in (doc[i - 1] for i in sorted(named) if i > 0):  # the tokens before names
        if token.i in quoted or not _is_be(token):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        referent = named[token.i + 1]
        after = _after_name(doc, named, token.i + 1)
        if after is not None and after.lower_ in ("'s", "’s"):
            continue  # "I'm Varga's deputy"
        greeting = token.i in opening and _greets(token.sent, after)
        if _introduces_self(subject) or (subject.lower_ in ("it", "this") and greeting):
            found.append((referent, subject.i))
    people = {referent.id for referent, _ in found}
    return found[0] if len(people) == 1 else None


def _is_be(token: Token) -> bool:
    """A form of "be", also a curly "’s" the lemmatiser leaves as it is."""
    return token.lemma_ == "be" or (token.pos_ in ("AUX", "VERB") and token.lower_ in ("'s", "’s"))


def _after_name(doc: Doc, named: dict[int, Referent], start: int) -> Token | None:
    """The token after the name that starts at `start`."""
    index = start
    while index < len(doc) and named.get(index) is named[start]:
        index += 1
    return doc[index] if index < len(doc) else None


def _greets(sentence: Span, after: Token | None) -> bool:
    """A greeting's sentence ("Hi, it's Varga") or a name followed by "here"."""
    if after is not None and after.lower_ == "here":
        return True
    return any(t.lower_ in lang.GREETINGS for t in sentence)


def _introduces_self(subject: Token) -> bool:
    """ "I" ("I'm Ilona Varga") or "my name" ("My name is Ilona Varga")."""
    if subject.text == "I":
        return True
    return subject.lower_ == "name" and any(c.lower_ == "my" for c in subject.children)
