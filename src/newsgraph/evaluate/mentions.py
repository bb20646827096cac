"""What kind a gold mention is (name, pronoun, description) and which token is its head, read
from its words alone: GUM's CoNLL files carry no part of speech and no parse.

- pronoun: one token, a personal, possessive or reflexive pronoun (`PRONOUNS`);
- other: one token among `OTHER_PRONOUNS` (relative, demonstrative, indefinite: "who",
  "this", "many"): neither a name nor a description, left out of the scores and counted;
- name: its head (below) starts with a capital letter ("Jens Stoltenberg", "Mr. Obama",
  "the Medical Journal of Australia", "interviewee David Titley"), unless the head opens its
  sentence and the document also writes the word in lower case ("Researchers say" is not a
  name when "researchers" occurs elsewhere);
- description: every other mention ("the report's authors", "Australian children", "her mom").

The head is the last word before the first word of `HEAD_ENDS` (a preposition, a relative
pronoun, a comma or bracket), skipping a trailing possessive: "the president of the company" →
"president", "Barack Obama 's" → "Obama", "his" → "his".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

GoldKind = Literal["name", "pronoun", "description", "other"]


def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


PRONOUNS = _listed(
    "i me my mine myself we us our ours ourselves ourself you your yours yourself yourselves "
    "he him his himself she her hers herself it its itself they them their theirs themselves "
    "themself"
)
# Person pronouns in the narrow sense: they can only refer to people (not "it", not "they").
PERSON_PRONOUNS = _listed(
    "i me my mine myself he him his himself she her hers herself you your yours yourself"
)
OTHER_PRONOUNS = _listed(
    "who whom whose which that this these those what whoever one ones someone somebody anyone "
    "anybody everyone everybody nobody none all both each either neither many much some any "
    "few several another other others here there where when"
)
CONNECTORS = _listed(
    "of the and for de del della der den di du da des la le van von y al el bin ibn on in at &"
)
HEAD_ENDS = _listed(
    "of in on at for with from by to about as under over into like who whom whose which that "
    "where when , ( ) [ ] - – — : ;"
)
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


def gold_kind(
    words: Sequence[str], first: int, last: int, sentence_starts: frozenset[int], lower: set[str]
) -> GoldKind:
    """The kind of the mention spanning tokens first..last (see the module docstring).

    `lower` holds the lower-case words that occur in the document."""
    if first == last:
        word = words[first].lower()
        if word in PRONOUNS:
            return "pronoun"
        if word in OTHER_PRONOUNS:
            return "other"
    if _is_name(words, first, last, sentence_starts, lower):
        return "name"
    return "description"


def _is_name(
    words: Sequence[str], first: int, last: int, sentence_starts: frozenset[int], lower: set[str]
) -> bool:
    index = head(words, first, last)
    word = words[index]
    if not word[:1].isupper():
        return False
    # A word capitalised only because it opens the sentence ("Researchers say") is no name.
    return not (index in sentence_starts and word.lower() in lower)


def head(words: Sequence[str], first: int, last: int) -> int:
    """The index of the mention's head token (see the module docstring)."""
    end = last
    for index in range(first + 1, last + 1):
        if words[index].lower() in HEAD_ENDS:
            end = index - 1
            break
    while end > first and (words[end] in POSSESSIVES or not any(c.isalnum() for c in words[end])):
        end -= 1
    return end


def lower_words(words: Sequence[str]) -> set[str]:
    """The words the document writes in lower case (to tell a name from a capitalised word)."""
    return {word for word in words if word.islower()}
