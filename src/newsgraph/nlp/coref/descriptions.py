"""Descriptions that refer to a named referent: appositions ("Ilona Varga, the chairwoman,";
"the chairwoman, Ilona Varga,") and definite descriptions later on ("the minister", "the
company", "the 45-year-old")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Doc, Span, Token

from newsgraph.lang.en import coref as lang
from newsgraph.nlp.coref.referents import Referent

DEFINITE = frozenset({"the", "this"})
# Generic names of a body that refer to the body last named, whatever its name's words.
GENERIC_BODIES = frozenset({"company", "firm", "group", "team", "club", "party", "union"})
ORG_REACH = 5  # sentences back a description of a body may reach for a name with its noun
GENERIC_REACH = 2  # and for the body last named
AGE_REACH = 2  # "the 45-year-old": the person of the last sentences


def describing_word(token: Token) -> bool:
    """A noun that can head a description of a person or a body."""
    lower = token.lower_
    return token.pos_ in ("NOUN", "ADJ", "PROPN") and (
        lower in lang.PERSON_NOUNS
        or lower in lang.ORG_NOUNS
        or lower in lang.GENDERED_NOUNS
        or is_age(token)
    )


def is_age(token: Token) -> bool:
    """The head of "the 45-year-old", one token or split at its hyphens."""
    start = max(0, token.i - 4)
    words = token.doc[start : token.i + 1].text
    return bool(lang.AGE_DESCRIPTION.search(words))


def phrase(doc: Doc, head: Token) -> Span:
    """The description's words up to its head: "the NATO Secretary-General"."""
    first = head.left_edge.i
    while first < head.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    return doc[first : head.i + 1]


def appositions(doc: Doc, referents: Iterable[Referent]) -> list[tuple[Span, Referent]]:
    """Descriptions in apposition to a name, in either order."""
    found: list[tuple[Span, Referent]] = []
    for referent in referents:
        for span in referent.spans:
            root = span.root
            for child in root.children:  # "Ilona Varga, the chairwoman,"
                if child.dep_ == "appos" and child.i >= span.end and describing_word(child):
                    found.append((phrase(doc, child), referent))
            head = root.head  # "the chairwoman, Ilona Varga,"
            if root.dep_ == "appos" and head.i < span.start and describing_word(head):
                found.append((phrase(doc, head), referent))
    return found


def definite_description(token: Token, covered: set[int]) -> bool:
    """ "the minister", "the company": a definite noun phrase headed by a describing word
    that is not itself part of a name or a title before one."""
    if token.i in covered or not describing_word(token) or token.dep_ == "compound":
        return False
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children):
        return False
    return not any(c.lower_ in lang.NON_ANAPHORIC_MODIFIERS for c in children)


def description_referent(
    token: Token,
    sentence: int,
    referents: Iterable[Referent],
    last_seen: Mapping[str, tuple[int, int]],
) -> Referent | None:
    """Who a definite description refers to, among referents already mentioned
    (`last_seen`: referent id → (token index, sentence) of its latest mention)."""
    lower = token.lower_
    seen = [r for r in referents if r.id in last_seen]
    seen.sort(key=lambda r: last_seen[r.id][0], reverse=True)
    if lower in lang.ORG_NOUNS:
        return _body(lower, sentence, seen, last_seen)
    if is_age(token):
        people = [r for r in seen if r.personal and sentence - last_seen[r.id][1] <= AGE_REACH]
        return people[0] if people else None
    return _title_holder(token, seen)


def _body(
    noun: str, sentence: int, seen: list[Referent], last_seen: Mapping[str, tuple[int, int]]
) -> Referent | None:
    bodies = [r for r in seen if r.entity.type == "ORG"]
    for referent in bodies:
        words = {w.lower() for w in referent.entity.name.split()}
        if noun in words and sentence - last_seen[referent.id][1] <= ORG_REACH:
            return referent
    near = [r for r in bodies if sentence - last_seen[r.id][1] <= GENERIC_REACH]
    if noun in GENERIC_BODIES and near:
        # The body the article is about: named most often, then the latest (`seen` order).
        return max(near, key=lambda r: len(r.spans))
    return None


def _title_holder(token: Token, seen: list[Referent]) -> Referent | None:
    """The one person the article has given this title to ("Prime Minister Ilona Varga" for
    "the prime minister")."""
    words = {
        t.lower_
        for t in token.subtree
        if t.i <= token.i and not t.is_punct and t.lower_ not in DEFINITE and t.pos_ != "DET"
    }
    holders = [
        r for r in seen if r.personal and any(token.lower_ in t and words <= t for t in r.titles)
    ]
    return holders[0] if len(holders) == 1 else None
