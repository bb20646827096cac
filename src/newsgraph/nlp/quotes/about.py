"""Whom a quote is about, and the speaker's own first person inside a direct quote.

- `about`: the entities with a mention (a name, or a pronoun or description the coreference
  step resolved) inside the content, in order of first reference, each once. The speaker's
  own first person is no reference to someone talked about: a first-person mention inside
  a direct quote ("I", "we", "our") is the speaker, and a first-person mention of the
  speaker's entity anywhere is left out too.
- `with_first_person`: "I", "we", "my", "our" inside a direct quote, or a transcript's turn
  after its speaker's label ("LOPEZ: I will not."), refer to its speaker; they become pronoun
  mentions of the speaker's entity, unless a mention covers them already.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from newsgraph.lang.en.statements import FIRST_PERSON
from newsgraph.records import Entity, Mention, Quote

FIRST_PERSON_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(FIRST_PERSON, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
# Quote types whose words are the speaker's own: their first person is the speaker.
OWN_WORDS = frozenset({"direct"})


class MentionIndex:
    """Every mention of the doc's entities by start, for range look-ups."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.rows = sorted(
            (m.start, m.end, entity.id, m.text.lower() in FIRST_PERSON)
            for entity in entities
            for m in entity.mentions
        )
        self.starts = [row[0] for row in self.rows]

    def within(self, start: int, end: int) -> Sequence[tuple[int, int, str, bool]]:
        """The mentions that start inside [start, end) and end inside it, in order."""
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return [row for row in self.rows[low:high] if row[1] <= end]


def about(quote: Quote, index: MentionIndex) -> tuple[str, ...]:
    """The ids of the entities the quote's content refers to, first reference first."""
    own_words = quote.type in OWN_WORDS
    found: list[str] = []
    for _start, _end, entity_id, first_person in index.within(quote.start, quote.end):
        if first_person and (own_words or entity_id == quote.speaker.entity):
            continue  # the speaker's own "I" or "we"
        if entity_id not in found:
            found.append(entity_id)
    return tuple(found)


def with_first_person(
    doc: Doc,
    entities: Sequence[Entity],
    quotes: Iterable[Quote],
    text: str | None = None,
    index: MentionIndex | None = None,
) -> tuple[Entity, ...]:
    """The entities with each first-person pronoun of their own direct quotes added as a
    pronoun mention (mentions stay sorted by start; covered words are not added twice).
    `text` is `doc.text` and `index` the entities' `MentionIndex` when the caller has them."""
    taken = MentionIndex(entities) if index is None else index
    body = doc.text if text is None else text
    added: dict[str, list[Mention]] = {}
    for quote in quotes:
        entity_id = quote.speaker.entity
        if entity_id is None or not (quote.type in OWN_WORDS or _labelled_turn(body, quote)):
            continue
        for word in FIRST_PERSON_WORD.finditer(body, quote.start, quote.end):
            if _is_pronoun(word.group()) and not _covered(taken, word.start(), word.end()):
                mention = Mention(word.start(), word.end(), word.group(), kind="pronoun")
                added.setdefault(entity_id, []).append(mention)
    if not added:
        return tuple(entities)
    return tuple(
        replace(e, mentions=tuple(sorted(e.mentions + tuple(added[e.id]), key=_by_start)))
        if e.id in added
        else e
        for e in entities
    )


def _labelled_turn(text: str, quote: Quote) -> bool:
    """A transcript's turn ("LOPEZ: I will not."): its cue is the colon after a speaker's
    label that opens its line; the words after it are the speaker's own, quotation marks or
    not."""
    cue, label = quote.cue, quote.speaker.mention
    if cue is None or label is None or cue.text != ":" or quote.start < cue.end:
        return False
    opens_line = label.start == 0 or text[label.start - 1] == "\n"
    return opens_line and not text[label.end : cue.start].strip()


def _is_pronoun(word: str) -> bool:
    """ "we", "We", "I"; not "US" (the country) nor "ME" (a state) in capitals."""
    return word == "I" or word.islower() or word.istitle()


def _covered(index: MentionIndex, start: int, end: int) -> bool:
    position = bisect.bisect_right(index.starts, start)
    return any(
        s < end and start < e
        for s, e, _id, _first in index.rows[max(0, position - 4) : position + 1]
    )


def _by_start(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end
