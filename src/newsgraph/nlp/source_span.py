"""Where a source phrase ends: who spoke, not when or how.

A parse subtree of a source's head may run past what PolNeAR (and a reader) takes as the
source: "Trump on Tuesday said", "Powell's office, when contacted by Reuters, said", "Smith,
delivering the speech, said", "Jeb Bush and Ted Cruz both said". These tails are cut: a
trailing date or time, an adverbial or participle clause set off by a comma, a floating
quantifier. Each was measured on PolNeAR train and dev. A non-restrictive relative clause,
", who …", stays: cutting it raised source exact F1 on train but lowered it on dev (the
annotators keep it about as often as not). So does the occasion, "Trump in his speech":
cutting it was neutral.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.nlp.lang.en import quotes as lang

WHEN_LABELS = frozenset({"DATE", "TIME"})
WHEN_DEPS = frozenset({"npadvmod", "prep", "advcl", "advmod"})
ASIDE_MARKS = frozenset({",", "—", "–", "--"})
ASIDE_CLAUSE_DEPS = frozenset({"acl", "advcl"})
# A clause opening with a participle or "when": "speaking on condition of anonymity".
ASIDE_CLAUSE_TAGS = frozenset({"VBG", "VBN", "WRB"})


def source_end(doc: Doc, head: Token, last: int) -> int:
    """The last token index of the source phrase ending at `last` and headed by `head`."""
    for child in head.rights:
        if child.i > last:
            break
        if _tells_when(child) or child.lower_ in lang.FLOATING_QUANTIFIERS:
            return max(child.left_edge.i - 1, head.i)
        if _aside_clause(doc, child):
            return max(child.left_edge.i - 2, head.i)  # without the comma before it
    return last


def _tells_when(child: Token) -> bool:
    """A dependant of the head that says when it was said: "on Tuesday", "when asked"."""
    if child.dep_ not in WHEN_DEPS:
        return False
    if child.dep_ == "advcl":
        return True
    words = list(child.subtree)
    if child.dep_ == "prep":
        words = words[1:]  # "on Tuesday": the preposition, then the date
    return bool(words) and all(w.ent_type_ in WHEN_LABELS for w in words if not w.is_punct)


def _aside_clause(doc: Doc, child: Token) -> bool:
    """A clause set off by a comma that says what the speaker was doing: ", speaking …"."""
    left = child.left_edge.i
    return (
        child.dep_ in ASIDE_CLAUSE_DEPS
        and left >= 1
        and doc[left - 1].text in ASIDE_MARKS
        and doc[left].tag_ in ASIDE_CLAUSE_TAGS
    )
