"""Descriptions that refer to a named referent: appositions in either order ("Ilona Varga,
the chairwoman,"; "the chairwoman, Ilona Varga,"; "a farmer, Tom Reyes,"), a title with its
article before a name ("the psychologist Ilona Varga"), a predicate nominal of a named subject
("Varga is a chemist", "she became president of the society"), and definite descriptions
later on ("the minister", "the company", "the 45-year-old", "the woman").

Predicate nominals are taken as mentions of their subject, as GUM annotates them and OntoNotes
does not: for a record of who is who they say what the article calls the referent, the same
information an apposition gives. Only an affirmative copula with one singular subject counts
("Varga is not a chemist", "they are teachers" do not)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from newsgraph.lang.en import coref as lang
from newsgraph.lang.en import names as name_words
from newsgraph.nlp.coref.features import RELATIVE_TAGS, SUBJECT_DEPS, clause_subject, name_head
from newsgraph.nlp.coref.referents import PLACE_TYPES, Referent, age_after

DEFINITE = frozenset({"the", "this"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us"})
# Possessive determiners that may open a title right before a name ("her lawyer Ana Ruiz").
POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "my", "our", "your"})
ORG_REACH = 5  # sentences back a description of a body may reach for a name with its noun
GENERIC_REACH = 2  # and for the body last named
AGE_REACH = 2  # "the 45-year-old": the person of the last sentences
PERSON_REACH = 2  # "the woman": the one woman of the last sentences
DESCRIBED_REACH = 8  # "the farmer": whoever the article called a farmer before
# Modifiers after a noun that make a definite description introduce its referent rather than
# refer back ("the daughter of a judge", "the man who found it").
INTRODUCING_DEPS = frozenset({"prep", "relcl", "acl"})


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
    if not token.lower_.endswith("old"):
        return False  # the pattern ends with "old": no slice of the doc for other words
    start = max(0, token.i - 4)
    words = token.doc[start : token.i + 1].text
    return bool(lang.AGE_DESCRIPTION.search(words))


def phrase(doc: Doc, head: Token, *, named_owner: bool = True) -> Span:
    """The description's words up to its head and the nouns joined to it without an article
    of their own ("the NATO Secretary-General", "a chemist and writer"), without what
    follows ("of the society"), and without a possessive pronoun before it ("his brother" →
    "brother": "his" is the possessor's mention). A joined noun with its own article is a
    description of its own (`phrases`: "an artist and a businessperson"). `named_owner=False`
    leaves out a named possessor too ("Varga's lawyer" → "lawyer"): descriptions the pass
    finds are written so, since the name is someone else's mention. Appositions keep theirs
    for now (see docs/evaluation.md, 2026-12-03)."""
    first = head.left_edge.i
    owner = possessor(head)
    if not named_owner and owner is not None and owner.tag_ != "PRP$":
        first = max(first, owner.right_edge.i + 1)
    while first < head.i and (_possessor(doc[first]) or doc[first].is_punct or doc[first].is_space):
        first += 1
    last = head
    for joined in _joined_nouns(head):
        if _own_article(joined):
            break
        last = joined
    return doc[first : last.i + 1]


def phrases(doc: Doc, head: Token, *, named_owner: bool = True) -> list[Span]:
    """The description of `head` and one of each noun joined to it with an article of its
    own ("an artist and a businessperson": two, as each says what he is)."""
    return [phrase(doc, head, named_owner=named_owner)] + [
        phrase(doc, joined, named_owner=False)
        for joined in _joined_nouns(head)
        if _own_article(joined)
    ]


def _joined_nouns(head: Token) -> list[Token]:
    """The nouns joined to a description's head that describe the same one, in order."""
    found = []
    last = head
    while (joined := _joined_noun(last)) is not None:
        found.append(joined)
        last = joined
    return found


def _own_article(token: Token) -> bool:
    return any(c.dep_ == "det" for c in token.children)


def possessor(token: Token) -> Token | None:
    """The possessor of a noun: its possessive pronoun ("his father") or the name before its
    "'s" ("Varga's lawyer"), also when the parse hangs it on the name the noun is a title of
    ("his brother Halvard Lien")."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None and token.dep_ == "compound":
        owner = next((c for c in token.head.children if c.dep_ == "poss" and c.i < token.i), None)
    return owner


def _possessor(token: Token) -> bool:
    """A possessive pronoun ("his" of "his brother"): a mention of the possessor, never part
    of the description of the one it relates to."""
    return token.tag_ == "PRP$"


def _joined_noun(token: Token) -> Token | None:
    """A noun joined to the head that describes the same one ("a chemist and writer"), not
    one with a possessor of its own ("a geologist and his mother" is someone else)."""
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "conj" and c.pos_ == "NOUN" and possessor(c) is None
        ),
        None,
    )


def appositions(doc: Doc, referents: Iterable[Referent]) -> list[tuple[Span, Referent]]:
    """Descriptions in apposition to a name, in either order, and titles with an article
    right before a name ("the psychologist Ilona Varga")."""
    found: list[tuple[Span, Referent]] = []
    names = {i for r in referents for span in r.spans for i in range(span.start, span.end)}
    # A nationality is a modifier of a title ("the Russian painter Ilona Varga"), not a name
    # that ends it.
    nationalities = {
        i
        for r in referents
        if r.entity.type == "NORP"
        for span in r.spans
        for i in range(span.start, span.end)
    }
    title_names = names - nationalities
    for referent in referents:
        for span in referent.spans:
            root = span.root
            for child in root.children:  # "Ilona Varga, the chairwoman,"
                after = child.dep_ == "appos" and child.i >= span.end
                if after and _set_off(doc, span.end) and _appositive(child, referent, names):
                    found.extend((words, referent) for words in phrases(doc, child))
            head = root.head  # "the chairwoman, Ilona Varga,"
            # Past an honorific the entity's name leaves out, but not after a predicate: a
            # title and a name there are more often whom the speaker addresses ("It's a
            # waiver, Justice Thomas.").
            opening = _name_start(doc, span) if head.dep_ != "attr" else span.start
            before = root.dep_ == "appos" and head.i < opening
            if before and _set_off(doc, opening - 1) and _appositive(head, referent, names):
                found.extend((words, referent) for words in phrases(doc, head))
            # "Tom Hale, 42,": the age says how old the person is, a description of them as
            # much as "a beekeeper" is (GUM annotates it so).
            age = age_after(doc, span)
            if age is not None and referent.personal:
                found.append((doc[age.i : age.i + 1], referent))
            title = _title_before(doc, span, title_names)
            if title is not None and describes(title[-1], referent):
                found.append((title, referent))
    return found


def _name_start(doc: Doc, span: Span) -> int:
    """Where the name begins with the honorific before it that the entity leaves out ("my
    colleague, Mr. Eizenga,": the apposition's comma is before "Mr.", not before the name)."""
    first = span.start
    if first > 1 and doc[first - 1].text == "." and _honorific(doc[first - 2]):
        return first - 2
    if first > 0 and _honorific(doc[first - 1]):
        return first - 1
    return first


def _honorific(token: Token) -> bool:
    return token.lower_.rstrip(".") in name_words.HONORIFICS


def _set_off(doc: Doc, index: int) -> bool:
    """An apposition is set off from its name by a comma, a bracket or a dash; two nouns
    side by side without one are a caption, a heading or a compound ("Ilona Varga Image")."""
    return 0 <= index < len(doc) and doc[index].text in lang.APPOSITION_MARKS


def _appositive(token: Token, referent: Referent, names: set[int]) -> bool:
    """A noun that can describe the referent beside its name. A describing word always
    ("the NATO Secretary-General"); any other singular common noun when its phrase has an
    article or a possessive or says whose or of what it is ("a native of Oldham", "a USI
    instructor", "curator of the gallery"): a bare noun or a plural beside a name is more
    often a list or a caption ("Ilona Varga, tennis", "Vellmar, 90 days")."""
    if token.i in names or not describes(token, referent):
        return False
    if describing_word(token):
        return True
    if token.pos_ != "NOUN" or token.tag_ != "NN":
        return False
    return any(c.dep_ in ("det", "poss", "prep") for c in token.children)


def describes(noun: Token, referent: Referent) -> bool:
    """A person's noun for a person, a body's for a body, and a gendered noun for no one the
    article gives the other gender ("Paris, the daughter of" is no description of Paris)."""
    lower = noun.lower_
    person_noun = lower in lang.PERSON_NOUNS or lower in lang.GENDERED_NOUNS or is_age(noun)
    if person_noun and not referent.personal and referent.entity.type != "PERSON":
        return False
    if person_noun and referent.entity.type in PLACE_TYPES and referent.speaks == 0:
        # "born in Harwick, the daughter of a miner": the daughter is not the town (the
        # apposition itself counts as evidence of a person, so the type decides).
        return False
    if lower in lang.ORG_NOUNS and lower not in lang.PERSON_NOUNS and referent.personal:
        return False
    gender = lang.GENDERED_NOUNS.get(lower)
    return gender is None or referent.gender in (None, gender)


def _title_before(doc: Doc, span: Span, names: set[int]) -> Span | None:
    """ "the psychologist Ilona Varga", "her lawyer Ana Ruiz": an article or a possessive
    determiner and the common nouns between it and the name, when it belongs to the name
    (the description is the name's, never the possessor's)."""
    end = span.start
    first = end
    while first > 0 and doc[first - 1].pos_ in ("NOUN", "ADJ", "PROPN", "NUM"):
        first -= 1
        if first in names:
            return None
    if first == end or first == 0 or doc[end - 1].pos_ != "NOUN":
        return None
    article = doc[first - 1]
    noun = doc[end - 1]
    if article.dep_ == "det":
        # The article belongs to the name, or to the title when the title belongs to the name
        # (the name in apposition to it, or the title a compound of the name: "the Surrealist
        # painter Ilse Maren").
        owner = article.head.i in range(span.start, span.end) or (
            article.head.i == noun.i and span.root.head.i == noun.i
        )
        # A compound joins any noun to a name ("Another theme Higuchi repeated"): only a
        # person's or a body's noun is a title there.
        compound = article.head.i in range(first, end) and _title_of(noun, span)
        if owner or (compound and describing_word(noun)):
            return doc[first - 1 : end]
        return None
    if article.tag_ == "POS" and first > 1:
        # "Vellmar's coach Tomas Brekke": a title with a named possessor belongs to the name
        # after it as much as "his brother Halvard Lien" does; the possessor is its own
        # mention.
        # Only a person's or a body's noun: "Daniel's book Hydrodynamica" is a work, and a
        # heading run into a name ("Warhol's photographic legacy Warhol was") no title.
        owner = doc[first - 2].dep_ == "poss" and doc[first - 2].head.i in range(first, span.end)
        return doc[first:end] if owner and describing_word(noun) and _title_of(noun, span) else None
    if article.dep_ == "poss" and article.lower_ in POSSESSIVE_DETERMINERS:
        # "his brother Halvard Lien": the possessive belongs to the noun or to the name,
        # however the parse joins the two; the description leaves it out.
        owner = article.head.i in range(first, span.end)
        return doc[first:end] if owner else None
    return None


def _title_of(noun: Token, span: Span) -> bool:
    """Whether the parse joins the title's last noun to the name right after it: the name in
    apposition to the noun, or the noun a compound of the name."""
    return span.root.head.i == noun.i or (
        noun.dep_ == "compound" and noun.head.i in range(span.start, span.end)
    )


def may_describe(token: Token, covered: set[int]) -> bool:
    """Whether the token may head a description found during the pass: a definite
    description or a predicate nominal."""
    if token.i in covered or token.dep_ == "compound":
        return False
    if token.pos_ not in NOMINAL_POS:
        return _partitive(token) and predicate_subject(token) is not None
    return predicate_subject(token) is not None or _definite_description(token)


def _partitive(token: Token) -> bool:
    """ "one of the founders": one of a plural of common nouns, which as a predicate says
    what its subject is as much as "a founder" does ("one of money" is no one)."""
    if token.lower_ not in lang.PARTITIVE_WORDS:
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.dep_ == "pobj" and o.tag_ == "NNS" for o in c.children)
        for c in token.children
    )


# The parts of speech a description's head may have (a describing word, a common noun).
NOMINAL_POS = frozenset({"NOUN", "ADJ", "PROPN"})


def _definite_description(token: Token) -> bool:
    """ "the minister", "the company", "the beekeeper": a definite noun phrase headed by a
    describing word or a singular common noun (`may_describe` has left out names and titles
    before one)."""
    if not describing_word(token) and not (token.pos_ == "NOUN" and token.tag_ == "NN"):
        return False
    if token.dep_ == "oprd":
        # "they called me the poet": what a naming verb calls its object, never someone
        # the article described before.
        return False
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children):
        return False
    return not any(c.lower_ in lang.NON_ANAPHORIC_MODIFIERS for c in children)


def predicate_subject(token: Token) -> Token | None:
    """The subject a predicate nominal describes: of an affirmative be, become or remain
    ("Varga is a chemist" → Varga), or of a verb without an object whose "as" phrase or
    naming complement says what the subject is or became ("Varga served as president of the
    club", "Varga was named captain"). A singular common noun only, with one singular
    subject before it."""
    if (token.pos_ != "NOUN" or token.tag_ != "NN") and not _partitive(token):
        return None
    if token.dep_ == "attr":
        copula = token.head
        if copula.lemma_ not in lang.COPULAS or _negated(copula) or _negated(token):
            return None
        return _subject_of(copula, token)
    verb = _predicating_verb(token)
    if verb is None or _negated(verb):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if objects and not _about_the_subject(token, objects):
        # "critics described Varga as a genius", "they called her the inventor": a judgement
        # about the object, not what the article calls it.
        return None
    if _fronted(token, verb):
        return _fronted_subject(verb, token)
    return _subject_of(verb, token)


def _fronted(token: Token, verb: Token) -> bool:
    """ "As a student in Vellby, Varga studied law": an "as" phrase before its verb, of a
    person's noun ("As a gift, Varga received a watch" says nothing of her)."""
    return token.dep_ == "pobj" and token.head.i < verb.i and describing_word(token)


def _fronted_subject(verb: Token, token: Token) -> Token | None:
    """The one subject after a fronted "as" phrase."""
    found = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > token.i]
    return _single(found)


def _about_the_subject(token: Token, objects: list[Token]) -> bool:
    """Whether an "as" phrase after an object still says what the subject is: the object is
    the subject itself ("she established herself as a director") or a thing, when the noun
    is a person's ("he made a living as a businessman", "she won fame as an architect": a
    living is no businessman)."""
    if any(o.lower_ in lang.REFLEXIVE_PRONOUNS for o in objects):
        return token.dep_ == "pobj"
    person_noun = token.lower_ in lang.PERSON_NOUNS or token.lower_ in lang.GENDERED_NOUNS
    return token.dep_ == "pobj" and person_noun and not any(_may_be_someone(o) for o in objects)


def _may_be_someone(token: Token) -> bool:
    """An object that may be the one the "as" phrase describes: a pronoun, a name, a person."""
    lower = token.lower_
    return (
        token.pos_ in ("PRON", "PROPN")
        or token.ent_type_ != ""
        or lower in lang.PERSON_NOUNS
        or lower in lang.GENDERED_NOUNS
        or lower in lang.ORG_NOUNS
    )


def _subject_of(verb: Token, token: Token) -> Token | None:
    """The one subject before the predicate: the verb's own, or for a relative pronoun the
    noun its clause hangs on ("Dilworth, who was a great mayor"), or the subject its clause
    shares ("Lind arrived in 1777 and served as an engineer")."""
    if any(c.dep_ == "expl" for c in verb.children):
        return None  # "there was a spark": the noun is the subject, of no one
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < token.i]
    if len(own) == 1 and own[0].tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
        # The noun the clause hangs on itself, not what that is in apposition to: "a form of
        # medicine that was described as …" is no description of a name before "a form".
        return _single([name_head(verb.head)])
    if own:
        return _single(own)
    if _inverted(verb):
        return None
    shared = clause_subject(verb)
    return _single([shared]) if shared is not None and shared.i < token.i else None


def _inverted(verb: Token) -> bool:
    """A clause whose subject follows its verb ("and in it was a picture", "and so is
    Varga"): a preposition before a copula, or an inverting adverb, before the verb; a
    subject the clause seems to share is not its own. A fronted date before another verb
    inverts nothing ("arrived in 1777 and in 1780 served as an engineer")."""
    copula = verb.lemma_ in lang.COPULAS
    return any(
        c.i < verb.i and ((c.dep_ == "prep" and copula) or c.lower_ in lang.INVERTING_ADVERBS)
        for c in verb.children
    )


def _predicating_verb(token: Token) -> Token | None:
    """The verb of "served as a captain" or "was named captain" for its noun."""
    if token.dep_ == "oprd" and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "as" or preposition.dep_ != "prep":
        return None
    verb = preposition.head
    if verb.pos_ != "VERB" or any(c.lower_ in ("such", "well") for c in preposition.children):
        return None
    if token.lower_ in lang.AS_IDIOM_NOUNS:
        return None  # "she resigned as a result": how or why, not what she is
    return verb


def _single(owners: Iterable[Token]) -> Token | None:
    """The one subject, when it is singular and not one of a pair ("Varga and Lind are
    partners")."""
    found = list(owners)
    if len(found) != 1 or found[0].tag_ in ("NNS", "NNPS"):
        return None
    if found[0].lower_ in PLURAL_PRONOUNS:
        return None
    if any(c.dep_ == "conj" for c in found[0].children):
        return None
    return found[0]


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def description_referent(
    token: Token,
    sentence: int,
    referents: Sequence[Referent],
    last_seen: Mapping[str, tuple[int, int]],
) -> Referent | None:
    """Who a description refers to, among referents already mentioned (`last_seen`:
    referent id → (token index, sentence) of its latest mention)."""
    seen = [r for r in referents if r.id in last_seen]
    seen.sort(key=lambda r: last_seen[r.id][0], reverse=True)
    subject = predicate_subject(token)
    if subject is not None and subject.i > token.i:
        # "As a student, Varga …": the name after it, not yet seen (a pronoun there is not
        # yet resolved).
        named = [r for r in referents if _named_at(r, name_head(subject))]
        return named[0] if named and describes(token, named[0]) else None
    if subject is not None:
        return _subject_referent(token, subject, seen, last_seen)
    if _introduces(token):
        return None
    lower = token.lower_
    recent = [r for r in seen if sentence - last_seen[r.id][1] <= DESCRIBED_REACH]
    listed = describing_word(token)
    modifiers = {c.lower_ for c in token.children if c.dep_ == "compound"}
    described = [
        r
        for r in recent
        if _described_as(r, lower, modifiers) and describes(token, r) and (listed or r.personal)
    ]
    if described:
        return described[0]
    if not listed:
        # Any other noun refers back only to a person the article called so: "the visa",
        # "the word" are as often a thing's as a named one's.
        return None
    if lower in lang.ORG_NOUNS and lower not in lang.PERSON_NOUNS:
        return _body(lower, sentence, seen, last_seen)
    if is_age(token):
        people = [r for r in seen if r.personal and sentence - last_seen[r.id][1] <= AGE_REACH]
        return people[0] if people else None
    holder = _title_holder(token, seen)
    if holder is not None or lower not in lang.GENDERED_NOUNS:
        return holder
    return _gendered_person(lang.GENDERED_NOUNS[lower], sentence, seen, last_seen)


def _subject_referent(
    token: Token, subject: Token, seen: list[Referent], last_seen: Mapping[str, tuple[int, int]]
) -> Referent | None:
    """The referent whose latest mention is the predicate's subject or a name in apposition
    to it ("his mother, Ann Lind, is a nurse"), when the noun fits it."""
    subject = name_head(subject)
    # The subject's latest mention may be its reflexive ("Ann established herself as …").
    heads = {subject.i} | {
        c.i for c in subject.head.children if c.lower_ in lang.REFLEXIVE_PRONOUNS
    }
    if subject.pos_ == "NOUN":  # not a name's bracket ("Hadid (Arabic: …) was an architect")
        heads |= {c.i for c in subject.children if c.dep_ == "appos"}
    # "Ann Lind, my landlord, is the mayor": the name's latest mention is the description
    # beside it, which counts only for the referent the name itself is a mention of.
    beside = {c.i for c in subject.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
    for referent in seen:
        latest = last_seen[referent.id][0]
        if latest in heads or (latest in beside and _named_at(referent, subject)):
            return referent if describes(token, referent) else None
    return None


def _named_at(referent: Referent, token: Token) -> bool:
    return any(span.start <= token.i < span.end for span in referent.spans)


def _introduces(token: Token) -> bool:
    """ "the daughter of a judge", "the man who found it": a description whose own words
    say who it is, not one that refers back (a body's "the Bank of Vellmar" is a name)."""
    return token.lower_ in lang.GENDERED_NOUNS and any(
        c.dep_ in INTRODUCING_DEPS and c.i > token.i for c in token.children
    )


def _described_as(referent: Referent, noun: str, modifiers: set[str]) -> bool:
    """Whether the article described the referent with this noun as the head of a
    description before ("Tom Reyes, a farmer," for "the farmer"; "the charity Coastal Aid"
    for "the charity"; not "the site's founder" for "the site"), with the nouns before it
    that the new description has: "the video referee" is someone else than "the match
    referee"."""
    for mention in referent.added:
        words = mention.text.lower().split()
        if mention.kind == "description" and words[-1:] == [noun] and modifiers <= set(words):
            return True
    return False


def _body(
    noun: str, sentence: int, seen: list[Referent], last_seen: Mapping[str, tuple[int, int]]
) -> Referent | None:
    bodies = [r for r in seen if r.entity.type == "ORG" and not r.personal]
    for referent in bodies:
        if noun in referent.name_words and sentence - last_seen[referent.id][1] <= ORG_REACH:
            return referent
    near = [
        r
        for r in bodies
        if sentence - last_seen[r.id][1] <= GENERIC_REACH
        and not _other_kind(r, noun)
        and _shows_a_body(r, noun)
    ]
    # Only when the article names one body of that kind nearby: "the team" after two clubs
    # could be either.
    return near[0] if noun in lang.GENERIC_BODIES and len(near) == 1 else None


def _shows_a_body(referent: Referent, noun: str) -> bool:
    """Whether the article's words show the referent is a body that a generic noun may stand
    for: it speaks ("Corvane said"), its name has a word of the noun's kind ("Corvane
    Systems" for "the company") or is an acronym ("KRT"). A name the tagger typed ORG without
    any of these is as often a product, an event or a publication."""
    kind = lang.BODY_KIND_GROUPS.get(noun, frozenset({noun}))
    acronym = referent.entity.name.isupper() and len(referent.entity.name) > 1
    return referent.speaks > 0 or bool(referent.name_words & kind) or acronym


def _other_kind(referent: Referent, noun: str) -> bool:
    """A body whose name says it is another kind of body than the noun ("Vellmar University"
    is not "the company")."""
    kinds = referent.name_words & lang.BODY_NAME_WORDS
    return bool(kinds) and not kinds & lang.BODY_KIND_GROUPS.get(noun, frozenset({noun}))


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


def _gendered_person(
    gender: str, sentence: int, seen: list[Referent], last_seen: Mapping[str, tuple[int, int]]
) -> Referent | None:
    """ "the woman", "the boy": the one person of the last sentences whose gender the article
    gives and the noun's, when no one else there could be it (a person of unknown gender)."""
    near = [r for r in seen if r.personal and sentence - last_seen[r.id][1] <= PERSON_REACH]
    fitting = [r for r in near if r.gender == gender]
    unknown = [r for r in near if r.gender is None]
    return fitting[0] if len(fitting) == 1 and not unknown else None
