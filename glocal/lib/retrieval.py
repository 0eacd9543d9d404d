"""Hybrid retrieval: BM25 over title and body, MiniLM max-sim over chunks, a link prior.

Measured on the Participedia methods dev split (747 case descriptions → 373 method
articles, nDCG@10): BM25 alone 0.29, dense max-sim alone 0.31, their fusion 0.33, and
0.39 once the mention prior is added (bm25s + MiniLM with RRF: 0.29). Every constant
says why it has its value; most were chosen on that split and checked by two-fold
cross-validation over the queries.

Pure Python and numpy: the lexical index is a term-major CSR matrix kept as three
numpy arrays, so a query is a slice of postings and one ``np.bincount``.
"""

import math
import re
from collections import Counter
from typing import NamedTuple

import numpy as np

from glocal.lib import textnorm

# Words are folded per script and stop words of thirteen languages dropped
# (``glocal.lib.textnorm``). No stemming: it cost 0.01 nDCG on method names such as
# "Planning Cells" or "Civic Lottery", precise words that stemming blurs.
STOP_WORDS = textnorm.STOP_WORDS
WORD = textnorm.WORD

# k1 and b for long queries, cross-validated over the three dev sets together (5 folds x 4
# repeats, scripts/cv_search_constants.py; docs/benchmarks.md): b 0.9 chosen in every fold
# (+0.003-0.007 on methods); k1 about flat between 1.2 and 2. Short queries use SHORT_K1/B.
DEFAULT_K1 = 2.0
DEFAULT_B = 0.9
# Title words count as if they were written this many times in the body. Barely moved
# the numbers on long queries (titles are a small share of the words); it is what lets a
# two-word query that names a method find that method first.
TITLE_WEIGHT = 3.0

# Short queries ("health", "immigration migration") name a broad subject that most
# relevant documents mention once or twice: BM25 with a low k1 and b (word presence,
# lightly length-normalised) and pseudo-relevance feedback do better there. A query of at
# most SHORT_QUERY_WORDS indexed words is scored with SHORT_K1 and SHORT_B and expanded
# RM3-style with the most frequent words of its best FEEDBACK documents
# (docs/benchmarks.md says what each buys on each dev set). All four cross-validated over
# the dev sets (scripts/cv_search_constants.py): at most 3 words gave issues +0.004 and cost
# xquad's six three-word questions, which e5 answers across languages, 0.022.
SHORT_QUERY_WORDS = 2
SHORT_K1 = 0.9
SHORT_B = 0.4

# Dense chunks: multilingual-e5-small reads 512 word pieces (about 250 English words,
# fewer in Arabic or Greek), so a window of 200 words fits whole; windows do not overlap
# (an overlap of 50 words cost 60% more embedding for no measured gain), each is prefixed
# with the title so that it knows what it is about. Max-sim over windows; 8 windows cover
# 1,600 words, the longest articles' tails add nothing.
WINDOW_WORDS = 200
WINDOW_STRIDE = 200
MAX_WINDOWS = 8

# Fusion weights on scales that do not depend on the corpus size: BM25 divided by the
# best BM25 of the query (0..1) or a share of its ideal score, times how far the query's
# words can occur in the document's language; raw cosine; a prior in 0..1. Chosen
# together on three dev sets (docs/benchmarks.md says what each buys where).


class FusionWeights(NamedTuple):
    dense: float = 2.0  # cosine against BM25 in 0..1
    prior: float = 0.5  # the mention prior
    ideal_share: float = 0.0  # divide BM25 by at least this share of the ideal score
    trust_power: float = 0.0  # BM25 × (share of query words in the doc's language) ** this


class Feedback(NamedTuple):
    documents: int = 10  # the best first-pass documents read
    terms: int = 10  # the words added to the query
    share: float = 0.5  # of the expanded score that comes from the added words
    k1: float = SHORT_K1  # BM25 of the query and of the added words
    b: float = SHORT_B


class Postings(NamedTuple):
    """Term-major CSR matrix: postings of term ``t`` are ``indptr[t]:indptr[t + 1]``."""

    indptr: np.ndarray
    rows: np.ndarray
    weights: np.ndarray


def tokenize(text: str) -> list[str]:
    """Folded words of two letters or more without stop words (``textnorm.tokens``)."""
    return textnorm.tokens(text)


class BM25Index:
    """Okapi BM25 with the title folded into the body at ``title_weight``."""

    def __init__(
        self, k1: float = DEFAULT_K1, b: float = DEFAULT_B, title_weight: float = TITLE_WEIGHT
    ):
        self.k1 = k1
        self.b = b
        self.title_weight = title_weight
        self.vocabulary: dict[str, int] = {}
        self.postings = Postings(np.zeros(1, np.int64), np.zeros(0, np.int32), np.zeros(0))
        self.size = 0
        self.idf = np.zeros(0)
        self.average = 1.0
        self.languages: list[str] = []  # the languages of the rows, each once
        self.row_language = np.zeros(0, dtype=np.int64)  # index into ``languages``
        self.term_languages = np.zeros(0, dtype=np.int64)  # bit i: a row in languages[i] has it
        self.words: list[str] = []  # term id -> word
        self.tf = np.zeros(0, dtype=np.float32)  # the postings' term frequencies
        self.lengths = np.zeros(0, dtype=np.float32)  # each row's weighted word count
        self.forward = Postings(np.zeros(1, np.int64), np.zeros(0, np.int32), np.zeros(0))
        self.short_weights = np.zeros(0)  # the postings' BM25 under SHORT_K1 and SHORT_B

    def _counts(self, title: str, body: str) -> dict[int, float]:
        counts: dict[int, float] = {}
        weighted = [(w, 1.0) for w in tokenize(body)] + [
            (w, self.title_weight) for w in tokenize(title)
        ]
        for word, weight in weighted:
            term = self.vocabulary.setdefault(word, len(self.vocabulary))
            counts[term] = counts.get(term, 0.0) + weight
        return counts

    def build(
        self,
        docs: list[tuple[str, str]],
        languages: list[str] | None = None,
        statistics: "BM25Index | None" = None,
    ) -> Postings:
        """Index (title, body) pairs; row ``i`` of the results is ``docs[i]``.

        ``languages``: each document's language ("" when unknown), for ``trust``.
        ``statistics``: a larger index whose document frequencies and average length
        this one uses, so that the scores of a few changed documents compare with its.
        """
        self.vocabulary = {}
        self.size = len(docs)
        per_doc = [self._counts(title, body) for title, body in docs]
        terms = np.array([t for counts in per_doc for t in counts], dtype=np.int64)
        tf = np.array([f for counts in per_doc for f in counts.values()], dtype=np.float64)
        rows = np.repeat(np.arange(self.size), [len(c) for c in per_doc]).astype(np.int32)
        length = np.array([sum(c.values()) for c in per_doc], dtype=np.float64)
        self.average = float(length.mean()) if self.size else 1.0
        df = np.bincount(terms, minlength=len(self.vocabulary))
        self.idf = np.log1p((self.size - df + 0.5) / (df + 0.5))
        if statistics is not None:
            self.average = statistics.average
            self.idf = statistics.idf_of(list(self.vocabulary))
        norm = self.k1 * (1 - self.b + self.b * length / max(self.average, 1e-9))
        weights = tf * (self.k1 + 1) / (tf + norm[rows]) * self.idf[terms]
        order = np.argsort(terms, kind="stable")
        indptr = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
        self.postings = Postings(indptr, rows[order], weights[order])
        self.tf, self.lengths = tf[order].astype(np.float32), length.astype(np.float32)
        # the postings' weights under the short-query k1 and b, so feedback is one bincount
        short_norm = SHORT_K1 * (1 - SHORT_B + SHORT_B * length / max(self.average, 1e-9))
        short = tf * (SHORT_K1 + 1) / (tf + short_norm[rows]) * self.idf[terms]
        self.short_weights = short[order]
        self.words = list(self.vocabulary)
        row_ptr = np.concatenate([[0], np.cumsum([len(c) for c in per_doc])]).astype(np.int64)
        self.forward = Postings(row_ptr, terms.astype(np.int32), tf.astype(np.float32))
        self._index_languages(languages or [""] * self.size)
        return self.postings

    def idf_of(self, words: list[str]) -> np.ndarray:
        """This index's idf of each word; a word it has never seen gets the highest."""
        unseen = math.log1p((self.size + 0.5) / 0.5)
        return np.array([self.idf[self.vocabulary[w]] if w in self.vocabulary else unseen
                         for w in words], dtype=np.float64)  # fmt: skip

    def _index_languages(self, languages: list[str]) -> None:
        """Which languages' documents use each term (a bit mask per term, at most 62)."""
        self.languages = sorted(set(languages))[:62]
        code = {language: i for i, language in enumerate(self.languages)}
        self.row_language = np.array([code.get(lang, 0) for lang in languages], dtype=np.int64)
        indptr, rows, _ = self.postings
        bits = np.left_shift(1, self.row_language[rows]) if len(rows) else np.zeros(1, np.int64)
        starts = indptr[:-1]
        masks = np.bitwise_or.reduceat(bits, np.minimum(starts, max(len(bits) - 1, 0)))
        self.term_languages = np.where(np.diff(indptr) > 0, masks[: len(starts)], 0)

    def query_terms(self, query: str) -> tuple[list[int], int]:
        """A query's distinct indexed terms, and how many of its distinct words are unknown."""
        distinct = set(tokenize(query))
        known = [self.vocabulary[w] for w in distinct if w in self.vocabulary]
        return known, len(distinct) - len(known)

    def ideal(self, query: str) -> float:
        """The BM25 of an average-length document holding each query word once (k1 cancels)."""
        known, unknown = self.query_terms(query)
        unseen_idf = math.log1p((self.size + 0.5) / 0.5)
        return float(self.idf[known].sum()) + unknown * unseen_idf if self.size else 0.0

    def trust(self, query: str, power: float, shares: dict | None = None) -> np.ndarray:
        """Per row, how far the query's words can occur in its language, in 0..1.

        The share of the query's indexed words that documents of the row's language use,
        raised to ``power``. A German question scores 1 on German documents and little on
        English ones, whose BM25 for it is noise (the few names both share).
        """
        shares = self.language_shares(query) if shares is None else shares
        per_language = np.array([shares.get(language, 0.0) for language in self.languages])
        return per_language[self.row_language] ** power if self.size else np.zeros(0)

    def language_shares(self, query: str) -> dict[str, float]:
        """For each language of the rows, the share of the query's indexed words it uses."""
        known, _ = self.query_terms(query)
        if not known:
            return {}
        masks = self.term_languages[known]
        return {language: np.count_nonzero(masks & (1 << i)) / len(known)
                for i, language in enumerate(self.languages)}  # fmt: skip

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every row; each distinct query word counts once."""
        terms, _ = self.query_terms(query)
        if not terms or not self.size:
            return np.zeros(self.size)
        indptr, rows, weights = self.postings
        spans = [slice(indptr[t], indptr[t + 1]) for t in terms]
        hit_rows = np.concatenate([rows[s] for s in spans])
        hit_weights = np.concatenate([weights[s] for s in spans])
        return np.bincount(hit_rows, weights=hit_weights, minlength=self.size)

    def weighted_scores(self, words: dict[str, float], k1: float, b: float) -> np.ndarray:
        """BM25 of every row with other ``k1`` and ``b``, each word's score times its weight."""
        if (k1, b) == (SHORT_K1, SHORT_B):
            return self._short_scores(words)
        result = np.zeros(self.size)
        indptr, rows, _ = self.postings
        for word, weight in words.items():
            term = self.vocabulary.get(word)
            if term is None:
                continue
            span = slice(indptr[term], indptr[term + 1])
            tf, hit = self.tf[span], rows[span]
            norm = k1 * (1 - b + b * self.lengths[hit] / max(self.average, 1e-9))
            result[hit] += weight * self.idf[term] * tf * (k1 + 1) / (tf + norm)
        return result

    def _short_scores(self, words: dict[str, float]) -> np.ndarray:
        """``weighted_scores`` under SHORT_K1 and SHORT_B from the precomputed weights."""
        indptr, rows, _ = self.postings
        vocabulary = self.vocabulary
        known = [(vocabulary[w], weight) for w, weight in words.items() if w in vocabulary]
        if not known:
            return np.zeros(self.size)
        spans = [slice(indptr[term], indptr[term + 1]) for term, _ in known]
        hit = np.concatenate([rows[span] for span in spans])
        pairs = zip(spans, known, strict=True)
        weights = np.concatenate([self.short_weights[span] * weight for span, (_, weight) in pairs])
        return np.bincount(hit, weights=weights, minlength=self.size)

    def word_distribution(self, rows: list[tuple[int, float]]) -> dict[str, float]:
        """Sum over (row, weight) of weight x each word's share of the row's words (RM3)."""
        indptr, terms, tf = self.forward
        distribution: dict[str, float] = {}
        for row, weight in rows:
            span = slice(indptr[row], indptr[row + 1])
            shares = weight * tf[span] / max(float(tf[span].sum()), 1e-9)
            for term, share in zip(terms[span].tolist(), shares.tolist(), strict=True):
                word = self.words[term]
                distribution[word] = distribution.get(word, 0.0) + share
        return distribution

    def search(
        self, query: str, limit: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """The ``limit`` best rows with a positive score, best first."""
        scores = self.scores(query)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        return top_positive(scores, limit)


def top_positive(scores: np.ndarray, limit: int) -> list[tuple[int, float]]:
    """Rows with score > 0 in decreasing score order (ties: lower row first)."""
    candidates = np.flatnonzero(scores > 0)
    if limit < len(candidates):
        part = np.argpartition(-scores[candidates], limit - 1)[:limit]
        candidates = candidates[part]
    order = np.lexsort((candidates, -scores[candidates]))
    return [(int(row), float(scores[row])) for row in candidates[order]]


def is_short(query: str) -> bool:
    return len(tokenize(query)) <= SHORT_QUERY_WORDS


def expansion(query: str, distribution: dict[str, float], terms: int) -> dict[str, float]:
    """The ``terms`` heaviest words of ``distribution`` not in ``query``, weights summing to 1."""
    own = set(tokenize(query))
    ranked = sorted(((w, v) for w, v in distribution.items() if w not in own), key=lambda x: -x[1])
    chosen = ranked[:terms]
    total = sum(v for _, v in chosen) or 1.0
    return {word: value / total for word, value in chosen}


def feedback_search(
    parts: list[tuple[BM25Index, np.ndarray]], query: str, feedback: Feedback | None = None
) -> list[np.ndarray]:
    """Short-query BM25 with RM3 feedback over several indexes sharing statistics.

    Each part is (index, allowed rows). The query is scored with ``feedback.k1`` and ``.b``;
    the best ``feedback.documents`` rows of all parts, weighted by exp(score - best),
    give the words added; the result per part is (1 - share) x the query's score over
    its best plus share x the added words' score over their best. Rows not allowed: 0.
    """
    feedback = feedback or Feedback()
    words = dict.fromkeys(set(tokenize(query)), 1.0)
    first = [np.where(allowed, index.weighted_scores(words, feedback.k1, feedback.b), 0.0)
             for index, allowed in parts]  # fmt: skip
    best = [(score, part, row) for part, scores in enumerate(first)
            for row, score in top_positive(scores, feedback.documents)]  # fmt: skip
    best = sorted(best, key=lambda hit: -hit[0])[: feedback.documents]
    if not best:
        return first
    distribution: dict[str, float] = {}
    for part, (index, _) in enumerate(parts):
        rows = [(row, math.exp(score - best[0][0])) for score, p, row in best if p == part]
        for word, value in index.word_distribution(rows).items():
            distribution[word] = distribution.get(word, 0.0) + value
    added = expansion(query, distribution, feedback.terms)
    extra = [np.where(allowed, index.weighted_scores(added, feedback.k1, feedback.b), 0.0)
             for index, allowed in parts]  # fmt: skip
    top_first = max(float(s.max(initial=0.0)) for s in first) or 1.0
    top_extra = max(float(s.max(initial=0.0)) for s in extra) or 1.0
    return [(1 - feedback.share) * f / top_first + feedback.share * e / top_extra
            for f, e in zip(first, extra, strict=True)]  # fmt: skip


def chunks_for_embedding(title: str, body: str) -> list[str]:
    """Texts to embed for one document: the title alone, then titled body windows.

    The title alone is the sharpest match for a short query naming a method; the
    windows carry the description. A document's dense score is its best chunk's.
    """
    words = body.split()
    starts = range(0, max(1, len(words) - (WINDOW_WORDS - WINDOW_STRIDE)), WINDOW_STRIDE)
    heading = f"{title}. " if title.strip() else ""
    windows = [heading + " ".join(words[s : s + WINDOW_WORDS]) for s in starts]
    titles = [title] if title.strip() else []
    return [*titles, *windows[:MAX_WINDOWS]] if words else titles or [title]


def max_per_document(
    chunk_hits: list[tuple[int, float]], chunk_to_doc: np.ndarray
) -> list[tuple[int, float]]:
    """Collapse (chunk row, cosine) hits to (document row, best cosine), best first."""
    if not chunk_hits:
        return []
    chunks = np.fromiter((c for c, _ in chunk_hits), dtype=np.int64, count=len(chunk_hits))
    cosines = np.fromiter((v for _, v in chunk_hits), dtype=np.float64, count=len(chunk_hits))
    docs = chunk_to_doc[chunks]
    order = np.lexsort((docs, -cosines))  # best cosine first, ties by document row
    docs, cosines = docs[order], cosines[order]
    _, first = np.unique(docs, return_index=True)  # each document's best chunk
    first.sort()
    return list(zip(docs[first].tolist(), cosines[first].tolist(), strict=True))


def fuse(
    lexical: list[tuple[int, float]],
    dense: list[tuple[int, float]],
    prior: np.ndarray | None = None,
    *,
    trust: np.ndarray | None = None,
    ideal: float = 0.0,
    weights: "FusionWeights | None" = None,
) -> list[tuple[int, float]]:
    """Weighted sum of trusted, scaled BM25, cosine and prior over both lists' documents.

    BM25 is divided by the larger of the query's best BM25 and ``ideal_share`` × its
    ideal score (``BM25Index.ideal``), so that a match on one common word stays small,
    then multiplied by the row's ``trust``. A document missing from the lexical list
    scores 0 there; one missing from the dense list gets the list's lowest cosine, an
    upper bound that keeps the two lists symmetric without inventing a match.
    """
    weights = weights or FusionWeights()
    top = max((score for _, score in lexical), default=0.0)
    scale = max(top, weights.ideal_share * ideal)
    lex = {row: score / scale for row, score in lexical} if scale > 0 else {}
    if trust is not None:
        lex = {row: score * float(trust[row]) for row, score in lex.items()}
    cos = dict(dense)
    floor = min(cos.values(), default=0.0)
    fused = {
        row: lex.get(row, 0.0)
        + weights.dense * cos.get(row, floor)
        + (weights.prior * float(prior[row]) if prior is not None else 0.0)
        for row in lex.keys() | cos.keys()
    }
    return sorted(fused.items(), key=lambda hit: (-hit[1], hit[0]))


def _title_phrase(title: str) -> tuple[str, ...]:
    """A title as a word sequence, minus parentheses and trade marks, plurals folded."""
    return tuple(_phrase_words(re.sub(r"\(.*?\)|[®™]", " ", title)))


def _phrase_words(text: str) -> list[str]:
    return [_singular(w) for w in WORD.findall(text.lower())]


def _singular(word: str) -> str:
    """Fold the English plurals of method names: juries → jury, assemblies, panels."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def mention_prior(docs: list[tuple[str, str]], max_phrase: int = 6) -> np.ndarray:
    """How many other documents name each document's title, as log1p(count) / max in 0..1.

    An in-link count, as PageRank is for the web: a method that many other method
    articles mention (Deliberation, Survey, Workshop) is a general one, and cases are
    tagged with general methods far more often. Alone it scores nDCG@10 0.28 on the dev
    split, better than BM25, without looking at any label. Computed offline, O(words).
    """
    phrases = [_title_phrase(title) for title, _ in docs]
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        if 0 < len(phrase) <= max_phrase:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
    wanted = set(phrases)
    mentioned: Counter[tuple[str, ...]] = Counter()
    for (title, body), own in zip(docs, phrases, strict=True):
        words = _phrase_words(f"{title} {body}")
        found = {
            tuple(words[i : i + n])
            for i, word in enumerate(words)
            for n in lengths.get(word, ())
            if tuple(words[i : i + n]) in wanted
        }
        mentioned.update(found - {own})
    counts = np.array([mentioned[p] for p in phrases], dtype=np.float64)
    peak = math.log1p(counts.max()) if len(counts) and counts.max() > 0 else 1.0
    return np.log1p(counts) / peak
