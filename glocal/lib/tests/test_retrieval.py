"""Behaviour of the hybrid retrieval primitives on hand-made corpora and vectors."""

import numpy as np
import pytest

from glocal.lib.retrieval import (
    DEFAULT_B,
    DEFAULT_K1,
    SHORT_B,
    SHORT_K1,
    BM25Index,
    Feedback,
    FusionWeights,
    chunks_for_embedding,
    expansion,
    feedback_search,
    fuse,
    is_short,
    max_per_document,
    mention_prior,
    tokenize,
)

CORPUS = [
    ("Participatory Budgeting", "Residents decide how to spend part of a public budget."),
    ("Citizens' Assembly", "A randomly selected group deliberates on budgeting and policy."),
    ("Survey", "Questionnaires sent to residents about services."),
    ("Workshop", "A facilitated meeting where a survey of ideas is discussed."),
]


def built(**kwargs) -> BM25Index:
    index = BM25Index(**kwargs)
    index.build(CORPUS)
    return index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Budget of THE city", ["budget", "city"]),
        ("Citizens' Jury, Q&A", ["citizens", "jury"]),
        ("a is of to", []),
        ("Bürgerhaushalt in Köln", ["burgerhaushalt", "koln"]),  # accents folded
        ("Les cours de langue pour adultes", ["cours", "langue", "adultes"]),
    ],
)
def test_tokenize(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("budgeting", 0),  # in the title of 0, in the body of 1: the title wins
        ("survey", 2),  # title of 2 beats the body of 3
        ("randomly selected group", 1),
        ("the budgeting of a", 0),  # stop words change nothing
    ],
)
def test_search_ranks_title_matches_first(query, first):
    assert built().search(query, 10)[0][0] == first


def test_search_ignores_stop_words_and_unknown_words():
    index = built()
    assert index.search("the of and", 10) == []
    assert index.search("zeppelin", 10) == []
    assert index.search("budgeting the", 10) == index.search("budgeting", 10)


def test_search_respects_limit_and_allowed_mask():
    index = built()
    assert len(index.search("budgeting survey residents", 2)) == 2
    allowed = np.array([False, True, True, True])
    assert [row for row, _ in index.search("budgeting", 10, allowed)] == [1]


def test_search_scores_are_positive_and_decreasing():
    hits = built().search("residents budget survey", 10)
    scores = [score for _, score in hits]
    assert all(s > 0 for s in scores)
    assert scores == sorted(scores, reverse=True)


def test_empty_index_returns_nothing():
    index = BM25Index()
    index.build([])
    assert index.search("budget", 5) == []


@pytest.mark.parametrize(
    ("body", "count"),
    [("", 1), ("word " * 10, 2), ("word " * 200, 2), ("word " * 250, 3), ("word " * 10_000, 9)],
)
def test_chunks_are_title_then_titled_windows(body, count):
    chunks = chunks_for_embedding("Survey", body)
    assert chunks[0] == "Survey"
    assert len(chunks) == count
    assert all(chunk.startswith("Survey. ") for chunk in chunks[1:])


def test_max_per_document_keeps_best_chunk():
    chunk_to_doc = np.array([0, 0, 1, 1, 2])
    hits = [(1, 0.9), (0, 0.5), (3, 0.7), (2, 0.8), (4, 0.1)]
    assert max_per_document(hits, chunk_to_doc) == [(0, 0.9), (1, 0.8), (2, 0.1)]


@pytest.mark.parametrize(
    ("lexical", "dense", "first"),
    [
        ([(0, 10.0), (1, 9.0)], [(2, 0.60), (1, 0.55), (3, 0.2)], 1),  # found by both wins
        ([(0, 10.0)], [(1, 0.8), (0, 0.2)], 1),  # a much better cosine beats BM25 alone
        ([(0, 10.0), (1, 1.0)], [(1, 0.3), (0, 0.3)], 0),  # equal cosines: BM25 decides
        ([], [(3, 0.5), (2, 0.4)], 3),  # no lexical hit: dense order
        ([(4, 2.0), (5, 1.0)], [], 4),  # no dense hit: lexical order
    ],
)
def test_fuse(lexical, dense, first):
    fused = fuse(lexical, dense, weights=FusionWeights(dense=2.0, prior=0.5))
    assert fused[0][0] == first
    assert {row for row, _ in fused} == {row for row, _ in lexical + dense}


def test_fuse_prior_breaks_near_ties_but_not_clear_wins():
    prior = np.array([0.0, 1.0, 0.0])
    weights = FusionWeights(dense=2.0, prior=0.5)
    near = fuse([(0, 5.0), (1, 4.9)], [(0, 0.5), (1, 0.5)], prior, weights=weights)
    clear = fuse([(0, 5.0)], [(0, 0.7), (1, 0.3)], prior, weights=weights)
    assert near[0][0] == 1
    assert clear[0][0] == 0


def test_mention_prior_counts_other_documents_naming_a_title():
    docs = [
        ("Deliberation", "Talking things through."),
        ("Citizens' Jury", "A jury uses deliberation."),
        ("Planning Cells", "Deliberation in cells, like Citizen Juries."),
        ("Survey", "Nobody names this one here."),
    ]
    prior = mention_prior(docs)
    assert prior[0] == pytest.approx(1.0)  # named twice (self-mentions do not count)
    assert 0 < prior[1] < 1  # named once: plural and case folded
    assert prior[2] == prior[3] == 0


def test_chunks_of_an_untitled_text_are_its_windows_alone():
    windows = chunks_for_embedding("", "word " * 250)
    assert windows == ["word " * 199 + "word", "word " * 49 + "word"]


def test_a_match_on_one_word_of_a_long_query_stays_small_against_its_ideal_score():
    weights = FusionWeights(dense=0.0, prior=0.0, ideal_share=1.0)
    fused = fuse([(0, 2.0)], [], ideal=8.0, weights=weights)
    alone = fuse([(0, 2.0)], [], weights=FusionWeights(dense=0.0, prior=0.0))
    assert fused == [(0, 0.25)]
    assert alone == [(0, 1.0)]


MULTILINGUAL = [
    ("Sprachkurse", "Sprachkurse für Erwachsene am Abend in der Bibliothek"),
    ("Language courses", "Language courses for adults in the evening at the library"),
    ("Курсеви", "Курсеви језика за одрасле увече у библиотеци"),
]


def test_trust_is_the_share_of_query_words_used_in_each_documents_language():
    index = BM25Index()
    index.build(MULTILINGUAL, ["de", "en", "sr"])
    assert index.trust("Bibliothek Abend", power=1.0).tolist() == [1.0, 0.0, 0.0]
    assert index.trust("library Abend", power=1.0).tolist() == [0.5, 0.5, 0.0]
    assert index.trust("library Abend", power=2.0).tolist() == [0.25, 0.25, 0.0]
    assert index.trust("nothing known", power=1.0).tolist() == [0.0, 0.0, 0.0]


def test_serbian_latin_query_finds_the_cyrillic_text():
    index = BM25Index()
    index.build(MULTILINGUAL, ["de", "en", "sr"])
    assert index.search("kursevi jezika u biblioteci", limit=3)[0][0] == 2
    assert index.trust("kursevi jezika", power=1.0).tolist() == [0.0, 0.0, 1.0]


def test_weighted_scores_with_the_default_constants_are_the_plain_scores():
    index = built()
    words = {"budgeting": 1.0, "residents": 1.0}
    plain = index.scores("budgeting residents")
    assert index.weighted_scores(words, DEFAULT_K1, DEFAULT_B) == pytest.approx(plain)


def test_weighted_scores_scale_with_each_words_weight_and_ignore_unknown_words():
    index = built()
    once = index.weighted_scores({"survey": 1.0}, 0.9, 0.4)
    assert index.weighted_scores({"survey": 2.5, "zeppelin": 9.0}, 0.9, 0.4) == pytest.approx(
        2.5 * once
    )
    assert once[[0, 1]].tolist() == [0.0, 0.0]


def test_a_lower_k1_rewards_repeating_a_word_less():
    index = BM25Index()
    index.build([("", "waste"), ("", "waste waste waste waste")])
    low = index.weighted_scores({"waste": 1.0}, 0.9, 0.0)
    high = index.weighted_scores({"waste": 1.0}, 5.0, 0.0)
    assert low[1] / low[0] < high[1] / high[0]


def test_word_distribution_adds_each_rows_word_shares_times_its_weight():
    index = BM25Index()
    index.build([("", "waste compost compost"), ("Waste", "bins")])
    distribution = index.word_distribution([(0, 1.0), (1, 0.5)])
    # row 1: title words count 3 times, so waste is 3 of its 4 words
    assert distribution == pytest.approx({"waste": 1 / 3 + 0.5 * 3 / 4, "compost": 2 / 3,
                                          "bins": 0.5 / 4})  # fmt: skip


def test_expansion_keeps_the_heaviest_new_words_with_weights_summing_to_one():
    distribution = {"waste": 5.0, "compost": 3.0, "bins": 1.0, "glass": 0.5}
    assert expansion("Waste", distribution, 2) == pytest.approx({"compost": 0.75, "bins": 0.25})


@pytest.mark.parametrize(
    ("query", "short"),
    [("health", True), ("the youth of the participation", True),
     ("arts culture recreation", False), ("immigration migration refugees asylum", False)],
)  # fmt: skip
def test_a_query_of_at_most_two_indexed_words_is_short(query, short):
    assert is_short(query) is short


FEEDBACK_CORPUS = [
    ("Recycling week", "Recycling of waste with compost bins in every street"),
    ("Street compost", "Compost bins and waste collection for every street"),
    ("Choir", "A choir sings in the street"),
]


def test_feedback_finds_a_document_that_shares_the_best_hits_words_but_not_the_query():
    index = BM25Index()
    index.build(FEEDBACK_CORPUS)
    allowed = np.ones(3, dtype=bool)
    plain = index.scores("recycling")
    (scores,) = feedback_search([(index, allowed)], "recycling", Feedback(1, 6, 0.5))
    (fewer,) = feedback_search([(index, allowed)], "recycling", Feedback(1, 3, 0.5))
    assert plain[1] == 0.0
    assert scores[0] == pytest.approx(1.0)  # best on the query and on the added words
    assert 0.0 < scores[1] < scores[0]
    assert 0.0 < scores[2] < scores[1]  # shares only "street", the sixth word added
    assert fewer[2] == 0.0


def test_feedback_reads_the_best_hits_of_every_part_and_scores_only_allowed_rows():
    main, delta = BM25Index(), BM25Index()
    main.build(FEEDBACK_CORPUS[1:])
    delta.build(FEEDBACK_CORPUS[:1], statistics=main)
    parts = [(main, np.array([True, False])), (delta, np.ones(1, dtype=bool))]
    found_main, found_delta = feedback_search(parts, "recycling", Feedback(1, 3, 0.5))
    assert found_delta.tolist() == [pytest.approx(1.0)]
    assert found_main[0] > 0.0  # "Street compost", through the delta's words
    assert found_main[1] == 0.0  # not allowed


def test_feedback_without_any_hit_adds_nothing():
    index = BM25Index()
    index.build(FEEDBACK_CORPUS)
    (scores,) = feedback_search([(index, np.ones(3, dtype=bool))], "zeppelin")
    assert scores.tolist() == [0.0, 0.0, 0.0]


def test_short_query_scores_come_from_precomputed_weights_equal_to_bm25_with_their_k1_and_b():
    index = BM25Index()
    index.build([("Parks", "volunteers care for parks and gardens"), ("Waste", "waste fees"),
                 ("Youth", "youth volunteers " * 20)])  # fmt: skip
    words = {"volunteers": 1.0, "parks": 0.4, "unknown": 2.0}
    general = index.weighted_scores(words, SHORT_K1 + 1e-12, SHORT_B)
    assert np.allclose(index.weighted_scores(words, SHORT_K1, SHORT_B), general, rtol=1e-6)
    assert general[1] == 0.0
    assert general[0] > general[2] > 0
