"""Which way an underspecified date points: from the tense of the clause that governs it.

"said on Monday" is the previous Monday and "will meet on Monday" the next one. The governing
verb is the first verb above the expression in the dependency tree; infinitives and
participles pass the question up to the verb they depend on ("scheduled to leave by ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.lang.en.times import (
    FUTURE_AUXILIARIES,
    FUTURE_VERBS,
    INTENTION_WORDS,
    OPEN_UNTIL,
    RESCHEDULED_TO,
    RESCHEDULING_VERBS,
    STRETCH_TO,
)
from newsgraph.nlp.times.calendar import Direction

PAST_TAGS = frozenset({"VBD"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
FINITE_TAGS = PRESENT_TAGS | {"MD"}  # a present tense or a modal
VERB_POS = frozenset({"VERB", "AUX"})
MAX_CLIMB = 6
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})  # what a verb itself acts on


def governing_verb(span: Span) -> Token | None:
    """The first verb at or above the expression's head."""
    token: Token = span.root
    for _ in range(MAX_CLIMB):
        if token.pos_ in VERB_POS and token not in span:
            return token
        if token.head is token:
            return token if token.pos_ in VERB_POS else None
        token = token.head
    return None


def clause_direction(span: Span) -> Direction:
    """ "past", "future" or None (no signal) for the clause that governs the span."""
    if span.root.dep_ == "poss":
        # "Wednesday's ruling", "after Friday's vote": a thing the news reports, which has
        # happened, unless it is what a clause looking ahead acts on ("Friday's vote will
        # decide", "they expect Friday's report to"); "will get around Wednesday's ruling"
        # looks ahead from a ruling already made.
        owner = span.root.head
        ahead = (
            owner.dep_ in ARGUMENT_DEPS
            and clause_direction(owner.doc[owner.i : owner.i + 1]) == "future"
        )
        return "future" if ahead else "past"
    verb = governing_verb(span)
    if verb is not None and _rescheduled_to(span, verb):
        return "future"  # "postponed until Saturday": whatever the tense, a day ahead
    if verb is not None and _held_until(span, verb):
        return "future"  # "has given them until Tuesday", "stays shut until Monday"
    for _ in range(MAX_CLIMB):
        if verb is None:
            return None
        found = _verb_direction(verb)
        if found is not None or _finite(verb):
            return found
        if verb.head is verb:
            return None
        verb = verb.head
    return None


def intended_ahead(span: Span) -> bool:
    """The expression dates what a plan or an intention looks ahead to, whatever the tense of
    the plan: "did not plan to vote on Thursday", "was scheduled to testify Monday", "hoped
    to sign it on Friday". A plan that "had been" in force ("had been due to expire Friday",
    "had been scheduled to close Monday") was replaced by a later change, which may have come
    after its day: the tense decides there."""
    verb = governing_verb(span)
    for _ in range(MAX_CLIMB):
        if verb is None or verb.dep_ != "xcomp" or not _to_infinitive_of(verb):
            return False
        intention = verb.head
        if _lemma_among(intention, INTENTION_WORDS):
            return not _past_perfect_state(intention)
        verb = intention  # "hoped to be able to sign": up the chain of infinitives
    return False


def _lemma_among(token: Token, lemmas: frozenset[str]) -> bool:
    """Whether the token's lemma is one of the lemmas, the silent "e" put back that the
    lemmatiser drops from some verbs it does not know ("hoped": "hop", "slated": "slat"), when
    the word itself has it ("hopping" stays "hop")."""
    lemma = token.lemma_.lower()
    if lemma in lemmas:
        return True
    return lemma + "e" in lemmas and token.lower_.startswith(lemma + "e")


def _to_infinitive_of(verb: Token) -> bool:
    return any(child.tag_ == "TO" for child in verb.children)


def _past_perfect_state(word: Token) -> bool:
    """ "had been scheduled", "had been due": a passive or a copula in the past perfect."""
    if word.dep_ in ("acomp", "attr") and word.head.pos_ in VERB_POS:
        word = word.head  # "due" under "had been"
    lowered = {word.lower_} | {child.lower_ for child in _auxiliaries(word)}
    return {"had", "been"} <= lowered


def _rescheduled_to(span: Span, verb: Token) -> bool:
    """The expression is the new date of a moved event: "postponed until Saturday", "pushed
    back to Monday", "delayed for a week"."""
    if verb.lemma_.lower() not in RESCHEDULING_VERBS:
        return False
    # The preposition must hang on the verb itself: in "the figures for January extended a
    # surge", "for" belongs to "figures" and nothing was moved.
    preposition = span.root.head if span.root.dep_ == "pobj" else None
    if preposition is None or preposition.lower_ not in RESCHEDULED_TO:
        return False
    attached = preposition.head
    if attached != verb and attached.dep_ in ("prt", "advmod") and attached.head == verb:
        attached = verb  # "pushed back to Saturday": "to" hangs on the particle
    return attached == verb


def _held_until(span: Span, verb: Token) -> bool:
    """The expression ends, with "until", a state that a present or present perfect clause
    says still holds: that end lies ahead ("the road has been closed until Friday", "the
    museum stays shut until Monday"). A past clause ("stayed until Sunday") is over."""
    preposition = _preposition_above(span)
    if preposition is None or preposition.lower_ not in OPEN_UNTIL:
        return False
    for _ in range(MAX_CLIMB):
        tags = {verb.tag_} | {c.tag_ for c in _auxiliaries(verb)}
        if tags & PRESENT_TAGS:
            return True
        if tags & PAST_TAGS or verb.head is verb or verb.tag_ == "MD":
            return False
        verb = verb.head
    return False


def _preposition_above(span: Span) -> Token | None:
    """The preposition the expression is the object of, through the nouns of a clock time
    ("until 9 a.m. Tuesday": "Tuesday" hangs on "a.m.", the object of "until")."""
    token: Token = span.root
    for _ in range(MAX_CLIMB):
        if token.dep_ == "pobj":
            return token.head
        if token.head is token or token.head.pos_ in VERB_POS:
            return None
        token = token.head
    return None


def _auxiliaries(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in ("aux", "auxpass")]


def _verb_direction(verb: Token) -> Direction:
    auxiliaries = _auxiliaries(verb)
    lowered = {child.lower_ for child in auxiliaries}
    if lowered & FUTURE_AUXILIARIES or verb.lower_ in FUTURE_AUXILIARIES:
        return "future"
    if "would" in lowered and verb.dep_ == "ccomp":
        return "future"  # reported future: "said the pier would reopen on Monday"
    past = verb.tag_ in PAST_TAGS or any(child.tag_ in PAST_TAGS for child in auxiliaries)
    if verb.dep_ in ("acomp", "attr") and verb.head.pos_ in VERB_POS:
        past = past or _verb_direction(verb.head) == "past"  # "had been due to expire"
    if verb.lemma_ == "be" and not past and _to_infinitive(verb):
        return "future"  # "is to resume trading Tuesday"
    if _lemma_among(verb, FUTURE_VERBS) and any(c.dep_ in ("xcomp", "dobj") for c in verb.children):
        # "is scheduled to leave", "plans a rally": ahead; "planned a rally": no telling.
        return None if past or (verb.lemma_ == "go" and verb.tag_ != "VBG") else "future"
    if past:
        return "past"
    if verb.tag_ == "VBN" and not auxiliaries:
        return "past"  # a participle clause: "the ruling, issued Thursday"
    if verb.tag_ == "VBN" and any(child.lemma_ == "have" for child in auxiliaries):
        return "past"
    if verb.tag_ == "VBG" and {"have", "been"} <= lowered | {c.lemma_ for c in auxiliaries}:
        return "past"  # "have been searching since the Oct. 23 slaying": begun before now
    return None


def _to_infinitive(verb: Token) -> bool:
    return any(child.dep_ == "xcomp" and _to_infinitive_of(child) for child in verb.children)


def _finite(verb: Token) -> bool:
    """A present-tense or modal clause: its own tense decides, the clause above does not."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(c.tag_ in FINITE_TAGS for c in _auxiliaries(verb))


def in_simple_past(span: Span) -> bool:
    """The expression hangs on a verb in the simple past itself, with no tense borrowed from
    a clause above: "In January, the company brought in a new chief"; "changed its year in
    December". Such an event is over, however far back its month lies (a month ahead of the
    publication date cannot be meant); a participle ("a summit set for April"), an infinitive
    ("agreed to buy it in January") or a stretch ("lent money through January") is not."""
    if span.root.dep_ == "poss":
        return False
    verb = governing_verb(span)
    if verb is None or verb.tag_ not in PAST_TAGS or _lemma_among(verb, FUTURE_VERBS):
        return False
    if _auxiliaries(verb):
        return False  # "had been due", "was set": the tense of another word
    preposition = span.root.head if span.root.dep_ == "pobj" else None
    if preposition is not None and (preposition.lower_ in STRETCH_TO or preposition.head != verb):
        return False
    return span.root.head == verb or preposition is not None
