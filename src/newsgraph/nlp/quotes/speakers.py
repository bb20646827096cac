"""Speakers: from the words that name a quote's source to the person or body they refer to.

In order of trust:
1. a pronoun ("he", "they") refers to the nearest compatible speaker or named mention before
   it (a person for "he"/"she", a body for "it", either for "they");
2. a relative pronoun ("who said") refers to the noun the clause describes;
3. a named mention whose words contain the phrase's head is the entity itself; entity
   grouping has already joined "Ms. Varga" and "Varga" to "Ilona Varga";
4. a title alone ("the Harbour Board chairwoman") refers to the one person the article gives
   that title to, before or after the name ("Harbour Board chairwoman Ilona Varga", "Ilona
   Varga, the board's chairwoman");
5. otherwise the description itself ("the Danish minister", "a spokesman") is the name.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsgraph.lang.en import quotes as lang
from newsgraph.nlp.times.find import token_at
from newsgraph.records import Entity, Span, Speaker


class SpeakerResolver:
    """Resolves source phrases of one doc, in text order (pronouns look back)."""

    def __init__(self, doc: Doc, entities: Iterable[Entity]) -> None:
        self.doc = doc
        self.entities = {entity.id: entity for entity in entities}
        # Every named mention, by start: (start, end, entity id).
        self.mentions = sorted(
            (m.start, m.end, entity.id)
            for entity in self.entities.values()
            for m in entity.mentions
        )
        self.mention_starts = [m[0] for m in self.mentions]
        self.spoken: list[tuple[int, str]] = []  # (offset, entity id) of resolved speakers
        self.titles = _titles(doc, self)

    def resolve(self, source: tuple[int, int] | None, head: int | None) -> Speaker:
        """The speaker named by the source tokens [start, end) with head token `head`."""
        if source is None or head is None:
            return Speaker(name=None)
        doc = self.doc
        words = doc[source[0] : source[1]]
        mention = Span(words.start_char, words.end_char, words.text)
        entity = self._entity_of(doc[head])
        if entity is None:
            entity = self._title_holder(doc[head], words.start, words.end)
        if entity is not None:
            self.spoken.append((mention.start, entity.id))
            return Speaker(name=entity.name, entity=entity.id, mention=mention)
        if doc[head].lower_ in lang.SPEAKER_PRONOUNS or doc[head].lower_ in lang.RELATIVE_PRONOUNS:
            return Speaker(name=None, mention=mention)
        return Speaker(name=_description(doc, words.start, head), mention=mention)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping the characters [start, end)."""
        index = bisect.bisect_left(self.mention_starts, end)
        for m_start, m_end, entity_id in reversed(self.mentions[max(0, index - 8) : index]):
            if m_start < end and m_end > start:
                return self.entities[entity_id]
        return None

    def _entity_of(self, head: Token) -> Entity | None:
        lower = head.lower_
        if lower in lang.RELATIVE_PRONOUNS and head.head.head.i != head.head.i:
            head = head.head.head  # "Trump, who said": the noun the clause describes
            lower = head.lower_
        if lower in lang.SPEAKER_PRONOUNS:
            # A pronoun newsgraph_coref resolved is a mention of its entity; the nearest
            # compatible entity is the fallback for the pronouns it left alone.
            resolved = self.entity_at(head.idx, head.idx + len(head.text))
            return resolved or self._antecedent(head.idx, lower)
        return self.entity_at(head.idx, head.idx + len(head.text))

    def _antecedent(self, offset: int, pronoun: str) -> Entity | None:
        """The nearest person (he, she) or body (it), or either (they), named before offset."""
        labels = _labels_for(pronoun)
        candidates: list[tuple[int, str]] = list(self.spoken)
        index = bisect.bisect_left(self.mention_starts, offset)
        candidates.extend((m[0], m[2]) for m in self.mentions[max(0, index - 40) : index])
        best: tuple[int, str] | None = None
        for position, entity_id in candidates:
            if position >= offset or self.entities[entity_id].type not in labels:
                continue
            if best is None or position > best[0]:
                best = (position, entity_id)
        return self.entities[best[1]] if best else None

    def _title_holder(self, head: Token, first: int, last: int) -> Entity | None:
        """The one person the article gives this title to ("the Harbour Board chairwoman")."""
        if head.lower_ not in lang.TITLE_WORDS or self.doc[first].lower_ in lang.INDEFINITE:
            return None  # "a spokesman" introduces someone new
        words = _title_key(self.doc[first:last])
        holders = {
            entity_id
            for title, entity_id in self.titles.get(head.lower_, ())
            if words and words <= title
        }
        return self.entities[holders.pop()] if len(holders) == 1 else None


def _labels_for(pronoun: str) -> frozenset[str]:
    if pronoun in lang.PERSON_PRONOUNS:
        return lang.PERSON_LABELS
    if pronoun in lang.THING_PRONOUNS:
        return lang.GROUP_LABELS
    return lang.PERSON_LABELS | lang.GROUP_LABELS


def _titles(doc: Doc, resolver: SpeakerResolver) -> dict[str, list[tuple[frozenset[str], str]]]:
    """Titles the article gives to people: title head word → [(title words, entity id)]."""
    titles: dict[str, list[tuple[frozenset[str], str]]] = {}
    for start, _end, entity_id in resolver.mentions:
        if resolver.entities[entity_id].type not in lang.PERSON_LABELS:
            continue
        token = token_at(doc, start)
        if token is None:
            continue
        for title in (_title_before(token), _title_in_apposition(token)):
            if title:
                key = frozenset(_title_key(title))
                head = title[-1].lower_
                if head in lang.TITLE_WORDS:
                    titles.setdefault(head, []).append((key, entity_id))
    return titles


def _title_before(name: Token) -> list[Token]:
    """The title words right before a name ("Harbour Board chairwoman" Ilona Varga)."""
    words: list[Token] = []
    index = name.i - 1
    while index >= 0:
        token = name.doc[index]
        if token.ent_type_ == "PERSON" or token.pos_ not in ("PROPN", "NOUN", "ADJ", "PUNCT"):
            break
        if token.pos_ == "PUNCT" and token.text != "-":
            break
        words.insert(0, token)
        index -= 1
    while words and words[-1].text == "-":
        words.pop()
    return words


def _title_in_apposition(name: Token) -> list[Token]:
    """The title in apposition after a name ("Ilona Varga, the board's chairwoman")."""
    head = name
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i:
            return [t for t in child.subtree if t.i <= child.i]
    return []


def _title_key(words: Iterable[Token]) -> set[str]:
    return {w.lower_ for w in words if w.lower_ not in lang.TITLE_NOISE and not w.is_punct} - {"-"}


def _description(doc: Doc, first: int, head: int) -> str:
    """An unnamed source's own words, up to its head: "the Danish minister"."""
    return doc[first : head + 1].text if head >= first else doc[head].text
