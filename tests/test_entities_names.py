"""People's names the tagger missed, split or typed as something else (no model): each rule
on a hand-parsed sentence, so that what is tested is the rule and not the tagger's mood."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from newsgraph.nlp.coref.referents import Referent, build_referents
from newsgraph.nlp.entities.component import find_entities
from newsgraph.records import Entity
from tests.entity_docs import BLANK, entity_doc, entity_names

# A word as the parser would give it: text, part of speech, tag, dependency, head's index.
Word = tuple[str, str, str, str, int]


def parsed(words: list[Word], ents: Sequence[tuple[int, int, str]] = ()) -> Doc:
    """A Doc with the given parse and (start token, end token, label) entities."""
    doc = Doc(
        BLANK.vocab,
        words=[w[0] for w in words],
        spaces=[i + 1 < len(words) and words[i + 1][0] not in ".,'s" for i in range(len(words))],
        pos=[w[1] for w in words],
        tags=[w[2] for w in words],
        deps=[w[3] for w in words],
        heads=[w[4] for w in words],
        sent_starts=[i == 0 for i in range(len(words))],
    )
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def names_of(doc: Doc) -> dict[str, tuple[str, int]]:
    return {e.name: (e.type, len(e.mentions)) for e in find_entities(doc)}


def test_a_people_name_standing_alone_as_someone_is_a_person() -> None:
    doc = parsed(
        [
            ("Olivia", "PROPN", "NNP", "nsubj", 1),
            ("urged", "VERB", "VBD", "ROOT", 1),
            ("Stanner", "PROPN", "NNP", "dobj", 1),
            ("to", "PART", "TO", "aux", 4),
            ("resign", "VERB", "VB", "xcomp", 1),
            (".", "PUNCT", ".", "punct", 1),
        ],
        [(0, 1, "PERSON"), (2, 3, "NORP")],
    )
    assert names_of(doc)["Stanner"] == ("PERSON", 1)


def test_a_people_name_as_an_adjective_or_after_the_stays_norp() -> None:
    doc = parsed(
        [
            ("Danish", "ADJ", "JJ", "amod", 1),
            ("ships", "NOUN", "NNS", "nsubj", 2),
            ("met", "VERB", "VBD", "ROOT", 2),
            ("the", "DET", "DT", "det", 4),
            ("Dane", "PROPN", "NNP", "dobj", 2),
            (".", "PUNCT", ".", "punct", 2),
        ],
        [(0, 1, "NORP"), (4, 5, "NORP")],
    )
    assert names_of(doc) == {"Danish": ("NORP", 1), "Dane": ("NORP", 1)}


def test_a_rank_before_a_name_makes_a_person_but_not_of_a_street() -> None:
    text = "Emperor Alexius built King Street."
    doc = entity_doc(text, [("Emperor Alexius", "ORG"), ("King Street", "FAC")])
    names = entity_names(doc)
    assert names["Emperor Alexius"] == ("PERSON", 1)
    assert names["King Street"] == ("FAC", 1)


def test_a_name_after_a_rank_or_a_word_of_kin_is_a_person() -> None:
    doc = parsed(
        [
            ("Then", "ADV", "RB", "advmod", 3),
            ("Uncle", "PROPN", "NNP", "compound", 2),
            ("Petrie", "PROPN", "NNP", "nsubj", 3),
            ("came", "VERB", "VBD", "ROOT", 3),
            (".", "PUNCT", ".", "punct", 3),
        ]
    )
    assert names_of(doc) == {"Petrie": ("PERSON", 1)}


def test_a_gendered_first_name_opens_a_full_name_but_is_no_name_alone() -> None:
    doc = parsed(
        [
            ("Then", "ADV", "RB", "advmod", 3),
            ("Madge", "PROPN", "NNP", "compound", 2),
            ("Sinclair", "PROPN", "NNP", "nsubj", 3),
            ("sang", "VERB", "VBD", "ROOT", 3),
            ("and", "CCONJ", "CC", "cc", 3),
            ("Mark", "PROPN", "NNP", "nsubj", 6),
            ("left", "VERB", "VBD", "conj", 3),
            (".", "PUNCT", ".", "punct", 3),
        ]
    )
    # "Mark" alone may be the word; before a surname it is a man's name.
    assert names_of(doc) == {"Madge Sinclair": ("PERSON", 1)}


def test_a_surname_alone_names_the_full_name_the_tagger_typed_a_body() -> None:
    doc = parsed(
        [
            ("Dena", "PROPN", "NNP", "compound", 2),
            ("Polacheck", "PROPN", "NNP", "compound", 2),
            ("Epstein", "PROPN", "NNP", "nsubj", 3),
            ("wrote", "VERB", "VBD", "ROOT", 3),
            ("and", "CCONJ", "CC", "cc", 3),
            ("Epstein", "PROPN", "NNP", "nsubj", 6),
            ("taught", "VERB", "VBD", "conj", 3),
            (".", "PUNCT", ".", "punct", 3),
        ],
        [(0, 3, "ORG")],
    )
    assert names_of(doc) == {"Dena Polacheck Epstein": ("ORG", 2)}


def test_a_body_typed_name_with_a_body_word_owns_no_surname() -> None:
    doc = parsed(
        [
            ("Varga", "PROPN", "NNP", "compound", 1),
            ("Holdings", "PROPN", "NNP", "nsubj", 2),
            ("grew", "VERB", "VBD", "ROOT", 2),
            ("and", "CCONJ", "CC", "cc", 2),
            ("Holdings", "PROPN", "NNP", "nsubj", 5),
            ("fell", "VERB", "VBD", "conj", 2),
            (".", "PUNCT", ".", "punct", 2),
        ],
        [(0, 2, "ORG")],
    )
    assert names_of(doc) == {"Varga Holdings": ("ORG", 1)}


def test_letters_after_a_name_do_not_hide_its_surname() -> None:
    text = "Sarah Whitcombe MBE founded a studio. Later Whitcombe left it."
    doc = entity_doc(text, [("Sarah Whitcombe MBE", "PERSON"), ("Whitcombe", "PERSON")])
    assert entity_names(doc) == {"Sarah Whitcombe MBE": ("PERSON", 2)}


def _referent(name: str, entity_type: str = "PERSON") -> Referent:
    return Referent(Entity("e1", name, entity_type, ()), [])


def test_particles_and_regnal_numbers_keep_a_name_person_shaped() -> None:
    assert _referent("Raffaello da Montelupo", "ORG").person_shaped
    assert _referent("Pius II", "LAW").person_shaped
    assert _referent("Edward I of England", "ORG").gender == "m"
    assert not _referent("Bank of Estoria", "ORG").person_shaped  # a body's word
    assert not _referent("of Estoria", "ORG").person_shaped  # a particle opens no name


def _referents_of(doc: Doc) -> dict[str, Referent]:
    return {r.entity.name: r for r in build_referents(doc, find_entities(doc))}


def test_a_year_after_in_is_no_place_for_the_name_after_it() -> None:
    doc = parsed(
        [
            ("In", "ADP", "IN", "prep", 3),
            ("1901", "NUM", "CD", "nummod", 2),
            ("Brauner", "PROPN", "NNP", "pobj", 0),
            ("trained", "VERB", "VBD", "ROOT", 3),
            (".", "PUNCT", ".", "punct", 3),
        ],
        [(1, 2, "DATE"), (2, 3, "PERSON")],
    )
    assert not _referents_of(doc)["Brauner"].place_like


def test_a_name_met_in_once_of_twice_is_no_place_unless_typed_a_place() -> None:
    words: list[Word] = [
        ("Ann", "PROPN", "NNP", "nsubj", 1),
        ("trusted", "VERB", "VBD", "ROOT", 1),
        ("in", "ADP", "IN", "prep", 1),
        ("Tessan", "PROPN", "NNP", "pobj", 2),
        ("and", "CCONJ", "CC", "cc", 1),
        ("Tessan", "PROPN", "NNP", "nsubj", 6),
        ("won", "VERB", "VBD", "conj", 1),
        (".", "PUNCT", ".", "punct", 1),
    ]
    for label in ("PERSON", "ORG"):
        person = parsed(words, [(0, 1, "PERSON"), (3, 4, label), (5, 6, label)])
        assert not _referents_of(person)["Tessan"].place_like
    place = parsed(words, [(0, 1, "PERSON"), (3, 4, "GPE"), (5, 6, "GPE")])
    assert _referents_of(place)["Tessan"].place_like  # a place's type: one place use is enough


def test_a_surname_the_article_gives_the_other_gender_is_a_relative() -> None:
    doc = parsed(
        [
            ("Ure", "PROPN", "NNP", "nsubj", 1),
            ("was", "AUX", "VBD", "ROOT", 1),
            ("the", "DET", "DT", "det", 3),
            ("daughter", "NOUN", "NN", "attr", 1),
            ("of", "ADP", "IN", "prep", 3),
            ("Colin", "PROPN", "NNP", "compound", 6),
            ("Ure", "PROPN", "NNP", "pobj", 4),
            (".", "PUNCT", ".", "punct", 1),
        ],
        [(0, 1, "PERSON"), (5, 7, "PERSON")],
    )
    assert names_of(doc) == {"Ure": ("PERSON", 1), "Colin Ure": ("PERSON", 1)}


def test_a_surname_her_clause_binds_is_not_a_mans_full_name() -> None:
    words: list[Word] = [
        ("Known", "VERB", "VBN", "advcl", 5),
        ("for", "ADP", "IN", "prep", 0),
        ("her", "PRON", "PRP$", "poss", 3),
        ("voice", "NOUN", "NN", "pobj", 1),
        ("Ure", "PROPN", "NNP", "nsubj", 5),
        ("sang", "VERB", "VBD", "ROOT", 5),
        ("with", "ADP", "IN", "prep", 5),
        ("Colin", "PROPN", "NNP", "compound", 8),
        ("Ure", "PROPN", "NNP", "pobj", 6),
        (".", "PUNCT", ".", "punct", 5),
    ]
    doc = parsed(words, [(4, 5, "PERSON"), (7, 9, "PERSON")])
    assert len(names_of(doc)) == 2
    words[7] = ("Ilona", "PROPN", "NNP", "compound", 8)  # her own full name: one person
    doc = parsed(words, [(4, 5, "PERSON"), (7, 9, "PERSON")])
    assert names_of(doc) == {"Ilona Ure": ("PERSON", 2)}


def test_a_courtesy_title_of_the_other_gender_keeps_a_surname_apart() -> None:
    text = "Anna Lund was the child of a Mr. Lund and a Ms. Berg."
    doc = entity_doc(text, [("Anna Lund", "PERSON"), ("Lund", "PERSON"), ("Berg", "PERSON")])
    assert entity_names(doc)["Anna Lund"] == ("PERSON", 1)
    assert entity_names(doc)["Lund"] == ("PERSON", 1)


def test_a_subject_her_own_clause_opens_with_is_a_person() -> None:
    doc = parsed(
        [
            ("Unlike", "ADP", "IN", "prep", 4),
            ("her", "PRON", "PRP$", "poss", 2),
            ("rival", "NOUN", "NN", "pobj", 0),
            ("Tessaly", "PROPN", "NNP", "nsubj", 4),
            ("stayed", "VERB", "VBD", "ROOT", 4),
            (".", "PUNCT", ".", "punct", 4),
        ]
    )
    assert names_of(doc) == {"Tessaly": ("PERSON", 1)}


def test_a_given_name_read_as_a_common_noun_is_a_person_where_a_name_stands() -> None:
    doc = parsed(
        [
            ("Alice", "NOUN", "NN", "nsubj", 1),
            ("imagines", "VERB", "VBZ", "ROOT", 1),
            ("a", "DET", "DT", "det", 3),
            ("storm", "NOUN", "NN", "dobj", 1),
            (".", "PUNCT", ".", "punct", 1),
        ]
    )
    assert names_of(doc) == {"Alice": ("PERSON", 1)}


def test_a_rank_opening_a_name_is_evidence_of_a_person() -> None:
    doc = parsed(
        [
            ("The", "DET", "DT", "det", 2),
            ("Emperor", "PROPN", "NNP", "compound", 2),
            ("Alexius", "PROPN", "NNP", "nsubj", 3),
            ("ruled", "VERB", "VBD", "ROOT", 3),
            (".", "PUNCT", ".", "punct", 3),
        ],
        [(1, 3, "ORG")],
    )
    referent = _referents_of(doc)["Emperor Alexius"]
    assert referent.person_evidence and not referent.never_a_person


def test_a_first_name_alone_names_the_full_name_the_tagger_typed_a_body() -> None:
    doc = parsed(
        [
            ("Abed", "PROPN", "NNP", "compound", 1),
            ("Nadir", "PROPN", "NNP", "nsubj", 2),
            ("left", "VERB", "VBD", "ROOT", 2),
            ("and", "CCONJ", "CC", "cc", 2),
            ("Abed", "PROPN", "NNP", "nsubj", 5),
            ("wept", "VERB", "VBD", "conj", 2),
            (".", "PUNCT", ".", "punct", 2),
        ],
        [(0, 2, "ORG")],
    )
    assert names_of(doc) == {"Abed Nadir": ("ORG", 2)}


def test_an_untagged_surname_of_the_other_gender_is_a_relative_of_its_own() -> None:
    doc = parsed(
        [
            ("Ure", "PROPN", "NNP", "nsubj", 1),
            ("was", "AUX", "VBD", "ROOT", 1),
            ("the", "DET", "DT", "det", 3),
            ("daughter", "NOUN", "NN", "attr", 1),
            ("of", "ADP", "IN", "prep", 3),
            ("Colin", "PROPN", "NNP", "compound", 6),
            ("Ure", "PROPN", "NNP", "pobj", 4),
            (".", "PUNCT", ".", "punct", 1),
        ],
        [(5, 7, "PERSON")],  # the tagger saw only the father
    )
    assert names_of(doc) == {"Ure": ("PERSON", 1), "Colin Ure": ("PERSON", 1)}


def test_a_known_name_read_as_an_adverb_inside_a_sentence_is_its_mention() -> None:
    words: list[Word] = [
        ("Cally", "PROPN", "NNP", "nsubj", 1),
        ("left", "VERB", "VBD", "ROOT", 1),
        ("but", "CCONJ", "CC", "cc", 1),
        ("Cally", "ADV", "RB", "advmod", 4),
        ("returned", "VERB", "VBD", "conj", 1),
        ("to", "ADP", "IN", "prep", 4),
        ("the", "DET", "DT", "det", 8),
        ("Cally", "ADJ", "JJ", "amod", 8),
        ("Hall", "PROPN", "NNP", "pobj", 5),
        (".", "PUNCT", ".", "punct", 1),
    ]
    doc = parsed(words, [(0, 1, "PERSON")])
    # Not after "the" before another capitalised word: that is a title's or a place's word.
    assert names_of(doc) == {"Cally": ("PERSON", 2)}


def test_a_known_name_after_a_determiner_is_a_word_not_its_mention() -> None:
    # "the Cally fans": after "the" the capitalised word modifies a noun, even when no
    # capitalised word follows it.
    words: list[Word] = [
        ("Cally", "PROPN", "NNP", "nsubj", 1),
        ("left", "VERB", "VBD", "ROOT", 1),
        ("and", "CCONJ", "CC", "cc", 1),
        ("the", "DET", "DT", "det", 4),
        ("Cally", "ADV", "RB", "advmod", 5),
        ("fans", "NOUN", "NNS", "nsubj", 6),
        ("wept", "VERB", "VBD", "conj", 1),
        (".", "PUNCT", ".", "punct", 1),
    ]
    doc = parsed(words, [(0, 1, "PERSON")])
    assert names_of(doc) == {"Cally": ("PERSON", 1)}


def test_a_span_over_a_verb_or_ending_with_and_is_cut_to_its_names() -> None:
    doc = parsed(
        [
            ("Rocky", "PROPN", "NNP", "nsubj", 1),
            ("spots", "VERB", "VBZ", "ROOT", 1),
            ("Natasha", "PROPN", "NNP", "dobj", 1),
            ("with", "ADP", "IN", "prep", 1),
            ("Paul", "PROPN", "NNP", "compound", 5),
            ("Weston", "PROPN", "NNP", "pobj", 3),
            ("&", "CCONJ", "CC", "cc", 5),
            ("his", "PRON", "PRP$", "poss", 8),
            ("band", "NOUN", "NN", "conj", 5),
            (".", "PUNCT", ".", "punct", 1),
        ],
        [(0, 3, "ORG"), (4, 7, "ORG")],
    )
    assert names_of(doc) == {
        "Rocky": ("ORG", 1),
        "Natasha": ("ORG", 1),
        "Paul Weston": ("ORG", 1),
    }


def test_a_surname_two_people_share_is_a_person_of_its_own_when_its_sentence_says_so() -> None:
    doc = parsed(
        [
            ("Pruna", "PROPN", "NNP", "nsubj", 1),
            ("is", "AUX", "VBZ", "ROOT", 1),
            ("the", "DET", "DT", "det", 3),
            ("daughter", "NOUN", "NN", "attr", 1),
            ("of", "ADP", "IN", "prep", 3),
            ("Vaso", "PROPN", "NNP", "compound", 6),
            ("Pruna", "PROPN", "NNP", "pobj", 4),
            ("and", "CCONJ", "CC", "cc", 6),
            ("Eka", "PROPN", "NNP", "compound", 9),
            ("Pruna", "PROPN", "NNP", "conj", 6),
            (".", "PUNCT", ".", "punct", 1),
        ],
        [(5, 7, "PERSON"), (8, 10, "PERSON")],
    )
    assert names_of(doc)["Pruna"] == ("PERSON", 1)


def test_a_her_after_the_verb_does_not_split_a_surname_from_a_mans_name() -> None:
    doc = parsed(
        [
            ("Colin", "PROPN", "NNP", "compound", 1),
            ("Ure", "PROPN", "NNP", "nsubj", 2),
            ("spoke", "VERB", "VBD", "ROOT", 2),
            ("and", "CCONJ", "CC", "cc", 2),
            ("Ure", "PROPN", "NNP", "nsubj", 5),
            ("praised", "VERB", "VBD", "conj", 2),
            ("her", "PRON", "PRP$", "poss", 7),
            ("work", "NOUN", "NN", "dobj", 5),
            (".", "PUNCT", ".", "punct", 2),
        ],
        [(0, 2, "PERSON"), (4, 5, "PERSON")],
    )
    assert names_of(doc) == {"Colin Ure": ("PERSON", 2)}  # her work is someone else's


def test_one_name_with_two_generational_suffixes_is_a_father_and_his_son() -> None:
    text = "Tobin Marsh, Sr. produced the film for his son, Tobin Marsh, Jr., who sang."
    doc = entity_doc(text, [("Tobin Marsh, Sr.", "PERSON"), ("Tobin Marsh, Jr.", "PERSON")])
    assert entity_names(doc) == {"Tobin Marsh Sr": ("PERSON", 1), "Tobin Marsh Jr": ("PERSON", 1)}


def test_one_generational_suffix_is_matched_without_it() -> None:
    text = "Tobin Marsh Jr. produced the film. Tobin Marsh later sold it."
    doc = entity_doc(text, [("Tobin Marsh Jr.", "PERSON"), ("Tobin Marsh", "PERSON")])
    assert entity_names(doc) == {"Tobin Marsh Jr": ("PERSON", 2)}


def _owner_sentence(pronoun: str) -> list[Word]:
    # "Vardi's work is clean, but <pronoun> wood is plain."
    return [
        ("Vardi", "PROPN", "NNP", "poss", 2),
        ("'s", "PART", "POS", "case", 0),
        ("work", "NOUN", "NN", "nsubj", 3),
        ("is", "AUX", "VBZ", "ROOT", 3),
        ("clean", "ADJ", "JJ", "acomp", 3),
        (",", "PUNCT", ",", "punct", 3),
        ("but", "CCONJ", "CC", "cc", 3),
        (pronoun, "PRON", "PRP$", "poss", 8),
        ("wood", "NOUN", "NN", "nsubj", 9),
        ("is", "AUX", "VBZ", "conj", 3),
        ("plain", "ADJ", "JJ", "acomp", 9),
        (".", "PUNCT", ".", "punct", 3),
    ]


def test_an_untagged_owner_a_his_or_her_takes_up_is_a_person() -> None:
    assert names_of(parsed(_owner_sentence("his")))["Vardi"] == ("PERSON", 1)
    assert "Vardi" not in names_of(parsed(_owner_sentence("its")))


def test_a_given_name_read_as_an_adverb_at_the_start_is_a_person() -> None:
    def sentence(first: str) -> list[Word]:
        return [
            (first, "ADV", "RB", "advmod", 1),
            ("plans", "VERB", "VBZ", "ROOT", 1),
            ("a", "DET", "DT", "det", 3),
            ("party", "NOUN", "NN", "dobj", 1),
            (".", "PUNCT", ".", "punct", 1),
        ]

    assert names_of(parsed(sentence("Ellen")))["Ellen"] == ("PERSON", 1)
    assert names_of(parsed(sentence("Soon"))) == {}


def test_a_capitalised_word_of_kin_is_a_name_of_its_gender() -> None:
    # "I thank my Dad, he taught me." / the same with "dad", a noun like any other.
    def sentence(kin: str) -> list[Word]:
        return [
            ("I", "PRON", "PRP", "nsubj", 1),
            ("thank", "VERB", "VBP", "ROOT", 1),
            ("my", "PRON", "PRP$", "poss", 3),
            (kin, "PROPN" if kin[0].isupper() else "NOUN", "NNP", "dobj", 1),
            (",", "PUNCT", ",", "punct", 1),
            ("he", "PRON", "PRP", "nsubj", 6),
            ("taught", "VERB", "VBD", "conj", 1),
            ("me", "PRON", "PRP", "dobj", 6),
            (".", "PUNCT", ".", "punct", 1),
        ]

    referents = _referents_of(parsed(sentence("Dad")))
    assert referents["Dad"].entity.type == "PERSON"
    assert referents["Dad"].name_gender == "m"
    assert _referents_of(parsed(sentence("Grandma")))["Grandma"].name_gender == "f"
    assert _referents_of(parsed(sentence("dad"))) == {}


def test_an_opening_quotation_mark_is_no_part_of_a_name() -> None:
    for mark in ("``", '"', "“", "'"):
        text = f"Later {mark}Orla Brennick joined the class."
        doc = entity_doc(text, [(f"{mark}Orla Brennick", "ORG")])
        assert entity_names(doc) == {"Orla Brennick": ("ORG", 1)}
    assert _referent("Orla Brennick", "ORG").person_shaped


def test_first_names_of_many_languages_tell_a_gender() -> None:
    assert _referent("Jon Brell").gender == "m"
    assert _referent("Anish Korde").gender == "m"
    assert _referent("Priya Korde").gender == "f"
    assert _referent("Amalia Torsten").gender == "f"


def test_a_courtesy_title_before_a_word_read_as_a_date_is_a_person() -> None:
    text = "On May 11, Miss April and Mrs June won the final on Monday."
    dates = [("May 11, Miss April", "DATE"), ("Mrs June", "DATE"), ("Monday", "DATE")]
    doc = entity_doc(text, dates)
    assert entity_names(doc) == {"April": ("PERSON", 1), "June": ("PERSON", 1)}
    referents = _referents_of(doc)
    assert referents["April"].gender == "f"


def test_a_surname_the_tagger_found_joins_the_full_name_it_missed() -> None:
    # "Mehmet Vask spoke. Vask 's show aired.": only the second "Vask" tagged.
    words: list[Word] = [
        ("Mehmet", "PROPN", "NNP", "compound", 1),
        ("Vask", "PROPN", "NNP", "nsubj", 2),
        ("spoke", "VERB", "VBD", "ROOT", 2),
        (".", "PUNCT", ".", "punct", 2),
        ("Vask", "PROPN", "NNP", "poss", 6),
        ("'s", "PART", "POS", "case", 4),
        ("show", "NOUN", "NN", "nsubj", 7),
        ("aired", "VERB", "VBD", "ROOT", 7),
        (".", "PUNCT", ".", "punct", 7),
    ]
    assert names_of(parsed(words, [(4, 5, "PERSON")])) == {"Mehmet Vask": ("PERSON", 2)}


def test_a_known_name_the_tagger_read_into_a_date_is_its_mention() -> None:
    words: list[Word] = [
        ("Odile", "PROPN", "NNP", "compound", 1),
        ("Brandt", "PROPN", "NNP", "nsubj", 2),
        ("resigned", "VERB", "VBD", "ROOT", 2),
        (".", "PUNCT", ".", "punct", 2),
        ("Last", "ADJ", "JJ", "amod", 5),
        ("week", "NOUN", "NN", "npadvmod", 7),
        ("Brandt", "PROPN", "NNP", "nsubj", 7),
        ("spoke", "VERB", "VBD", "ROOT", 7),
        ("for", "ADP", "IN", "prep", 7),
        ("two", "NUM", "CD", "nummod", 10),
        ("hours", "NOUN", "NNS", "pobj", 8),
        (".", "PUNCT", ".", "punct", 7),
    ]
    # "Last week Brandt" read as one date: its proper noun is still the name; the date's
    # own words and an amount's ("two hours") are not.
    doc = parsed(words, [(0, 2, "PERSON"), (4, 7, "DATE"), (9, 11, "TIME")])
    assert names_of(doc) == {"Odile Brandt": ("PERSON", 2)}


def test_a_month_in_a_date_is_no_mention_of_a_person_it_names() -> None:
    words: list[Word] = [
        ("Teresa", "PROPN", "NNP", "compound", 1),
        ("May", "PROPN", "NNP", "nsubj", 2),
        ("resigned", "VERB", "VBD", "ROOT", 2),
        ("and", "CCONJ", "CC", "cc", 2),
        ("left", "VERB", "VBD", "conj", 2),
        ("in", "ADP", "IN", "prep", 4),
        ("May", "PROPN", "NNP", "pobj", 5),
        (".", "PUNCT", ".", "punct", 2),
    ]
    doc = parsed(words, [(0, 2, "PERSON"), (6, 7, "DATE")])
    assert names_of(doc) == {"Teresa May": ("PERSON", 1)}


def test_a_full_name_introduced_as_a_relative_after_the_surname_is_someone_else() -> None:
    # "Holt" is named first; the full name that comes later as her father's, her brother's or
    # her husband's is a relative with her surname, not her (without a gender to tell).
    words: list[Word] = [
        ("Holt", "PROPN", "NNP", "nsubj", 1),
        ("joined", "VERB", "VBD", "ROOT", 1),
        ("her", "PRON", "PRP$", "poss", 3),
        ("father", "NOUN", "NN", "dobj", 1),
        ("Erno", "PROPN", "NNP", "compound", 5),
        ("Holt", "PROPN", "NNP", "appos", 3),
        (".", "PUNCT", ".", "punct", 1),
    ]
    doc = parsed(words, [(0, 1, "PERSON"), (4, 6, "PERSON")])
    assert names_of(doc) == {"Holt": ("PERSON", 1), "Erno Holt": ("PERSON", 1)}
    married: list[Word] = [
        ("Holt", "PROPN", "NNP", "nsubj", 1),
        ("married", "VERB", "VBD", "ROOT", 1),
        ("Erno", "PROPN", "NNP", "compound", 3),
        ("Holt", "PROPN", "NNP", "dobj", 1),
        (".", "PUNCT", ".", "punct", 1),
    ]
    doc = parsed(married, [(0, 1, "PERSON"), (2, 4, "PERSON")])
    assert len(names_of(doc)) == 2
    # The full name first, the surname after: one person, as before.
    later: list[Word] = [
        ("Erno", "PROPN", "NNP", "compound", 1),
        ("Holt", "PROPN", "NNP", "nsubj", 2),
        ("left", "VERB", "VBD", "ROOT", 2),
        ("and", "CCONJ", "CC", "cc", 2),
        ("Holt", "PROPN", "NNP", "nsubj", 5),
        ("stayed", "VERB", "VBD", "conj", 2),
        (".", "PUNCT", ".", "punct", 2),
    ]
    doc = parsed(later, [(0, 2, "PERSON"), (4, 5, "PERSON")])
    assert names_of(doc) == {"Erno Holt": ("PERSON", 2)}
