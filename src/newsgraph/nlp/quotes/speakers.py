"""Speakers: from the words that name a quote's source to the person or body they refer to.

In order of trust:
1. a relative pronoun ("who said") refers to the noun the clause describes;
2. a name in apposition wins over the description beside it, in either order ("her brother,
   Tom Reyes", "Tom Reyes, her brother"): via "apposition";
3. a mention whose words contain the phrase's head is the entity itself; entity grouping has
   already joined "Ms. Varga" and "Varga" to "Ilona Varga", and a coreference step may have
   added pronoun and description mentions: via the mention's kind ("name", "pronoun",
   "description");
4. a pronoun ("he", "they") no mention covers refers to the nearest compatible speaker or
   named mention before it (a person for "he"/"she", a body for "it", either for "they"),
   an unnamed speaker too ("a councillor … said …. He warned"): via "pronoun";
5. a title alone ("the Harbour Board chairwoman") refers to the one person the article gives
   that title to, before or after the name ("Harbour Board chairwoman Ilona Varga", "Ilona
   Varga, the board's chairwoman"): via "description";
6. otherwise the description itself ("the Danish minister", "a spokesman") is the name, with
   no entity: via "description"; an unresolved pronoun gives no speaker (via None).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsgraph.lang.en import quotes as lang
from newsgraph.lang.en.statements import FIRST_PERSON, ISSUED_DOCUMENTS, ISSUER_PREPOSITIONS
from newsgraph.nlp.times.find import token_at
from newsgraph.records import Entity, MentionKind, Span, Speaker, SpeakerVia

# Mention kinds as the via of a speaker found through a mention of that kind.
VIA_OF_KIND: dict[MentionKind, SpeakerVia] = {
    "name": "name",
    "pronoun": "pronoun",
    "description": "description",
}
APPOSITION_DEP = "appos"


class SpeakerResolver:
    """Resolves source phrases of one doc, in text order (pronouns look back)."""

    def __init__(self, doc: Doc, entities: Iterable[Entity]) -> None:
        self.doc = doc
        self.entities = {entity.id: entity for entity in entities}
        # Every mention, by start: (start, end, entity id, kind). First-person pronouns (the
        # speaker inside a direct quote) are no antecedents for the speakers of other quotes.
        self.mentions = sorted(
            (m.start, m.end, entity.id, m.kind)
            for entity in self.entities.values()
            for m in entity.mentions
            if m.text.lower() not in FIRST_PERSON
        )
        self.mention_starts = [m[0] for m in self.mentions]
        self.spoken: list[tuple[int, str]] = []  # (offset, entity id) of resolved speakers
        # Speakers with no entity ("Councillor Dev Ramanathan" when the tagger missed the
        # name, "the port authority"): (offset, name, what pronouns may refer to them).
        self.described: list[tuple[int, str, frozenset[str]]] = []
        self.titles = _titles(doc, self)

    def resolve(self, source: tuple[int, int] | None, head: int | None) -> Speaker:
        """The speaker named by the source tokens [start, end) with head token `head`."""
        if source is None or head is None:
            return Speaker(name=None)
        doc = self.doc
        words = doc[source[0] : source[1]]
        mention = Span(words.start_char, words.end_char, words.text)
        token = doc[head]
        if token.lower_ in lang.SPEAKER_PRONOUNS and not self.mention_at(token.idx, token.idx + 1):
            return self._pronoun(token, mention)
        found = self._found(token, words.start, words.end)
        if found is not None:
            entity, via = found
            self.spoken.append((mention.start, entity.id))
            return Speaker(name=entity.name, entity=entity.id, mention=mention, via=via)
        if token.lower_ in lang.RELATIVE_PRONOUNS:
            return self._described_by_clause(token, mention)
        if token.lower_ in lang.SPEAKER_PRONOUNS:
            return Speaker(name=None, mention=mention)
        name = _description(doc, words.start, head)
        self.described.append((mention.start, name, _pronouns_for(token)))
        return Speaker(name=name, mention=mention, via="description")

    def _described_by_clause(self, relative: Token, mention: Span) -> Speaker:
        """ "a fisherman from the north shore, who said": the unnamed noun the relative
        clause describes, in its own words up to its head ("a fisherman")."""
        noun = relative.head.head
        if noun.i == relative.head.i or noun.pos_ not in ("NOUN", "PROPN"):
            return Speaker(name=None, mention=mention)
        name = _description(self.doc, noun.left_edge.i, noun.i)
        self.described.append((mention.start, name, _pronouns_for(noun)))
        return Speaker(name=name, mention=mention, via="pronoun")

    def _pronoun(self, pronoun: Token, mention: Span) -> Speaker:
        """A pronoun no mention covers: the nearest compatible speaker or named mention before
        it, an unnamed speaker too ("Councillor Dev Ramanathan said …. He warned …" when the
        tagger missed the name)."""
        lower = pronoun.lower_
        antecedent = self._antecedent(pronoun.idx, lower)
        described = next(
            (d for d in reversed(self.described) if d[0] < pronoun.idx and lower in d[2]), None
        )
        if described is not None and (antecedent is None or described[0] > antecedent[0]):
            self.described.append((mention.start, described[1], described[2]))
            return Speaker(name=described[1], mention=mention, via="pronoun")
        if antecedent is None:
            return Speaker(name=None, mention=mention)
        entity = antecedent[1]
        self.spoken.append((mention.start, entity.id))
        return Speaker(name=entity.name, entity=entity.id, mention=mention, via="pronoun")

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping the characters [start, end)."""
        found = self.mention_at(start, end)
        return found[0] if found is not None else None

    def mention_at(self, start: int, end: int) -> tuple[Entity, MentionKind] | None:
        """The entity with a mention overlapping the characters [start, end), and how that
        mention refers to it (the nearest mention when several overlap)."""
        index = bisect.bisect_left(self.mention_starts, end)
        for m_start, m_end, entity_id, kind in reversed(self.mentions[max(0, index - 8) : index]):
            if m_start < end and m_end > start:
                return self.entities[entity_id], kind
        return None

    def _found(self, head: Token, first: int, last: int) -> tuple[Entity, SpeakerVia] | None:
        """The entity the phrase [first, last) with `head` names, and how it was found."""
        via_relative = False
        if head.lower_ in lang.RELATIVE_PRONOUNS and head.head.head.i != head.head.i:
            head = head.head.head  # "Trump, who said": the noun the clause describes
            via_relative = True
        found = self._named(head, first, last)
        if found is not None and via_relative:
            return found[0], "pronoun"
        return found

    def _named(self, head: Token, first: int, last: int) -> tuple[Entity, SpeakerVia] | None:
        lower = head.lower_
        if lower not in lang.SPEAKER_PRONOUNS:
            apposed = self._apposition(head, first, last)
            if apposed is not None:
                return apposed, "apposition"
        covering = self.mention_at(head.idx, head.idx + len(head.text))
        if covering is not None:
            return covering[0], VIA_OF_KIND[covering[1]]
        if lower in lang.SPEAKER_PRONOUNS:
            antecedent = self._antecedent(head.idx, lower)
            return (antecedent[1], "pronoun") if antecedent is not None else None
        holder = self._title_holder(head, first, last) or self._issuer(head)
        return (holder, "description") if holder is not None else None

    def _issuer(self, head: Token) -> Entity | None:
        """Whoever issued the document that is the source, when the phrase says so: "a
        statement from the ministry", "her letter", "the union's filing", "a White House
        memo" (an owner, a "from" or "by", or a name before the noun)."""
        if head.lower_ not in ISSUED_DOCUMENTS:
            return None
        for child in head.children:
            if child.dep_ in ("poss", "compound") and child.i < head.i:
                owner = self.entity_at(child.idx, child.idx + len(child.text))
                if owner is not None:
                    return owner
            if child.dep_ == "prep" and child.lower_ in ISSUER_PREPOSITIONS:
                for issuer in (c for c in child.children if c.dep_ == "pobj"):
                    found = self.entity_at(issuer.idx, issuer.idx + len(issuer.text))
                    if found is not None:
                        return found
        return None

    def _apposition(self, head: Token, first: int, last: int) -> Entity | None:
        """The named entity of a name and a description in apposition within the phrase, in
        either order: "her brother, Tom Reyes" and "Tom Reyes, her brother" are Tom Reyes."""
        head = _phrase_head(head)
        for other in _apposed(head):
            if not first <= other.i < last:
                continue
            own = self._name_of(head)
            theirs = self._name_of(other)
            if own is not None and theirs is None:
                return own  # the head is the name, the description follows it
            if theirs is not None and own is None:
                return theirs  # the head is the description, the name is beside it
        return None

    def _name_of(self, token: Token) -> Entity | None:
        """The entity a name mention over `token` (or the name it heads) refers to."""
        found = self.mention_at(token.idx, token.idx + len(token.text))
        return found[0] if found is not None and found[1] == "name" else None

    def _antecedent(self, offset: int, pronoun: str) -> tuple[int, Entity] | None:
        """The nearest person (he, she) or body (it), or either (they), named before offset,
        with the offset where it was named."""
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
        return (best[0], self.entities[best[1]]) if best else None

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


def _pronouns_for(head: Token) -> frozenset[str]:
    """The pronouns that may refer to an unnamed speaker with this head word: a name or a
    title is a person ("he", "she"), another noun a body ("it"); either may be "they"."""
    if head.tag_ in ("NNS", "NNPS"):
        return lang.PLURAL_PRONOUNS
    if head.pos_ == "PROPN" or head.lower_ in lang.TITLE_WORDS or head.lower_ in lang.PERSON_NOUNS:
        return lang.PERSON_PRONOUNS | lang.PLURAL_PRONOUNS
    return lang.THING_PRONOUNS | lang.PLURAL_PRONOUNS


def _labels_for(pronoun: str) -> frozenset[str]:
    if pronoun in lang.PERSON_PRONOUNS:
        return lang.PERSON_LABELS
    if pronoun in lang.THING_PRONOUNS:
        return lang.GROUP_LABELS
    return lang.PERSON_LABELS | lang.GROUP_LABELS


def _titles(doc: Doc, resolver: SpeakerResolver) -> dict[str, list[tuple[frozenset[str], str]]]:
    """Titles the article gives to people: title head word → [(title words, entity id)]."""
    titles: dict[str, list[tuple[frozenset[str], str]]] = {}
    for start, _end, entity_id, kind in resolver.mentions:
        if kind != "name" or resolver.entities[entity_id].type not in lang.PERSON_LABELS:
            continue
        token = token_at(doc, start)
        if token is None:
            continue
        for title in (_title_before(token), _title_in_apposition(token), _title_apposed(token)):
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


def _phrase_head(token: Token) -> Token:
    """The head of the name a word belongs to ("Tom" → "Reyes")."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


def _apposed(head: Token) -> list[Token]:
    """The words in apposition with `head`: its own appositives, the word it is an
    appositive of, and the name right after its phrase and a comma (the parser may hang
    "the city engineer, Paula Okafor," elsewhere)."""
    apposed = [c for c in head.children if c.dep_ == APPOSITION_DEP]
    if head.dep_ == APPOSITION_DEP and head.head.i != head.i:
        apposed.append(head.head)
    after = head.right_edge.i + 1
    if after + 1 < len(head.doc) and head.doc[after].text == ",":
        apposed.append(_phrase_head(head.doc[after + 1]))
    return apposed


def _title_apposed(name: Token) -> list[Token]:
    """The title a name is in apposition with, before it ("the board chairwoman, Ilona
    Varga"), up to the title's head word."""
    head = _phrase_head(name)
    if head.dep_ == APPOSITION_DEP and head.head.i < head.i:
        title = head.head
    elif name.i >= 2 and name.doc[name.i - 1].text == ",":
        title = _phrase_head(name.doc[name.i - 2])  # the parser may hang them apart
    else:
        return []
    return [t for t in title.subtree if t.i <= title.i]


def _title_key(words: Iterable[Token]) -> set[str]:
    return {w.lower_ for w in words if w.lower_ not in lang.TITLE_NOISE and not w.is_punct} - {"-"}


def _description(doc: Doc, first: int, head: int) -> str:
    """An unnamed source's own words, up to its head: "the Danish minister"."""
    return doc[first : head + 1].text if head >= first else doc[head].text
