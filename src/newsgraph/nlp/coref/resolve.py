"""One pass through an article in text order: each name moves its referent to the front of
attention, and each third-person pronoun and definite description is resolved to a referent
named before it. Pronouns are ranked by the mention ranker among the candidates that agree
with them (gender, number, person or thing); descriptions by apposition, title and name."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from spacy.tokens import Doc, Token

from newsgraph import records
from newsgraph.lang.en import coref as lang
from newsgraph.lang.en.given_names import GIVEN_NAMES
from newsgraph.lang.en.names import POSSESSIVE_SUFFIXES
from newsgraph.nlp.coref.descriptions import (
    appositions,
    describes,
    description_referent,
    may_describe,
    phrase,
    phrases,
    possessor,
    predicate_subject,
)
from newsgraph.nlp.coref.features import (
    CLAUSE_POS,
    SUBJECT_DEPS,
    Candidate,
    Context,
    PronounClauses,
    clause_head,
    clause_subject,
    main_subject,
    name_head,
    pair_features,
    role,
    says,
)
from newsgraph.nlp.coref.referents import PLACE_TYPES, Referent, build_referents
from newsgraph.nlp.coref.voice import text_voice, voice_pronouns
from newsgraph.nlp.quotes.marks import QUOTE_CHARACTERS, QuotedSpan, find_quoted_spans
from newsgraph.records import Entity

# How far back a pronoun looks for its referent, in sentences, and among how many referents.
PRONOUN_REACH = 3
# Characters before a quotation where `_reported_quotation` looks for its "that".
REPORTED_WINDOW = 16
# "It" and "they" refer to things and groups that are not named far more often than "he" and
# "she" do (GUM train: 169 of 970 have a named referent, and the ranker resolves them with a
# precision near 0.1): they are resolved only where news style makes them a named body's,
# as the subject of a verb of saying ("it said") or a possessive ("its chief"), and only to
# a body named in their sentence or the one before.
THING_REACH = 1
MAX_CANDIDATES = 8
# The least ranker score with which a first-pass "he" or "she" tells its referent's gender:
# a doubtful choice between two people would give one of them the other's gender and take
# them out of the second pass's candidates (GAP development: 20 right names lost so).
VOTE_SCORE = 0.25
# Types a gendered pronoun may reach with a person's name shape and no other evidence: the
# tagger often types a person ORG, GPE or PRODUCT (GAP development: 1 name in 6, and more
# often women's names that are also places', "Georgia"); never NORP ("Danish"), a law or a
# language. A place's type needs a name without a place's words ("New York", "US").
PERSONAL_TYPES = frozenset({"PERSON", "ORG", "GPE", "PRODUCT", "FAC", "WORK_OF_ART", "LOC"})
THING_TYPES = frozenset({"ORG", "GPE", "PRODUCT", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW"})
GROUP_TYPES = frozenset({"ORG", "NORP", "GPE"})
# Types of things that never speak: one that is the subject of a verb of saying was mistyped
# (a place may: "Ottawa said" is its government).
SILENT_TYPES = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})
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
    # The latest mention outside quotation marks: where a "he said" after a quote looks, since
    # the people a quotation names are what the speaker talks about, not who speaks next.
    outside: tuple[Token, Context] | None = None
    # The token of its latest mention as a main clause's subject outside quotation marks (-1
    # when none): a later mention in a clause below ("Ban condemned what he called …") does
    # not hide that it was the one the sentence was about.
    subject_at: int = -1


@dataclass(slots=True)
class Article:
    """What the pass reads, computed once: referents, token contexts, where names are."""

    doc: Doc
    referents: list[Referent]
    contexts: list[Context]
    names_at: dict[int, list[Referent]]
    described_at: dict[int, Referent]
    covered: set[int]  # tokens of names and appositions: never a description of their own
    text: str  # the doc's text, joined once from its tokens for the quotations and voice
    quoted: list[QuotedSpan]  # the quotations of the text, found once for the passes and voice
    quote_starts: list[int]  # where each of them starts, for bisection
    describable: set[int]  # tokens that may head a description (`may_describe`)
    pronouns: set[int]  # tokens that are a pronoun the passes resolve (`_is_pronoun`)
    # The tokens a pass does anything at, in text order: names, pronouns, the heads of
    # descriptions and of unnamed speakers. Found once, so that the passes and the gender
    # votes walk past the rest of the doc without looking at each of its tokens again.
    stops: list[Token]
    # For each sentence, how many sentences up to it have words outside quotation marks.
    told: list[int]
    # The pronouns (by character offset) the ranker resolved with a score of at least
    # `VOTE_SCORE`: only those are evidence of their referent's gender in the second pass.
    sure: set[int] = field(default_factory=set)
    named: dict[int, Referent] = field(default_factory=dict)  # each name token's referent
    # Nouns with a possessor ("his father", "Varga's lawyer"): the relative or the holder the
    # article named with the same possessor and noun before, if any (`_related`).
    possessed: set[int] = field(default_factory=set)
    # For each quotation, the sentences its opening and closing marks stand beside, outside
    # it, where its speaker is named (`_quotation_sentences`).
    quotation_edges: list[frozenset[int]] = field(default_factory=list)


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
    _vote_pronoun_genders(article)
    for referent in article.referents:
        referent.added = appositive[referent.id]
    _pass(article, ranker, observe)
    _add_voice(article)
    return tuple(_finished(r) for r in article.referents)


def _vote_pronoun_genders(article: Article) -> None:
    """Each "he" or "she" the first pass resolved with a sure score is a vote for its
    referent's gender."""
    for referent in article.referents:
        for mention in referent.added:
            kind = lang.PRONOUNS.get(mention.text.lower())
            sure = mention.start in article.sure
            if mention.kind == "pronoun" and kind in ("m", "f") and sure:
                referent.gender_votes[str(kind)] += 1
                referent.resolved_votes[str(kind)] += 1


def _add_voice(article: Article) -> None:
    """The text's own "I" and "you" outside quotation marks, where the text says whose
    voice it is (`voice.py`): after the passes, as they say nothing about third persons."""
    doc = article.doc
    people = [r for r in article.referents if r.personal or r.entity.type == "PERSON"]
    addressable = [r for r in article.referents if _may_be_person(r)]
    voice, quoted = text_voice(doc, people, addressable, article.quoted, article.text)
    if voice.empty:
        return
    taken = _covered_characters(article.referents)
    predicates = _voice_predicates(article)
    for token, referent in voice_pronouns(doc, voice, quoted):
        if token.idx in taken:
            continue  # another's "I" (a quote's speaker's): so are its predicates
        _add(referent, token.idx, token.idx + len(token.text), token.text, "pronoun")
        for noun in predicates.get(token.i, ()):
            if not describes(noun, referent):
                continue
            for span in phrases(doc, noun, named_owner=False):
                if span.start_char not in taken:
                    _add(referent, span.start_char, span.end_char, span.text, "description")


def _voice_predicates(article: Article) -> dict[int, list[Token]]:
    """The predicate nominals of an "I" ("I was a writer", "I am a licensed contractor"), by
    their subject's token: they describe whoever the text's voice makes the pronoun. Not of a
    "you", which as a predicate's subject is as often anyone ("you're a fan in September")."""
    found: dict[int, list[Token]] = {}
    for index in sorted(article.describable):
        noun = article.doc[index]
        subject = predicate_subject(noun)
        if subject is not None and subject.lower_ in lang.SPEAKER_PRONOUNS:
            found.setdefault(subject.i, []).append(noun)
    return found


def _covered_characters(referents: Sequence[Referent]) -> set[int]:
    """Every character a mention already covers."""
    return {
        position
        for referent in referents
        for mention in (*referent.entity.mentions, *referent.added)
        for position in range(mention.start, mention.end)
    }


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
    text = doc.text
    quoted = find_quoted_spans(text, [s.start_char for s in doc.sents])
    tokens = list(doc)
    describable = {t.i for t in tokens if may_describe(t, covered)}
    pronouns = {t.i for t in tokens if _is_pronoun(t)}
    possessed = {t.i for t in tokens if _possessed_noun(t, covered)}
    stops = [
        t
        for t in tokens
        if t.i in names_at
        or t.i in described_at
        or t.i in describable
        or t.i in pronouns
        or t.i in possessed
        or _unnamed_speaker(t, names_at)
    ]
    contexts = _contexts(tokens, quoted)
    told = _told_sentences(tokens, contexts)
    named = {
        i: r for r in reversed(referents) for span in r.spans for i in range(span.start, span.end)
    }
    return Article(
        doc,
        referents,
        contexts,
        names_at,
        described_at,
        covered,
        text,
        quoted,
        [q.start for q in quoted],
        describable,
        pronouns,
        stops,
        told,
        named=named,
        possessed=possessed,
        quotation_edges=[_edge_sentences(doc, q, contexts) for q in quoted],
    )


def _edge_sentences(doc: Doc, quotation: QuotedSpan, contexts: list[Context]) -> frozenset[int]:
    """The sentences of the words right before a quotation's opening mark and right after its
    closing mark: "Ann Roos said, 'I met them. They thanked her.'" names its speaker in
    another sentence than "her"."""
    opening = doc.char_span(quotation.start, quotation.start + 1, alignment_mode="expand")
    closing = doc.char_span(quotation.end - 1, quotation.end, alignment_mode="expand")
    sentences = set()
    if opening is not None and opening.start > 0:
        sentences.add(contexts[opening.start - 1].sentence)
    if closing is not None and closing.end < len(doc):
        sentences.add(contexts[closing.end].sentence)
    return frozenset(sentences)


def _told_sentences(tokens: list[Token], contexts: list[Context]) -> list[int]:
    """For each sentence, the number of sentences up to it that have a word outside
    quotation marks (a quotation's own sentences are the speaker's, not the article's)."""
    sentences = contexts[-1].sentence + 1 if contexts else 0
    outside = [False] * sentences
    for token, context in zip(tokens, contexts, strict=True):
        if not context.quoted and not (token.is_punct or token.is_space):
            outside[context.sentence] = True
    return list(itertools.accumulate(int(flag) for flag in outside))


def _possessed_noun(token: Token, covered: set[int]) -> bool:
    """A singular common noun with a possessor ("his father", "Varga's lawyer") that is no
    part of a name or an apposition."""
    if token.tag_ != "NN" or token.pos_ != "NOUN" or token.i in covered:
        return False
    return possessor(token) is not None


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
    # The subjects of verbs of saying so far, each once, the latest last.
    speakers: list[Latest] = []
    resolved: dict[int, Referent] = {}  # the pronouns this pass resolved, by token index
    # (possessor id, noun) → the referent the article described so: "his father, Johann,".
    relations: dict[tuple[str, str], Referent] = {}
    for token in article.stops:
        where = contexts[token.i]
        for referent in names_at.get(token.i, ()):
            _see(seen, referent, token, where, pronoun=False)
            if says(token):
                _spoke(speakers, referent.id)
        if token.i in article.described_at:
            described_as = article.described_at[token.i]
            _see(seen, described_as, token, where, pronoun=False)
            owner = _possessor_referent(article, token, resolved)
            if owner is not None and owner.id != described_as.id:
                relations[(owner.id, token.lower_)] = described_as
        elif (related := _related(article, token, resolved, relations)) is not None:
            span = phrase(doc, token, named_owner=False)
            _add(related, span.start_char, span.end_char, span.text, "description")
            _see(seen, related, token, where, pronoun=False)
        elif token.i in article.pronouns:
            own = frozenset((where.sentence,))
            later = [
                (head, referent)
                for head, referent in ahead.get(where.sentence, [])
                if not _quotes_speaker(where, head, contexts[head.i], own)
            ]
            found = _resolve_pronoun(token, where, article, seen, later, speakers, ranker, observe)
            if found is not None:
                resolved[token.i] = found
                _add(found, token.idx, token.idx + len(token.text), token.text, "pronoun")
                if says(token):
                    _spoke(speakers, found.id)
                kind = lang.PRONOUNS[token.lower_]
                if kind in ("m", "f") and found.gender is None:
                    found.assumed = kind
                _see(seen, found, token, where, pronoun=True)
        elif (described := _described(article, token, where, seen)) is not None:
            for span in phrases(doc, token, named_owner=False):
                _add(described, span.start_char, span.end_char, span.text, "description")
            if predicate_subject(token) is None:  # the subject stays its clause's mention
                _see(seen, described, token, where, pronoun=False)
            if says(token):
                _spoke(speakers, described.id)
        elif _unnamed_speaker(token, names_at):
            _spoke(speakers, Unnamed(lang.GENDERED_NOUNS.get(token.lower_)))


def _possessor_referent(
    article: Article, token: Token, resolved: dict[int, Referent]
) -> Referent | None:
    """Whose the noun is: the referent of its possessive pronoun ("his") as this pass
    resolved it, or of the name before its "'s"."""
    owner = possessor(token)
    if owner is None:
        return None
    if owner.tag_ == "PRP$":
        return resolved.get(owner.i)
    return article.named.get(owner.i)


def _related(
    article: Article,
    token: Token,
    resolved: dict[int, Referent],
    relations: dict[tuple[str, str], Referent],
) -> Referent | None:
    """ "His father" after "his father, Johann Lind,": the one the article described with
    the same noun and the same possessor before (a relative, a lawyer, a coach)."""
    if token.i not in article.possessed:
        return None
    owner = _possessor_referent(article, token, resolved)
    return relations.get((owner.id, token.lower_)) if owner is not None else None


def _described(
    article: Article, token: Token, where: Context, seen: dict[str, Seen]
) -> Referent | None:
    """The referent a definite description ("the minister") or a predicate nominal ("Varga
    is a chemist") stands for, if any."""
    if token.i not in article.describable:
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


def _contexts(tokens: list[Token], quoted: list[QuotedSpan]) -> list[Context]:
    """Each token's sentence number and whether it is inside quotation marks. The tokens of a
    sentence on one side of the marks share one (immutable) `Context`: made once, not per
    token."""
    starts = [q.start for q in quoted]
    contexts: list[Context] = []
    made: dict[tuple[int, bool], Context] = {}
    sentence = -1
    for token in tokens:
        if token.is_sent_start:
            sentence += 1
        idx = token.idx
        index = bisect.bisect_right(starts, idx) - 1
        inside = index >= 0 and quoted[index].start <= idx < quoted[index].end
        key = (max(sentence, 0), inside)
        context = made.get(key)
        if context is None:
            context = made[key] = Context(sentence=key[0], quoted=inside)
        contexts.append(context)
    return contexts


def _is_pronoun(token: Token) -> bool:
    if token.tag_ not in lang.PRONOUN_TAGS:  # the cheaper test first: most tokens fail it
        return False
    lower = token.lower_
    if lower not in lang.PRONOUNS:
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
    article: Article,
    seen: dict[str, Seen],
    later: list[tuple[Token, Referent]],
    speakers: list[Latest],
    ranker: Scorer,
    observe: Observer | None,
) -> Referent | None:
    kind = lang.PRONOUNS[pronoun.lower_]
    personal = kind in ("m", "f")
    if not personal and not (says(pronoun) or pronoun.tag_ == "PRP$"):
        return None
    if personal and says(pronoun) and _continues_unnamed(speakers, kind):
        return None  # "A councillor said … He warned …": the quote step links the two
    reach = PRONOUN_REACH if personal else THING_REACH
    speaking = says(pronoun) and not where.quoted
    latest = {
        rid: _latest(s, speaking)
        for rid, s in seen.items()
        if not (speaking and s.outside is None)  # named only inside quotations so far
    }
    commanded = _commanded_names(pronoun, article.names_at)
    bound = _bound_subject(pronoun)
    # A "she said" after a long quotation goes on with its speaker, however many sentences
    # the quotation ran over: only the sentences the article tells in its own words count.
    sentences = article.told if speaking else None
    reported = where.quoted and _reported_quotation(pronoun, article)
    quotation = _quotation_sentences(pronoun, where, article)
    recent = sorted(
        (
            r
            for r in article.referents
            if r.id in latest
            and _sentences_between(sentences, latest[r.id].context, where) <= reach
        ),
        key=lambda r: latest[r.id].head.i,
        reverse=True,
    )
    candidates = [
        r
        for r in recent
        if _agrees(kind, r)
        and r.id not in commanded
        and not _in_own_statement(pronoun, latest[r.id], article)
        and (reported or not _speaker_of_quotation(where, seen[r.id], quotation))
        and name_head(latest[r.id].head).i != bound  # `_binds`
    ][:MAX_CANDIDATES]
    scored: list[tuple[str, list[str]]] = []
    subjects = [r.id for r in candidates if role(latest[r.id].head) in SUBJECT_DEPS]
    last_speaker = _latest_speaker(speakers, {r.id for r in candidates})
    names_rank, first_rank = _topic_ranks(candidates)
    # Whose turn it is: a rule, not the ranker, which learns from texts with few quotes.
    # Training (`observe`) still sees these pronouns, so that the ranker learns from them too.
    if speaking and personal and observe is None:
        turn = _next_speaker(last_speaker, candidates, latest)
        if turn is not None:
            article.sure.add(pronoun.idx)
            return turn
    named_after = {r.id for head, r in later if _subject_after(pronoun, head)}
    clauses = PronounClauses(pronoun)  # walked once, when first asked, not per candidate
    for rank, referent in enumerate(candidates):
        last = latest[referent.id]
        subject_rank = subjects.index(referent.id) if referent.id in subjects else 3
        candidate = Candidate(
            referent,
            last.head,
            last.context,
            rank,
            last.count,
            last.pronoun,
            subject_rank=subject_rank,
            last_speaker=referent.id == last_speaker,
            names_rank=names_rank[referent.id],
            first_rank=first_rank[referent.id],
            subject_after=referent.id in named_after,
            sentences_back=_sentences_between(sentences, last.context, where),
        )
        scored.append((referent.id, pair_features(pronoun, where, candidate, clauses)))
    # A name later in the pronoun's sentence ("Before she left, Ann …"), when not seen yet.
    for head, referent in later:
        fresh = head.i > pronoun.i and referent.id not in seen and referent not in candidates
        if fresh and _agrees(kind, referent) and referent.id not in commanded:
            candidate = Candidate(referent, head, where, 0, 0, False, ahead=True)
            candidates.append(referent)
            scored.append((referent.id, pair_features(pronoun, where, candidate, clauses)))
    if observe is not None:
        observe(pronoun, scored)
    best: tuple[float, Referent] | None = None
    for referent, (_, features) in zip(candidates, scored, strict=True):
        value = ranker.score(features)
        if best is None or value > best[0]:
            best = (value, referent)
    if best is None or best[0] < ranker.threshold:
        return None
    if best[0] >= VOTE_SCORE:
        article.sure.add(pronoun.idx)
    return best[1]


def _sentences_between(told: Sequence[int] | None, before: Context, where: Context) -> int:
    """How many sentences back the earlier context is: all of them, or with `told` (the
    count of sentences with words outside quotation marks up to each one) those only."""
    if told is None:
        return where.sentence - before.sentence
    return told[where.sentence] - told[before.sentence]


def _subject_after(pronoun: Token, name: Token) -> bool:
    """A name after the pronoun that is the subject of a verb whose clause holds the pronoun
    before it: the pronoun's clause opens the name's ("Known for his wit, Carr played …")."""
    verb = name_head(name).head
    return (
        pronoun.i < name.i
        and pronoun.i < verb.i
        and role(name) in SUBJECT_DEPS
        and verb.is_ancestor(pronoun)
    )


def _topic_ranks(candidates: list[Referent]) -> tuple[dict[str, int], dict[str, int]]:
    """Each candidate's rank among the candidates by how often the whole article names it
    (most first, ties sharing a rank) and by where it is first named (earliest first)."""
    counts = sorted({len(r.spans) for r in candidates}, reverse=True)
    firsts = sorted({_first_named(r) for r in candidates})
    return (
        {r.id: counts.index(len(r.spans)) for r in candidates},
        {r.id: firsts.index(_first_named(r)) for r in candidates},
    )


def _first_named(referent: Referent) -> int:
    return referent.spans[0].start if referent.spans else 1 << 30


def _latest(seen: Seen, speaking: bool) -> Seen:
    """A referent's latest mention as a pronoun's candidate: for the subject of a verb of
    saying outside quotation marks, its latest mention outside them ("'… Ilona Varga broke
    her word,' he added": he is the speaker, not Varga; someone named only inside
    quotations is no candidate for it)."""
    if speaking and seen.outside is not None:
        head, context = seen.outside
        return replace(seen, head=head, context=context, pronoun=False)
    return seen


def _next_speaker(
    speaker: str | None, candidates: list[Referent], latest: dict[str, Seen]
) -> Referent | None:
    """Whose is a "he said" outside quotation marks, counted from the latest speaker's turn
    (`_spoke_at`: their latest mention as a main clause's subject, or else their latest;
    a mention as an object since, "Eva Lind agreed with Ann Roos.", is no turn of theirs):
    - the one person the pronoun agrees with that the article introduced since
      (`_introduced`: "… worries Piet Alder, the head of the union. '…,' he said");
    - else the latest main subject since, when that is someone else ("Ann Roos said …
      Eva Lind disagreed. '…,' she said": Lind's);
    - else the speaker goes on ("Ann Roos said … 'It will pass.' She added …"), whoever
      else the sentences between name."""
    if speaker is None:
        return None
    last = latest[speaker]
    since = _spoke_at(last)
    # Past the sentence of the speaker's own clause ("Ann Roos, of Vellby, Ohio, said").
    after = last.head.doc[since].sent.end
    introduced = [r for r in candidates if _introduced(r, latest[r.id], after)]
    if len(introduced) == 1:
        return introduced[0]
    later = [r for r in candidates if r.id != speaker and latest[r.id].subject_at > since]
    if later:
        return max(later, key=lambda r: latest[r.id].subject_at)
    return next(r for r in candidates if r.id == speaker)


def _spoke_at(seen: Seen) -> int:
    """Where the latest speaker was last the subject of a main clause, or else last named."""
    return seen.subject_at if seen.subject_at >= 0 else seen.head.i


def _introduced(referent: Referent, seen: Seen, after: int) -> bool:
    """A person first named from token `after` on, outside quotation marks, with an
    apposition that says who they are ("… concerns Ilona Varga, the head of the union."):
    news introduces the next speaker so, in whatever role the sentence gives them."""
    if not referent.spans or seen.context.quoted or not referent.personal:
        return False
    first = referent.spans[0]
    return first.start >= after and any(
        c.dep_ == "appos" and c.i >= first.end for c in first.root.children
    )


def _commanded_names(pronoun: Token, names_at: dict[int, list[Referent]]) -> set[str]:
    """The referents named after the pronoun in its own clause, below it: never the
    pronoun's referent ("he said of Varga", "she gave Ann's book to Tom" are not Varga or
    Ann). Only within the clause: in a clause below ("she told Tom that Ann …") writers often
    name the pronoun's referent anyway. A possessive's domain is its noun phrase ("his
    mother met Tom": his may be Tom's)."""
    if pronoun.tag_ != "PRP" or pronoun.lower_ in lang.REFLEXIVE_PRONOUNS:
        return set()
    verb, own = pronoun.head, {t.i for t in pronoun.subtree}
    if verb.dep_ == "ROOT" and any(c.dep_ == "mark" for c in verb.children):
        return set()  # "While she spoke, Ann …" parsed with the main clause below "spoke"
    return {
        referent.id
        for token in verb.subtree
        if token.i in names_at  # a name first: the clause test costs more
        and token.i > pronoun.i
        and token.i not in own
        and _in_clause_of(token, verb)
        for referent in names_at.get(token.i, ())
    }


def _in_clause_of(token: Token, verb: Token) -> bool:
    """Whether no other verb stands between the token and the verb above it, and the token
    is no predicate ("he was created Baron Carr", "served as Carr's deputy" may be him)."""
    if _predicate(token) or _predicate(token.head):
        return False
    head = token.head
    while head.i != verb.i:
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            return False
        head = head.head
    return True


def _predicate(token: Token) -> bool:
    while token.dep_ in ("compound", "poss") and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("attr", "oprd", "appos"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "as"


def _spoke(speakers: list[Latest], who: Latest) -> None:
    if who in speakers:
        speakers.remove(who)
    speakers.append(who)


def _latest_speaker(speakers: list[Latest], among: set[str]) -> str | None:
    """The latest speaker among the pronoun's candidates: the one who agrees with it, even
    when someone of the other gender spoke since ("Ann said … Tom said … She added")."""
    for who in reversed(speakers):
        if isinstance(who, str) and who in among:
            return who
    return None


def _unnamed_speaker(token: Token, names_at: dict[int, list[Referent]]) -> bool:
    """A person the article describes but does not name, as the subject of a verb of saying
    ("A councillor from the ward said")."""
    if token.i in names_at or token.pos_ != "NOUN" or not says(token):
        return False
    return token.lower_ in lang.PERSON_NOUNS or token.lower_ in lang.GENDERED_NOUNS


def _continues_unnamed(speakers: list[Latest], kind: str) -> bool:
    """Whether the latest speaker is an unnamed person the pronoun's gender may fit: a "he"
    who says something next is that person, not someone named before."""
    latest = speakers[-1] if speakers else None
    return isinstance(latest, Unnamed) and latest.gender in (None, kind)


def _in_own_statement(pronoun: Token, last: Seen, article: Article) -> bool:
    """A name inside what the pronoun is said to say ("People like Scott," he said; "Berg
    broke her word," he said): the speaker is someone else. Not a name outside quotation
    marks before a quotation that ends before the pronoun: the parser may hang a clause that
    introduces the quotation from the pronoun's verb ("McKay scolded him: '…,' she said"),
    and that name is the speaker's."""
    mention = last.head
    if not (says(pronoun) and pronoun.head.is_ancestor(mention)):
        return False
    if last.context.quoted:
        return True
    # The first quotation after the mention is the first to end: is it over by the pronoun?
    after = bisect.bisect_right(article.quote_starts, mention.idx)
    return after == len(article.quoted) or article.quoted[after].end > pronoun.idx


def _binds(pronoun: Token, mention: Token) -> bool:
    """Whether the mention is the subject of the pronoun's own clause, which an object pronoun
    never refers to ("Ann praised her": not Ann; she would be "herself"). The clause's subject
    is `clause_subject`'s: a relative pronoun's noun ("Eva, who praised her": not Eva), the
    subject a clause shares ("Ann waved and thanked her", "Ann left, thanking her"), an
    infinitive's controller ("Ann urged Eva to call her": not Eva; "Joe threatens to throw
    him": not Joe). The subject of an infinitive after a verb is that verb's object ("Joe
    allows him to sit", "Ann believed her to be dead": not Joe, not Ann); so is the object of
    the verb's own preposition ("Ann was furious with her": not Ann), but for prepositions of
    place ("behind her") and a "with" after an object ("took the bag with her"). A
    possessive is free ("Joe sold his car"), but in what a copula says its subject is ("Tom
    was his coach": not Tom)."""
    bound = _bound_subject(pronoun)
    return bound is not None and bound == name_head(mention).i


def _bound_subject(pronoun: Token) -> int | None:
    """The token index of the subject that `_binds` keeps the pronoun from, if any: it
    depends on the pronoun alone, so it is found once per pronoun, not per candidate."""
    if _predicate_possessive(pronoun):
        verb = pronoun.head.head
    elif pronoun.tag_ != "PRP" or pronoun.lower_ in lang.REFLEXIVE_PRONOUNS:
        return None
    elif pronoun.dep_ in lang.OBJECT_DEPS:
        verb = pronoun.head
    elif (verb_of := _preposition_verb(pronoun)) is not None:
        verb = verb_of
    elif _infinitive_subject(pronoun):
        verb = clause_head(pronoun.head.head)
    else:
        return None
    subject = clause_subject(verb)
    return subject.i if subject is not None else None


def _predicate_possessive(pronoun: Token) -> bool:
    """A possessive in what a copula says its subject is ("Tom was his coach", "Tom, who
    became his deputy": not Tom), unless it is the subject's own ("his own worst enemy")."""
    noun = pronoun.head
    return (
        pronoun.tag_ == "PRP$"
        and noun.dep_ == "attr"
        and noun.head.lemma_ in lang.COPULAS
        and not (pronoun.i + 1 < len(pronoun.doc) and pronoun.nbor(1).lower_ == "own")
    )


def _preposition_verb(pronoun: Token) -> Token | None:
    """The verb whose own preposition has the pronoun as its object ("Ann was furious with
    her", "Ann worked with him"), if any; none for a preposition of place ("behind her") or
    a "with" after an object ("took the bag with her"), which may be the subject's."""
    preposition = pronoun.head
    if pronoun.dep_ != "pobj" or preposition.dep_ != "prep":
        return None
    if preposition.lower_ in lang.SPATIAL_PREPOSITIONS:
        return None
    verb = preposition.head
    if verb.dep_ == "acomp":
        verb = verb.head
    if verb.pos_ not in CLAUSE_POS:
        return None
    if preposition.lower_ == lang.COMITATIVE_PREPOSITION and any(
        c.dep_ in lang.OBJECT_DEPS for c in verb.children
    ):
        return None
    return verb


def _infinitive_subject(pronoun: Token) -> bool:
    """The subject of an infinitive that is a verb's complement ("allows him to sit")."""
    verb = pronoun.head
    return (
        pronoun.dep_ == "nsubj"
        and verb.dep_ in ("ccomp", "xcomp")
        and verb.head.i != verb.i
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    )


def _quotes_speaker(
    where: Context, mention: Token, mention_where: Context, sentences: frozenset[int]
) -> bool:
    """The speaker of the quotation a pronoun stands in ("'I warned her,' said Tomas Berg"):
    the subject of a verb of saying outside the quotation marks, in the pronoun's sentence
    or one where its quotation opens or closes (`_quotation_sentences`). Speakers call
    themselves "I" in their own words, so a third-person pronoun there is someone else."""
    return (
        where.quoted
        and not mention_where.quoted
        and mention_where.sentence in sentences
        # "Ann Roos, the mayor, said": the apposition is the speaker's latest mention.
        and (says(mention) or (mention.dep_ == "appos" and says(mention.head)))
    )


def _speaker_of_quotation(where: Context, seen: Seen, sentences: frozenset[int]) -> bool:
    """`_quotes_speaker` for a referent's latest mention outside quotation marks: a pronoun
    inside the quotation resolved to its speaker by mistake must not carry the mistake on
    to the next one."""
    if not where.quoted or seen.outside is None:
        return False
    head, context = seen.outside
    return _quotes_speaker(where, head, context, sentences)


def _quotation_sentences(pronoun: Token, where: Context, article: Article) -> frozenset[int]:
    """The pronoun's sentence and, inside quotation marks, the sentences where its quotation
    opens and closes (`Article.quotation_edges`)."""
    own = frozenset((where.sentence,))
    if not where.quoted:
        return own
    index = bisect.bisect_right(article.quote_starts, pronoun.idx) - 1
    return own | article.quotation_edges[index] if index >= 0 else own


def _reported_quotation(pronoun: Token, article: Article) -> bool:
    """Whether the pronoun's quotation opens right after a "that" ("Tom wrote that 'the plan
    never pleased him'"): words quoted inside reported speech, where the speaker is a third
    person, not "I"."""
    index = bisect.bisect_right(article.quote_starts, pronoun.idx) - 1
    if index < 0:
        return False
    start = article.quoted[index].start
    # A window before the quotation, wide enough for its marks, spaces and the word.
    window = article.text[max(0, start - REPORTED_WINDOW) : start]
    before = window.rstrip().rstrip(QUOTE_CHARACTERS).rstrip()
    word = lang.REPORTED_SPEECH_WORD
    return before.lower().endswith(word) and not before[-len(word) - 1 : -len(word)].isalnum()


def _vote_genders(article: Article) -> None:
    """A "he" or "she" with one person only named in its sentence and the one before can only
    refer to that person: its gender is evidence about the person."""
    by_id = {r.id: r for r in article.referents}
    contexts, names_at = article.contexts, article.names_at
    recent: dict[str, int] = {}  # referent id → sentence of its latest name
    for token in article.stops:  # every name and every pronoun
        sentence = contexts[token.i].sentence
        for referent in names_at.get(token.i, ()):
            if _person_lookalike(referent):
                recent[referent.id] = sentence
        kind = lang.PRONOUNS.get(token.lower_)
        if kind not in ("m", "f") or token.tag_ not in lang.PRONOUN_TAGS:
            continue
        owner = _clause_subject_name(token, names_at)
        if owner is not None and _named_as_a_body(owner):
            continue  # "the Vellmar Courier revealed her name": not the Courier's
        if owner is not None:
            owner.gender_votes[str(kind)] += 1
            owner.person_evidence += 1
            continue
        near = [rid for rid, s in recent.items() if sentence - s <= 1]
        if len(near) == 1 and _may_be_person(by_id[near[0]]):
            by_id[near[0]].gender_votes[str(kind)] += 1


def _person_lookalike(referent: Referent) -> bool:
    """A name a reader could take for a person's: one a "he" or "she" may reach, or one with
    a person's shape and type that the article's words make a place, a body or a work
    (`Referent.thing_evidence`: "Camp Orrin, where he trained"). Such a name beside a "he"
    leaves two names near it, not only the other's: no vote (GUM train: 7 pronouns lost to
    a work or a place that became the one name near, "Bible" given Eugene Nida's "he"s)."""
    if _may_be_person(referent):
        return True
    shaped = referent.entity.type in PERSONAL_TYPES and referent.person_shaped
    return shaped and referent.thing_evidence > 0


def _may_be_person(referent: Referent) -> bool:
    """A referent a "he" or "she" could name, whatever its gender."""
    if referent.personal:
        return True
    entity_type = referent.entity.type
    if referent.never_a_person or (entity_type in PLACE_TYPES and referent.place_named):
        return False
    # The tagger types some people ORG, GPE or PRODUCT: those with a person's name shape.
    return entity_type in PERSONAL_TYPES and referent.person_shaped and not referent.place_like


def _named_as_a_body(referent: Referent) -> bool:
    """A name the tagger did not type a person's with a word that names a body or a
    publication ("Vellmar Courier", "Orrin University"): a possessive in its clause is
    someone else's ("the Courier revealed her identity", "Orrin University gave her a
    degree"), no evidence that the body is a person. Typed a person's, the name must also be
    written after "the" at every mention, as no one's is: "Emily Post" is a person."""
    if not referent.name_words & lang.BODY_NAME_WORDS:
        return False
    spans = referent.spans
    return referent.entity.type != "PERSON" or (bool(spans) and referent.definite == len(spans))


def _clause_subject_name(pronoun: Token, names_at: dict[int, list[Referent]]) -> Referent | None:
    """The one named subject of a possessive's or reflexive's own clause, which English
    binds it to ("Byron received his education", "Ann asked herself"), or the name the
    possessive's noun is coordinated with ("born to Tom Ure and his wife": Tom Ure's, not
    the subject's): evidence that the name is a person's, and of the person's gender."""
    if pronoun.tag_ != "PRP$" and pronoun.lower_ not in lang.REFLEXIVE_PRONOUNS:
        return None
    if _after_named_conjunct(pronoun):
        found = names_at.get(pronoun.head.head.i, [])
        return found[0] if len(found) == 1 else None
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i]
    if len(subjects) != 1:
        return None
    found = names_at.get(subjects[0].i, [])
    return found[0] if len(found) == 1 else None


def _after_named_conjunct(pronoun: Token) -> bool:
    """A possessive of a noun coordinated with a name before it ("born to Tom Ure and his
    wife", "neither Ann Roos nor her son"): the possessive is most often that name's."""
    noun = pronoun.head
    return (
        pronoun.tag_ == "PRP$"
        and noun.dep_ == "conj"
        and noun.head.i < pronoun.i
        and noun.head.pos_ == "PROPN"
    )


def _see(
    seen: dict[str, Seen], referent: Referent, head: Token, where: Context, pronoun: bool
) -> None:
    before = seen.get(referent.id)
    count = before.count + 1 if before is not None else 1
    if not where.quoted:
        outside: tuple[Token, Context] | None = (head, where)
    else:
        outside = before.outside if before is not None else None
    subject_at = before.subject_at if before is not None else -1
    if not where.quoted and role(head) in SUBJECT_DEPS and main_subject(head):
        subject_at = head.i
    seen[referent.id] = Seen(head, where, count, pronoun, outside, subject_at)


def _add(referent: Referent, start: int, end: int, text: str, kind: records.MentionKind) -> None:
    referent.added.append(records.Mention(start, end, text, kind))


def _finished(referent: Referent) -> Entity:
    entity = referent.entity
    taken = {(m.start, m.end) for m in entity.mentions}
    added = [m for m in referent.added if (m.start, m.end) not in taken]
    mentions = tuple(sorted((*entity.mentions, *added), key=lambda m: (m.start, m.end)))
    return replace(entity, mentions=mentions, type=_corrected_type(referent))


def _corrected_type(referent: Referent) -> str:
    """The entity's type, corrected where the article's words contradict the tagger: a
    person by `_is_person`; a product, work, event or law that speaks ("said Varennes") is
    someone: a person when its name has a person's shape, else a body; a "person" the
    article only ever writes as a place is one."""
    if _is_person(referent):
        return "PERSON"
    entity_type = referent.entity.type
    if entity_type == "PERSON" and _only_a_place(referent):
        return "GPE"  # only ever a place ("the port of Vellby"), never a person who speaks
    if entity_type in SILENT_TYPES and referent.speaks:
        return "PERSON" if referent.person_shaped else "ORG"
    return entity_type


def _only_a_place(referent: Referent) -> bool:
    """A name the article only ever writes as a place, that has no person's given name
    ("in Julian Lowe's film") and is never someone's ("passed Spencer's")."""
    if not referent.place_like or referent.entity.name.split()[0].lower() in GIVEN_NAMES:
        return False
    return not any(
        span.end < len(span.doc) and span.doc[span.end].lower_ in POSSESSIVE_SUFFIXES
        for span in referent.spans
    )


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
