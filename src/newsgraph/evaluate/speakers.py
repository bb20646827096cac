"""Who a PolNeAR source refers to, decided without newsgraph's coreference, and whether a
predicted speaker entity is that referent.

PolNeAR has no coreference annotation, so the gold referent is read from the words:

- a name source: cut the source at the first comma, bracket, dash, relative pronoun or
  preposition (an apposition, a relative clause or a modifier follows: "A spokeswoman for
  Hillary Clinton" is the spokeswoman), drop a possessive; if the last word is capitalised, the
  referent is the run of capitalised words it ends ("Clinton campaign spokesman Brian Fallon"
  → "Brian Fallon"; "The Trump campaign" has none), without titles and a leading "The". A run
  whose every word the article also writes in lower case is an ordinary word capitalised by its
  place ("Officials said") and names nobody;
- a continuation: a source "he" or "she" takes the referent of the nearest earlier gold
  attribution (by source position) when that one is in the same or the previous paragraph
  and the referent's full form (below) has two words or more (a person's name);
- every other source (descriptions, "they", "who", none) has no referent: left out, counted.

The surname is the referent's last word; its full form is the longest capitalised run of the
article that ends with the surname ("Trump" → "Donald Trump"). A speaker entity is the
referent when its name or one of its name mentions equals the full form or the run, or ends
with the surname (case folded, a leading "the" and a possessive dropped).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.evaluate.polnear import Attribution
from newsgraph.records import Entity


def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


TITLES = _listed(
    """the mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt lt. col col. sgt
    sgt. prof prof. rev rev. st st. president vice senator representative governor mayor
    secretary judge justice speaker chairman chairwoman chair candidate nominee former"""
)
CONTINUATION_PRONOUNS = frozenset({"he", "she"})
# Where the head of a source phrase ends: an apposition, a relative clause, a prepositional
# phrase ("A spokeswoman for Hillary Clinton" is the spokeswoman).
SOURCE_END = re.compile(r",|\(|\s[-–—]\s|;|:|\s(?:who|which|that|for|of|by|on|at|from|with|in)\s")
# Capitalised words on one line; a word ending a sentence ("Enquirer.") ends the run.
_CAPITALISED = r"(?:[A-Z][\w'’-]{0,3}\.(?:[A-Z]\.)*|[A-Z][\w'’-]*)"  # "Mr.", "D.C.", "Obama"
CAPITALISED_RUN = re.compile(_CAPITALISED + r"(?:[ \t]+" + _CAPITALISED + ")*")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
WORD = re.compile(r"[\w'’.-]+")
PARAGRAPH_BREAK = re.compile(r"\n+")


@dataclass(frozen=True, slots=True)
class Referent:
    name: str  # the run of capitalised words in the source, titles dropped
    full: str  # the longest run of the article ending with the same surname
    surname: str  # case folded


def _fold(name: str) -> str:
    words = POSSESSIVE.sub("", name.strip()).split()
    while words and words[0].casefold() == "the":
        words = words[1:]
    return " ".join(words).casefold()


def _name_words(run: str) -> list[str]:
    words = run.split()
    while words and words[0].casefold() in TITLES:
        words = words[1:]
    return words


class ArticleNames:
    """The capitalised runs of an article's text, and its lower-case words."""

    def __init__(self, text: str) -> None:
        self.lower = {w for w in WORD.findall(text) if w.islower()}
        self.longest: dict[str, str] = {}
        for match in CAPITALISED_RUN.finditer(text):
            words = _name_words(POSSESSIVE.sub("", match[0]))
            if words:
                surname = words[-1].casefold()
                if len(" ".join(words)) > len(self.longest.get(surname, "")):
                    self.longest[surname] = " ".join(words)
        self.breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]

    def paragraph(self, offset: int) -> int:
        """The number of the paragraph (any run of line breaks ends one) holding `offset`."""
        return bisect.bisect_right(self.breaks, offset)

    def referent_of(self, source: str) -> Referent | None:
        """The name a source phrase ends with, if any (module docstring)."""
        head = SOURCE_END.split(source, maxsplit=1)[0].strip()
        head = POSSESSIVE.sub("", head).rstrip(" .")
        runs = list(CAPITALISED_RUN.finditer(head))
        if not runs or runs[-1].end() != len(head):
            return None
        words = _name_words(runs[-1][0])
        if not words or all(w.casefold() in self.lower for w in words):
            return None
        if words == ["I"]:
            return None  # capitalised, and a pronoun: the writer or a quoted speaker, no name
        name = " ".join(words)
        surname = words[-1].casefold()
        return Referent(name, self.longest.get(surname, name), surname)


def gold_referents(text: str, attributions: Sequence[Attribution]) -> list[Referent | None]:
    """Each attribution's referent, in the order given (module docstring)."""
    names = ArticleNames(text)
    referents: list[Referent | None] = [None] * len(attributions)
    ordered = sorted(
        (i for i, a in enumerate(attributions) if a.source),
        key=lambda i: min(s for s, _ in attributions[i].source),
    )
    previous: int | None = None
    for index in ordered:
        fragments = sorted(attributions[index].source)
        source = " ".join(text[s:e] for s, e in fragments).strip()
        if source.casefold() in CONTINUATION_PRONOUNS:
            if previous is not None and _near(names, attributions[previous], fragments[0][0]):
                referents[index] = _personal(referents[previous])
        else:
            referents[index] = names.referent_of(source)
        previous = index
    return referents


def _personal(referent: Referent | None) -> Referent | None:
    """The referent if "he" or "she" may continue it: a name the article gives in two words or
    more (a person's full name); "Europeans" or "Politifact" are not continued."""
    return referent if referent is not None and len(referent.full.split()) > 1 else None


def _near(names: ArticleNames, earlier: Attribution, offset: int) -> bool:
    earlier_start = min(s for s, _ in earlier.source)
    return names.paragraph(offset) - names.paragraph(earlier_start) <= 1


def is_referent(entity: Entity, referent: Referent) -> bool:
    """Whether the entity's name or one of its name mentions names the referent."""
    forms = {entity.name, *(m.text for m in entity.mentions if m.kind == "name")}
    wanted = {_fold(referent.name), _fold(referent.full)}
    for form in forms:
        folded = _fold(form)
        if folded in wanted or (folded.split() or [""])[-1] == referent.surname:
            return True
    return False
