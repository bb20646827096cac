"""Cues and indirect quotes from the dependency parse.

A cue is a reporting verb (language data: `lang/en/quotes.py`), "according to", a passive
with its agent ("was first reported by Politico"), or a line that opens with a name and a
colon ("Paul Ryan: …"). For each:
- the source is the verb's subject, or the subject of the verb it hangs from ("praised them,
  saying that …"), the agent of a passive, or the object of "according to"; never a phrase in
  another paragraph or inside quotation marks;
- the content is, in order of trust, the verb's clause complement ("said that …"), the object
  of a preposition for a few verbs ("warned of a crisis"), an infinitive for verbs of intent
  ("vowed to fight"), the direct object ("criticized the plan"), what follows a colon, or the
  clause the cue interrupts or follows ("The plan, he said, is dead").
Cues without content are kept: a direct quote beside them may be their content.
Offsets are characters; token indices never leave this module's callers in `nlp/`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]  # a Cython function
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.lang.en import quotes as lang
from newsgraph.nlp.source_span import source_end

CLAUSE_DEPS = frozenset({"ccomp"})
SUBJECT_DEPS = frozenset({"nsubj"})
# A verb with no subject of its own borrows its head's: "…, saying that", "and added that".
BORROWING_DEPS = frozenset({"advcl", "conj", "xcomp"})
# A cue that interrupts or follows its content hangs from the content's verb.
INTERRUPTING_DEPS = frozenset({"parataxis", "ccomp", "advcl"})
VERB_TAGS = frozenset({"VERB", "AUX"})
# A line opening with a name and a colon: "Paul Ryan: …", "JAKE TAPPER: …".
SPEAKER_LEAD = re.compile(r"^[ \t]*([^\W\d][^:\n]{1,40}?):[ \t]+(\S[^\n]*?)[ \t]*$", re.MULTILINE)
MAX_LEAD_TOKENS = 5
LEAD_JOINERS = frozenset({"’s", "'s", ".", "&", "-", "of"})
QUOTE_TOKENS = frozenset({'"', "“", "”", "''", "``", "«", "»", "„"})
NOMINAL_TAGS = frozenset({"PROPN", "PRON", "NOUN"})
DASHES = frozenset({"—", "–", "--", "―"})
# What completes an object as content: "called him a fascist", "defended Clinton against the
# charges", "described it as a disaster".
OBJECT_COMPLEMENTS = frozenset({"oprd", "xcomp", "dative"})
COLON_REACH = 6  # tokens between a cue verb and its colon ("said in a statement:")
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
OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "prep"})


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


def find_cues(doc: Doc, text: str | None = None) -> list[CueMatch]:
    """Every cue of the doc, in order (`text` is `doc.text` when the caller has it)."""
    cues: list[CueMatch] = []
    for index in _candidates(doc):
        token = doc[index]
        lemma = token.lemma_.lower()
        if token.lower_ == lang.ACCORDING_TO[0] and _next_lower(token) == lang.ACCORDING_TO[1]:
            match = _according_to(token)
        elif token.pos_ in VERB_TAGS and lemma in CUE_VERBS:
            match = _verb_cue(token, lemma)
        else:
            continue
        if match is not None:
            cues.append(match)
    cues.extend(_speaker_leads(doc, doc.text if text is None else text))
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
    opens with a name and a colon gives the rest of the line to that name."""
    cues = []
    for line in SPEAKER_LEAD.finditer(text):
        name = doc.char_span(line.start(1), line.end(1))
        if name is None or not 0 < len(name) <= MAX_LEAD_TOKENS or not _is_name(name):
            continue
        colon = line.end(1)
        cues.append(
            CueMatch(
                start=colon,
                end=colon + 1,
                verb=name.end,
                lemma=":",
                source=(name.start, name.end),
                source_head=name.end - 1,
                content=((line.start(2), line.end(2)),),
                clause=(line.start(), colon + 1),
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


def _verb_cue(verb: Token, lemma: str) -> CueMatch | None:
    passive = _passive(verb)
    if passive is not None:
        return passive
    content, cue_end, needs_source = _verb_content(verb, lemma)
    colon = bool(content) and _colon_before(verb, content[0][0])
    if not content and (lemma not in lang.SPEECH_VERBS or lemma in lang.PREPOSITION_ONLY_VERBS):
        return None  # thinking, wanting, talking: their content must be in the parse
    subject = _subject(verb)
    if subject is None and needs_source:
        return None
    if subject is not None and _crosses_paragraph(subject, verb):
        subject = _paragraph_subject(verb)  # a dateline or a time stamp taken for the subject
    source = _phrase(subject) if subject is not None else None
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
        clause=_chars(verb.sent),
        colon=colon,
    )


def outside_source(doc: Doc, cue: CueMatch, inside: Callable[[int], bool]) -> CueMatch:
    """The cue with a source outside quotation marks: a parser may take a name inside the
    quote for the subject (`"… Sen. John McCain …," Trump said`); the name right before or
    after the cue is then the source."""
    if cue.source_head is None or not inside(doc[cue.source_head].idx):
        return cue
    verb = doc[cue.verb]
    for index in (verb.i - 1, verb.i + 1):
        if 0 <= index < len(doc):
            token = doc[index]
            if token.pos_ in NOMINAL_TAGS and not inside(token.idx):
                head = _name_head(token)
                return replace(cue, source=_phrase(head), source_head=head.i)
    return replace(cue, source=None, source_head=None)


# spaCy rebuilds `doc.text` from the tokens on every access: per-cue code reads tokens only.


def _colon_before(verb: Token, content_start: int) -> bool:
    """Whether the last word before the content is a colon ("said: …")."""
    previous = [t for t in verb.doc[verb.i + 1 : verb.i + COLON_REACH + 1] if t.idx < content_start]
    words = [t for t in previous if not t.is_space]
    return bool(words) and words[-1].text == ":"


def _crosses_paragraph(first: Token, last: Token) -> bool:
    low, high = sorted((first.i, last.i))
    return any("\n" in t.text_with_ws for t in first.doc[low:high])


def _paragraph_subject(verb: Token) -> Token | None:
    """The last noun before the verb in the verb's own paragraph, when the parser found the
    subject in the paragraph before ("1:50 p.m.⏎⏎Famed fight doctor Ferdie Pacheco said")."""
    for index in range(verb.i - 1, -1, -1):
        token = verb.doc[index]
        if "\n" in token.text_with_ws:
            return None
        if token.pos_ in NOMINAL_TAGS:
            return _name_head(token)
    return None


def _name_head(token: Token) -> Token:
    """The head of the name a word belongs to: "Ferdie" → "Pacheco"."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


def _passive(verb: Token) -> CueMatch | None:
    """ "The meeting was first reported by Politico": the agent is the source, the passive
    subject the content."""
    agents = [c for c in verb.children if c.dep_ == "agent"]
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    objects = [c for c in agents[0].children if c.dep_ == "pobj"] if agents else []
    if not subjects or not objects:
        return None
    content = _chars_of(subjects[0].left_edge, subjects[0].right_edge)
    return CueMatch(
        start=verb.idx,
        end=agents[0].idx + len(agents[0].text),
        verb=verb.i,
        lemma=verb.lemma_.lower(),
        source=_phrase(objects[0]),
        source_head=objects[0].i,
        content=(content,),
        clause=_chars(verb.sent),
    )


def _is_particle(token: Token) -> bool:
    return token.dep_ == "prt" and token.lower_ in lang.CUE_PARTICLES and token.i > token.head.i


Content = tuple[tuple[int, int], ...]


def _verb_content(verb: Token, lemma: str) -> tuple[Content, int, bool]:
    """The content stretches of a verb cue, where the cue ends (after a preposition), and
    whether the content is one that only counts with a source (objects, infinitives)."""
    clause = _clause(verb)
    if clause is not None:
        return ((_chars_of(clause.left_edge, clause.right_edge),), 0, False)
    prepositional = _prepositional(verb, lemma)
    if prepositional is not None:
        return ((prepositional[0],), prepositional[1], True)
    if lemma in lang.INTENT_VERBS:
        infinitive = _infinitive(verb)
        if infinitive is not None:
            return ((infinitive,), 0, True)
    if lemma not in lang.ADDRESSEE_VERBS and not _reports_by_speech(verb):
        obj = _object(verb)
        if obj is not None:
            return ((obj,), 0, True)
    colon = _after_colon(verb)
    if colon is not None:
        return ((colon,), 0, False)
    if verb.dep_ in INTERRUPTING_DEPS and _is_bare(verb):
        return (_around(verb.head, verb), 0, False)
    return ((), 0, False)


def _prepositional(verb: Token, lemma: str) -> tuple[tuple[int, int], int] | None:
    """ "warned of a crisis": the preposition's object, and the end of the preposition."""
    prepositions = lang.PREPOSITION_CONTENT.get(lemma, frozenset())
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in prepositions and child.i <= verb.i + 2:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                last = objects[0].right_edge
                for more in verb.children:
                    if more.i == last.i + 1 and _completes(more):
                        last = more.right_edge
                span = _chars_of(objects[0].left_edge, last)
                return span, child.idx + len(child.text)
    return None


def _infinitive(verb: Token) -> tuple[int, int] | None:
    """ "vowed to fight", "urged voters to stay home": from the object to the infinitive's end."""
    infinitives = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    if not infinitives:
        return None
    first = infinitives[0].left_edge
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < first.i]
    if objects:
        first = objects[0].left_edge
    return _chars_of(first, infinitives[0].right_edge)


def _object(verb: Token) -> tuple[int, int] | None:
    """The direct object, with what completes it: "called him a fascist", "accused the GOP of
    stoking the issue", "described it as a disaster"."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return None
    last = objects[0].right_edge
    for child in verb.children:
        if child.i == last.i + 1 and _completes(child):
            last = child.right_edge
    return _chars_of(objects[0].left_edge, last)


def _completes(child: Token) -> bool:
    """Whether a dependent of the cue completes its content ("as a disaster", "of stoking the
    issue") rather than setting the scene ("at a news conference", "after the debate")."""
    if child.dep_ == "prep":
        return child.lower_ in lang.COMPLEMENT_PREPOSITIONS
    return child.dep_ in OBJECT_COMPLEMENTS


def _reports_by_speech(verb: Token) -> bool:
    """ "praised the forces, saying that …": the saying carries the statement, so the praise
    is not a second attribution."""
    return any(
        c.dep_ in ("advcl", "conj") and c.lemma_.lower() in lang.SAYING_VERBS and c.i > verb.i
        for c in verb.children
    )


def _clause(verb: Token) -> Token | None:
    """The verb's clause complement: the first after it, else the nearest before it (a
    parser may hang the sentence's other clauses from the cue too)."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    after = [c for c in clauses if c.i > verb.i]
    if after:
        return after[0]
    return clauses[-1] if clauses else None


def _after_colon(verb: Token) -> tuple[int, int] | None:
    """What follows "said:" ("said in a statement:") up to the
    sentence's end, or the whole next paragraph when the colon ends its own."""
    doc = verb.doc
    for token in doc[verb.i + 1 : min(len(doc), verb.i + COLON_REACH)]:
        if token.text == ":":
            return _colon_content(doc, token, verb.sent.end_char)
        if token.is_punct or token.pos_ in VERB_TAGS:
            return None
    return None


def _colon_content(doc: Doc, colon: Token, sentence_end: int) -> tuple[int, int] | None:
    """From after the colon to the end of its sentence within its line; or the whole next
    line when the colon ends its own."""
    first = next((t for t in doc[colon.i + 1 :] if not t.is_space), None)
    if first is None:
        return None
    if _crosses_paragraph(colon, first):
        last = first
        while last.i + 1 < len(doc) and "\n" not in last.text_with_ws:
            last = doc[last.i + 1]
        return first.idx, last.idx + len(last.text)
    end = first
    while end.i + 1 < len(doc) and end.idx < sentence_end and "\n" not in end.text_with_ws:
        candidate = doc[end.i + 1]
        if candidate.idx >= sentence_end:
            break
        end = candidate
    return first.idx, end.idx + len(end.text)


def _around(head: Token, cue: Token) -> tuple[tuple[int, int], ...]:
    """The clause `head` heads, without the cue's own subtree: one stretch before the cue and
    one after it when the cue interrupts ("The plan, he said, is dead")."""
    first, last = head.left_edge.i, head.right_edge.i
    cue_first, cue_last = cue.left_edge.i, cue.right_edge.i
    doc = head.doc
    pieces = []
    if cue_first > first:
        pieces.append(_chars(doc[first:cue_first]))
    if cue_last < last:
        pieces.append(_chars(doc[cue_last + 1 : last + 1]))
    return tuple(p for p in pieces if p[1] > p[0])


def _is_bare(verb: Token) -> bool:
    """A subject and a verb with nothing it governs: "…, he said", not "he would answer
    questions"."""
    deps = {c.dep_ for c in verb.children}
    return bool(deps & SUBJECT_DEPS) and not deps & OBJECT_DEPS


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the verb it continues ("…, saying that")."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects[0]
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head  # "In explaining why …, Clinton said": through the preposition
        elif verb.dep_ not in BORROWING_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _according_to(according: Token) -> CueMatch | None:
    to = according.nbor()
    objects = [c for c in to.children if c.dep_ == "pobj"]
    source_head = objects[0] if objects else None
    if source_head is None:
        return None
    head = according.head if according.head.i != according.i else None
    content = _around(head, according) if head is not None else ()
    if not content:
        content = (_rest_of_sentence(according),)
    return CueMatch(
        start=according.idx,
        end=to.idx + len(to.text),
        verb=according.i,
        lemma="according to",
        source=_phrase(source_head),
        source_head=source_head.i,
        content=content,
        clause=(according.idx, source_head.right_edge.idx + len(source_head.right_edge.text)),
    )


def _rest_of_sentence(according: Token) -> tuple[int, int]:
    sentence = according.sent
    phrase_end = according.right_edge.i + 1
    if phrase_end < sentence.end:
        return _chars(according.doc[phrase_end : sentence.end])
    return _chars(according.doc[sentence.start : according.i])


def _phrase(head: Token) -> tuple[int, int]:
    """The token range of the noun phrase `head` heads, without edge punctuation."""
    first, last = head.left_edge.i, head.right_edge.i
    doc = head.doc
    for index in range(last - 1, first - 1, -1):
        if "\n" in doc[index].text_with_ws:
            first = index + 1  # a phrase never runs across paragraphs
            break
    # Nor over quotation marks: the parser may hang a quote on its speaker's name.
    # A quoted title in a name stays: the authors of the "Growth and Opportunity Project".
    ends = [t.i for t in doc[first + 1 : head.i] if t.text in QUOTE_TOKENS and t.nbor(-1).is_punct]
    # Nor over a dateline: "WASHINGTON — Sen. Chuck Grassley".
    # "JACKSON, Miss. - U.S. District Judge": a hyphen between spaces is a dash too.
    ends += [t.i for t in doc[first : head.i] if t.text in DASHES or _spaced_hyphen(t)]
    first = max([first] + [i + 1 for i in ends])
    last = source_end(doc, head, last)
    while first < head.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > first and (
        doc[last].is_space or (doc[last].is_punct and not _closes_bracket(doc, first, last))
    ):
        last -= 1
    return first, last + 1


def _spaced_hyphen(token: Token) -> bool:
    return token.text == "-" and bool(token.whitespace_) and bool(token.nbor(-1).whitespace_)


def _closes_bracket(doc: Doc, first: int, last: int) -> bool:
    """A ")" that closes a bracket of the phrase stays: "Jason Chaffetz (R-Utah)"."""
    return doc[last].text == ")" and any(t.text == "(" for t in doc[first:last])


def _chars(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


def _chars_of(first: Token, last: Token) -> tuple[int, int]:
    return first.idx, last.idx + len(last.text)
