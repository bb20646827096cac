"""Where a cue's content is in the parse: a clause, an object, an infinitive, a colon.

In order of trust: the verb's clause complement ("said that …"), the object of a preposition
for a few verbs ("warned of a crisis"), an infinitive for verbs of intent ("vowed to fight"),
the direct object ("criticized the plan"), what follows a colon, or the clause the cue
interrupts or follows ("The plan, he said, is dead"). A verb of the act of speaking
("spoke") has only its preposition's object ("spoke about the plan"). Offsets are characters.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from spacy.tokens import Doc, Span, Token

from newsgraph.lang.en import quotes as lang
from newsgraph.nlp.quotes.source import INTERRUPTING_DEPS, QUOTE_TOKENS, WHEN_LABELS

CLAUSE_DEPS = frozenset({"ccomp"})
SUBJECT_DEPS = frozenset({"nsubj"})
VERB_TAGS = frozenset({"VERB", "AUX"})
# What completes an object as content: "called him a fascist", "defended Clinton against the
# charges", "described it as a disaster".
OBJECT_COMPLEMENTS = frozenset({"oprd", "xcomp", "dative"})
COLON_REACH = 6  # tokens between a cue verb and its colon ("said in a statement:")
OPENING_MARK_TOKENS = QUOTE_TOKENS - {"”", "''", "»"}  # the opening marks alone
# What may stand between a verb and the preposition of its content: "spoke out Tuesday about".
ADJACENT_DEPS = frozenset({"prt", "advmod", "npadvmod"})
OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "prep"})
REPORTED_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Verbs of a speaker's act that may follow a reported clause: "… but added", "and praised".
ACT_VERBS = lang.SPEECH_VERBS | lang.OBJECT_VERBS

COMPLEMENT_MARKS = frozenset({"that", "whether", "if"})
# The phrases after a cue on whose nouns the parser may hang its reported clause.
RELATIVE_HOSTS = frozenset({"prep", "dobj", "dative"})
# A verb with a tense: a past or a present (a modal is the verb's child, "will end").
TENSED_TAGS = frozenset({"VBD", "VBZ", "VBP"})
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# Tags of a subordinating word the parser hung as an adverb: "when" (WRB), "as" (IN).
SUBORDINATING_TAGS = frozenset({"WRB", "IN"})
# What the parser may hang on a cue verb that is still the reported clause before it.
RUN_ON_DEPS = frozenset({"ccomp", "dobj", "xcomp", "attr", "acomp", "advcl", "oprd"})

Content = tuple[tuple[int, int], ...]
# Where in the parse a cue's content was found: the statement filter (`statements.py`)
# judges an object or a preposition's object differently from a reported clause.
ContentForm = Literal[
    "clause",
    "adverbial",
    "preposition",
    "infinitive",
    "object",
    "colon",
    "around",
    "before",
    "none",
    "beside",  # a learned cue's quotation beside it, taken in the component
    "passive",
    "according",
    "layout",
    "noun",
]


class VerbContent(NamedTuple):
    content: Content
    cue_end: int  # where the cue ends when a preposition belongs to it, else 0
    needs_source: bool  # objects and infinitives count only with a source
    form: ContentForm


def verb_content(verb: Token, lemma: str, *, learned: bool = False) -> VerbContent:
    """The content stretches of a verb cue, where the cue ends (after a preposition),
    whether the content is one that only counts with a source (objects, infinitives), and
    where it was found. Infinitives count for verbs of intent, or for any verb when it is a
    `learned` cue (one the cue scorer found); so does the object of a content preposition
    after it ("bristled at the questions", "doubled down on his attacks")."""
    if lemma in lang.SPEAKING_VERBS:
        # "spoke about the plan" reports; "spoke at the town hall", "spoke for an hour" and
        # a clause the parser hung on "spoke" do not: only a quotation beside it may be its.
        prepositional = _prepositional(verb, lemma)
        if prepositional is not None:
            return VerbContent((prepositional[0],), prepositional[1], True, "preposition")
        return VerbContent((), 0, False, "none")
    clause = clause_of(verb)
    if clause is not None:
        last = _second_clause(verb, clause) or _before_next_act(verb, clause)
        if last == clause.right_edge:
            last = _run_on(verb, last)
        last = _before_trailing_aside(clause, last)
        first = _object_as_subject(verb, clause) or clause.left_edge
        return VerbContent((chars_of(first, last),), 0, False, "clause")
    reported = _reported_adverbial(verb) if lemma in lang.SPEECH_VERBS else None
    if reported is not None:
        return VerbContent((reported,), 0, False, "adverbial")
    prepositional = _prepositional(verb, lemma)
    if prepositional is not None:
        return VerbContent((prepositional[0],), prepositional[1], True, "preposition")
    if learned or lemma in lang.INTENT_VERBS:
        to_do = infinitive(verb)
        if to_do is not None:
            return VerbContent((to_do,), 0, True, "infinitive")
    if lemma not in lang.ADDRESSEE_VERBS and not _reports_by_speech(verb):
        obj = object_content(verb)
        if obj is not None and not (learned and _counted_object(verb)):
            return VerbContent((obj,), 0, True, "object")
    # A listed verb keeps its own prepositions; a verb of saying has none: "said at a
    # hearing", "said on Twitter", "said with a smirk" tell where and how.
    if learned and lemma not in lang.PREPOSITION_CONTENT and lemma not in lang.SPEECH_VERBS:
        found = preposition_content(verb, lang.LEARNED_CUE_PREPOSITIONS)
        if found is not None:
            return VerbContent((found[0],), found[1], True, "preposition")
    colon = _after_colon(verb)
    if colon is not None:
        return VerbContent((colon,), 0, False, "colon")
    if verb.dep_ in INTERRUPTING_DEPS and is_bare(verb) and not _complement(verb):
        return VerbContent(around(verb.head, verb), 0, False, "around")
    if lemma in lang.SPEECH_VERBS:
        before = _said_after(verb)
        if before is not None:
            return VerbContent((before,), 0, False, "before")
        answer = _answer(verb)
        if answer is not None:
            return VerbContent((answer,), 0, True, "object")
    return VerbContent((), 0, False, "none")


def _answer(verb: Token) -> tuple[int, int] | None:
    """ "46 percent said yes", "the senator said no", "half of them said so", "Lind said as
    much": the words right after a verb of saying that are the whole answer given."""
    doc = verb.doc
    for phrase in lang.ANSWER_PHRASES:
        words = doc[verb.i + 1 : verb.i + 1 + len(phrase)]
        if tuple(t.lower_ for t in words) != phrase:
            continue
        if any(t.head == verb for t in words):
            return chars_of(words[0], words[-1])
    return None


def _run_on(verb: Token, last: Token) -> Token:
    """The last word of a reported clause the parser cut short: the words right after it,
    with no punctuation between, that it hung on the cue verb as a complement of its own
    are still the clause's ("told reporters that she was pleased the count had ended"
    with "ended" taken for a second complement of "told")."""
    doc = verb.doc
    while last.i + 1 < verb.sent.end:
        following = doc[last.i + 1]
        if following.is_punct or following.is_space:
            break
        child = next((c for c in verb.rights if c.left_edge.i == following.i), None)
        if child is None or child.dep_ not in RUN_ON_DEPS:
            break
        last = child.right_edge
    return last


def _object_as_subject(verb: Token, clause: Token) -> Token | None:
    """ "reported Roger Ailes, the former chairman, also met with him": when the reported
    clause has a finite verb and no subject, the parser took its subject for the cue's
    object; the content starts there."""
    if clause.tag_ not in TENSED_TAGS and not any(c.tag_ == "MD" for c in clause.children):
        return None
    if any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in clause.children):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i]
    return objects[0].left_edge if objects else None


def _before_trailing_aside(clause: Token, last: Token) -> Token:
    """The last word of a reported clause before a relative clause set off by a comma that
    ends it: in "said the FBI had questioned Ann Roe, who worked on the campaign", the "who"
    clause is the writer's aside about Roe, not part of what was said."""
    doc = clause.doc
    last_word = _last_word(doc, last)
    for token in doc[clause.left_edge.i : last.i + 1]:
        if token.dep_ != "relcl" or token.head.i >= token.i:
            continue
        start = token.left_edge
        if start.lower_ not in lang.ASIDE_RELATIVES or start.i <= clause.left_edge.i + 1:
            continue
        if doc[start.i - 1].text != "," or token.right_edge.i < last_word.i:
            continue
        return _last_word(doc, doc[start.i - 2])
    return last


def _last_word(doc: Doc, last: Token) -> Token:
    """`last`, or the nearest word before it when it is punctuation."""
    i = last.i
    while i > 0 and (doc[i].is_punct or doc[i].is_space) and doc[i].text not in QUOTE_TOKENS:
        i -= 1
    return doc[i]


def _second_clause(verb: Token, clause: Token) -> Token | None:
    """The last word of a second reported clause the parser coordinated with the cue verb:
    "said it hoped to reach a deal, and that cargo was being diverted" reports both."""
    for child in verb.rights:
        if child.i <= clause.right_edge.i or child.dep_ != "conj":
            continue
        if child.left_edge.lower_ != "that" or child.lemma_.lower() in ACT_VERBS:
            continue
        if any(c.dep_ in REPORTED_SUBJECT_DEPS for c in child.children):
            return child.right_edge
    return None


def _before_next_act(verb: Token, clause: Token) -> Token:
    """The last word of the reported clause, which ends before the speaker's next act when
    the parser coordinated that act with the clause: in "Pence said it takes time but added
    that …" or "she said she admires him and praised his plan", "added" and "praised" have no
    subject of their own and the tense of the cue, not of the clause, so they are the
    speaker's: another attribution, not more content."""
    for child in clause.rights:
        if (
            child.dep_ == "conj"
            and child.tag_ == verb.tag_ != clause.tag_
            and child.lemma_.lower() in ACT_VERBS
            and not any(c.dep_ in SUBJECT_DEPS for c in child.children)
        ):
            last = child.left_edge.i - 1
            doc = verb.doc
            while last > clause.i and (doc[last].is_punct or doc[last].dep_ == "cc"):
                last -= 1
            return doc[last]
    return clause.right_edge


def _reported_adverbial(verb: Token) -> tuple[int, int] | None:
    """ "Trump said after the convention he would not …": the parser may hang the reported
    clause as an adverbial clause once a phrase comes between; it has its own subject and no
    subordinating word ("when", "because"). It starts at its subject: the phrase before it
    ("after the convention") tells when it was said."""
    for child in verb.rights:
        subjects = [c for c in child.children if c.dep_ in SUBJECT_DEPS]
        if child.dep_ == "advcl" and subjects and not _subordinate(child, subjects[0]):
            return chars_of(subjects[0].left_edge, child.right_edge)
    return None


def _subordinate(clause: Token, subject: Token) -> bool:
    """Whether a subordinating word opens the clause: a mark other than "that" ("because
    …"), or one the parser read as an adverb before the subject ("said as the crowd booed",
    "when the vote ended")."""
    return any(
        (c.dep_ == "mark" and c.lower_ != "that")
        or (c.dep_ == "advmod" and c.tag_ in SUBORDINATING_TAGS and c.i < subject.i)
        for c in clause.children
    )


def _said_after(verb: Token) -> tuple[int, int] | None:
    """ "People like Scott, he said.": a bare verb of saying that ends its sentence after a
    comma and its subject takes what comes before the comma, however the parser hung it."""
    sentence = verb.sent
    if any(not t.is_punct and not t.is_space for t in verb.doc[verb.i + 1 : sentence.end]):
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    # `is_bare` with the subjects found here: the first before the verb is the first of all,
    # as a word's children come in text order.
    if not subjects or _governs_more(verb, subjects[0]):
        return None
    # The nearest subject: the parser may take the words before the comma for one too.
    comma = subjects[-1].left_edge.i - 1
    if comma <= sentence.start or verb.doc[comma].text != ",":
        return None
    return chars(verb.doc[sentence.start : comma])


def _prepositional(verb: Token, lemma: str) -> tuple[tuple[int, int], int] | None:
    """ "warned of a crisis": the preposition's object, and the end of the preposition."""
    return preposition_content(verb, lang.PREPOSITION_CONTENT.get(lemma, frozenset()))


def preposition_content(
    verb: Token, prepositions: frozenset[str]
) -> tuple[tuple[int, int], int] | None:
    """The object of one of `prepositions` right after the word (a verb or an adjective:
    "critical of the plan"), and where the preposition ends; None when there is none."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in prepositions and _next_to(verb, child):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and objects[0].ent_type_ not in WHEN_LABELS:  # not "for months"
                span = chars_of(objects[0].left_edge, _completed(verb, objects[0].right_edge))
                return span, child.idx + len(child.text)
    return None


def _next_to(verb: Token, preposition: Token) -> bool:
    """Whether only a particle, an adverb or a date comes between the verb and its
    preposition ("spoke out Tuesday about"), not a phrase of its own ("spoke at length in
    public about")."""
    if preposition.i <= verb.i:
        return False
    between = verb.doc[verb.i + 1 : preposition.i]
    return len(between) <= 1 or all(t.dep_ in ADJACENT_DEPS for t in between)


def infinitive(verb: Token) -> tuple[int, int] | None:
    """ "vowed to fight", "urged voters to stay home": from the object to the infinitive's end."""
    infinitives = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    if not infinitives:
        return None
    first = infinitives[0].left_edge
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < first.i]
    if objects:
        first = objects[0].left_edge
    return chars_of(first, infinitives[0].right_edge)


def object_content(verb: Token) -> tuple[int, int] | None:
    """The direct object, with what completes it: "called him a fascist", "accused the GOP of
    stoking the issue", "described it as a disaster"."""
    obj = direct_object(verb)
    if obj is None:
        return None
    return chars_of(obj.left_edge, _completed(verb, obj.right_edge))


def direct_object(verb: Token) -> Token | None:
    """The verb's first direct object after it, if any."""
    return next((c for c in verb.rights if c.dep_ == "dobj"), None)


def _completed(verb: Token, last: Token) -> Token:
    """The last word of a content ending at `last`, with the verb's dependents after it that
    complete it ("called him a fool", "described it as a disaster")."""
    for child in verb.rights:
        if child.i > last.i and _follows(last, child) and _completes(child):
            last = child.right_edge
    return last


def _follows(last: Token, child: Token) -> bool:
    """Whether the dependent `child` opens right after `last`: a complement at its first
    word ("called him a fool": "a", not "fool"), even behind an opening quotation mark
    ("called the plan “a disgrace”"); a preposition right after it ("as a disaster"), never
    behind a closing mark ("read “War and Peace” on the train")."""
    first = child.left_edge
    if child.dep_ == "prep":
        return first.i == last.i + 1
    between = last.doc[last.i + 1 : first.i]
    return first.i > last.i and all(t.text in OPENING_MARK_TOKENS for t in between)


def _counted_object(verb: Token) -> bool:
    """An object that counts things ("fired two shots", "added 0.4 per cent", "cut 300
    jobs"): what a verb does, not what someone says. Only for cues the scorer found: a
    listed verb of saying keeps its objects."""
    obj = direct_object(verb)
    return obj is not None and any(
        t.like_num or t.dep_ == "nummod" for t in obj.subtree if t.i <= obj.i
    )


def _completes(child: Token) -> bool:
    """Whether a dependent of the cue completes its content ("as a disaster", "of stoking the
    issue", "put the cost at $5 billion") rather than setting the scene ("after the debate").
    The prepositions of `COMPLEMENT_PREPOSITIONS` count as completing wherever they stand,
    so a place or an occasion after an object ("criticised the plan at the hearing") is
    content too, a cost the rule was kept with as it raised PolNeAR train
    (`docs/evaluation.md`, the fourth attribution pass)."""
    if child.dep_ == "prep":
        return child.lower_ in lang.COMPLEMENT_PREPOSITIONS
    return child.dep_ in OBJECT_COMPLEMENTS


def _reports_by_speech(verb: Token) -> bool:
    """ "praised the forces, saying that …": the saying carries the statement, so the praise
    is not a second attribution."""
    return any(
        c.dep_ in ("advcl", "conj") and c.lemma_.lower() in lang.SAYING_VERBS and c.i > verb.i
        for c in verb.children
    )


def clause_of(verb: Token) -> Token | None:
    """The verb's clause complement: the first after it, else the nearest before it (a
    parser may hang the sentence's other clauses from the cue too)."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    after = [c for c in clauses if c.i > verb.i]
    before = [c for c in clauses if c.i < verb.i]
    if after and before and _after_comma(after[0]):
        # `"You should resign," Ruth told him, after he admitted …`: the clause set off by
        # a comma after the cue tells when; the reported one is before it.
        return before[-1]
    if after:
        return after[0]
    return clauses[-1] if clauses else _clause_as_relative(verb)


def _clause_as_relative(verb: Token) -> Token | None:
    """ "said in the suit that Trump earned $5 million", "told a meeting of leaders that few
    understood it": the parser may hang a "that" clause after a phrase or the people told as
    a relative clause of their noun. It is the reported clause when "that" takes no place in
    it (the clause has its own subject and "that" is no subject or object: a mark, an adverb,
    or a second object beside the real one)."""
    for phrase in verb.rights:
        if phrase.dep_ not in RELATIVE_HOSTS:
            continue
        # The phrase may nest: "in one of a series of messages that …".
        for clause in phrase.subtree:
            if clause.dep_ == "relcl" and _complete_without_that(clause):
                return clause
    return None


def _complete_without_that(clause: Token) -> bool:
    that = clause.left_edge
    if that.lower_ != "that":
        return False
    if not any(c.dep_ in REPORTED_SUBJECT_DEPS and c != that for c in clause.children):
        return False
    if that.dep_ == "mark":
        return True  # a complementizer, even after an aside: "said on CNN, where …, that"
    if clause.doc[that.i - 1].is_punct:
        return False
    if that.dep_ == "advmod":
        return True
    # "that" as an object beside the object its head already has: "earned $5 million from".
    return that.dep_ in ("dobj", "pobj") and any(
        c.dep_ == that.dep_ and c != that for c in that.head.children
    )


def _complement(verb: Token) -> bool:
    """ "… but added that the council would agree": a clause that opens with "that",
    "whether" or "if" is what its head reports, never a cue interrupting it ("as she said"
    may be one)."""
    return any(c.dep_ == "mark" and c.lower_ in COMPLEMENT_MARKS for c in verb.children)


def _after_comma(clause: Token) -> bool:
    first = clause.left_edge.i
    return first > 0 and clause.doc[first - 1].text == ","


def _after_colon(verb: Token) -> tuple[int, int] | None:
    """What follows "said:" ("said in a statement:") up to the
    sentence's end, or the whole next paragraph when the colon ends its own."""
    doc = verb.doc
    for token in doc[verb.i + 1 : min(len(doc), verb.i + COLON_REACH)]:
        if token.text == ":":
            return _colon_content(doc, token, verb.sent.end_char)
        if token.is_punct or token.pos_ in VERB_TAGS:
            return None
    return None


def _colon_content(doc: Doc, colon: Token, sentence_end: int) -> tuple[int, int] | None:
    """From after the colon to the end of its sentence within its line; or the whole next
    line when the colon ends its own."""
    first = next((t for t in doc[colon.i + 1 :] if not t.is_space), None)
    if first is None:
        return None
    if crosses_paragraph(colon, first):
        last = first
        while last.i + 1 < len(doc) and "\n" not in last.text_with_ws:
            last = doc[last.i + 1]
        return first.idx, last.idx + len(last.text)
    end = first
    while end.i + 1 < len(doc) and end.idx < sentence_end and "\n" not in end.text_with_ws:
        candidate = doc[end.i + 1]
        if candidate.idx >= sentence_end:
            break
        end = candidate
    return first.idx, end.idx + len(end.text)


def around(head: Token, cue: Token) -> tuple[tuple[int, int], ...]:
    """The clause `head` heads, without the cue's own subtree: one stretch before the cue and
    one after it when the cue interrupts ("The plan, he said, is dead")."""
    first, last = head.left_edge.i, head.right_edge.i
    cue_first, cue_last = cue.left_edge.i, cue.right_edge.i
    doc = head.doc
    pieces = []
    if cue_first > first:
        pieces.append(chars(doc[first:cue_first]))
    if cue_last < last:
        pieces.append(chars(doc[cue_last + 1 : last + 1]))
    return tuple(p for p in pieces if p[1] > p[0])


def is_bare(verb: Token) -> bool:
    """A subject and a verb with nothing it governs: "…, he said", not "he would answer
    questions". A phrase before the subject is the sentence's, however the parser hung it:
    "At times last year, aides said, the mere mention …"."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and not _governs_more(verb, subject)


def _governs_more(verb: Token, subject: Token) -> bool:
    """Whether the verb governs more than its subject: an object, a clause or a preposition
    (but a preposition before the subject's phrase, which is the sentence's)."""
    start = subject.left_edge.i
    return any(
        c.dep_ in OBJECT_DEPS and not (c.dep_ == "prep" and c.i < start) for c in verb.children
    )


def crosses_paragraph(first: Token, last: Token) -> bool:
    low, high = sorted((first.i, last.i))
    return any("\n" in t.text_with_ws for t in first.doc[low:high])


def chars(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


def chars_of(first: Token, last: Token) -> tuple[int, int]:
    return first.idx, last.idx + len(last.text)
