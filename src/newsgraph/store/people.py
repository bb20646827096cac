"""What an article says about a person, read from its record: titles and stated gender.

No guessing: a title is words the article puts before the person's name ("NATO
Secretary-General Jens Stoltenberg") or a description it ties to them ("the
Secretary-General"); a gender is what the article states, by an honorific ("Mr.", "Ms."), a
gendered title ("chairwoman") or a pronoun the record resolves to the person ("he", "her").
First names say nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsgraph.records import Article, Entity, Mention, Span

MALE, FEMALE, UNKNOWN = "male", "female", "unknown"

HONORIFICS = {
    "mr": MALE,
    "mister": MALE,
    "sir": MALE,
    "lord": MALE,
    "ms": FEMALE,
    "mrs": FEMALE,
    "miss": FEMALE,
    "madam": FEMALE,
    "dame": FEMALE,
    "lady": FEMALE,
}
GENDERED_WORDS = {
    **{
        word: MALE
        for word in [
            "king",
            "prince",
            "chairman",
            "spokesman",
            "congressman",
            "businessman",
            "sportsman",
            "statesman",
            "councilman",
            "alderman",
            "emperor",
            "duke",
            "archduke",
            "baron",
            "count",
            "husband",
            "father",
            "son",
            "brother",
            "uncle",
            "grandfather",
            "nephew",
            "monk",
        ]
    },
    **{
        word: FEMALE
        for word in [
            "queen",
            "princess",
            "chairwoman",
            "spokeswoman",
            "congresswoman",
            "businesswoman",
            "sportswoman",
            "stateswoman",
            "councilwoman",
            "alderwoman",
            "empress",
            "duchess",
            "archduchess",
            "baroness",
            "countess",
            "wife",
            "mother",
            "daughter",
            "sister",
            "aunt",
            "grandmother",
            "niece",
            "actress",
            "nun",
        ]
    },
}
PRONOUNS = {
    **dict.fromkeys(("he", "him", "his", "himself"), MALE),
    **dict.fromkeys(("she", "her", "hers", "herself"), FEMALE),
}
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# A word of a title before a name: capitalised ("NATO", "Secretary-General", "Foreign").
TITLE_WORD = re.compile(r"[A-Z][\w.’'-]*$")
TITLE_WORDS_BEFORE = 4
# Words that end a title read backwards from a name: what comes before them is the sentence.
NOT_IN_TITLES = frozenset(
    [
        "on",
        "in",
        "at",
        "by",
        "for",
        "from",
        "with",
        "to",
        "of",
        "and",
        "or",
        "but",
        "the",
        "a",
        "an",
        "as",
        "said",
        "says",
        "told",
        "yesterday",
        "today",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
WORD = re.compile(r"[\w’'-]+\.?")
LOOK_BACK = 40  # characters before a mention where its honorific or title may be
PREVIOUS_WORD = re.compile(r"(\S+)[ \t]+$")
# ", the NATO chief," after a name: at most six words between the commas.
APPOSITION = re.compile(r",\s+(the\s+|a\s+|an\s+)?((?:[\w’'-]+\s+){0,5}[\w’'-]+),")
NOT_APPOSITIONS = frozenset(
    ["who", "whom", "whose", "which", "that", "when", "where", "he", "she", "they", "it"]
)
NOT_TITLES = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "him",
        "her",
        "them",
        "us",
        "his",
        "their",
        "its",
        "one",
    ]
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One place where the article states a person's gender."""

    start: int  # where in the body: one piece of evidence per place
    gender: str
    cue: str


def word_key(word: str) -> str:
    return word.casefold().rstrip(".")


def honorific(text: str) -> str | None:
    """The honorific a mention starts with ("Mr." of "Mr. Stoltenberg"), if any."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return first if word_key(first) in HONORIFICS else None


def strip_honorific(text: str) -> str:
    found = honorific(text)
    return text[len(found) :].strip() if found else text


def title_in_mention(mention: str, name: str) -> str | None:
    """The title a mention gives before the person's name: "NATO Secretary-General" of
    "NATO Secretary-General Jens Stoltenberg"; a description ("The NATO Secretary-General")
    is a title as a whole. Honorifics are not titles."""
    text = strip_honorific(LEADING_ARTICLE.sub("", mention.strip()))
    surname = name.split()[-1] if name.split() else name
    for part in (name, surname):
        if text.endswith(part):
            text = text[: -len(part)]
            break
    text = strip_honorific(text.strip(" ,"))
    return text if _is_title(text) else None


def title_before(body: str, start: int) -> str | None:
    """The capitalised words just before a name in the body, on its line and sentence:
    "NATO Secretary-General" before "Jens Stoltenberg"."""
    line_start = max(body.rfind("\n", 0, start) + 1, start - LOOK_BACK * 3)
    words = body[line_start:start].split()
    taken: list[str] = []
    for word in reversed(words[-TITLE_WORDS_BEFORE:]):
        if (
            not TITLE_WORD.match(word)
            or word.endswith((".", ",", ":", ";", '"', "”"))
            or word.casefold() in NOT_IN_TITLES
        ):
            break
        taken.insert(0, word)
    text = strip_honorific(" ".join(taken))
    return text if _is_title(text) else None


def title_after(body: str, end: int) -> str | None:
    """An apposition just after a name: "the NATO chief" of "Jens Stoltenberg, the NATO
    chief, said". It must start with an article or a capital ("Reyes, however," and
    "Berg, 45," are not titles), and not with a relative word ("Berg, who ...")."""
    match = _apposition(body, end)
    return _title_case(match.group(2)) if match else None


def _apposition(body: str, end: int) -> re.Match[str] | None:
    match = APPOSITION.match(body, end, min(len(body), end + LOOK_BACK * 2))
    if match is None:
        return None
    text = match.group(2)
    first = text.split()[0]
    if first.casefold() in NOT_APPOSITIONS or not (match.group(1) or first[0].isupper()):
        return None
    return match if _is_title(text) else None


def _is_title(text: str) -> bool:
    words = text.split()
    if not words or len(words) > TITLE_WORDS_BEFORE + 1:
        return False
    return any(ch.isalpha() for ch in text) and word_key(words[0]) not in HONORIFICS


def pronoun_gender(text: str) -> str | None:
    return PRONOUNS.get(text.strip().casefold())


def titles(article: Article, entity: Entity) -> list[str]:
    """Every title the article gives a person entity, each once, in order."""
    found: list[str | None] = []
    for mention in entity.mentions:
        if mention.kind == "description":
            found.append(_title_case(title_in_mention(mention.text, entity.name)))
        elif mention.kind == "name":
            found.append(title_before(article.body, mention.start))
            found.append(title_after(article.body, mention.end))
    for quote in article.quotes:
        source = quote.speaker.mention
        spoken = quote.speaker.entity == entity.id and source is not None
        if spoken and source and source.text.casefold() not in NOT_TITLES:
            found.append(title_in_mention(source.text, entity.name))
    return list(dict.fromkeys(title for title in found if title))


def _title_case(title: str | None) -> str | None:
    # "the secretary-general" as a description is "Secretary-General" as a title.
    return title[0].upper() + title[1:] if title else None


def gender_evidence(article: Article, entity: Entity) -> Iterator[Evidence]:
    """The places where the article states a person's gender (see the module docstring)."""
    for mention in entity.mentions:
        if mention.kind == "pronoun":
            gender = pronoun_gender(mention.text)
            if gender:
                yield Evidence(mention.start, gender, mention.text)
        else:
            yield from _evidence_in_words(article.body, mention)
    for quote in article.quotes:
        source = quote.speaker.mention
        if quote.speaker.entity != entity.id or source is None:
            continue
        gender = pronoun_gender(source.text)
        if gender:  # the record resolves this pronoun to the speaker
            yield Evidence(source.start, gender, source.text)
        else:
            yield from _evidence_in_words(article.body, source)


def _evidence_in_words(body: str, mention: Span | Mention) -> Iterator[Evidence]:
    """The first honorific or gendered title word in a mention, in the title just before it,
    or the honorific just before it ("Mr. " + name); placed where that word is in the body,
    so the same "Mr." seen from two mentions counts once."""
    for position, word in _words_near(body, mention):
        key = word_key(word)
        gender = HONORIFICS.get(key) or GENDERED_WORDS.get(key)
        if gender:
            yield Evidence(position, gender, word)
            return


def _words_near(body: str, mention: Span | Mention) -> Iterator[tuple[int, str]]:
    """(position, word) of the word before a mention, of the title before it, of the mention."""
    window = max(0, mention.start - LOOK_BACK)
    previous = PREVIOUS_WORD.search(body[window : mention.start])
    if previous:
        yield window + previous.start(1), previous.group(1)
    title = title_before(body, mention.start)
    if title:
        offset = body.rfind(title, 0, mention.start)
        yield from ((offset + m.start(), m.group()) for m in WORD.finditer(title))
    text = body[mention.start : mention.end]
    yield from ((mention.start + m.start(), m.group()) for m in WORD.finditer(text))
    apposition = _apposition(body, mention.end)
    if apposition:
        offset = apposition.start(2)
        yield from ((offset + m.start(), m.group()) for m in WORD.finditer(apposition.group(2)))


def decide(genders: list[str]) -> tuple[str, int]:
    """A person's gender from the evidence of every article: the stated one, with its count;
    unknown when nothing is stated or the statements are evenly split."""
    males, females = genders.count(MALE), genders.count(FEMALE)
    if males > females:
        return MALE, males
    if females > males:
        return FEMALE, females
    return UNKNOWN, 0
