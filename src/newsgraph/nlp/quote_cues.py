"""Cues and indirect quotes from the dependency parse.

A cue is a reporting verb (language data: `lang/en/quotes.py`) or "according to". For each:
- the source is the verb's subject, or the subject of the verb it hangs from ("praised them,
  saying that …"), or the object of "according to";
- the content is the verb's clause complement ("said that …"), the clause it interrupts ("The
  plan, he said, is dead"), an infinitive for verbs of intent ("vowed to fight"), the object
  of a preposition for a few verbs ("warned of a crisis"), or what follows a colon.
Cues without content are kept: a direct quote beside them may be their content.
Offsets are characters; token indices never leave this module's callers in `nlp/`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.lang.en import quotes as lang

CLAUSE_DEPS = frozenset({"ccomp"})
SUBJECT_DEPS = frozenset({"nsubj"})
# A verb with no subject of its own borrows its head's: "…, saying that", "and added that".
BORROWING_DEPS = frozenset({"advcl", "conj", "xcomp"})
# A cue that interrupts or follows its content hangs from the content's verb.
INTERRUPTING_DEPS = frozenset({"parataxis", "ccomp", "advcl"})
VERB_TAGS = frozenset({"VERB", "AUX"})
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


def find_cues(doc: Doc) -> list[CueMatch]:
    """Every cue of the doc, in order."""
    cues: list[CueMatch] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.lower_ == lang.ACCORDING_TO[0] and _next_lower(token) == lang.ACCORDING_TO[1]:
            match = _according_to(token)
        elif token.pos_ in VERB_TAGS and (
            lemma in lang.REPORTING_VERBS
            or lemma in lang.INTENT_VERBS
            or lemma in lang.PREPOSITION_CONTENT
        ):
            match = _verb_cue(token, lemma)
        else:
            continue
        if match is not None:
            cues.append(match)
    return cues


def _next_lower(token: Token) -> str:
    return token.nbor().lower_ if token.i + 1 < len(token.doc) else ""


def _verb_cue(verb: Token, lemma: str) -> CueMatch | None:
    content, cue_end = _verb_content(verb, lemma)
    if not content and lemma not in lang.SPEECH_VERBS:
        return None  # thinking and wanting need their content in the parse
    if not content and lemma in lang.PREPOSITION_ONLY_VERBS:
        return None
    subject = _subject(verb)
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
    )


def _is_particle(token: Token) -> bool:
    return token.dep_ == "prt" and token.lower_ in lang.CUE_PARTICLES and token.i > token.head.i


def _verb_content(verb: Token, lemma: str) -> tuple[tuple[tuple[int, int], ...], int]:
    """The content stretches of a verb cue, and where the cue ends (after a preposition)."""
    clause = _clause(verb)
    if clause is not None:
        return ((_chars_of(clause.left_edge, clause.right_edge),), 0)
    if lemma in lang.INTENT_VERBS:
        infinitives = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
        if infinitives:
            return ((_chars_of(infinitives[0].left_edge, infinitives[0].right_edge),), 0)
    prepositions = lang.PREPOSITION_CONTENT.get(lemma, frozenset())
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in prepositions and child.i == verb.i + 1:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                span = _chars_of(objects[0].left_edge, objects[0].right_edge)
                return ((span,), child.idx + len(child.text))
    colon = _after_colon(verb)
    if colon is not None:
        return ((colon,), 0)
    if verb.dep_ in INTERRUPTING_DEPS and verb.head.i < verb.i and _is_bare(verb):
        return (_around(verb.head, verb), 0)
    return ((), 0)


def _clause(verb: Token) -> Token | None:
    """The verb's clause complement: the first after it, else the nearest before it (a
    parser may hang the sentence's other clauses from the cue too)."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    after = [c for c in clauses if c.i > verb.i]
    if after:
        return after[0]
    return clauses[-1] if clauses else None


def _after_colon(verb: Token) -> tuple[int, int] | None:
    """What follows "said:" (or "said in a statement:") up to the sentence's end."""
    sentence = verb.sent
    for token in verb.doc[verb.i + 1 : min(sentence.end, verb.i + 6)]:
        if token.text == ":":
            rest = verb.doc[token.i + 1 : sentence.end]
            return _chars(rest) if len(rest) else None
        if token.is_punct or token.pos_ in VERB_TAGS:
            return None
    return None


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
        if verb.dep_ not in BORROWING_DEPS or verb.head is verb:
            return None
        verb = verb.head
    return None


def _according_to(according: Token) -> CueMatch | None:
    to = according.nbor()
    objects = [c for c in to.children if c.dep_ == "pobj"]
    source_head = objects[0] if objects else None
    if source_head is None:
        return None
    head = according.head if according.head is not according else None
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
    while first < last and doc[first].is_punct:
        first += 1
    while last > first and doc[last].is_punct and not _closes_bracket(doc, first, last):
        last -= 1
    return first, last + 1


def _closes_bracket(doc: Doc, first: int, last: int) -> bool:
    """A ")" that closes a bracket of the phrase stays: "Jason Chaffetz (R-Utah)"."""
    return doc[last].text == ")" and any(t.text == "(" for t in doc[first:last])


def _chars(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


def _chars_of(first: Token, last: Token) -> tuple[int, int]:
    return first.idx, last.idx + len(last.text)
