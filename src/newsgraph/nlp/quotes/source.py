"""The source phrase of a cue: whose subject it is, and where the phrase ends.

The source's head is the cue verb's subject, or the subject of the verb it continues
("…, saying that"); the phrase is the head's subtree, within its paragraph and outside
quotation marks and datelines, and it ends at who spoke, not when or how.

A parse subtree of a source's head may run past what PolNeAR (and a reader) takes as the
source: "Trump on Tuesday said", "Powell's office, when contacted by Reuters, said", "Smith,
delivering the speech, said", "Jeb Bush and Ted Cruz both said". These tails are cut: a
trailing date or time, an adverbial or participle clause set off by a comma, a floating
quantifier. Each was measured on PolNeAR train and dev. A non-restrictive relative clause,
", who …", stays: cutting it raised source exact F1 on train but lowered it on dev (the
annotators keep it about as often as not). So does the occasion, "Trump in his speech":
cutting it was neutral.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.lang.en import quotes as lang

SUBJECT_DEPS = frozenset({"nsubj"})
APPOSITION_DEP = "appos"
# A verb with no subject of its own borrows its head's: "…, saying that", "and added that".
BORROWING_DEPS = frozenset({"advcl", "conj", "xcomp"})
BORROWED_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# The clause a parser may make of a sentence's first act when a later verb is its root.
OPENING_CLAUSE_DEPS = frozenset({"advcl", "ccomp"})
# How a parser may hang a verb of saying from the participle that goes on after it.
# How a saying verb hangs on the clause it interrupts or opens ("…, aides said, …").
INTERRUPTING_DEPS = frozenset({"parataxis", "ccomp", "advcl"})
# What may follow an inverted name: its apposition's comma, the sentence's end.
NAME_CLOSERS = frozenset({",", ".", ";"})
MAX_BORROWING = 4  # verbs (or prepositions) climbed to find a borrowed subject
# What a preposition may hang from on its way up to a verb: "aside from", "in … and for".
PREPOSITION_DEPS = frozenset({"prep", "advmod", "conj"})
VERB_POS = frozenset({"VERB", "AUX"})
NOMINAL_TAGS = frozenset({"PROPN", "PRON", "NOUN"})
QUOTE_TOKENS = frozenset({'"', "“", "”", "''", "``", "«", "»", "„"})
DASHES = frozenset({"—", "–", "--", "―"})
WHEN_LABELS = frozenset({"DATE", "TIME"})
WHEN_DEPS = frozenset({"npadvmod", "prep", "advcl", "advmod"})
ASIDE_MARKS = frozenset({",", "—", "–", "--"})
ASIDE_CLAUSE_DEPS = frozenset({"acl", "advcl"})
# A clause opening with a participle or "when": "speaking on condition of anonymity".
ASIDE_CLAUSE_TAGS = frozenset({"VBG", "VBN", "WRB"})


def source_end(doc: Doc, head: Token, last: int) -> int:
    """The last token index of the source phrase ending at `last` and headed by `head`."""
    for child in head.rights:
        if child.i > last:
            break
        if _tells_when(child) or child.lower_ in lang.FLOATING_QUANTIFIERS:
            return max(child.left_edge.i - 1, head.i)
        if _aside_clause(doc, child):
            return max(child.left_edge.i - 2, head.i)  # without the comma before it
    return last


def _tells_when(child: Token) -> bool:
    """A dependant of the head that says when it was said: "on Tuesday", "when asked"."""
    if child.dep_ not in WHEN_DEPS:
        return False
    if child.dep_ == "advcl":
        return True
    words = list(child.subtree)
    if child.dep_ == "prep":
        words = words[1:]  # "on Tuesday": the preposition, then the date
    return bool(words) and all(w.ent_type_ in WHEN_LABELS for w in words if not w.is_punct)


def _aside_clause(doc: Doc, child: Token) -> bool:
    """A clause set off by a comma that says what the speaker was doing: ", speaking …"."""
    left = child.left_edge.i
    return (
        child.dep_ in ASIDE_CLAUSE_DEPS
        and left >= 1
        and doc[left - 1].text in ASIDE_MARKS
        and doc[left].tag_ in ASIDE_CLAUSE_TAGS
    )


def paragraph_subject(verb: Token) -> Token | None:
    """The last noun before the verb in the verb's own paragraph, when the parser found the
    subject in the paragraph before ("1:50 p.m.⏎⏎Famed fight doctor Ferdie Pacheco said")."""
    for index in range(verb.i - 1, -1, -1):
        token = verb.doc[index]
        if "\n" in token.text_with_ws:
            return None
        if token.pos_ in NOMINAL_TAGS:
            return name_head(token)
    return None


# A verb that heads its own clause, whose subject the parser may have missed.
CLAUSE_HEAD_DEPS = frozenset({"ROOT", "ccomp", "parataxis"})
# Words that may stand between a subject and its verb: "also", "has", "not", "bluntly".
BETWEEN_SUBJECT_AND_VERB = frozenset({"ADV", "AUX", "PART"})
SUBJECT_TAGS = NOMINAL_TAGS | {"NUM"}
PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass", "csubjpass"})


def subject_before(verb: Token) -> Token | None:
    """The noun right before a clause's verb when the parser gave the verb no subject:
    "About 4 in 10 say …" (the number hung as a modifier), "screenwriter Cole Haddon wrote"
    (the title read as a verb). Only adverbs and auxiliaries may come between."""
    if verb.dep_ not in CLAUSE_HEAD_DEPS or verb.tag_ in ("VB", "VBG"):
        return None  # an imperative or a participle has no subject of its own
    if any(c.dep_ in PASSIVE_DEPS for c in verb.children):
        return None  # "Mara Voss was told that …": the noun before is who was told
    for index in range(verb.i - 1, verb.sent.start - 1, -1):
        token = verb.doc[index]
        if token.pos_ in SUBJECT_TAGS:
            return name_head(token) if token.head.i > token.i or token.head == verb else None
        if token.text == ",":
            return apposed_noun(verb.doc, index)
        if token.pos_ not in BETWEEN_SUBJECT_AND_VERB:
            return None
    return None


def apposed_noun(doc: Doc, comma: int) -> Token | None:
    """The noun an apposition ending at the comma `comma` describes: "In Ohio, Ann Lee, the
    head of the union, told …" (the parser hung the name elsewhere and gave the verb no
    subject); None when the words before the comma are no apposition."""
    if comma < 1:
        return None
    token = doc[comma - 1]
    while token.dep_ != APPOSITION_DEP and token.head.i < comma and token.head.i != token.i:
        token = token.head
    if token.dep_ != APPOSITION_DEP or token.left_edge.i < 1:
        return None
    if doc[token.left_edge.i - 1].text != "," or token.head.pos_ not in NOMINAL_TAGS:
        return None
    return name_head(token.head)


def inverted_subject(verb: Token) -> tuple[int, int] | None:
    """ "Said Ellis: …", "Added Ruth Okafor, …": a verb of saying that opens its sentence
    with the name of its speaker after it; and `“…,” said Okafor` or `“…,” wrote a reader`
    when the parser hung the name or the description after the verb as no subject ("Okafor"
    read as an adverb): the name's token range [start, end)."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    if verb.i > 0 and doc[verb.i - 1].text in QUOTE_TOKENS:
        if _opens_name(doc[verb.i + 1]):
            return verb.i + 1, _name_end(doc, verb.i + 2, len(doc))
        described = _description_after(verb)
        if described is not None:
            return described
    first = verb.sent.start
    while first < verb.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    if first != verb.i or doc[verb.i + 1].pos_ != "PROPN":
        return None
    end = verb.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    return verb.i + 1, end


def _name_end(doc: Doc, start: int, stop: int) -> int:
    """Where a name whose first word is before `start` ends: after its proper nouns and
    capitalised words, before `stop`."""
    end = start
    while end < stop and (doc[end].pos_ == "PROPN" or doc[end].is_title):
        end += 1
    return end


def name_after_comma(verb: Token) -> tuple[int, int] | None:
    """ "The contrast with Trump, said Doyle, would be clear", "The rejection signals the
    end, said Geert Wilders, founder of …": a verb of saying set off by a comma with a name
    after it that ends at a comma or the sentence's end is inverted, whatever subject the
    parser gave it before the comma ("said Tom Reyes was wrong" goes on with a clause, and
    "said Monday" is a day): the name's token range [start, end)."""
    doc = verb.doc
    if verb.i < 1 or doc[verb.i - 1].text != "," or verb.i + 1 >= len(doc):
        return None
    if not _opens_name(doc[verb.i + 1]) or doc[verb.i + 1].ent_type_ in WHEN_LABELS:
        return None
    end = _name_end(doc, verb.i + 2, verb.sent.end)
    if end < verb.sent.end and doc[end].text not in NAME_CLOSERS:
        return None
    if end + 1 < verb.sent.end and doc[end].text == "," and doc[end + 1].pos_ not in VERB_POS:
        # "said Ann Lee, a nurse, …" (and not "said Ann Lee, would be clear": the clause)
        end = _aside_end(doc, end + 1, verb.sent.end)
    return verb.i + 1, end


def _aside_end(doc: Doc, start: int, stop: int) -> int:
    """Where an apposition after a name ends: at the next comma, or before the sentence's
    last punctuation."""
    end = start
    while end < stop and doc[end].text != ",":
        end += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def _description_after(verb: Token) -> tuple[int, int] | None:
    """`“…,” wrote a reader from Leeds`: the noun phrase after the verb when the parser
    made it no subject; its token range [start, end) up to its last noun ("a reader")."""
    doc = verb.doc
    if doc[verb.i + 1].pos_ not in DESCRIPTION_OPENING_POS:
        return None
    end = verb.i + 1
    last_noun = None
    while end < verb.sent.end and doc[end].pos_ in NOUN_PHRASE_POS:
        if doc[end].pos_ in ("NOUN", "PROPN"):
            last_noun = end
        end += 1
    if last_noun is None:
        return None
    return verb.i + 1, last_noun + 1


def _opens_name(token: Token) -> bool:
    """A capitalised word that may open a name, whatever tag the parser gave it."""
    return token.is_title and token.pos_ in NAME_OPENING_POS


# How a description after the verb opens ("a reader", "campaign officials"), and its words.
DESCRIPTION_OPENING_POS = frozenset({"DET", "NOUN", "ADJ"})
NOUN_PHRASE_POS = frozenset({"DET", "NOUN", "ADJ", "PROPN", "NUM", "PART"})
# Tags the parser gives a name it misreads after a verb: "said Skelly" (ADV), "said Ng" (NOUN).
NAME_OPENING_POS = frozenset({"PROPN", "NOUN", "ADJ", "ADV", "VERB"})
# A verb with a subject of its own, or a past tense the tagger read as a participle.
OPENING_NAME_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
# What closes the aside after the opening name: "Ann Lee, whose …, said"; "Ann Lee (…) says".
ASIDE_CLOSERS = frozenset({",", ")"})
ASIDE_OPENERS = frozenset({",", "("})


def opening_name(verb: Token) -> tuple[int, int] | None:
    """ "Mr. Lind, whose latest company, Ordo, sells maps, also said …": a verb the parser
    left without subject (finite, or read as a participle: "Ann Lee, the nominee, tweeted"),
    after a comma or a bracket that closes an aside (and adverbs: "also"), in a clause that
    opens with a name set off by a comma or a bracket; the clause may open after a quotation
    (`“…,” Ann Lee, a senator, said`). The name and its aside are the source (as PolNeAR
    marks it): the token range [start, end), without the last comma."""
    doc = verb.doc
    closer = verb.i - 1
    while closer > 0 and doc[closer].pos_ == "ADV":
        closer -= 1
    if verb.tag_ not in OPENING_NAME_TAGS or closer < 2 or doc[closer].text not in ASIDE_CLOSERS:
        return None
    first = verb.sent.start
    marks = [t.i for t in doc[first:closer] if t.text in QUOTE_TOKENS]
    if marks:
        first = marks[-1] + 1
    while first < verb.i and (
        doc[first].is_punct or doc[first].is_space or doc[first].pos_ == "CCONJ"
    ):
        first += 1
    end = first
    while end < verb.i and doc[end].pos_ == "PROPN":
        end += 1
    if end == first or end >= closer or doc[end].text not in ASIDE_OPENERS:
        return None
    last = closer if doc[closer].text == "," else closer + 1
    return first, last


def name_head(token: Token) -> Token:
    """The head of the name a word belongs to: "Ferdie" → "Pacheco"."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the verb it continues ("…, saying that"); a
    borrowed subject may be a passive's ("After saying …, she was taken to hospital").
    A participle describing a noun has that noun for its subject ("voters saying …")."""
    deps = SUBJECT_DEPS
    for _ in range(MAX_BORROWING):
        subjects = [c for c in verb.children if c.dep_ in deps]
        if subjects:
            return _past_dateline(_nearest_before(subjects, verb))
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in NOMINAL_TAGS:
            # "voters saying they want …", "a statement saying …": the noun the participle
            # describes says it; an issued document sent by someone is that sender's.
            return _sayer_of(verb.head)
        if verb.dep_ == "pcomp" and verb.head.dep_ in PREPOSITION_DEPS:
            # "In explaining why …, Clinton said", "aside from saying …": through the
            # preposition (and the adverb it may hang from) to the verb.
            found = _verb_above(verb.head)
            if found is None:
                return None
            verb = found
        elif _speaker_act(verb):
            # "Pence said it takes time but added": the reporting verb's, not the clause's.
            verb = verb.head.head
        elif verb.head.i == verb.i:
            return _subject_of_opening_clause(verb)
        elif verb.dep_ not in BORROWING_DEPS:
            return None
        else:
            verb = verb.head
        deps = BORROWED_SUBJECT_DEPS
    return None


def _subject_of_opening_clause(root: Token) -> Token | None:
    """ "Kasich offered the man a job, then says he'll …", "He pledged to …, cast doubt on …,
    suggested that …": the parser may hang a list of one subject's acts from the last one,
    which is then left with no subject. The subject that opens the sentence is the last
    act's too, when no subordinating word ("when", "after") opens the first."""
    start = root.sent.start
    for clause in root.lefts:
        if clause.dep_ not in OPENING_CLAUSE_DEPS or clause.left_edge.i != start:
            continue
        if any(c.dep_ == "mark" for c in clause.children):
            return None
        subjects = [c for c in clause.children if c.dep_ in BORROWED_SUBJECT_DEPS]
        if subjects and subjects[0].left_edge.i == start:
            return subjects[0]
    if root.tag_ == "VBG":
        return _subject_of_saying_before(root)
    return None


def _subject_of_saying_before(participle: Token) -> Token | None:
    """ "'…,' he said, not even suggesting that …": a participle the parser made the root
    continues the verb of saying it follows, and has its subject."""
    for clause in reversed(list(participle.lefts)):
        if clause.dep_ in INTERRUPTING_DEPS and clause.lemma_.lower() in lang.SAYING_VERBS:
            subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
            return subjects[0] if subjects else None
    return None


def _sayer_of(noun: Token) -> Token:
    """Who says what a participle after `noun` reports: the noun itself ("60 percent saying
    …", "a sign reading …"); but whoever sent a document or addressed people, when the noun
    is that document or those people ("issued a statement saying", "shot back in an article
    stating", "emailed supporters saying", "made a pitch to voters saying"): the subject of
    the verb that governs the noun."""
    governor, preposition = _governor(noun)
    if governor is None:
        return noun
    # A document whose phrase names its issuer ("the campaign's release") says it itself.
    written = noun.lower_ in lang.WRITTEN_THINGS and not _names_its_issuer(noun)
    # An occasion of speaking is no speaker: "appeared at a news conference announcing …"
    # is the one who appeared.
    occasion = noun.lower_ in lang.SPEAKING_OCCASIONS
    addressed = (noun.dep_ == "dobj" and governor.lemma_.lower() in lang.ADDRESSING_VERBS) or (
        preposition is not None and _addresses(preposition)
    )
    if not (written or occasion or addressed):
        return noun
    subjects = [c for c in governor.children if c.dep_ in SUBJECT_DEPS]
    return _nearest_before(subjects, governor) if subjects else noun


def _names_its_issuer(noun: Token) -> bool:
    return any(c.dep_ in ("poss", "compound") and c.i < noun.i for c in noun.children)


def _addresses(preposition: Token) -> bool:
    """ "a message to supporters", "a pitch to voters", "wrote to members": a "to" after
    something said or a verb of addressing ("donated to a group backing …" is no message)."""
    if preposition.lower_ != "to":
        return False
    word = preposition.head.lemma_.lower()
    if preposition.head.pos_ in NOMINAL_TAGS:
        return word in lang.WRITTEN_THINGS or word in lang.ADDRESSED_THINGS
    return word in lang.ADDRESSING_VERBS or word in lang.SPEECH_VERBS


def _governor(noun: Token) -> tuple[Token | None, Token | None]:
    """The verb a noun is the object of, directly or through a preposition (and the noun
    that preposition may hang from: "a message to supporters"), with that preposition."""
    if noun.dep_ == "dobj" and noun.head.pos_ in VERB_POS:
        return noun.head, None
    if noun.dep_ != "pobj":
        return None, None
    preposition = noun.head
    above = preposition.head
    if above.pos_ in NOMINAL_TAGS and above.dep_ in ("dobj", "pobj"):
        above = above.head if above.dep_ == "dobj" else above.head.head
    # "shot back in an article stating …", not "in the release announcing …, Lee described":
    # a phrase before the verb sets the scene and need not be its subject's.
    if above.pos_ not in VERB_POS or preposition.i < above.i:
        return None, None
    return above, preposition


def _nearest_before(subjects: list[Token], verb: Token) -> Token:
    """Of the subjects the parser gave a verb, the nearest before it: "LONDON (Reuters) -
    Ann Lee said" hangs the dateline's city from "said" as a subject too."""
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if before else subjects[0]


def _past_dateline(subject: Token) -> Token:
    """The subject, or the name after it when it is a dateline's place that the parser took
    for the subject, with the name as its apposition ("WASHINGTON -- President Obama said"):
    a word in capitals that opens its sentence. "Smith -- the mayor -- said" is Smith."""
    if not (subject.text.isupper() and subject.left_edge.i == subject.sent.start):
        return subject
    dash = next(
        (
            c
            for c in subject.children
            if c.i > subject.i and (c.text in DASHES or _spaced_hyphen(c))
        ),
        None,
    )
    if dash is None:
        return subject
    after = [c for c in subject.children if c.dep_ == "appos" and c.i > dash.i]
    return after[0] if after else subject


def _verb_above(preposition: Token) -> Token | None:
    """The verb a preposition hangs from, through an adverb ("aside from") or a preposition
    it is coordinated with ("in promoting … and for saying"); None when it is a noun's."""
    token = preposition
    for _ in range(MAX_BORROWING):
        if token.dep_ not in PREPOSITION_DEPS or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in VERB_POS:
            return token
        if token.pos_ not in ("ADP", "ADV"):
            return None
    return None


def _speaker_act(verb: Token) -> bool:
    """A verb coordinated with a reported clause that has the tense of the reporting verb,
    not of the clause: the speaker's next act ("said it takes time but added …")."""
    clause = verb.head
    return (
        verb.dep_ == "conj"
        and clause.dep_ == "ccomp"
        and verb.tag_ == clause.head.tag_ != clause.tag_
    )


def source_phrase(head: Token) -> tuple[int, int]:
    """The token range of the noun phrase `head` heads, without edge punctuation."""
    first, last = head.left_edge.i, head.right_edge.i
    doc = head.doc
    for index in range(last - 1, first - 1, -1):
        if "\n" in doc[index].text_with_ws:
            first = index + 1  # a phrase never runs across paragraphs
            break
    # Nor over quotation marks: the parser may hang a quote on its speaker's name.
    # A quoted title in a name stays: the authors of the "Growth and Opportunity Project".
    ends = [t.i for t in doc[first + 1 : head.i] if t.text in QUOTE_TOKENS and t.nbor(-1).is_punct]
    # Nor over a dateline: "WASHINGTON — Sen. Chuck Grassley".
    # "JACKSON, Miss. - U.S. District Judge": a hyphen between spaces is a dash too.
    ends += [t.i for t in doc[first : head.i] if t.text in DASHES or _spaced_hyphen(t)]
    first = max([first] + [i + 1 for i in ends])
    last = source_end(doc, head, last)
    while first < head.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > first and (
        doc[last].is_space or (doc[last].is_punct and not _closes_bracket(doc, first, last))
    ):
        last -= 1
    return first, last + 1


def _spaced_hyphen(token: Token) -> bool:
    """A hyphen with a space on both sides (a dash); a hyphen opening the text is a bullet."""
    if token.text != "-" or not token.whitespace_ or token.i == 0:
        return False
    return bool(token.nbor(-1).whitespace_)


def _closes_bracket(doc: Doc, first: int, last: int) -> bool:
    """A ")" that closes a bracket of the phrase stays: "Jason Chaffetz (R-Utah)"."""
    return doc[last].text == ")" and any(t.text == "(" for t in doc[first:last])
