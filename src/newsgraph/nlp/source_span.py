"""Where a source phrase ends: who spoke, not when or how.

A parse subtree of a source's head may run past what PolNeAR (and a reader) takes as the
source: "Trump on Tuesday said", "Sanders during a Sunday rally", "Cruz, when asked, said",
"Jeb Bush and Ted Cruz both said". These tails are cut: a trailing date or time, an
adverbial clause, a floating quantifier. (A non-restrictive relative clause, ", who …",
stays: PolNeAR's annotators keep it about as often as they drop it, and cutting it lowered
source exact F1 on dev.)
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.nlp.lang.en import quotes as lang

WHEN_LABELS = frozenset({"DATE", "TIME"})
WHEN_DEPS = frozenset({"npadvmod", "prep", "advcl", "advmod"})


def source_end(doc: Doc, head: Token, last: int) -> int:
    """The last token index of the source phrase ending at `last` and headed by `head`."""
    for child in head.rights:
        if child.i <= last and (_tells_when(child) or child.lower_ in lang.FLOATING_QUANTIFIERS):
            return max(child.left_edge.i - 1, head.i)
    return last


def _tells_when(child: Token) -> bool:
    """A dependant of the head that says when or how it was said, not who said it."""
    if child.dep_ not in WHEN_DEPS:
        return False
    if child.dep_ == "advcl":
        return True
    words = list(child.subtree)
    if child.dep_ == "prep":
        words = words[1:]  # "on Tuesday": the preposition, then the date
    return bool(words) and all(w.ent_type_ in WHEN_LABELS for w in words if not w.is_punct)
