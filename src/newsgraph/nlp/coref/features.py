"""Features of a (pronoun, candidate referent) pair for the mention ranker.

Every feature is a string; the ranker sums their weights. They say how the candidate's latest
mention and the pronoun sit in the text and the parse: how far apart, in which grammatical
roles (a subject is the likeliest antecedent, the same role on both sides likelier still),
whether one governs the other, and what the article says about the candidate.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Token

from newsgraph.lang.en import coref as lang
from newsgraph.nlp.coref.referents import Referent

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependency labels kept as they are; the rest are "other".
ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr"})
# Words that head a clause.
CLAUSE_POS = frozenset({"VERB", "AUX"})
# Clauses without a subject of their own that share the subject of the clause they hang on:
# "Ann left and thanked him", "Ann tried to call him", "Ann left, thanking him".
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "advcl", "conj"})
# Tags of a relative pronoun that stands for the noun its clause describes ("Ann, who left").
RELATIVE_TAGS = frozenset({"WP", "WDT"})
# How many clauses up from the pronoun the clause-subject features look.
SUBJECT_LEVELS = 2


@dataclass(frozen=True, slots=True)
class Context:
    """Where a pronoun or mention sits: its sentence and whether inside quotation marks."""

    sentence: int
    quoted: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    referent: Referent
    mention: Token  # the head of its latest mention before the pronoun
    context: Context
    rank: int  # 0 for the most recently mentioned candidate, then 1, 2, ...
    mentions_before: int  # how often the article has named or referred to it so far
    pronoun_mention: bool  # its latest mention is itself a resolved pronoun
    ahead: bool = False  # named later in the pronoun's sentence, not before it
    subject_rank: int = 3  # 0 when the latest subject among the candidates, then 1, 2, ...
    last_speaker: bool = False  # the latest subject of a verb of saying among the candidates
    # The article's topic is the person it names most and first: 0 when this candidate has
    # the most names in the whole article (or is named first) among the candidates, then 1, 2.
    names_rank: int = 0
    first_rank: int = 0
    # Named again later in the pronoun's sentence as the subject of the clause the pronoun's
    # own opening clause hangs on ("Known for his wit, Carr played …").
    subject_after: bool = False
    # Sentences back from the pronoun when not all count: for a "she said" outside quotation
    # marks, a quotation's own sentences are skipped (`resolve._sentences_between`).
    sentences_back: int | None = None


def role(token: Token) -> str:
    """The grammatical role of a mention head, through a compound name to its head; the
    agent of a passive ("was told by Ann") is a role of its own."""
    token = name_head(token)
    return token.dep_ if token.dep_ in ROLE_DEPS else "other"


@dataclass(frozen=True)  # no slots: `cached_property` keeps its value in the instance
class PronounClauses:
    """What the clauses above a pronoun say of any candidate, for `subject_level` and
    `_inside_subject` to look a candidate's mention up in. It depends on the pronoun alone:
    made once per pronoun, each part walked the first time a candidate in the pronoun's
    sentence asks (most pronouns in news have none there), then kept."""

    pronoun: Token

    @cached_property
    def subjects(self) -> tuple[int, ...]:
        """The token indices of the clause subjects counted up from the pronoun, nearest
        first (at most `SUBJECT_LEVELS`): the first is level 1, the next level 2."""
        return _counted_subjects(self.pronoun)

    @cached_property
    def free_subjects(self) -> tuple[Token, ...]:
        """The subjects of the `SUBJECT_LEVELS + 1` clauses up from the pronoun that do not
        hold it: a name inside one of them is `_inside_subject`."""
        return _free_subjects(self.pronoun)


def pair_features(
    pronoun: Token, where: Context, candidate: Candidate, clauses: PronounClauses
) -> list[str]:
    """The features of a pronoun and a candidate; `clauses` are the pronoun's."""
    referent, mention = candidate.referent, candidate.mention
    p_role, m_role = role(pronoun), role(mention)
    distance = candidate.sentences_back
    if distance is None:
        distance = where.sentence - candidate.context.sentence
    if candidate.ahead:
        return _ahead_features(pronoun, mention, referent, p_role, m_role)
    features = [
        "bias",
        f"sentences={min(distance, 3)}",
        f"rank={min(candidate.rank, 3)}",
        f"m_role={m_role}",
        f"p_role={p_role}",
        f"roles={m_role}|{p_role}",
        f"type={referent.entity.type}",
        f"seen={min(candidate.mentions_before, 4)}",
        f"pronoun={lang.PRONOUNS[pronoun.lower_]}",
        f"form={pronoun.tag_}|m_role={m_role}",
        f"m_role={m_role}|sentences={min(distance, 2)}",
        f"p_role={p_role}|rank={min(candidate.rank, 2)}",
        f"roles={m_role}|{p_role}|sentences={min(distance, 2)}",
        f"names={min(len(referent.spans), 4)}",
        f"words={min((pronoun.i - mention.i) // 8, 5)}",
        f"subject_rank={min(candidate.subject_rank, 2)}",
        f"names_rank={min(candidate.names_rank, 2)}",
        f"first_rank={min(candidate.first_rank, 2)}",
        f"names_rank={min(candidate.names_rank, 2)}|p_role={p_role}",
    ]
    if distance == 0:
        features.append(f"same_sentence_rank={min(candidate.rank, 2)}")
        if _governs(mention, pronoun):
            features.append("m_governs_p")
        if mention.head.i == pronoun.head.i and pronoun.lower_ not in lang.REFLEXIVE_PRONOUNS:
            features.append("same_predicate")  # "Ann praised her": not Ann
        if _controls(mention, pronoun):
            features.append("m_object_controls_p")  # "Ann urged Eva to tell her story": Eva
        if mention.head.is_ancestor(pronoun):
            features.append(f"m_clause_holds_p|m_role={m_role}")
        features.extend(_path_features(mention, pronoun))
        level = subject_level(mention, clauses)
        if level is not None:
            # "Ann met Tom at his house", "When Ann left, she …", "Eva, who lost her bag":
            # the subject of the pronoun's own clause, or of the clause it hangs on.
            features.append(f"subject_level={level}|p_role={p_role}")
        if _coordinated(mention, pronoun):
            features.append("coordinated")  # "Ann met Tom and his son": Tom's
        if _inside_subject(mention, clauses):
            features.append("m_inside_subject")  # "Ann, Tom's wife, said he …": Ann's
    if candidate.subject_after:
        features.append("subject_after")  # "Known for his wit, Carr …" though named before
    if pronoun.lower_ in lang.REFLEXIVE_PRONOUNS:
        features.append(f"reflexive_sentences={min(distance, 1)}")
    if referent.gender_by_name:
        features.append("gender_by_name")  # weaker than what the article says
    elif referent.gender is not None:
        features.append("gender_known")
    kind = lang.PRONOUNS[pronoun.lower_]
    if kind in ("m", "f"):
        # How much the article's words say the candidate has the pronoun's gender.
        votes = referent.gender_votes
        features.append(f"votes_for={min(round(votes[kind]), 3)}")

    if referent.personal and referent.entity.type != "PERSON":
        features.append("person_by_evidence")
    if referent.place_like:
        features.append("place_like")
    if referent.speaks:
        features.append("speaks")
    if candidate.last_speaker:
        features.append(f"last_speaker|p_says={_says(pronoun)}")
    if candidate.pronoun_mention:
        features.append("m_is_pronoun")
    p_speaks = _says(pronoun)
    m_speaks = _says(mention)
    if p_speaks:
        features.append(f"p_says|m_says={m_speaks}")
        features.append(f"p_says|m_quoted={candidate.context.quoted}")
    if where.quoted:
        features.append(f"p_quoted|m_quoted={candidate.context.quoted}")
    if m_role in SUBJECT_DEPS and _first_subject(mention):
        features.append("m_main_subject")
    if _parenthesised(mention):
        features.append("m_parenthesised")  # "Maria (Imelda Staunton)": the actor in brackets
    if _quoted_name(mention):
        features.append("m_quoted_name")  # "the single ``Girlfriend''": a title, not a person
    return features


def _quoted_name(mention: Token) -> bool:
    """Whether quotation marks enclose the name and nothing else (a title: "``Girlfriend''")."""
    start, end = name_start(mention), name_head(mention)
    doc = mention.doc
    return (
        start.i > 0
        and end.i + 1 < len(doc)
        and doc[start.i - 1].is_quote
        and doc[end.i + 1].is_quote
    )


def _parenthesised(mention: Token) -> bool:
    """Whether the mention stands right after an opening bracket."""
    start = name_start(mention)
    return start.i > 0 and start.nbor(-1).text in ("(", "[")


def name_start(token: Token) -> Token:
    """The first word of the name whose head is `token` ("Ilona Varga" → Ilona)."""
    head = name_head(token)
    words = [t for t in head.lefts if t.dep_ == "compound"]
    return words[0] if words else head


def _ahead_features(
    pronoun: Token, mention: Token, referent: Referent, p_role: str, m_role: str
) -> list[str]:
    """A name after the pronoun in its sentence: "Before his marriage, Ann's brother …"."""
    verb = name_head(mention).head
    opening = pronoun.i < verb.i and verb.is_ancestor(pronoun) and m_role in SUBJECT_DEPS
    return [
        "bias",
        "ahead",
        f"ahead|p_role={p_role}",
        f"ahead|m_role={m_role}",
        f"type={referent.entity.type}",
        f"ahead|pronoun={pronoun.lower_}",
        f"ahead|main_subject={_first_subject(mention)}",
        f"ahead|opening_clause={opening}",  # the pronoun in a clause before the subject
        f"ahead|words={min((mention.i - pronoun.i) // 5, 3)}",
    ]


# The longest dependency path between a mention and a pronoun kept whole as a feature.
MAX_PATH = 5


def _path_features(mention: Token, pronoun: Token) -> list[str]:
    """How the mention and the pronoun meet in the parse of their sentence: the dependency
    labels up from the mention to the word that governs both, and down to the pronoun
    ("Ann met Tom, and she …": nsubj up, conj nsubj down). The branches at the meeting word
    tell a clause's own subject ("When Ann left, she …": advcl) from a name inside another
    phrase ("Tom's friend … his"), a coordination ("Tom and his son") or an apposition."""
    up = _up_to_meeting(name_head(mention), pronoun)
    if up is None:
        return []
    labels, meeting = up
    down = [t.dep_ for t in _down_from(meeting, pronoun)]
    features = [
        f"meet={meeting.pos_}|up={labels[-1] if labels else '-'}|down={down[0] if down else '-'}"
    ]
    if len(labels) + len(down) <= MAX_PATH:
        features.append(f"path={'>'.join(labels)}|{'>'.join(down)}")
    return features


def _up_to_meeting(mention: Token, pronoun: Token) -> tuple[list[str], Token] | None:
    """The labels from the mention up to the nearest word that also governs the pronoun, and
    that word (None when the parse puts them in different trees)."""
    labels: list[str] = []
    token = mention
    while not (token.i == pronoun.i or token.is_ancestor(pronoun)):
        if token.head.i == token.i:
            return None
        labels.append(token.dep_)
        token = token.head
    return labels, token


def _down_from(meeting: Token, pronoun: Token) -> list[Token]:
    """The words from below `meeting` down to the pronoun, top first."""
    path: list[Token] = []
    token = pronoun
    while token.i != meeting.i:
        path.insert(0, token)
        token = token.head
    return path


def clause_head(token: Token) -> Token:
    """The word heading the clause a word is in: the word itself when it is a verb."""
    while token.pos_ not in CLAUSE_POS and token.head.i != token.i:
        token = token.head
    return token


def clause_subject(verb: Token) -> Token | None:
    """The subject of the clause `verb` heads, as the word for whom it stands: for a relative
    pronoun the noun its clause describes ("Ann, who left": Ann; through an apposition,
    "Ann, a nurse who left": Ann); for a clause without a subject of its own the subject it
    shares ("Ann left and thanked him") or, for an infinitive after an object, that object
    ("Ann urged Eva to call him": Eva)."""
    for _ in range(SUBJECT_LEVELS + 1):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            subject = subjects[0]
            if subject.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
                noun = verb.head
                return name_head(noun.head if noun.dep_ == "appos" else noun)
            return name_head(subject)
        if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head.i == verb.i:
            return None
        above = clause_head(verb.head)
        if verb.dep_ == "xcomp":
            objects = [c for c in above.children if c.dep_ in lang.OBJECT_DEPS and c.i < verb.i]
            if objects:
                return name_head(objects[0])
        verb = above
    return None


def _counted_subjects(pronoun: Token) -> tuple[int, ...]:
    """The subjects of the clauses up from the pronoun, nearest first, up to
    `SUBJECT_LEVELS` of them: a clause without a subject (`clause_subject`) or whose own
    subject is or holds the pronoun does not count ("When she left, Ann …": Ann is 1)."""
    subjects: list[int] = []
    verb = clause_head(pronoun.head)
    while True:
        subject = clause_subject(verb)
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        covers = bool(own) and (own[0].i == pronoun.i or own[0].is_ancestor(pronoun))
        if subject is not None and not covers:
            subjects.append(subject.i)
            if len(subjects) >= SUBJECT_LEVELS:
                return tuple(subjects)
        if verb.head.i == verb.i:
            return tuple(subjects)
        verb = clause_head(verb.head)


def _free_subjects(pronoun: Token) -> tuple[Token, ...]:
    """The subjects of the `SUBJECT_LEVELS + 1` clauses up from the pronoun, of those that
    do not hold the pronoun."""
    free: list[Token] = []
    verb = clause_head(pronoun.head)
    for _ in range(SUBJECT_LEVELS + 1):
        for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
            if not subject.is_ancestor(pronoun):
                free.append(subject)
        if verb.head.i == verb.i:
            break
        verb = clause_head(verb.head)
    return tuple(free)


def subject_level(mention: Token, clauses: PronounClauses) -> int | None:
    """How many clauses up from the pronoun the mention is the subject: 1 for the pronoun's
    own clause ("Ann met Tom at his house"), 2 for the clause that one hangs on ("Ann said
    that Tom had met her"). A clause whose subject is or holds the pronoun does not count
    ("When she left, Ann …" is the clause "she" hangs on: 1)."""
    target = name_head(mention).i
    if target not in clauses.subjects:
        return None
    return clauses.subjects.index(target) + 1


def _inside_subject(mention: Token, clauses: PronounClauses) -> bool:
    """Whether the mention is inside, not the head of, the subject of a clause above the
    pronoun ("Ann Roos, Tom's wife, said he …", "Tom's sister said he …")."""
    head = name_head(mention)
    return any(s.is_ancestor(head) and head.i != s.i for s in clauses.free_subjects)


def _coordinated(mention: Token, pronoun: Token) -> bool:
    """A possessive in the conjunct right after the mention's ("Ann met Tom and his son")."""
    if pronoun.tag_ != "PRP$" or pronoun.head.dep_ != "conj":
        return False
    phrase = pronoun.head
    first = phrase.head
    before = [first] + [c for c in first.children if c.dep_ == "conj" and c.i < phrase.i]
    return max(before, key=lambda t: t.i).i == name_head(mention).i


def _controls(mention: Token, pronoun: Token) -> bool:
    """The object of a verb whose infinitive clause holds the pronoun ("urged Eva to …")."""
    head = name_head(mention)
    if head.dep_ != "dobj":
        return False
    return any(c.dep_ == "xcomp" and c.is_ancestor(pronoun) for c in head.head.children)


def name_head(token: Token) -> Token:
    """The head of a name written as compounds ("Ilona Varga" → Varga)."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token


def _governs(mention: Token, pronoun: Token) -> bool:
    """ "Ann said she …": the mention is the subject of a verb whose clause holds the pronoun."""
    verb = mention.head
    return role(mention) in SUBJECT_DEPS and pronoun.i > verb.i and verb.is_ancestor(pronoun)


def says(token: Token) -> bool:
    """Whether the mention is the subject of a verb of saying ("Ann said", "she told")."""
    return _says(token)


def _says(token: Token) -> bool:
    token = name_head(token)
    if token.dep_ not in SUBJECT_DEPS:
        return False
    verb = token.head
    return verb.lemma_ in lang.SAYING_LEMMAS or (
        verb.lemma_ in lang.GOING_ON_LEMMAS and _beside_quotation(verb)
    )


def _beside_quotation(verb: Token) -> bool:
    """A verb with a quotation mark or a colon of its own and nothing it goes on doing: "…,”
    she continued.", "He concluded: “…”", not "she continued to work"."""
    children = list(verb.children)
    if any(c.dep_ in ("xcomp", "dobj") for c in children):
        return False
    return any(c.dep_ == "punct" and c.text in lang.QUOTATION_PUNCTUATION for c in children)


def main_subject(mention: Token) -> bool:
    """The subject of its sentence's main verb (or of a verb joined to it: "Ann left and Eva
    stayed")."""
    head = name_head(mention).head
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def _first_subject(mention: Token) -> bool:
    """The subject of its sentence's main verb."""
    return name_head(mention).head.dep_ == "ROOT"
