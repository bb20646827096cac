"""newsgraph_entities: each named thing once per article, with all its mentions.

spaCy's NER gives mentions; this component groups them into entities:
1. trim each mention (a leading "the", a possessive ending; a span cut at a lower-case verb)
   and drop furniture ("Views");
2. file it under a key: lower case, no dots, no honorific, aliases folded ("U.S." = "US" =
   "the United States");
3. join a lone surname to the one person whose full name ends with it ("Ms. Varga",
   "Varga" → "Ilona Varga") unless the article gives the two other genders (a relative),
   and an acronym to the name it abbreviates;
4. add the people the tagger missed (given names, titles, subjects a "he" or "she" takes
   up, a person's name it ran into a thing's after "and", names written alone that an
   entity has, hyphenated ones too);
5. name each entity by its fullest form in the article, type it by its most frequent label
   (a person when its words say so).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.lang.en import names
from newsgraph.lang.en.coref import (
    BODY_NAME_WORDS,
    GENDERED_HONORIFICS,
    GENDERED_NOUNS,
    GENDERED_PRONOUNS,
    PERSON_NOUNS,
    PLACE_NAME_WORDS,
    PRONOUN_TAGS,
    PRONOUNS,
    REFLEXIVE_PRONOUNS,
    UNRELIABLE_GENDERED,
)
from newsgraph.lang.en.given_names import GIVEN_NAMES, given_name_gender
from newsgraph.lang.en.quotes import SPEECH_VERBS
from newsgraph.lang.en.times import MONTHS, WEEKDAYS
from newsgraph.records import Entity
from newsgraph.records import Mention as MentionRecord

# Dots and other marks go ("U.S." → "US"); an apostrophe inside a word stays ("O'Brien",
# "Premier's"), with the typographic one read as the plain one in keys.
NON_WORD = re.compile(r"[^\w&\s'’-]+|(?<!\w)['’]|['’](?!\w)")
APOSTROPHES = str.maketrans({"’": "'"})
SPACES = re.compile(r"\s+")
NUMBER = re.compile(r"^\d[\d,.]*(?:st|nd|rd|th|s)?$", re.IGNORECASE)
NOT_IN_A_NAME = re.compile(r"[:;?!]\s")
ALIAS_KEY = {alias: group[0] for group in names.ALIAS_GROUPS for alias in group}
# Labels whose single-word mentions may be a surname that spaCy mislabelled.
SURNAME_LABELS = frozenset({"PERSON", "ORG"})
# A surname is one or two words ("Lee", "bin Laden"); more is a name of its own.
MAX_SURNAME_WORDS = 3
# Labels the tagger gives to people's full names often enough that a surname may join them.
PERSON_LOOKALIKE_LABELS = frozenset({"ORG", "FAC", "GPE", "PRODUCT", "WORK_OF_ART", "NORP"})
# Roles in which a word the tagger read as a common noun may still be a person's name.
NAME_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos"})
# Finite verbs: a span of the tagger's with one in lower case ran over two names.
FINITE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP"})
NAME_END_CONJUNCTIONS = frozenset({"&", "and"})
COORDINATION = " and "  # between two names the tagger read as one ("the Reds and Varn")
# What the tagger reads a name as when it reads it as a word ("Dolly", "Cally" as adverbs).
MISREAD_NAME_POS = frozenset({"ADV", "ADJ", "NOUN", "VERB"})
# What it reads a common given name as at a sentence's start ("Ellen catches", "Dolly plans"),
# which the list's names, none of them an English word, are not.
MISREAD_AT_START_POS = frozenset({"ADV", "ADJ"})
# A missed person's name runs over at most this many words ("Rita Ann Okoro").
MAX_NAME_RUN = 3
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Where a proper noun stands as someone a "he" or "she" may then take up: a subject, or an
# owner ("Vardi's work is clean, but his wood is plain"); an object is as often a thing.
TAKEN_UP_ROLES = SUBJECT_DEPS | {"poss"}
# Labels the tagger gives people's full names that a lone surname later may still name.
MISTYPED_NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC"})
MAX_NAME_WORDS = 4
# Letters of honours and degrees after a name: two to four capitals ("QC", "MBE", "FRCS").
MIN_POSTNOMINAL, MAX_POSTNOMINAL = 2, 4
NOT_A_PERSON_WORDS = names.NOT_PERSON_NAME_WORDS | BODY_NAME_WORDS | PLACE_NAME_WORDS
# The tagger's labels of times and amounts, which sometimes run over a name after them.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
ACRONYM_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: str
    words: tuple[str, ...]  # the name's words without honorific, for keys and canonical names
    personal: bool = False  # a courtesy title before it or an age after it: a person's name
    # One proper noun standing alone where a person's name stands (a subject, an object, an
    # owner), not before a noun and not after a determiner: "Kruse started to descend".
    nominal: bool = False


@dataclass(slots=True)
class Group:
    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def words(self) -> tuple[str, ...]:
        """The fullest name's words as names are matched: without a generational suffix
        ("Brent Bozell III" is matched as "Brent Bozell"; its name keeps the suffix)."""
        return _without_suffix(self.canonical.words)

    @property
    def canonical(self) -> Mention:
        # The fullest form: most words, then written in mixed case rather than a dateline's
        # capitals ("London" over "LONDON"), then the longest text, then the first used.
        return max(
            self.mentions,
            key=lambda m: (len(m.words), not m.text.isupper(), len(" ".join(m.words)), -m.start),
        )

    @property
    def label(self) -> str:
        if any(m.personal for m in self.mentions):
            return "PERSON"  # the article's own words say so ("Mr. Vellmar", "Vellmar, 45,")
        # The tagger reads a full name better than a surname alone ("Lynch" typed ORG at
        # half its mentions): the names of two words or more vote when there are any.
        voters = [m for m in self.mentions if len(m.words) > 1] or self.mentions
        counts = Counter(m.label for m in voters)
        label = max(counts, key=lambda label: (counts[label], label == "PERSON"))
        if label == "NORP" and all(m.nominal for m in self.mentions):
            # A people's name is written as an adjective ("Danish ships") or a plural ("the
            # Danes"); one singular proper noun that only ever stands as someone is a name.
            return "PERSON"
        return label


def find_entities(doc: Doc) -> tuple[Entity, ...]:
    """Group the doc's named-entity mentions into entities, ids in order of first mention."""
    body = doc.text  # built from the tokens on every access: once per doc, not per mention
    mentions = []
    for ent in (part for e in doc.ents for part in _without_verbs(_titled_person(e))):
        if ent.label_ not in names.NAMED_LABELS:
            continue
        mention = _mention(body, _name_start(doc, ent), ent.end_char, ent.label_)
        if mention is not None:
            mention.nominal = _stands_as_someone(ent)
            mentions.append(mention)
    groups = _join_birth_names(body, _group_by_key(mentions))
    groups = _join_middle_names(doc, body, groups)
    groups = _join_surnames(doc, body, groups)
    groups = _join_acronyms(groups)
    missed = _missed_person_groups(doc, body, groups)
    if missed:
        # A surname the tagger found joins the full name it missed ("Mehmet Oz" untagged
        # before "Oz's show"). Not one join after the missed people instead of two: finding
        # them reads the joined groups (3 of 2,542 development texts came out otherwise).
        groups = _join_surnames(doc, body, groups + missed)
    _split_coordinated_people(groups)
    _add_untagged_names(doc, body, groups)
    groups.sort(key=lambda g: min(m.start for m in g.mentions))
    return tuple(_to_entity(index, group) for index, group in enumerate(groups, start=1))


def _titled_person(ent: Span) -> Span:
    """The span, but from a courtesy title before a capitalised word on, as a person's, when
    the tagger read those words as a date or a number ("Miss April", "On April 11, Mrs May"):
    only people are titled so."""
    if ent.label_ in names.NAMED_LABELS:
        return ent
    for token in ent[:-1]:
        if _courtesy_opens(token.text) and token.nbor(1).text[:1].isupper():
            return Span(ent.doc, token.i, ent.end, label="PERSON")
    return ent


def _without_verbs(ent: Span) -> list[Span]:
    """The tagger's span cut at a lower-case finite verb, which no name holds ("Rocky spots
    Natasha" is Rocky and Natasha), or at a comma between two names (`_two_names_at`), and
    without a conjunction that ends it ("Paul Weston &" before "his Orchestra")."""
    parts: list[Span] = []
    start = ent.start
    for token in ent:
        if (token.tag_ in FINITE_VERB_TAGS and token.text.islower()) or _two_names_at(ent, token):
            if token.i > start:
                parts.append(Span(ent.doc, start, token.i, label=ent.label))
            start = token.i + 1
    if start < ent.end:
        parts.append(Span(ent.doc, start, ent.end, label=ent.label))
    return [kept for part in parts if len(kept := _without_final_conjunction(part))]


def _two_names_at(ent: Span, token: Token) -> bool:
    """A comma inside the span between two names the parse puts in two phrases ("while at
    Vellmont, Orla Brisk sang" read as one name: "Vellmont" is the object of "at", "Orla
    Brisk" the subject of "sang"); not a body's name of several ("Hale, Orrin and Voss",
    one phrase), nor before a suffix ("Tomas Vanger, Jr.", "Ann Lee, MBE")."""
    if token.text != "," or not ent.start < token.i < ent.end - 1:
        return False
    after = token.nbor(1).text
    if after.lower().rstrip(".") in names.GENERATIONAL_SUFFIXES or _postnominal(after):
        return False
    before, rest = ent.doc[ent.start : token.i], ent.doc[token.i + 1 : ent.end]
    return all(not ent.start <= part.root.head.i < ent.end for part in (before, rest))


def _without_final_conjunction(span: Span) -> Span:
    end = span.end
    while end > span.start and span.doc[end - 1].lower_ in NAME_END_CONJUNCTIONS:
        end -= 1
    return Span(span.doc, span.start, end, label=span.label)


def _stands_as_someone(ent: Span) -> bool:
    """One singular proper noun in a role a person's name takes, before no noun and after no
    determiner ("Olivia urges Stanner", "Kruse started"), where a people's name is an
    adjective or a plural ("Danish", "the Danes")."""
    if len(ent) != 1:
        return False
    token = ent[0]
    previous = token.nbor(-1) if token.i > 0 else None
    if previous is not None and previous.pos_ == "DET":
        return False
    return token.tag_ == "NNP" and token.dep_ in NAME_ROLES


def _name_start(doc: Doc, ent: Span) -> int:
    """Where a person's name starts: a common given name right before the tagger's name,
    which it left out, opens it ("Ana Lee" tagged "Lee")."""
    if ent.label_ != "PERSON" or ent.start == 0:
        return ent.start_char
    before = doc[ent.start - 1]
    if before.ent_type_ or "\n" in before.whitespace_ or not before.text[:1].isupper():
        return ent.start_char
    return before.idx if _is_given_name(before) else ent.start_char


def _mention(body: str, start: int, end: int, label: str) -> Mention | None:
    """A trimmed mention, or None for furniture and things that are not names."""
    text = body[start:end]
    first, _, rest = text.partition(" ")
    if first.lower().replace("’", "'") in names.CONTRACTIONS:
        if not rest:
            return None  # "n't" is not a name
        start += len(first) + 1
        text = rest
    if names.GLUED_WORD.search(text):
        return None
    if quote := names.OPENING_QUOTE.match(text):
        start += quote.end()
        text = text[quote.end() :]
    for suffix in names.POSSESSIVE_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    first, _, rest = text.partition(" ")
    if first.lower() in names.LEADING_DETERMINERS and rest:
        start += len(first) + 1
        text = rest
    if label == "PERSON":
        start, text = _without_leading_titles(start, text)
    end = start + len(text)
    if not any(ch.isalpha() for ch in text) or text.lower() in names.FURNITURE_WORDS:
        return None
    if "\n" in text or NOT_IN_A_NAME.search(text):
        # A name never runs across lines or over a colon: the tagger joined a heading or a
        # speaker label of a transcript ("WALLACE: Let's start") to the words after it.
        return None
    words = _name_words(text)
    if not words or all(_is_number(w) for w in words):
        return None
    bare = _bare_words(text)
    personal = bool(
        _courtesy_before(body, start)
        or names.AGE_AFTER.match(body, end, end + 8)
        or (len(words) < len(bare) and _courtesy_opens(text))
        or rank_opens(bare)
    )
    return Mention(start=start, end=end, text=text, label=label, words=words, personal=personal)


def _without_leading_titles(start: int, text: str) -> tuple[int, str]:
    """A person's name without the titles and descriptions the tagger took into it
    ("Councillor Amy Ross", "Tenant Rosa Diaz" are Amy Ross and Rosa Diaz, who keep their
    titles as words before the name); two words stay at least ("King Charles")."""
    words = text.split(" ")
    while len(words) > 2 and words[0][:1].isupper() and _is_title(words[0]):
        start += len(words[0]) + 1
        words = words[1:]
    return start, " ".join(words)


def _is_title(word: str) -> bool:
    lower = word.lower().rstrip(".")
    return lower in names.PERSON_TITLES or lower in PERSON_NOUNS


def _is_number(word: str) -> bool:
    """A number or an ordinal ("1,200", "3rd"): never a name on its own."""
    return bool(NUMBER.match(word))


def rank_opens(words: Sequence[str]) -> bool:
    """A ruler's rank or a word of kin before a name ("Pope Pius II", "Emperor Alexius"): a
    person's name, unless a word of it names a place or a body ("King Street")."""
    return (
        len(words) > 1
        and words[0].lower() in names.RANK_TITLES
        and words[1][:1].isupper()
        and not any(w.lower() in names.NOT_PERSON_NAME_WORDS for w in words)
    )


def _courtesy_opens(text: str) -> bool:
    return bool(names.COURTESY_TITLE_BEFORE.search(text.split(" ", 1)[0] + " "))


def _bare_words(text: str) -> list[str]:
    return [w for w in SPACES.split(NON_WORD.sub("", text)) if w]


def _name_words(text: str) -> tuple[str, ...]:
    """The words of a name, without dots and without leading honorifics ("Mr.", "Dr.")."""
    words = _bare_words(text)
    # "U.S." has lost its dots above and is now "US"; a name never is honorifics alone.
    while len(words) > 1 and words[0].lower() in names.HONORIFICS:
        words.pop(0)
    return tuple(words)


def _key(mention: Mention) -> str:
    key = _folded(" ".join(_without_suffix(mention.words)))
    return ALIAS_KEY.get(key, key)


def _without_suffix(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name without what is written after it: a generational suffix ("Brent Bozell III")
    and letters of honours and degrees ("Sarah Wigglesworth MBE RDI")."""
    if _generational_suffix(words):
        return words[:-1]
    while len(words) > 2 and _postnominal(words[-1]):
        words = words[:-1]
    return words


def _postnominal(word: str) -> bool:
    """Letters after a name, in capitals ("MBE", "QC"), never an initial or a numeral."""
    return (
        word.isalpha()
        and word.isupper()
        and MIN_POSTNOMINAL <= len(word) <= MAX_POSTNOMINAL
        and not names.ROMAN_NUMERAL.match(word)
    )


def _group_by_key(mentions: list[Mention]) -> list[Group]:
    """The mentions grouped by their keys; one name written with two generational suffixes
    ("Arch Hall Sr." and "Arch Hall Jr.") names a father and his son, each a group."""
    keyed = [(m, _key(m), _generational_suffix(m.words)) for m in mentions]
    suffixes: dict[str, set[str]] = {}
    for _, key, suffix in keyed:
        if suffix:
            suffixes.setdefault(key, set()).add(suffix)
    groups: dict[str, Group] = {}
    for mention, key, suffix in keyed:
        if suffix and len(suffixes[key]) > 1:
            key = f"{key} {suffix}"
        groups.setdefault(key, Group(key=key)).mentions.append(mention)
    return list(groups.values())


def _generational_suffix(words: tuple[str, ...]) -> str:
    """The generational suffix ending a name ("jr" of "Arch Hall, Jr."), lower case, or ""."""
    if len(words) > 2 and words[-1].lower() in names.GENERATIONAL_SUFFIXES:
        return words[-1].lower()
    return ""


def _join_birth_names(body: str, groups: list[Group]) -> list[Group]:
    """A name joins the person's full name it "was born" ("Vanger was born Ilsa Marie
    Vanger"): the same person, where a surname alone would join no one when two full names
    end with it (her father's "Tomas Vanger" too), and a married name none."""
    owner = {id(m): g for g in groups for m in g.mentions}
    ordered = sorted((m for g in groups for m in g.mentions), key=lambda m: m.start)
    joined: set[int] = set()
    for name, birth in itertools.pairwise(ordered):
        source, target = owner[id(name)], owner[id(birth)]
        if source is target or birth.label != "PERSON" or len(birth.words) < 2:
            continue
        if names.BORN_AS.fullmatch(body, name.end, birth.start) is None:
            continue
        target.mentions.extend(source.mentions)
        for moved in source.mentions:
            owner[id(moved)] = target
        joined.add(id(source))
    return [g for g in groups if id(g) not in joined]


def _join_middle_names(doc: Doc, body: str, groups: list[Group]) -> list[Group]:
    """Join a person's name to the single fuller name with its first and last words and more
    between them ("Loretta Lynch" and "Loretta E. Lynch"; "Ana Ruiz" and "Ana María Ruiz"),
    unless the article gives the two different genders. Two fuller names that fit ("George
    H. W. Bush", "George W. Bush") may be two people: neither is joined."""
    people = [(g, g.words) for g in groups if len(g.words) > 1 and g.label == "PERSON"]
    fuller_names = [(g, words) for g, words in people if len(words) > 2]
    short_names = {id(g): words for g, words in people if len(words) == 2}

    def owners(group: Group) -> list[Group]:
        short = short_names.get(id(group))
        return [g for g, words in fuller_names if short and _has_middle_of(words, short)]

    return _join_to_single_owner(doc, body, groups, owners)


def _has_middle_of(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """Whether `full` is `short` with middle names or initials added between its first and
    last words."""
    if len(short) != 2 or len(full) <= len(short):
        return False
    ends = (_folded(full[0]), _folded(full[-1]))
    return ends == (_folded(short[0]), _folded(short[1]))


def _join_surnames(doc: Doc, body: str, groups: list[Group]) -> list[Group]:
    """Join a short person group to the single full name that ends with its words ("Lee" and
    "Ann Lee"; "bin Laden" and "Osama bin Laden"; "Bashir" and "Omar al-Bashir"), or, when
    none does, to the single full name that starts with its one word: a first name ("Ann"),
    or a surname written first ("Park" and "Park Ji-ho"). Not when the article gives the
    short name one gender and the full name the other: "Ure was the daughter of Colin Ure"
    is his daughter, a relative with his surname."""
    full_names = [g for g in groups if len(g.words) > 1 and _may_be_person(g)]

    def owners(group: Group) -> list[Group]:
        if group.label not in SURNAME_LABELS or len(group.words) >= MAX_SURNAME_WORDS:
            return []
        others = [g for g in full_names if g is not group]
        found = [
            g
            for g in others
            if _ends_with(g.words, group.words) and not _relative_named_after(doc, g, group)
        ]
        if not found and len(group.words) == 1 and group.label == "PERSON":
            people = [g for g in others if g.label == "PERSON"]
            found = [g for g in people if _starts_with(g.words, group.words[0])]
        return found

    return _join_to_single_owner(doc, body, groups, owners)


def _relative_named_after(doc: Doc, full: Group, short: Group) -> bool:
    """Whether the full name first comes after the short one, as a relative's
    (`_introduced_as_relative`): "Lund was born in Vellby ... her father Ervin Lund" names
    Lund's father, not Lund."""
    first = min(full.mentions, key=lambda m: m.start)
    if first.start < min(m.start for m in short.mentions):
        return False
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    return span is not None and _introduced_as_relative(span)


def _introduced_as_relative(span: Span) -> bool:
    """A name a relative's noun stands shortly before, with no verb and no other name
    between ("his father Ervin Lund", "her older brother, Bill Lund"; not "her sister, Ann
    Lund Berg, Nona Lund"), or the object of "married" or the parent of "born to"."""
    doc, root = span.doc, span.root
    for token in reversed(doc[max(0, span.start - names.RELATIVE_REACH) : span.start]):
        if token.pos_ in ("VERB", "AUX", "PROPN"):
            break
        if token.lower_ in names.RELATIVE_NOUNS:
            return True
    head = root.head
    if root.dep_ == "dobj" and head.lower_ in names.SPOUSE_VERBS:
        return True
    return root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "born"


def _join_to_single_owner(
    doc: Doc, body: str, groups: list[Group], owners: Callable[[Group], list[Group]]
) -> list[Group]:
    """Each group joins its one owner (two people may share a surname, "Bill Clinton" and
    "Hillary Clinton": then it stays alone), unless the article gives the group one gender
    and the owner the other; the groups that joined none are kept."""
    kept: list[Group] = []
    for group in groups:
        found = owners(group)
        target = found[0] if len(found) == 1 else None
        if target is not None and _genders_differ(
            _genders_said(doc, group.mentions, body), target, body
        ):
            target = None
        if target is not None:
            target.mentions.extend(group.mentions)
        else:
            kept.append(group)
    return kept


def _genders_said(doc: Doc, mentions: list[Mention], body: str) -> set[str]:
    """The genders the mentions' own sentences give them (`_mention_gender`)."""
    return {g for m in mentions if (g := _mention_gender(doc, m, body)) is not None}


def _genders_differ(said: set[str], full: Group, body: str) -> bool:
    """Whether the article's words give a short name's mentions one gender (`said`) and the
    full name the other (its first name's usual gender or a courtesy title before it)."""
    named = {_courtesy_gender(body, m) for m in full.mentions} - {None}
    if (first := given_name_gender(_folded(full.words[0]))) is not None:
        named.add(first)
    return len(said) == 1 and len(named) == 1 and said != named


def _courtesy_before(body: str, start: int) -> re.Match[str] | None:
    """A courtesy title right before the offset ("Mr. " before "McDonagh")."""
    return names.COURTESY_TITLE_BEFORE.search(body, max(0, start - 6), start)


def _courtesy_gender(body: str, mention: Mention) -> str | None:
    """The gender of a courtesy title right before the mention ("Mr. McDonagh")."""
    found = _courtesy_before(body, mention.start)
    return GENDERED_HONORIFICS.get(found.group(0).strip().rstrip(".").lower()) if found else None


def _mention_gender(doc: Doc, mention: Mention, body: str) -> str | None:
    """The gender the mention's own sentence gives it: a courtesy title, a gendered noun it
    is said to be ("Ure was the daughter of …") or a "his" or "her" its own clause binds to
    it as the subject ("Known for her beauty, Ure began …", "Ure asked herself")."""
    gender = _courtesy_gender(body, mention)
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if gender is not None or span is None:
        return gender
    root = span.root
    if root.dep_ not in SUBJECT_DEPS:
        return None
    verb = root.head
    for child in verb.children:
        noun = child.lower_
        if child.dep_ == "attr" and noun in GENDERED_NOUNS and noun not in UNRELIABLE_GENDERED:
            return GENDERED_NOUNS[noun]
    bound = {PRONOUNS[t.lower_] for t in verb.subtree if _bound_to_subject(t, root, verb)}
    return bound.pop() if len(bound) == 1 else None


def _bound_to_subject(token: Token, subject: Token, verb: Token) -> bool:
    """A reflexive below the verb, or a possessive "his" or "her" in what opens the clause
    before its subject ("With her husband's help, Bailey …"; after the verb, "Smith praised
    her work" is often someone else's), with no verb between that has a subject of its own
    ("her" in "after her father died" is the father's clause's)."""
    reflexive = token.lower_ in REFLEXIVE_PRONOUNS
    if not reflexive and not (token.tag_ == "PRP$" and token.i < subject.i):
        return False
    if PRONOUNS.get(token.lower_) not in ("m", "f"):
        return False
    head = token.head
    while head.i != verb.i:
        if any(c.dep_ in SUBJECT_DEPS for c in head.children) or head.head.i == head.i:
            return False
        head = head.head
    return True


def _may_be_person(group: Group) -> bool:
    """A full name a surname may join: a person's, or one the tagger gave a thing's label
    but that any of its mentions calls a person ("Elisabet Ney" typed FAC once)."""
    return (
        group.label == "PERSON"
        or any(m.label == "PERSON" for m in group.mentions)
        or (group.label in PERSON_LOOKALIKE_LABELS and all(w[:1].isupper() for w in group.words))
    )


def _starts_with(full: tuple[str, ...], word: str) -> bool:
    return _folded(full[0]) == _folded(word)


def _folded(word: str) -> str:
    """A word as keys compare it: lower case, one apostrophe ("O’Brien" is "O'Brien")."""
    return word.lower().translate(APOSTROPHES)


def _missed_person_groups(doc: Doc, body: str, groups: list[Group]) -> list[Group]:
    """People the tagger missed, named by a common given name ("Gloria chose Rita"), after
    a title only people have ("Councillor Dev Ramanathan"), as the subject of a verb of saying
    or as a subject a "he" or "she" takes up: a capitalised proper noun outside
    any entity, with the capitalised proper nouns right after it ("Rita Okoro"), is a
    person's mention. A name an entity already has joins it."""
    taken = _mention_starts(groups)
    by_key = {group.key: group for group in groups}
    known = {word for group in groups for m in group.mentions for word in m.words}
    # The words a name found names alone (`_name_owners`): a word that only stands inside a
    # longer name ("Smoothey" of the act "Smoothey and Layton") joins no one written alone.
    owned = set(_name_owners(groups))
    found: dict[str, Group] = {}
    for token in doc:
        if not _may_open_name(token, taken):  # the cheap test first: most tokens fail it
            continue
        after_title = _after_person_title(token)
        opens = (
            after_title
            or _is_given_name(token)
            or _opens_full_name(token)
            or _names_a_speaker(token, known)
            or _subject_taken_up_as_person(token, owned)
        )
        if not opens:
            continue
        run = [token]
        while (
            len(run) < MAX_NAME_RUN
            and run[-1].i + 1 < len(doc)
            and _may_open_name(doc[run[-1].i + 1], taken)
        ):
            run.append(doc[run[-1].i + 1])
        words = tuple(t.text for t in run)
        if any(w.lower() in names.NOT_PERSON_NAME_WORDS for w in words):
            continue  # "Bishop Street": a place's name, not a bishop's
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        mention = Mention(start, end, body[start:end], "PERSON", words, personal=after_title)
        key = _key(mention)
        owner = by_key.get(key) or found.setdefault(key, Group(key=key))
        owner.mentions.append(mention)
        taken.update(t.idx for t in run)
    return list(found.values())


def _is_given_name(token: Token) -> bool:
    return token.text.lower() in GIVEN_NAMES and _is_given_name_at_start(token)


def _opens_full_name(token: Token) -> bool:
    """A first name English gives to one gender, opening a run of two capitalised proper
    nouns ("Eve Brent", "Madge Sinclair"): alone, some of these are words too ("Mark",
    "Frank", "Grant"), but not before a surname."""
    if given_name_gender(token.lower_) is None:
        return False
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        after is not None
        and token.whitespace_ != ""
        and after.pos_ == "PROPN"
        and after.text[:1].isupper()
        and not after.text.isupper()
        and _is_given_name_at_start(token)
    )


def _is_given_name_at_start(token: Token) -> bool:
    """Not inside a longer capitalised run ("Saint Helen Street"), where a given name is no
    name of its own."""
    previous = token.nbor(-1) if token.i > 0 else None
    return not (previous is not None and previous.pos_ == "PROPN" and previous.text[:1].isupper())


def _subject_taken_up_as_person(token: Token, owned: set[str]) -> bool:
    """A one-word proper noun no entity holds that is the subject of a verb or an owner, with
    a "he" or "she" (his, her, …) in its sentence or after it in the next ("Pavlik left Lyon
    when his contract ended", "Unlike his rival, Pavlik stayed", "Vardi's work is clean, but
    his wood is plain"): a name the tagger missed that the writer goes on with as a person.
    The guards of a speaker's name (`_names_a_speaker`) hold, but for the words known: here
    those a name found owns alone (`owned`), whom `_add_untagged_names` joins it to; and the
    word is the whole name (no capitalised proper noun beside it: a longer name is the
    tagger's or another rule's)."""
    if not _proper_subject(token, owned) or _beside_proper_noun(token):
        return False
    window = [t for t in token.sent if t.i != token.i] + list(_next_sentence(token.sent))
    return any(t.lower_ in GENDERED_PRONOUNS and t.tag_ in PRONOUN_TAGS for t in window)


def _next_sentence(sentence: Span) -> Span | tuple[()]:
    doc = sentence.doc
    return doc[sentence.end].sent if sentence.end < len(doc) else ()


def _beside_proper_noun(token: Token) -> bool:
    doc = token.doc
    return any(
        0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()
        for i in (token.i - 1, token.i + 1)
    )


def _proper_subject(token: Token, known: set[str]) -> bool:
    """A capitalised proper noun, not in capitals only, not after a determiner, neither a
    title nor an honorific nor a word of a name already found, that is a verb's subject or
    an owner (`TAKEN_UP_ROLES`)."""
    previous = token.nbor(-1) if token.i > 0 else None
    if previous is not None and previous.pos_ == "DET":
        return False
    word = token.lower_.rstrip(".")
    return (
        token.pos_ == "PROPN"
        and token.dep_ in TAKEN_UP_ROLES
        and token.text[:1].isupper()
        and not token.text.isupper()
        and word not in names.HONORIFICS
        and word not in names.PERSON_TITLES
        and token.text not in known
    )


def _names_a_speaker(token: Token, known: set[str]) -> bool:
    """The first word of a proper noun no entity holds that is the subject of a verb of
    saying ("Gorka declared", "said Gorka"): only people and bodies speak, and a body's name
    has a body's word (left out by the caller). Not an acronym ("NATO said"), not after "the"
    ("the Secretary-General said" is a description), not a title or honorific ("Mr. Lind",
    the tagger's name), and not a word of a name already found ("King said" after "Pete
    King": `_add_untagged_names` joins it to its person)."""
    previous = token.nbor(-1) if token.i > 0 else None
    if previous is not None and previous.dep_ == "compound" and previous.head.i == token.i:
        return False  # not the first word of its name
    if previous is not None and previous.pos_ == "DET":
        return False
    head = token
    while head.dep_ == "compound" and head.head.i > head.i and not head.head.ent_type_:
        head = head.head
    word = token.lower_.rstrip(".")
    return (
        head.pos_ == "PROPN"
        and head.dep_ == "nsubj"
        and head.head.lemma_ in SPEECH_VERBS  # the coreference step's saying verbs too
        and not head.text.isupper()
        and word not in names.HONORIFICS
        and word not in names.PERSON_TITLES
        and token.text not in known
    )


def _after_person_title(token: Token) -> bool:
    """Right after a capitalised title that only people bear ("Councillor", "Dr.")."""
    if token.i == 0:
        return False
    title = token.nbor(-1)
    if title.text == "." and token.i > 1:
        title = token.nbor(-2)
    word = title.lower_.rstrip(".")
    return (
        title.text[:1].isupper()
        and not title.ent_type_
        and (word in names.PERSON_TITLES or word in names.RANK_TITLES)
    )


def _may_open_name(token: Token, taken: set[int]) -> bool:
    """A capitalised proper noun, not in capitals only, that no entity or mention holds; or a
    common given name the tagger read as a common noun where a name stands ("Alice imagines
    it"; the list leaves out names that are words), or as an adverb or adjective, as it does
    at a sentence's start ("Ellen catches his eye")."""
    if token.ent_type_ or token.idx in taken:
        return False
    proper = (
        token.pos_ == "PROPN"
        or (token.pos_ == "NOUN" and token.dep_ in NAME_ROLES and token.lower_ in GIVEN_NAMES)
        or (token.pos_ in MISREAD_AT_START_POS and token.lower_ in GIVEN_NAMES)
    )
    return proper and token.text[:1].isupper() and not token.text.isupper()


def _mention_starts(groups: list[Group]) -> set[int]:
    return {m.start for group in groups for m in group.mentions}


def _split_coordinated_people(groups: list[Group]) -> None:
    """A thing's name the tagger ran over "and" and a person's name the article has ("the
    Boston Larks and Varn" typed ORG, with "Varn" a person elsewhere): the person's words
    after the "and" are the person's mention, and the thing's mention ends before them."""
    people = {g.key: g for g in groups if g.label == "PERSON"}
    for group in groups:
        if group.label == "PERSON":
            continue
        for mention in list(group.mentions):
            head, joint, tail = mention.text.rpartition(COORDINATION)
            if not (joint and head) or _folded(head) == _folded(tail):
                continue  # "Lund and Lund" is one body's name
            start = mention.start + len(head) + len(joint)
            named = Mention(start, mention.end, tail, "PERSON", _name_words(tail))
            person = people.get(_key(named))  # keyed as the groups are ("J.D. Varn Jr.")
            if person is None:
                continue
            person.mentions.append(named)
            mention.end = mention.start + len(head)
            mention.text, mention.words = head, _name_words(head)


def _add_untagged_names(doc: Doc, body: str, groups: list[Group]) -> None:
    """A name the tagger missed at one place ("… said Bullard" after "Joe Bullard"; "Robles
    was sentenced" read as a common noun at the start of its sentence): a capitalised word
    outside any entity, written as one person's surname, first name or one-word name, or as
    a one-word name of another type, joins that entity when no other has that word, unless
    the article gives it the other gender: then it names a relative of that person, a person
    of its own, as it does when two people have that word and its sentence gives a gender."""
    owners = _name_owners(groups)
    if not owners:
        return
    taken = _mention_starts(groups)
    people: dict[str, Group] = {}
    after = 0  # the first token after the latest hyphenated name found
    for token in doc:
        if token.i < after:
            continue
        last = _hyphenated_end(token)
        text = body[token.idx : last.idx + len(last.text)]
        word = _as_written_in_names(text)
        if last.i != token.i and (_in_a_name_span(last) or word not in owners):
            # "Ruiz" of "Ruiz-Tagle" as before, if owned
            last, text, word = token, token.text, _as_written_in_names(token.text)
        if _in_a_name_span(token) or token.idx in taken or word not in owners:
            continue
        if not _may_name(token):
            continue
        found = owners[word]
        start = token.idx
        mention = Mention(start, start + len(text), text, "PERSON", (text,))
        after = last.i + 1
        said = _genders_said(doc, [mention], body)
        if len(found) == 1 and not _genders_differ(said, found[0], body):
            mention.label = found[0].label
            found[0].mentions.append(mention)
        elif said:
            # A relative with the surname ("Ure was the daughter of Colin Ure"), or one of
            # two people it could name that the sentence says is a man or a woman: a person
            # of its own.
            own = people.get(word)
            if own is None:
                own = people[word] = Group(key=_key(mention))
                groups.append(own)
            own.mentions.append(mention)


def _in_a_name_span(token: Token) -> bool:
    """Whether the tagger read the word as part of some entity's span. A proper noun it read
    into a time or an amount is still free: "Last week Stumpf appeared" is no date's word."""
    if not token.ent_type_:
        return False
    if token.ent_type_ not in NUMERIC_LABELS or token.pos_ != "PROPN":
        return True
    # A month or a day is the date's own word, whoever is named with it ("in May", "June").
    return token.lower_.rstrip(".") in MONTHS or token.lower_ in WEEKDAYS


def _hyphenated_end(token: Token) -> Token:
    """The last token of the hyphenated word the token opens ("Bo-lung", "Lloyd-Webber",
    which the tokenizer splits at the hyphen; a name's words keep it), else the token."""
    doc = token.doc
    end = token
    while (
        end.i + 2 < len(doc)
        and not end.whitespace_
        and doc[end.i + 1].text == "-"
        and not doc[end.i + 1].whitespace_
        and doc[end.i + 2].is_alpha
    ):
        end = doc[end.i + 2]
    return end


def _as_written_in_names(word: str) -> str:
    """A word in capitals as names write it ("LOPEZ:" in a transcript is Lopez; "O'BRIEN" is
    O'Brien); other words as they are."""
    if len(word) <= 2 or not word.isupper():
        return word
    return "-".join(_capitalised(part, "'") for part in word.split("-"))


def _capitalised(word: str, joint: str) -> str:
    """Each piece between joints capitalised ("O'BRIEN" → "O'Brien")."""
    return joint.join(piece.capitalize() for piece in word.split(joint))


def _name_owners(groups: list[Group]) -> dict[str, list[Group]]:
    """The people each word can name alone: their surname, their first name and a one-word
    name, each person once per word."""
    owners: dict[str, list[Group]] = {}
    for group in groups:
        # A full name the tagger typed a body's ("Dena Polacheck Epstein" typed ORG) owns its
        # words as a person's does: "Epstein was born" later is hers, and so is "Dena".
        if group.label != "PERSON" and not _full_name_mistyped(group):
            # A one-word name of another type is written the same at every mention ("Byron"
            # typed ORG where the tagger saw it, nothing elsewhere).
            if len(group.words) == 1 and group.label in PERSON_LOOKALIKE_LABELS:
                owners.setdefault(group.words[0], []).append(group)
            continue
        words = group.words
        for word in {words[-1], words[0]}:
            # "King" names Pete King when it stands alone (before a name it is a title:
            # `_may_name`); a first word that is a title names nobody.
            first_title = word == words[0] and word.lower() in names.HONORIFICS
            if word[:1].isupper() and not first_title:
                owners.setdefault(word, []).append(group)
    return owners


def _full_name_mistyped(group: Group) -> bool:
    """A name of two to four capitalised words that the tagger typed a body's or a thing's,
    without a word of a body's or a place's name ("Dolores Paley" typed ORG): a person's full
    name, as far as the words written alone later go."""
    words = group.words
    return (
        group.label in MISTYPED_NAME_LABELS
        and 2 <= len(words) <= MAX_NAME_WORDS
        and all(w[:1].isupper() and not w.isupper() for w in words)
        and not any(_folded(w) in NOT_A_PERSON_WORDS for w in words)
    )


def _may_name(token: Token) -> bool:
    """Whether an untagged capitalised word can be a name here: a proper noun, a noun that
    stands as a person does (a subject, an object, an owner), never a modifier ("Rice
    prices"), or a word capitalised inside its sentence (`_capitalised_alone`)."""
    if not token.text[:1].isupper():
        return False
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.lower_ in names.HONORIFICS and after is not None and after.text[:1].isupper():
        return False  # a title before a name ("King Charles"), not the surname "King"
    if after is not None and after.text == ":":
        return True  # a label or a headline's speaker ("Trump: Cruz has a long way to go")
    if token.pos_ == "PROPN":
        return True
    if token.pos_ == "NOUN" and token.dep_ in NAME_ROLES:
        return True
    return token.pos_ in MISREAD_NAME_POS and _capitalised_alone(token, after)


def _capitalised_alone(token: Token, after: Token | None) -> bool:
    """A capitalised word inside its sentence, not after a determiner and not before another
    capitalised word: "but Cally follows him" is the name the article uses elsewhere, which
    the tagger read as an adverb; "the Little Mermaid" is a title's word."""
    if token.is_sent_start or token.i == 0:
        return False
    before = token.nbor(-1)
    return before.pos_ != "DET" and not (after is not None and after.text[:1].isupper())


def _ends_with(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    if len(short) >= len(full):
        return False
    tail = [_folded(word) for word in full[-len(short) :]]
    words = [_folded(word) for word in short]
    if tail == words:
        return True
    # A surname with its Arabic article is the same surname without it ("al-Bashir").
    tail[0] = names.SURNAME_PARTICLE.sub("", tail[0])
    return tail == words


def _join_acronyms(groups: list[Group]) -> list[Group]:
    """Join an all-capitals name to the one group whose initials spell it ("NATO")."""
    by_initials: dict[str, list[Group]] = {}
    for group in groups:
        if len(group.words) > 1 and group.label in ACRONYM_LABELS:
            by_initials.setdefault(_initials(group.words), []).append(group)
    kept: list[Group] = []
    for group in groups:
        word = group.words[0] if len(group.words) == 1 else ""
        owners = by_initials.get(word, []) if word.isupper() and len(word) > 1 else []
        if len(owners) == 1 and owners[0] is not group:
            owners[0].mentions.extend(group.mentions)
        else:
            kept.append(group)
    return kept


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0].upper() for w in words if w.lower() not in names.ACRONYM_STOPWORDS)


def _to_entity(index: int, group: Group) -> Entity:
    mentions = _outermost(sorted(group.mentions, key=lambda m: (m.start, -m.end)))
    return Entity(
        id=f"e{index}",
        name=" ".join(group.canonical.words) if group.label == "PERSON" else _display(group),
        type=group.label,
        mentions=tuple(MentionRecord(m.start, m.end, m.text) for m in mentions),
    )


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions without those inside a longer one of the same entity: the tagger's
    "Ramanathan" within "Dev Ramanathan" found after a title is the same words, once (in
    order of start, the longest first)."""
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.end <= kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _display(group: Group) -> str:
    # Organisations and places keep their dots ("U.N.") only when no fuller form exists.
    return group.canonical.text


class EntityGrouper:
    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_entities = find_entities(doc)
        return doc


@Language.factory("newsgraph_entities", assigns=["doc._.ng_entities"], requires=["doc.ents"])
def make_entity_grouper(nlp: Language, name: str) -> EntityGrouper:
    return EntityGrouper()
