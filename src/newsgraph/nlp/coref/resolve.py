"""One pass through an article in text order: each name moves its referent to the front of
attention, and each third-person pronoun and definite description is resolved to a referent
named before it. Pronouns are ranked by the mention ranker among the candidates that agree
with them (gender, number, person or thing); descriptions by apposition, title and name."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from spacy.tokens import Doc, Token

from newsgraph import records
from newsgraph.lang.en import coref as lang
from newsgraph.nlp.coref.descriptions import (
    appositions,
    description_referent,
    may_describe,
    phrase,
    predicate_subject,
)
from newsgraph.nlp.coref.features import (
    SUBJECT_DEPS,
    Candidate,
    Context,
    pair_features,
    role,
    says,
)
from newsgraph.nlp.coref.referents import Referent, build_referents
from newsgraph.nlp.quotes.marks import find_quoted_spans
from newsgraph.records import Entity

# How far back a pronoun looks for its referent, in sentences, and among how many referents.
PRONOUN_REACH = 3
# "It" and "they" refer to things and groups that are not named far more often than "he" and
# "she" do (GUM train: 169 of 970 have a named referent, and the ranker resolves them with a
# precision near 0.1): they are resolved only where news style makes them a named body's,
# as the subject of a verb of saying ("it said") or a possessive ("its chief"), and only to
# a body named in their sentence or the one before.
THING_REACH = 1
MAX_CANDIDATES = 8
# Types a gendered pronoun may reach with a person's name shape and no other evidence: the
# tagger often types a person ORG, GPE or PRODUCT (GAP development: 1 name in 6, and more
# often women's names that are also places', "Georgia"); never NORP ("Danish"), a law or a
# language. A place's type needs a name without a place's words ("New York", "US").
PERSONAL_TYPES = frozenset({"PERSON", "ORG", "GPE", "PRODUCT", "FAC", "WORK_OF_ART", "LOC"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
THING_TYPES = frozenset({"ORG", "GPE", "PRODUCT", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW"})
GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
PRONOUN_TAGS = frozenset({"PRP", "PRP$"})
# Heads of a pleonastic "it" ("it is likely that", "it seems"): no referent.
PLEONASTIC_HEADS = frozenset({"be", "seem", "appear", "take", "rain", "matter", "remain"})


class Scorer(Protocol):
    """What the pass needs of a ranker: a score per candidate and the least score to win."""

    @property
    def threshold(self) -> float: ...

    def score(self, features: Sequence[str]) -> float: ...


@dataclass(frozen=True, slots=True)
class Unnamed:
    """The latest speaker when the article describes but does not name them ("a
    councillor"), with the gender its noun gives ("councilwoman"), if any."""

    gender: str | None


# The latest speaker: a referent's id, or an unnamed person.
Latest = str | Unnamed

# Training hook: a pronoun and its candidates (referent id, features) before the choice.
Observer = Callable[[Token, list[tuple[str, list[str]]]], None]


@dataclass(slots=True)
class Seen:
    """A referent's latest mention before the current point of the pass."""

    head: Token
    context: Context
    count: int
    pronoun: bool


@dataclass(slots=True)
class Article:
    """What the pass reads, computed once: referents, token contexts, where names are."""

    doc: Doc
    referents: list[Referent]
    contexts: list[Context]
    names_at: dict[int, list[Referent]]
    described_at: dict[int, Referent]
    covered: set[int]  # tokens of names and appositions: never a description of their own


def resolve(
    doc: Doc,
    entities: tuple[Entity, ...],
    ranker: Scorer,
    observe: Observer | None = None,
) -> tuple[Entity, ...]:
    """The entities with their pronoun and description mentions added and their types
    corrected where the article's words say they are people. Two passes: the pronouns the
    first resolves are evidence of their referents' gender in the second."""
    article = _article(doc, entities)
    _vote_genders(article)
    appositive = {r.id: list(r.added) for r in article.referents}
    _pass(article, ranker, None)
    for referent in article.referents:
        for mention in referent.added:
            kind = lang.PRONOUNS.get(mention.text.lower())
            if mention.kind == "pronoun" and kind in ("m", "f"):
                referent.gender_votes[str(kind)] += 1
        referent.added = appositive[referent.id]
    _pass(article, ranker, observe)
    return tuple(_finished(r) for r in article.referents)


def _article(doc: Doc, entities: tuple[Entity, ...]) -> Article:
    referents = build_referents(doc, entities)
    covered = {i for r in referents for span in r.spans for i in range(span.start, span.end)}
    names_at: dict[int, list[Referent]] = {}
    for referent in referents:
        for span in referent.spans:
            names_at.setdefault(span.root.i, []).append(referent)
    described_at: dict[int, Referent] = {}
    for span, referent in appositions(doc, referents):
        described_at[span.root.i] = referent
        _add(referent, span.start_char, span.end_char, span.text, "description")
        covered.update(range(span.start, span.end))
    return Article(doc, referents, _contexts(doc), names_at, described_at, covered)


def _pass(article: Article, ranker: Scorer, observe: Observer | None) -> None:
    """Through the article in text order, adding the mentions found to the referents."""
    doc, contexts, names_at, referents = (
        article.doc,
        article.contexts,
        article.names_at,
        article.referents,
    )
    seen: dict[str, Seen] = {}
    for referent in referents:
        referent.assumed = None
    ahead = _names_ahead(names_at, contexts)
    # The latest subject of a verb of saying: a list of at most one, so that
    # `_resolve_pronoun` reads what the pass last wrote.
    speaker: list[Latest] = []
    for token in doc:
        where = contexts[token.i]
        for referent in names_at.get(token.i, ()):
            _see(seen, referent, token, where, pronoun=False)
            if says(token):
                speaker[:] = [referent.id]
        if token.i in article.described_at:
            _see(seen, article.described_at[token.i], token, where, pronoun=False)
        elif _is_pronoun(token):
            later = [
                (head, referent)
                for head, referent in ahead.get(where.sentence, [])
                if not _quotes_speaker(where, head, contexts[head.i])
            ]
            found = _resolve_pronoun(token, where, referents, seen, later, speaker, ranker, observe)
            if found is not None:
                _add(found, token.idx, token.idx + len(token.text), token.text, "pronoun")
                if says(token):
                    speaker[:] = [found.id]
                kind = lang.PRONOUNS[token.lower_]
                if kind in ("m", "f") and found.gender is None:
                    found.assumed = kind
                _see(seen, found, token, where, pronoun=True)
        elif (described := _described(article, token, where, seen)) is not None:
            span = phrase(doc, token)
            _add(described, span.start_char, span.end_char, span.text, "description")
            if predicate_subject(token) is None:  # the subject stays its clause's mention
                _see(seen, described, token, where, pronoun=False)
            if says(token):
                speaker[:] = [described.id]
        elif _unnamed_speaker(token, names_at):
            speaker[:] = [Unnamed(lang.GENDERED_NOUNS.get(token.lower_))]


def _described(
    article: Article, token: Token, where: Context, seen: dict[str, Seen]
) -> Referent | None:
    """The referent a definite description ("the minister") or a predicate nominal ("Varga
    is a chemist") stands for, if any."""
    if not may_describe(token, article.covered):
        return None
    last = {rid: (s.head.i, s.context.sentence) for rid, s in seen.items()}
    return description_referent(token, where.sentence, article.referents, last)


def _names_ahead(
    names_at: dict[int, list[Referent]], contexts: list[Context]
) -> dict[int, list[tuple[Token, Referent]]]:
    """Each sentence's names with their referents, in text order."""
    ahead: dict[int, list[tuple[Token, Referent]]] = {}
    for index in sorted(names_at):
        for referent in names_at[index]:
            head = referent.spans[0].doc[index]
            ahead.setdefault(contexts[index].sentence, []).append((head, referent))
    return ahead


def _contexts(doc: Doc) -> list[Context]:
    """Each token's sentence number and whether it is inside quotation marks."""
    text = doc.text
    sentence_starts = [s.start_char for s in doc.sents]
    quoted = find_quoted_spans(text, sentence_starts)
    starts = [q.start for q in quoted]
    contexts: list[Context] = []
    sentence = -1
    for token in doc:
        if token.is_sent_start:
            sentence += 1
        index = bisect.bisect_right(starts, token.idx) - 1
        inside = index >= 0 and quoted[index].start <= token.idx < quoted[index].end
        contexts.append(Context(sentence=max(sentence, 0), quoted=inside))
    return contexts


def _is_pronoun(token: Token) -> bool:
    lower = token.lower_
    if lower not in lang.PRONOUNS or token.tag_ not in PRONOUN_TAGS:
        return False
    if lower == "it":
        return token.dep_ != "expl" and not _pleonastic(token)
    return True


def _pleonastic(token: Token) -> bool:
    """ "It is likely that …", "it seems": an "it" that stands for a clause."""
    head = token.head
    return head.lemma_ in PLEONASTIC_HEADS and any(
        c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > token.i for c in head.children
    )


def _agrees(kind: str, referent: Referent) -> bool:
    entity_type = referent.entity.type
    if kind in ("m", "f"):
        return referent.gender in (None, kind) and _may_be_person(referent)
    if referent.personal:
        return False
    return entity_type in (THING_TYPES if kind == "it" else GROUP_TYPES)


def _resolve_pronoun(
    pronoun: Token,
    where: Context,
    referents: list[Referent],
    seen: dict[str, Seen],
    later: list[tuple[Token, Referent]],
    speaker: list[Latest],
    ranker: Scorer,
    observe: Observer | None,
) -> Referent | None:
    kind = lang.PRONOUNS[pronoun.lower_]
    personal = kind in ("m", "f")
    if not personal and not (says(pronoun) or pronoun.tag_ == "PRP$"):
        return None
    if personal and says(pronoun) and _continues_unnamed(speaker, kind):
        return None  # "A councillor said … He warned …": the quote step links the two
    reach = PRONOUN_REACH if personal else THING_REACH
    recent = sorted(
        (
            r
            for r in referents
            if r.id in seen and where.sentence - seen[r.id].context.sentence <= reach
        ),
        key=lambda r: seen[r.id].head.i,
        reverse=True,
    )
    candidates = [
        r
        for r in recent
        if _agrees(kind, r)
        and not _in_own_statement(pronoun, seen[r.id].head)
        and not _quotes_speaker(where, seen[r.id].head, seen[r.id].context)
        and not _binds(pronoun, seen[r.id].head)
    ][:MAX_CANDIDATES]
    scored: list[tuple[str, list[str]]] = []
    subjects = [r.id for r in candidates if role(seen[r.id].head) in SUBJECT_DEPS]
    for rank, referent in enumerate(candidates):
        last = seen[referent.id]
        subject_rank = subjects.index(referent.id) if referent.id in subjects else 3
        candidate = Candidate(
            referent,
            last.head,
            last.context,
            rank,
            last.count,
            last.pronoun,
            subject_rank=subject_rank,
            last_speaker=referent.id in speaker,
        )
        scored.append((referent.id, pair_features(pronoun, where, candidate)))
    # A name later in the pronoun's sentence ("Before she left, Ann …"), when not seen yet.
    for head, referent in later:
        fresh = head.i > pronoun.i and referent.id not in seen and referent not in candidates
        if fresh and _agrees(kind, referent):
            candidate = Candidate(referent, head, where, 0, 0, False, ahead=True)
            candidates.append(referent)
            scored.append((referent.id, pair_features(pronoun, where, candidate)))
    if observe is not None:
        observe(pronoun, scored)
    best: tuple[float, Referent] | None = None
    for referent, (_, features) in zip(candidates, scored, strict=True):
        value = ranker.score(features)
        if best is None or value > best[0]:
            best = (value, referent)
    return best[1] if best is not None and best[0] >= ranker.threshold else None


def _unnamed_speaker(token: Token, names_at: dict[int, list[Referent]]) -> bool:
    """A person the article describes but does not name, as the subject of a verb of saying
    ("A councillor from the ward said")."""
    if token.i in names_at or token.pos_ != "NOUN" or not says(token):
        return False
    return token.lower_ in lang.PERSON_NOUNS or token.lower_ in lang.GENDERED_NOUNS


def _continues_unnamed(speaker: list[Latest], kind: str) -> bool:
    """Whether the latest speaker is an unnamed person the pronoun's gender may fit: a "he"
    who says something next is that person, not someone named before."""
    latest = speaker[0] if speaker else None
    return isinstance(latest, Unnamed) and latest.gender in (None, kind)


def _in_own_statement(pronoun: Token, mention: Token) -> bool:
    """A name inside what the pronoun is said to say ("People like Scott," he said; "Berg
    broke her word," he said): the speaker is someone else."""
    return says(pronoun) and pronoun.head.is_ancestor(mention)


def _binds(pronoun: Token, mention: Token) -> bool:
    """Whether the mention is the subject of the pronoun's own clause, which an object pronoun
    never refers to ("Ann praised her": not Ann; she would be "herself"). An infinitive's
    subject is its controller: the object of the verb above when it has one ("Ann urged Eva
    to call her": not Eva), else that verb's subject ("Joe threatens to throw him": not Joe).
    A possessive ("Joe sold his car") and a preposition's object are free."""
    if pronoun.tag_ != "PRP" or pronoun.dep_ not in lang.OBJECT_DEPS:
        return False
    if pronoun.lower_ in lang.REFLEXIVE_PRONOUNS:
        return False
    while mention.dep_ == "compound" and mention.head.i != mention.i:
        mention = mention.head
    verb = pronoun.head
    if mention.head.i == verb.i and mention.dep_ in SUBJECT_DEPS:
        return True
    if verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return False
    above = verb.head
    objects = [c for c in above.children if c.dep_ in lang.OBJECT_DEPS and c.i < verb.i]
    controller_deps = lang.OBJECT_DEPS if objects else SUBJECT_DEPS
    return mention.head.i == above.i and mention.dep_ in controller_deps


def _quotes_speaker(where: Context, mention: Token, mention_where: Context) -> bool:
    """The speaker of the quotation a pronoun stands in ("'I warned her,' said Tomas Berg"):
    the subject of a verb of saying outside the quotation marks, in the pronoun's sentence.
    Speakers call themselves "I" in their own words, so a third-person pronoun there is
    someone else."""
    return (
        where.quoted
        and not mention_where.quoted
        and mention_where.sentence == where.sentence
        and says(mention)
    )


def _vote_genders(article: Article) -> None:
    """A "he" or "she" with one person only named in its sentence and the one before can only
    refer to that person: its gender is evidence about the person."""
    by_id = {r.id: r for r in article.referents}
    contexts, names_at = article.contexts, article.names_at
    recent: dict[str, int] = {}  # referent id → sentence of its latest name
    for token in article.doc:
        sentence = contexts[token.i].sentence
        for referent in names_at.get(token.i, ()):
            if _may_be_person(referent):
                recent[referent.id] = sentence
        kind = lang.PRONOUNS.get(token.lower_)
        if kind not in ("m", "f") or token.tag_ not in PRONOUN_TAGS:
            continue
        owner = _clause_subject_name(token, names_at)
        if owner is not None:
            owner.gender_votes[str(kind)] += 1
            owner.person_evidence += 1
            continue
        near = [rid for rid, s in recent.items() if sentence - s <= 1]
        if len(near) == 1:
            by_id[near[0]].gender_votes[str(kind)] += 1


def _may_be_person(referent: Referent) -> bool:
    """A referent a "he" or "she" could name, whatever its gender."""
    if referent.personal:
        return True
    entity_type = referent.entity.type
    if referent.never_a_person or (entity_type in PLACE_TYPES and referent.place_named):
        return False
    # The tagger types some people ORG, GPE or PRODUCT: those with a person's name shape.
    return entity_type in PERSONAL_TYPES and referent.person_shaped and not referent.place_like


def _clause_subject_name(pronoun: Token, names_at: dict[int, list[Referent]]) -> Referent | None:
    """The one named subject of a possessive's or reflexive's own clause, which English
    binds it to ("Byron received his education", "Ann asked herself"): evidence that the
    name is a person's, and of the person's gender."""
    if pronoun.tag_ != "PRP$" and pronoun.lower_ not in lang.REFLEXIVE_PRONOUNS:
        return None
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i]
    if len(subjects) != 1:
        return None
    found = names_at.get(subjects[0].i, [])
    return found[0] if len(found) == 1 else None


def _see(
    seen: dict[str, Seen], referent: Referent, head: Token, where: Context, pronoun: bool
) -> None:
    count = seen[referent.id].count + 1 if referent.id in seen else 1
    seen[referent.id] = Seen(head=head, context=where, count=count, pronoun=pronoun)


def _add(referent: Referent, start: int, end: int, text: str, kind: records.MentionKind) -> None:
    referent.added.append(records.Mention(start, end, text, kind))


def _finished(referent: Referent) -> Entity:
    entity = referent.entity
    taken = {(m.start, m.end) for m in entity.mentions}
    added = [m for m in referent.added if (m.start, m.end) not in taken]
    mentions = tuple(sorted((*entity.mentions, *added), key=lambda m: (m.start, m.end)))
    entity_type = "PERSON" if _is_person(referent) else entity.type
    return replace(entity, mentions=mentions, type=entity_type)


def _is_person(referent: Referent) -> bool:
    """A person by the article's own words: an honorific, an age, a gendered noun, or a "he"
    or "she" resolved to a name of two words or more that is not a place's."""
    if referent.personal:
        return True
    gendered_speech = any(
        m.kind == "pronoun" and lang.PRONOUNS.get(m.text.lower()) in ("m", "f")
        for m in referent.added
    )
    return gendered_speech and len(referent.entity.name.split()) > 1 and not referent.place_like
