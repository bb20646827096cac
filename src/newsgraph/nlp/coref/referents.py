"""The referents of an article: its entities with the tokens that name them and what the
article's own words say about them (gender, whether a person, a place, a speaker)."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.lang.en import coref as lang
from newsgraph.lang.en import names
from newsgraph.lang.en.given_names import given_name_gender
from newsgraph.lang.en.places import WELL_KNOWN_PLACES
from newsgraph.nlp.entities.component import rank_opens
from newsgraph.records import Entity, Mention

ALIASES = frozenset(alias for group in names.ALIAS_GROUPS for alias in group)
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
DATE_TYPES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
# Words before a first name that are no part of it ("Dr Simon Ferris", "King Louis").
_TITLES = names.HONORIFICS | names.PERSON_TITLES
# A first name's weight against the article's gender votes: more than a pronoun near the
# person (1), less than an honorific or a gendered noun (2); votes that outweigh it leave the
# gender unknown (`Referent.gender`).
NAME_VOTES = 1.5
# A gender that rests on the first pass's pronouns alone (no first name, no word of the
# article's) needs this many more of them than of the other: one "her" the ranker gave a
# man whose own "she" was no entity ("her broadsides" of a ship, "without her love" of an
# unnamed woman) would take him out of every "his" of the second pass.
RESOLVED_MARGIN = 2
# What a name's words say is asked of a referent many times a pass (each pronoun's candidates):
# it is computed once per name string, and kept for this many names.
NAME_CACHE = 4096


@dataclass(slots=True)
class Referent:
    entity: Entity
    spans: list[Span]  # the name mentions as token spans, in text order
    gender_votes: Counter[str] = field(default_factory=Counter)
    # The part of `gender_votes` cast by the first pass's sure "he"s and "she"s (the
    # ranker's choices), not by the article's own words about the referent.
    resolved_votes: Counter[str] = field(default_factory=Counter)
    person_evidence: int = 0  # an honorific, an age, a gendered noun describing it
    place_evidence: int = 0  # named after "in", "at", or beside a place ("Vellby, Tarnshire")
    # Words that make it a place, a body or a work, never a person: "Vellby, where",
    # "founded Vellby", "chairman of Vellco" (`_thing_words`).
    thing_evidence: int = 0
    speaks: int = 0  # subject of a verb of saying
    definite: int = 0  # names written right after "the" ("the Blues")
    titles: list[frozenset[str]] = field(default_factory=list)  # "prime minister", ...
    added: list[Mention] = field(default_factory=list)  # pronouns and descriptions found
    # The gender of a "he" or "she" resolved to it earlier in this pass: a referent "she"
    # went to is not the next "he".
    assumed: str | None = None
    # The entity's id, read for every candidate of every pronoun: an attribute, not a property.
    id: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.id = self.entity.id

    @property
    def gender(self) -> str | None:
        """The gender the article's words give, when they agree enough to tell; else the
        usual gender of the first name ("Simon Ferris"), else the one the ranker's own
        choices give (`_chosen_gender`). Words that contradict the first name leave it
        unknown, so that neither rules it out: the votes count the only person named near a
        "he" though the man it means goes unnamed ("Veronica" among a man's "he"s), a
        relative merged with the person ("Mrs Hale" with "John Hale"), and a few first names
        are given to both."""
        name = self.name_gender
        voted = _leaning(self.gender_votes, name)
        if name is not None:
            return name if voted == name else None
        if voted is not None and _leaning(self.gender_votes - self.resolved_votes) == voted:
            return voted
        return self._chosen_gender()

    def _chosen_gender(self) -> str | None:
        """The gender the ranker's choices give the referent, when they give it
        `RESOLVED_MARGIN` more times than the other: the first pass's sure "he"s and "she"s,
        and the latest this pass resolved to it (`assumed`; often one of the first pass's
        again, now chosen with the votes known). One choice alone is not evidence enough to
        rule the referent out of the other gender's pronouns."""
        chosen = Counter(self.gender_votes)  # with the article's words' votes, if any
        if self.assumed is not None:
            chosen[self.assumed] += 1
        male, female = chosen["m"], chosen["f"]
        if male - female >= RESOLVED_MARGIN:
            return "m"
        if female - male >= RESOLVED_MARGIN:
            return "f"
        return None

    @property
    def voted_gender(self) -> str | None:
        """The gender the article's own words give (honorifics, nouns, pronouns), if they
        lean one way."""
        return _leaning(self.gender_votes)

    @property
    def gender_by_name(self) -> bool:
        """Whether the gender is the first name's, not what the article's words say."""
        gender = self.gender
        return gender is not None and gender == self.name_gender != self.voted_gender

    @property
    def name_gender(self) -> str | None:
        """The gender English writing almost always gives the person's first name, if any."""
        return _first_name_gender(self.entity.name)

    @property
    def personal(self) -> bool:
        """Whether the article's words say this is a person, whatever the tagger said: a
        PERSON is one unless the article only ever writes it as a place ("moved to Bad
        Honnef") or with "the" before it ("the Blues hired him"), as no one writes a
        person's name."""
        if self.person_evidence > 0:
            return True
        return self.entity.type == "PERSON" and not self.never_a_person

    @property
    def never_a_person(self) -> bool:
        """Written only as a place or only after "the", or once in words no one's name is
        written in ("Vellby, where"), with no word saying it is a person and no person's
        first name ("at Alice's", "the Rosa Diaz case" are still people's)."""
        if self.person_evidence > 0 or self.first_named_person:
            return False
        if self.place_like or self.thing_evidence > 0:
            return True
        return bool(self.spans) and self.definite == len(self.spans)

    @property
    def first_named_person(self) -> bool:
        """A name the tagger typed a person's that opens with a gendered first name."""
        return self.entity.type == "PERSON" and self.name_gender is not None

    @property
    def person_shaped(self) -> bool:
        """A name that could be a person's whatever its type: one to four capitalised words,
        none in capitals only ("NATO") and none naming a kind of body ("Union")."""
        return _person_shaped_name(self.entity.name)

    @property
    def name_words(self) -> frozenset[str]:
        """The words of its name, in lower case."""
        return _name_words(self.entity.name)

    @property
    def place_named(self) -> bool:
        """A name with a place's words ("New York"), the alias of a country ("US") or the
        name of a well-known place ("Texas", "Ottawa")."""
        return _place_named(self.entity.name)

    @property
    def place_like(self) -> bool:
        """A name used as a place ("in Vellmar") and never as someone who speaks. A name the
        tagger typed a person's must be written as a place at more than half of its mentions:
        people are met "in" and "at" too ("confidence in Britton", "lashed out at Terrell")."""
        if self.place_evidence == 0 or self.speaks > 0 or self.person_evidence > 0:
            return False
        return self.entity.type in PLACE_TYPES or 2 * self.place_evidence > len(self.spans)


def _leaning(votes: Mapping[str, float], name: str | None = None) -> str | None:
    """The gender the votes lean to, with a first name's gender (`name`) as `NAME_VOTES`."""
    male = votes.get("m", 0) + (NAME_VOTES if name == "m" else 0)
    female = votes.get("f", 0) + (NAME_VOTES if name == "f" else 0)
    if male > female:
        return "m"
    if female > male:
        return "f"
    return None


@functools.lru_cache(maxsize=NAME_CACHE)
def _first_name_gender(name: str) -> str | None:
    if not _person_shaped_name(name):
        return None  # "Victoria Station", "Louis Vuitton SE" are no one's first names
    words = [w for w in name.split() if w.lower().rstrip(".") not in _TITLES]
    return given_name_gender(words[0].lower()) if words else None


@functools.lru_cache(maxsize=NAME_CACHE)
def _person_shaped_name(name: str) -> bool:
    return _person_shaped(name.split())


@functools.lru_cache(maxsize=NAME_CACHE)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in name.split())


@functools.lru_cache(maxsize=NAME_CACHE)
def _place_named(name: str) -> bool:
    lower = name.lower()
    if lower in ALIASES or lower in WELL_KNOWN_PLACES:
        return True
    return bool(_name_words(name) & lang.PLACE_NAME_WORDS)


def _person_shaped(words: list[str]) -> bool:
    """One to four capitalised words, none in capitals only ("NATO") but initials ("George
    W. Bush") and a regnal number ("Pius II"), none naming a kind of body ("Union"); a name's
    lower-case particles between them ("Raffaello da Montelupo") count among the four."""
    named = [w for w in words if not _initial(w) and not names.ROMAN_NUMERAL.match(w)]
    if len(named) > 2:
        named = [named[0], *(w for w in named[1:-1] if w not in names.NAME_PARTICLES), named[-1]]
    return (
        1 <= len(words) <= 4
        and bool(named)
        and all(
            w[:1].isupper() and not w.isupper() and w.lower() not in lang.BODY_NAME_WORDS
            for w in named
        )
    )


def _initial(word: str) -> bool:
    """An initial, with its dot or without ("W." or "W")."""
    return len(word.rstrip(".")) == 1 and word[:1].isupper()


def build_referents(doc: Doc, entities: tuple[Entity, ...]) -> list[Referent]:
    referents = []
    for entity in entities:
        spans = [
            span
            for m in entity.mentions
            if m.kind == "name"
            and (span := doc.char_span(m.start, m.end, alignment_mode="expand")) is not None
        ]
        referent = Referent(entity=entity, spans=spans)
        for span in spans:
            _read_evidence(doc, span, referent)
        referents.append(referent)
    return referents


def _read_evidence(doc: Doc, span: Span, referent: Referent) -> None:
    root = span.root
    honorific = _honorific_before(doc, span)
    if not _person_shaped([t.text for t in span if not t.is_punct]):
        honorific = ""  # "Justice Department", "General Motors": a body's name, not a title
    if honorific in lang.GENDERED_HONORIFICS:
        referent.gender_votes[lang.GENDERED_HONORIFICS[honorific]] += 2
        referent.person_evidence += 1
    elif honorific in names.HONORIFICS or rank_opens([t.text for t in span]):
        referent.person_evidence += 1
    title = _title_words_before(doc, span)
    if not title and root.dep_ == "appos" and root.head.i < span.start:
        title = [root.head.lower_]  # "the chairwoman, Ilona Varga,"
    appositive = _apposition_head(root)
    if appositive is not None:
        title_tokens = [t for t in appositive.subtree if t.i <= appositive.i]
        title = title or [t.lower_ for t in title_tokens if not t.is_punct and t.pos_ != "DET"]
        if _is_age(appositive):
            referent.person_evidence += 1
    for word in title[-1:]:
        _describe(referent, word)
    if title and (title[-1] in lang.PERSON_NOUNS or title[-1] in lang.GENDERED_NOUNS):
        referent.titles.append(frozenset(w for w in title if w not in lang.NON_ANAPHORIC_MODIFIERS))
    if honorific in lang.HONORIFIC_TITLES:  # "Sen. Ilona Varga" for "the senator"
        referent.titles.append(frozenset({lang.HONORIFIC_TITLES[honorific]}))
    if age_after(doc, span) is not None:
        referent.person_evidence += 1
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in lang.SAYING_LEMMAS:
        referent.speaks += 1
    if _written_as_a_place(doc, span, referent):
        referent.place_evidence += 1
    if _thing_words(doc, span):
        referent.thing_evidence += 1
    if span.start > 0 and doc[span.start - 1].lower_ == "the":
        referent.definite += 1


def _written_as_a_place(doc: Doc, span: Span, referent: Referent) -> bool:
    """After a preposition of place (`_names_a_place`), or, typed a place, beside a place."""
    root = span.root
    if root.dep_ == "pobj" and _names_a_place(root.head) and not _date_between(root.head, span):
        return True
    return referent.entity.type in PLACE_TYPES and _beside_a_place(doc, span)


def _names_a_place(preposition: Token) -> bool:
    """ "in Vellby", "at Vellby", "moved to Vellby", "the port of Vellby": a preposition that
    puts its object somewhere, "to" after moving, or "of" after a place's noun; not the "in"
    of what one trusts ("placed his confidence in Voss")."""
    if preposition.lower_ == "in" and preposition.head.lower_ in lang.ATTITUDE_IN_NOUNS:
        return False
    if preposition.lower_ in lang.PLACE_PREPOSITIONS:
        return True
    if preposition.lower_ == "to":
        return _moving(preposition.head)
    return preposition.lower_ == "of" and preposition.head.lower_ in lang.PLACE_OF_NOUNS


def _moving(head: Token) -> bool:
    """A verb or noun of moving or travelling ("moved", "a trip"), or a verb whose object
    is one ("made trips to Vellby", where the parse hangs the "to" on "made")."""
    if head.lemma_ in lang.MOVING_TO_LEMMAS:
        return True
    return any(c.dep_ == "dobj" and c.lemma_ in lang.MOVING_TO_LEMMAS for c in head.children)


def _beside_a_place(doc: Doc, span: Span) -> bool:
    """A place's name in apposition with another place's, after a comma or a bracket:
    "Orrin, Tarnshire", "Vellby (now Orrin County)". People the tagger typed places are
    written beside their descriptions, not beside places."""
    root = span.root
    if root.dep_ == "appos" and root.head.ent_type_ in PLACE_TYPES:
        return span.start > 0 and doc[span.start - 1].text in lang.APPOSITION_MARKS
    return any(
        child.dep_ == "appos"
        and child.ent_type_ in PLACE_TYPES
        and child.i > root.i
        and doc[child.left_edge.i - 1].text in lang.APPOSITION_MARKS
        for child in root.children
    )


def _thing_words(doc: Doc, span: Span) -> bool:
    """Words no one's name is written in: a relative "where" right after the name and its
    comma ("Yale, where he taught"), the object or the passive subject of "found" ("helped
    found Vellby", "Vellco was founded"), a work's noun (`_named_work`), the "of" of an
    office held of a body or a place ("chairman of Vellco", "Count of Vellby")."""
    root = span.root
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        relative = doc[span.end + 1]
        clause = relative.head
        if relative.lower_ in lang.PLACE_OR_THING_RELATIVES and clause.dep_ == "relcl":
            return clause.head.i == root.i
    if root.dep_ in ("dobj", "nsubjpass") and _founding(root.head):
        return True
    if _named_work(root):
        return True
    # An office outside any name: "2nd Earl of Clare" is someone's title, and "Clare" alone
    # in it later is that someone.
    office = root.head.head
    held_of = root.dep_ == "pobj" and root.head.lower_ == "of" and not office.ent_type_
    return held_of and office.i < span.start and office.lower_ in lang.OFFICE_OF_NOUNS


def _named_work(root: Token) -> bool:
    """A name in apposition with a work's noun ("the song 'Vellmar'", "her album Vellmar")
    or said to be one ("Vellmar is a 1972 film"), not a person who made one ("Vellmar is a
    film director")."""
    if root.dep_ == "appos" and root.head.lemma_ in lang.WORK_NOUNS:
        return True
    if any(c.dep_ == "compound" and c.lemma_ in lang.WORK_NOUNS for c in root.children):
        return True
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return False
    return any(c.dep_ == "attr" and c.lemma_ in lang.WORK_NOUNS for c in root.head.children)


def _founding(verb: Token) -> bool:
    """ "Founded", and the bare "found" the tagger reads as "find"'s past ("helped found",
    "to found")."""
    if verb.lemma_ in lang.FOUNDING_LEMMAS:
        return True
    if verb.lower_ != "found" or verb.i == 0:
        return False
    before = verb.doc[verb.i - 1]
    return before.lower_ in lang.BARE_INFINITIVE_BEFORE or before.tag_ == "MD"


def _date_between(preposition: Token, span: Span) -> bool:
    """A number or a date between the preposition and the name: "In 1901 Braun trained" is
    "in 1901", which the parse hung the sentence's subject on."""
    between = preposition.doc[preposition.i + 1 : span.start]
    return any(t.like_num or t.ent_type_ in DATE_TYPES for t in between)


def _is_age(token: Token) -> bool:
    return bool(lang.AGE_NUMBER.match(token.text)) and token.like_num


def _describe(referent: Referent, word: str) -> None:
    gender = lang.GENDERED_NOUNS.get(word)
    if gender is not None and word not in lang.UNRELIABLE_GENDERED:
        referent.gender_votes[gender] += 2
    if gender is not None or word in lang.PERSON_NOUNS:
        referent.person_evidence += 1


def _honorific_before(doc: Doc, span: Span) -> str:
    """The honorific that opens the mention or stands right before it, lower case, no dot."""
    first = span[0]
    if first.lower_.rstrip(".") in names.HONORIFICS and len(span) > 1:
        return first.lower_.rstrip(".")
    if span.start > 0:
        before = doc[span.start - 1]
        if before.text == "." and span.start > 1:
            before = doc[span.start - 2]
        return before.lower_.rstrip(".")
    return ""


def _title_words_before(doc: Doc, span: Span) -> list[str]:
    """Role words right before a name ("Harbour Board chairwoman" Ilona Varga)."""
    words: list[str] = []
    index = span.start - 1
    while index >= 0 and len(words) < 4:
        token = doc[index]
        hyphen = token.text == "-" and not token.whitespace_  # "Secretary-General"
        if (
            token.pos_ not in ("NOUN", "PROPN", "ADJ") and not hyphen
        ) or token.ent_type_ == "PERSON":
            break
        words.insert(0, token.lower_)
        index -= 1
    while words and words[-1] not in lang.PERSON_NOUNS and words[-1] not in lang.GENDERED_NOUNS:
        words.pop()  # only a role word ends a title
    return [w for w in words if w != "-"]


def _apposition_head(root: Token) -> Token | None:
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i:
            return child
    return None


def age_after(doc: Doc, span: Span) -> Token | None:
    """The age of "Ilona Varga, 45," or "Ilona Varga (45)", if the name has one."""
    if span.end + 2 >= len(doc):
        return None
    mark, number, close = doc[span.end], doc[span.end + 1], doc[span.end + 2]
    if mark.text in (",", "(") and _is_age(number) and close.text in (",", ")", "."):
        return number
    return None
