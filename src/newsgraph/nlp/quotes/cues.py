"""Cues from the dependency parse.

A cue is a reporting verb (language data: `lang/en/quotes.py`), "according to", a passive
with its agent ("was first reported by Politico"), or a line that opens with a name and a
colon ("Paul Ryan: …"). For each:
- the source (`source`) is the verb's subject, or the subject of the verb it hangs from
  ("praised them, saying that …"), the agent of a passive, or the object of "according to";
  never a phrase in another paragraph or inside quotation marks;
- the content (`content`) is the verb's clause, object, infinitive, what follows a colon,
  or the clause the cue interrupts.
Cues without content are kept: a direct quote beside them may be their content.
Offsets are characters; token indices never leave this module's callers in `nlp/`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]  # a Cython function
from spacy.tokens import Doc, Span, Token

from newsgraph.lang.en import quotes as lang
from newsgraph.nlp.quotes.content import (
    COLON_REACH,
    VERB_TAGS,
    ContentForm,
    around,
    chars,
    chars_of,
    crosses_paragraph,
    verb_content,
)
from newsgraph.nlp.quotes.furniture import is_furniture_label
from newsgraph.nlp.quotes.source import (
    QUOTE_TOKENS,
    SUBJECT_DEPS,
    WHEN_LABELS,
    apposed_noun,
    inverted_subject,
    name_after_comma,
    name_head,
    opening_name,
    paragraph_subject,
    source_phrase,
    subject_before,
    subject_of,
)

# A line opening with a name and a colon: "Paul Ryan: …", "JAKE TAPPER: …".
# Spaces are any but a line break (`[^\S\n]`): pages end lines with no-break spaces too.
# A transcript quoted in an article opens each line with a quotation mark: `"WALLACE: …`
# (then the mark, and one that closes the last line, are no part of the name or the words).
SPEAKER_LEAD = re.compile(
    r"^[^\S\n]*(?P<mark>[\"“])?(?P<name>[^\W\d][^:\n]{1,40}?):[^\S\n]+"
    r"(?P<words>\S[^\n]*?)(?(mark)[\"”]?)[^\S\n]*$",
    re.MULTILINE,
)
# A digest's item: a heading, a dash, then a name and a colon before a quotation
# (`SWING STATES TIGHTEN - Ana Ruiz: “The race …”`): the quotation is the name's.
DASHED_LEAD = re.compile(
    r"^[^\n]*?[^\S\n](?:[-–—]|--)[^\S\n]+(?P<name>[^\W\d][^:\n]{1,40}?):[^\S\n]+"
    r"(?P<words>[\"“][^\n]*?)[^\S\n]*$",
    re.MULTILINE,
)
# A quotation signed after a dash at the end of its paragraph: `“…” ― Sonia Ruiz, a nurse`.
SIGNED_QUOTE = re.compile(
    r"^(?P<quote>[^\n]*[\"”»])[^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*"
    r"(?P<name>[^\W\d][^\n,]{1,40}?)(?:,[^\n]*)?(?:[^\S\n]|\.)*$",
    re.MULTILINE,
)
MAX_LEAD_TOKENS = 5
MAX_BRACKETED = 8  # tokens of a bracketed aside after a name: "(D-Md.)", "(R-New York)"
LEAD_JOINERS = frozenset({"’s", "'s", ".", "&", "-", "of"})
NOMINAL_TAGS = frozenset({"PROPN", "PRON", "NOUN"})
NAME_LABELS = frozenset({"PERSON", "ORG"})
CUE_VERBS = (
    lang.REPORTING_VERBS
    | lang.INTENT_VERBS
    | lang.OBJECT_VERBS
    | frozenset(lang.PREPOSITION_CONTENT)
)
# Lemmas as spaCy stores them (case as the lemmatizer gives it), hashed for the array look-up.
CUE_LEMMA_HASHES = numpy.array(
    sorted({hash_string(form) for lemma in CUE_VERBS for form in (lemma, lemma.capitalize())}),
    dtype=numpy.uint64,
)
ACCORDING_HASH = hash_string(lang.ACCORDING_TO[0])


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue with its source tokens and content stretches (character offsets)."""

    start: int  # the cue's characters
    end: int
    verb: int  # token index of the cue's head word
    lemma: str
    source: tuple[int, int] | None  # token range [start, end) of the source phrase
    source_head: int | None  # token index of the source phrase's head
    content: tuple[tuple[int, int], ...]  # character ranges; empty when the parse shows none
    clause: tuple[int, int]  # character range of the cue's clause, for place and time
    colon: bool = False  # the content follows a colon ("said:"), maybe in the next paragraph
    form: ContentForm = "clause"  # where the content was found in the parse


def find_cues(doc: Doc, text: str | None = None) -> list[CueMatch]:
    """Every cue of the doc, in order (`text` is `doc.text` when the caller has it)."""
    cues: list[CueMatch] = []
    for index in _candidates(doc):
        token = doc[index]
        lemma = token.lemma_.lower()
        if token.lower_ == lang.ACCORDING_TO[0] and _next_lower(token) == lang.ACCORDING_TO[1]:
            match = _according_to(token)
        elif token.pos_ in VERB_TAGS and lemma in CUE_VERBS:
            match = verb_cue(token, lemma)
        else:
            continue
        if match is not None:
            cues.append(match)
    text = doc.text if text is None else text
    layout = _speaker_leads(doc, text) + _signed_quotes(doc, text)
    # "Said Ellis: …" is one cue, the line's: the verb the parser left without subject goes.
    taken = {cue.verb for cue in layout}
    cues = [cue for cue in cues if cue.verb not in taken] + layout
    cues.sort(key=lambda cue: cue.start)
    return cues


def _candidates(doc: Doc) -> list[int]:
    """Indices of the tokens whose lemma is a cue verb, or that read "according": one array
    look-up instead of a Python loop over every token."""
    if not len(doc):
        return []
    table = doc.to_array([LEMMA, LOWER])
    hits = numpy.isin(table[:, 0], CUE_LEMMA_HASHES) | (table[:, 1] == ACCORDING_HASH)
    return [int(i) for i in numpy.flatnonzero(hits)]


def _speaker_leads(doc: Doc, text: str) -> list[CueMatch]:
    """ "Paul Ryan: FBI decision defies explanation", "TAPPER: Take a listen." A line that
    opens with a name and a colon gives the rest of the line to that name; so does a
    digest's item after its heading and a dash, when a quotation follows the colon."""
    cues = []
    lines = [(line, line.start()) for line in SPEAKER_LEAD.finditer(text)]
    lines += [(line, line.start("name")) for line in DASHED_LEAD.finditer(text)]
    for line, clause_start in lines:
        name = _lead_name(doc, line)
        if name is None:
            continue
        colon = line.end("name")
        start, end, word = colon, colon + 1, name.end
        if len(name) > 1 and name[0].lemma_.lower() in lang.SPEECH_VERBS:
            # "Said Ellis: …", "Adds Ryan: …": the verb is the cue, the rest the name.
            start, end, word = name[0].idx, name[0].idx + len(name[0].text), name.start
            name = name[1:]
        cues.append(
            CueMatch(
                start=start,
                end=end,
                verb=word,
                lemma=lang.LEAD_CUE,
                source=(name.start, name.end),
                source_head=name.end - 1,
                content=((line.start("words"), line.end("words")),),
                clause=(clause_start, colon + 1),
                form="layout",
            )
        )
    return cues


def _lead_name(doc: Doc, line: re.Match[str]) -> Span | None:
    """The name that opens a speaker's line, or None when the words are no name."""
    name = doc.char_span(line.start("name"), line.end("name"))
    if name is None or not 0 < len(name) <= MAX_LEAD_TOKENS or not _is_name(name):
        return None
    return name


def quoted_transcript_lines(doc: Doc, text: str) -> list[tuple[int, int]]:
    """The lines of a transcript quoted in the article (`"WALLACE: If I may …`): a speaker's
    name and a colon after an opening quotation mark, not a label of the page ("VIDEO: …").
    Their quotation marks frame the transcript; each line is its speaker's, not a quotation
    running on from the line before."""
    lines = []
    for line in SPEAKER_LEAD.finditer(text):
        if line.group("mark") is None or is_furniture_label(line.group("name")):
            continue
        if _lead_name(doc, line) is not None:
            lines.append((line.start(), line.end()))
    return lines


def _signed_quotes(doc: Doc, text: str) -> list[CueMatch]:
    """ "“…” ― Sonia Ruiz": a paragraph that ends its quotation with a dash and a name gives
    the quotation to that name (the dash is the cue)."""
    cues = []
    for line in SIGNED_QUOTE.finditer(text):
        name = doc.char_span(line.start("name"), line.end("name"))
        if name is None or not 0 < len(name) <= MAX_LEAD_TOKENS or not _is_name(name):
            continue
        dash = line.start("dash")
        cues.append(
            CueMatch(
                start=dash,
                end=line.end("dash"),
                verb=name.start - 1,
                lemma=lang.SIGNATURE_CUE,
                source=(name.start, name.end),
                source_head=name.end - 1,
                content=((line.start("quote"), line.end("quote")),),
                clause=(dash, line.end()),
                form="layout",
            )
        )
    return cues


def _is_name(words: Span) -> bool:
    """Capitalised words only, and not a label of the page ("Update:", "Editor's note:"):
    a name, a transcript's speaker label, or a body ("Poll: …")."""
    if words.text.lower() in lang.LEAD_LABELS:
        return False
    return all(
        t.is_title or t.is_upper or t.pos_ == "PROPN" or t.text in LEAD_JOINERS for t in words
    )


def _next_lower(token: Token) -> str:
    return token.nbor().lower_ if token.i + 1 < len(token.doc) else ""


def verb_cue(
    verb: Token, lemma: str, *, learned: bool = False, beside: bool = False
) -> CueMatch | None:
    """The cue a verb makes, with its source and content; None when it lacks what it needs.
    A `learned` cue (not in the lists, found by `cue_model`) may take any infinitive; one
    `beside` a quotation may have no content in the parse (the quotation will be it)."""
    passive = passive_cue(verb)
    if passive is not None:
        return passive
    content, cue_end, needs_source, form = verb_content(verb, lemma, learned=learned)
    colon = bool(content) and _colon_before(verb, content[0][0])
    if not content and beside:
        needs_source, form = True, "beside"
    elif not content and (lemma not in lang.SPEECH_VERBS or lemma in lang.PREPOSITION_ONLY_VERBS):
        return None  # thinking, wanting, talking: their content must be in the parse
    subject = subject_of(verb)
    inverted = None
    if subject is not None and subject.i < verb.i and lemma in lang.SPEECH_VERBS:
        # "The contrast, said Doyle, is clear": the parser's subject before the comma is
        # what was said about; the name after the verb is the speaker.
        inverted = name_after_comma(verb)
        if inverted is not None:
            subject = None
            content, form = _around_aside(verb, inverted), "around"
    if subject is None and inverted is None:
        subject = subject_before(verb)
    if subject is None and inverted is None and lemma in lang.SPEECH_VERBS:
        inverted = inverted_subject(verb) or opening_name(verb)
    if inverted is not None:
        subject = verb.doc[inverted[1] - 1]
    if subject is None and needs_source:
        return None
    if subject is not None and crosses_paragraph(subject, verb):
        subject = paragraph_subject(verb)  # a dateline or a time stamp taken for the subject
    if inverted is not None:
        source: tuple[int, int] | None = inverted
    else:
        source = source_phrase(subject) if subject is not None else None
    if source is not None and subject is not None:
        source = _before_cue(verb, subject, source)
    if source is not None and _holds_its_source(verb, source, content):
        # `“…,” said Ana Lee, a nurse who …`: the words after the verb are its speaker and
        # her description, not what she said; the quotation beside the verb is.
        if lemma not in lang.SPEECH_VERBS:
            return None
        content, form = (), "none"
    end = max(verb.idx + len(verb.text), cue_end)
    end = max([end] + [p.idx + len(p.text) for p in verb.children if _is_particle(p)])
    return CueMatch(
        start=verb.idx,
        end=end,
        verb=verb.i,
        lemma=lemma,
        source=source,
        source_head=subject.i if subject is not None else None,
        content=content,
        clause=chars(verb.sent),
        colon=colon,
        form=form,
    )


def _around_aside(verb: Token, name: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """The sentence around "…, said Doyle, …": the words before the comma and after the
    speaker's aside, what was said ("The contrast with Trump | would be clear")."""
    doc, sentence = verb.doc, verb.sent
    last = sentence.end
    while last > name[1] and (doc[last - 1].is_punct or doc[last - 1].is_space):
        last -= 1
    pieces = [chars(doc[sentence.start : verb.i - 1])]
    if name[1] + 1 < last:
        pieces.append(chars(doc[name[1] + 1 : last]))
    return tuple(p for p in pieces if p[1] > p[0])


def _holds_its_source(
    verb: Token, source: tuple[int, int], content: tuple[tuple[int, int], ...]
) -> bool:
    """Whether the content found after the verb opens with, or runs over, the source that
    follows the verb."""
    if not content or source[0] <= verb.i:
        return False
    start = verb.doc[source[0]].idx
    return content[0][0] <= start < content[0][1]


def _before_cue(verb: Token, subject: Token, source: tuple[int, int]) -> tuple[int, int]:
    """The source phrase ends before its own cue: a parse that hangs the verb inside its
    subject's subtree ("Francis spoke of the malaise …" read as one noun phrase) gives the
    subject's words up to the verb."""
    start, end = source
    if not (start <= verb.i < end and subject.i < verb.i):
        return source
    last = verb.i
    while last > subject.i + 1 and (verb.doc[last - 1].is_punct or verb.doc[last - 1].is_space):
        last -= 1
    return start, last


def outside_source(doc: Doc, cue: CueMatch, inside: Callable[[int], bool]) -> CueMatch:
    """The cue with a source outside quotation marks: a parser may take a name inside the
    quote for the subject (`"… Sen. John McCain …," Trump said`); the name right before or
    after the cue is then the source."""
    if cue.source_head is None or not inside(doc[cue.source_head].idx):
        return cue
    verb = doc[cue.verb]
    # The parser may give the verb two subjects, one in the quote and the speaker's name.
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not inside(c.idx)]
    if subjects:
        return replace(cue, source=source_phrase(subjects[0]), source_head=subjects[0].i)
    before = _before_brackets(doc, verb.i - 1)
    if before >= 0 and doc[before].text == ",":
        # `“…,” Ann Lee, a senator, said`: the name the apposition before the verb describes.
        apposed = apposed_noun(doc, before)
        if apposed is not None and not inside(apposed.idx):
            return replace(cue, source=source_phrase(apposed), source_head=apposed.i)
    for index in (before, verb.i + 1):
        if 0 <= index < len(doc):
            token = doc[index]
            if _may_be_source(token) and not inside(token.idx):
                head = name_head(token)
                return replace(cue, source=source_phrase(head), source_head=head.i)
    return replace(cue, source=None, source_head=None)


def _may_be_source(token: Token) -> bool:
    """A noun or a pronoun that is no date or time ("said Thursday morning")."""
    return token.pos_ in NOMINAL_TAGS and token.ent_type_ not in WHEN_LABELS


def _before_brackets(doc: Doc, index: int) -> int:
    """The token index before a bracketed aside that ends at `index` ("Rep. Ann Lee (D-Md.)
    said": the name before the party and state), else `index`."""
    if index < 0 or doc[index].text != ")":
        return index
    for opening in range(index - 1, max(-1, index - MAX_BRACKETED), -1):
        if doc[opening].text == "(":
            return opening - 1
    return index


def source_after_quote(doc: Doc, cue: CueMatch, quote_ends: list[int]) -> CueMatch:
    """`“…,” Gene Sperling, an adviser, said`: when the parser finds no subject and hangs
    the name after the closing mark inside the quoted clause, the words between the mark
    and the cue are the source and the content ends at the mark. `quote_ends`: where the
    quoted stretches end, in order."""
    if cue.source is not None or len(cue.content) != 1:
        return cue
    start, end = cue.content[0]
    if end > cue.start:
        return cue  # the content runs on after the cue: no name stands before it
    index = bisect.bisect_left(quote_ends, end) - 1
    if index < 0 or quote_ends[index] <= start:
        return cue
    words = doc.char_span(quote_ends[index], end, alignment_mode="expand")
    names = [t for t in words or () if not t.is_punct and not t.is_space]
    if not names:
        return cue
    phrase = doc[names[0].i : names[-1].i + 1]
    if phrase.root.pos_ not in NOMINAL_TAGS:
        return cue
    return replace(
        cue,
        source=(phrase.start, phrase.end),
        source_head=phrase.root.i,
        content=((start, quote_ends[index]),),
    )


# spaCy rebuilds `doc.text` from the tokens on every access: per-cue code reads tokens only.


def _colon_before(verb: Token, content_start: int) -> bool:
    """Whether the last word before the content is a colon ("said: …", "said: “…”")."""
    previous = [t for t in verb.doc[verb.i + 1 : verb.i + COLON_REACH + 1] if t.idx < content_start]
    words = [t for t in previous if not t.is_space and t.text not in QUOTE_TOKENS]
    return bool(words) and words[-1].text == ":"


def passive_cue(verb: Token) -> CueMatch | None:
    """ "The meeting was first reported by Politico": the agent is the source, the passive
    subject the content."""
    agents = [c for c in verb.children if c.dep_ == "agent"]
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    objects = [c for c in agents[0].children if c.dep_ == "pobj"] if agents else []
    if not objects:
        return None
    if subjects:
        content: tuple[tuple[int, int], ...] = (
            chars_of(subjects[0].left_edge, subjects[0].right_edge),
        )
    elif _as_reported(verb):
        # "As reported by the Ledger, investigators found …": the clause it hangs from.
        content = around(verb.head, verb)
        if not content:
            return None
    else:
        return None
    return CueMatch(
        start=verb.idx,
        end=agents[0].idx + len(agents[0].text),
        verb=verb.i,
        lemma=verb.lemma_.lower(),
        source=source_phrase(objects[0]),
        source_head=objects[0].i,
        content=content,
        clause=chars(verb.sent),
        form="passive",
    )


def _as_reported(verb: Token) -> bool:
    """ "as reported by …", "as first noted by …": a passive clause opened by "as" that
    comments on the clause it hangs from."""
    return verb.dep_ == "advcl" and any(
        c.lower_ == "as" and c.dep_ in ("mark", "advmod") for c in verb.children
    )


def _is_particle(token: Token) -> bool:
    return token.dep_ == "prt" and token.lower_ in lang.CUE_PARTICLES and token.i > token.head.i


def _according_to(according: Token) -> CueMatch | None:
    to = according.nbor()
    objects = [c for c in to.children if c.dep_ == "pobj"]
    source_head = objects[0] if objects else None
    if source_head is None:
        return None
    head = according.head if according.head.i != according.i else None
    content = around(head, according) if head is not None else ()
    if not content:
        content = (_rest_of_sentence(according),)
    source = source_phrase(source_head)
    name_end = _name_in_commas(according.doc, source[1])
    if name_end is not None:
        # "According to the city engineer, Paula Okafor, the repairs …": the parser took the
        # name in apposition for the content's subject; it belongs to the source.
        source = (source[0], name_end)
        after = according.doc[name_end]  # the comma that closes the apposition
        content = tuple(
            (max(start, after.idx + 1), end) for start, end in content if end > after.idx + 1
        )
    return CueMatch(
        start=according.idx,
        end=to.idx + len(to.text),
        verb=according.i,
        lemma="according to",
        source=source,
        source_head=source_head.i,
        content=content,
        clause=(according.idx, source_head.right_edge.idx + len(source_head.right_edge.text)),
        form="according",
    )


def _name_in_commas(doc: Doc, after: int) -> int | None:
    """Where a name set off by commas right after token `after` ends (", Paula Okafor,"), or
    None when no such name follows."""
    if after >= len(doc) or doc[after].text != ",":
        return None
    end = after + 1
    while end < len(doc) and doc[end].ent_type_ in NAME_LABELS:
        end += 1
    if end == after + 1 or end >= len(doc) or doc[end].text != ",":
        return None
    return end


def _rest_of_sentence(according: Token) -> tuple[int, int]:
    sentence = according.sent
    phrase_end = according.right_edge.i + 1
    if phrase_end < sentence.end:
        return chars(according.doc[phrase_end : sentence.end])
    return chars(according.doc[sentence.start : according.i])
