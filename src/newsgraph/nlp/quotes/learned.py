"""Cues for the words the learned scorer picks and the rule lists do not name.

The scorer (`cue_model`) says which word reports; this module finds, in the parse, who and
what: a verb ("made clear", "pledged to") is handled as a listed verb is, and may take an
infinitive or the object of a content preposition ("bristled at the questions"); a noun
reports through its owner or the subject of the verb that governs it ("his refusal to …",
"Trump made the claim that …"); an adjective through the subject of its verb ("Clinton is
confident that …", "is critical of the deal"). A learned cue counts only with a content and
a source that names someone: a person, a group, a place's people, a pronoun or a noun.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from spacy.tokens import Doc, Token

from newsgraph.lang.en import quotes as lang
from newsgraph.nlp.quotes.content import (
    VERB_TAGS,
    chars,
    chars_of,
    crosses_paragraph,
    preposition_content,
)
from newsgraph.nlp.quotes.cues import CueMatch, verb_cue
from newsgraph.nlp.quotes.marks import STATEMENT_WORDS, QuotedSpan
from newsgraph.nlp.quotes.source import source_phrase, subject_of


@runtime_checkable
class CueScorer(Protocol):
    """What the quote step needs of a cue scorer (`nlp/cues/`; training passes held-out
    scores). Defined here, by its user, so that the scorer depends on the quote step and
    never the other way round."""

    @property
    def add_threshold(self) -> float: ...

    @property
    def drop_threshold(self) -> float: ...

    @property
    def nest_threshold(self) -> float: ...

    def scores(self, doc: Doc, quoted: Sequence[QuotedSpan]) -> dict[int, float]: ...


SOURCE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
SOURCE_POS = frozenset({"PRON", "PROPN", "NOUN"})
# A noun's content: "the claim that …" (acl or ccomp), "his refusal to …" (acl or xcomp).
NOUN_CONTENT_DEPS = frozenset({"acl", "ccomp", "xcomp"})
# The verbs a reporting noun is the object or attribute of: "made the claim", "is his view".
NOUN_HOST_DEPS = frozenset({"dobj", "attr", "nsubj"})
# Who a noun belongs to in a prepositional phrase: "a statement by the campaign".
OWNER_PREPOSITIONS = frozenset({"by", "from"})
ADJECTIVE_HOST_DEPS = frozenset({"acomp", "oprd", "amod"})
# Characters between a quotation and the cue phrase beside it: `,” ` before, `: “` after.
BESIDE_REACH = 4


def rescore_cues(
    doc: Doc,
    cues: Sequence[CueMatch],
    quoted: Sequence[QuotedSpan],
    model: CueScorer,
    inside: Callable[[int], bool],
) -> tuple[list[CueMatch], set[int]]:
    """The rules' cues without those the model doubts, and the model's cues the rules
    missed (outside quotation marks and outside the rules' cue words), with a content in
    the parse or a quotation beside them, in order; and the cue words the model is sure
    enough of to keep inside another cue's content."""
    scores = model.scores(doc, quoted)
    kept = [c for c in (_rescored(doc, cue, scores, model) for cue in cues) if c is not None]
    taken = {
        t.i for c in cues for t in doc.char_span(c.start, c.end, alignment_mode="expand") or ()
    }
    candidates = [
        index
        for index, score in scores.items()
        if score >= model.add_threshold and index not in taken and not inside(doc[index].idx)
    ]
    added = [
        found
        for index in candidates
        if (found := learned_cue(doc[index])) is not None and not _quoted_name(doc, found, inside)
    ]
    built = {c.verb for c in kept} | {c.verb for c in added}
    beside = [
        found
        for index in candidates
        if index not in built and (found := _beside_quotation(doc[index], quoted)) is not None
    ]
    sure = {index for index, score in scores.items() if score >= model.nest_threshold}
    return sorted(kept + added + beside, key=lambda cue: cue.start), sure


def _beside_quotation(token: Token, quoted: Sequence[QuotedSpan]) -> CueMatch | None:
    """ "“…,” Ann Lee shot back", "Ann Lee beamed: “…”": a verb the scorer takes for a cue,
    with no content in the parse but a quotation right before its source or right after
    it: the quotation is its content (the quote step gives it, as to a verb of saying)."""
    if token.pos_ not in VERB_TAGS:
        return None
    cue = verb_cue(token, token.lemma_.lower(), learned=True, beside=True)
    if cue is None or cue.content or cue.source is None or cue.source_head is None:
        return None
    doc = token.doc
    last = doc[cue.source[1] - 1]
    start = min(doc[cue.source[0]].idx, cue.start)
    end = max(cue.end, last.idx + len(last.text))
    if not any(_marks_only(doc, q.end, start) or _marks_only(doc, end, q.start) for q in quoted):
        return None
    return cue if _names_someone(doc[cue.source_head]) else None


def _marks_only(doc: Doc, start: int, end: int) -> bool:
    """Whether no more than punctuation, a few characters of it, lies between the offsets."""
    if not 0 <= end - start <= BESIDE_REACH:
        return False
    between = doc.char_span(start, end, alignment_mode="expand")
    return between is not None and all(t.is_punct or t.is_space for t in between)


def _quoted_name(doc: Doc, cue: CueMatch, inside: Callable[[int], bool]) -> bool:
    """Whether the content is a few quoted words alone: a title or a name ("read “War and
    Peace”"), which the rules never take for a statement either. After a colon they are
    what was said ("Trump boomed: “Let’s win.”")."""
    if len(cue.content) != 1 or cue.colon:
        return False
    start, end = cue.content[0]
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span or () if not t.is_punct]
    return len(words) < STATEMENT_WORDS and all(inside(t.idx) for t in words)


def _rescored(
    doc: Doc, cue: CueMatch, scores: dict[int, float], model: CueScorer
) -> CueMatch | None:
    """A rule cue kept, dropped (None), or rebuilt as a learned cue when it lacks content."""
    if cue.lemma in lang.LAYOUT_CUES:
        return cue  # a "Name:" line or a signed quotation has no cue word to score
    score = scores.get(cue.verb, 1.0)
    if score < model.drop_threshold:
        return None
    if not cue.content and score >= model.add_threshold:
        # A listed verb whose content the rules look for in one place only ("pledged to" is
        # no verb of intent to them): the learned cue looks in every place.
        learned = learned_cue(doc[cue.verb])
        return learned if learned is not None else cue
    return cue


def learned_cue(token: Token) -> CueMatch | None:
    """The cue the word makes, or None when the parse shows no content or no source."""
    if token.pos_ in VERB_TAGS:
        cue = verb_cue(token, token.lemma_.lower(), learned=True)
    elif token.pos_ == "NOUN":
        cue = _nominal_cue(token, _noun_owner(token), _clause_chars(_noun_content(token)))
    elif token.pos_ == "ADJ":
        content = _clause_chars(_adjective_content(token))
        if content is None:  # "critical of the deal", "coy about her plans"
            content = preposition_content(token, lang.LEARNED_CUE_PREPOSITIONS)
        cue = _nominal_cue(token, _adjective_owner(token), content)
    else:
        return None
    if cue is None or not cue.content or cue.source_head is None:
        return None
    return cue if _names_someone(token.doc[cue.source_head]) else None


def _names_someone(head: Token) -> bool:
    return head.ent_type_ in SOURCE_LABELS or head.pos_ in SOURCE_POS


def _clause_chars(clause: Token | None) -> tuple[tuple[int, int], int] | None:
    """The characters of a clause as a content, with no preposition for the cue to end on."""
    return (chars_of(clause.left_edge, clause.right_edge), 0) if clause is not None else None


def _nominal_cue(
    word: Token, owner: Token | None, content: tuple[tuple[int, int], int] | None
) -> CueMatch | None:
    """A noun's or an adjective's cue; `content`: its characters and where a preposition
    that belongs to the cue ends (0: none)."""
    if owner is None or content is None or crosses_paragraph(owner, word):
        return None
    return CueMatch(
        start=word.idx,
        end=max(word.idx + len(word.text), content[1]),
        verb=word.i,
        lemma=word.lemma_.lower(),
        source=source_phrase(owner),
        source_head=owner.i,
        content=(content[0],),
        clause=chars(word.sent),
        form="noun",
    )


def _noun_owner(noun: Token) -> Token | None:
    """ "his claim", "Trump made the claim", "a statement by the campaign"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if noun.dep_ in NOUN_HOST_DEPS and noun.head.pos_ in VERB_TAGS:
        subject = subject_of(noun.head)
        return subject if subject is not None and subject.i != noun.i else None
    return None


def _noun_content(noun: Token) -> Token | None:
    """The clause a noun reports: "the claim that …", "his refusal to …"."""
    for child in noun.children:
        if child.dep_ in NOUN_CONTENT_DEPS and child.i > noun.i:
            return child
    # "The view of the campaign is that …": the clause hangs from the copula.
    if noun.dep_ == "nsubj":
        return _clause_after(noun.head, noun)
    return None


def _adjective_owner(adjective: Token) -> Token | None:
    """ "Clinton is confident", "made it clear": the subject of the adjective's verb."""
    if adjective.dep_ in ADJECTIVE_HOST_DEPS and adjective.head.pos_ in VERB_TAGS:
        return subject_of(adjective.head)
    return subject_of(adjective)


def _adjective_content(adjective: Token) -> Token | None:
    """ "confident that …" (the adjective's clause), "made it clear that …" (the verb's)."""
    own = _clause_after(adjective, adjective)
    if own is not None:
        return own
    if adjective.dep_ in ADJECTIVE_HOST_DEPS:
        return _clause_after(adjective.head, adjective)
    return None


def _clause_after(head: Token, word: Token) -> Token | None:
    for child in head.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > word.i:
            return child
    return None
