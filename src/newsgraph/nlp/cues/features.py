"""What the learned cue scorer sees of a word: its lemma and its place in the parse.

A cue is the word that reports (said, warned, claim, according), and whether a word reports
depends less on the word than on its company: a clause or a "that" below it, a person or a
pronoun as its subject, quotation marks around it. Each candidate word (a verb, noun or
adjective) becomes a list of string features; `cue_model` weighs them. The same function
serves training (`train/cue_corpus.py`) and tagging, so the two never drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.nlp.quotes.cues import CUE_VERBS
from newsgraph.nlp.quotes.marks import QuotedSpan, inside_quoted

CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})
BIAS = "bias"  # a feature every word has: its weight is the model's intercept
# Dependants whose presence, paired with the word itself, tells a report from a plain use:
# "said that" (ccomp), "told reporters" (dobj), "according to" (prep), "his claim" (poss).
TELLING_CHILD_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "prep", "nsubj", "nsubjpass", "poss", "agent", "acomp", "advcl"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
COMPLEMENTIZERS = frozenset({"that", "whether", "if"})
PRONOUNS = frozenset({"he", "she", "i", "we", "they", "you", "it", "who"})


def is_candidate(token: Token) -> bool:
    return token.pos_ in CANDIDATE_POS


def candidate_features(doc: Doc, quoted: Sequence[QuotedSpan]) -> list[tuple[int, list[str]]]:
    """(token index, features) for every candidate word of the doc."""
    starts = [q.start for q in quoted]
    return [
        (token.i, token_features(token, inside_quoted(token.idx, quoted, starts)))
        for token in doc
        if is_candidate(token)
    ]


def token_features(token: Token, quoted: bool) -> list[str]:
    """The features of one word: itself, its dependants, its head, its neighbours."""
    lemma = token.lemma_.lower()
    children = list(token.children)  # each access builds Token objects: read them once
    return [
        *_word(token, lemma, quoted),
        *_dependants(lemma, children),
        *_subject(token, children),
        *_neighbours(token),
    ]


def _word(token: Token, lemma: str, quoted: bool) -> list[str]:
    listed = int(lemma in CUE_VERBS)  # the rules' own verb list, as a hint
    return [
        BIAS,
        f"lemma={lemma}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"lemma_dep={lemma}_{token.dep_}",
        f"lemma_pos={lemma}_{token.pos_}",
        f"suffix={lemma[-3:]}",
        f"quoted={int(quoted)}",
        f"quoted_pos={int(quoted)}_{token.pos_}",
        f"listed={listed}",
        f"listed_pos={listed}_{token.pos_}",
    ]


def _dependants(lemma: str, children: list[Token]) -> list[str]:
    deps = sorted({c.dep_ for c in children})
    features = [f"child={d}" for d in deps]
    features += [f"lemma_child={lemma}_{d}" for d in deps if d in TELLING_CHILD_DEPS]
    clauses = [c for c in children if c.dep_ in ("ccomp", "xcomp")]
    features.append(f"clause={int(bool(clauses))}")
    if any(g.dep_ == "mark" and g.lower_ in COMPLEMENTIZERS for c in clauses for g in c.children):
        features.append("clause_that")
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in children):
        features.append("own_that")
    for child in children:
        if child.dep_ == "prep":
            features += [f"prep={child.lower_}", f"lemma_prep={lemma}_{child.lower_}"]
        elif child.dep_ == "acomp":
            features.append(f"acomp={child.lemma_.lower()}")
    return features


def _subject(token: Token, children: list[Token]) -> list[str]:
    subject = next((c for c in children if c.dep_ in SUBJECT_DEPS), None)
    owner = next((c for c in children if c.dep_ == "poss"), None)
    kind = _kind(subject)
    return [f"subject={kind}", f"subject_pos={kind}_{token.pos_}", f"owner={_kind(owner)}"]


def _kind(token: Token | None) -> str:
    """What kind of thing a subject or owner is: a named type, a pronoun, or a part of speech."""
    if token is None:
        return "none"
    if token.ent_type_:
        return "entity_" + token.ent_type_
    if token.lower_ in PRONOUNS:
        return "pronoun"
    return "other_" + token.pos_


def _neighbours(token: Token) -> list[str]:
    head = token.head
    features = [f"head={head.lemma_.lower()}", f"dep_head_pos={token.dep_}_{head.pos_}"]
    if token.dep_ == "ccomp" and head.lemma_.lower() in CUE_VERBS:
        features.append("under_listed_verb")
    if token.dep_ == "ccomp" or head.dep_ == "ccomp":
        features.append("in_clause")
    doc = token.doc
    if token.i > 0:
        features.append("previous=" + _lower(doc[token.i - 1]))
    if token.i + 1 < len(doc):
        features.append("next=" + _lower(doc[token.i + 1]))
    return features


def _lower(token: Token) -> str:
    return "NEWLINE" if "\n" in token.text else token.lower_
