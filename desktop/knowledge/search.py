"""Finding the passages that answer a question: lexical (bigram BM25), dense (optional), fused.

Lexical: the question's terms (``bigrams.query_terms``, plus the terms of
administrative paraphrases from ``thesaurus``) select candidates through the
FTS5 index; candidates are scored with Okapi BM25 (k1 = 1.2, b = 0.75, the
usual defaults) where a paraphrase's terms weigh ``SYNONYM_WEIGHT``.

Dense (when the caller gives the question's embedding): cosine similarity
against the stored vectors of the same embedding model, in numpy.

Fusion: reciprocal rank fusion, score = sum of 1 / (``RRF_K`` + rank) over
the lists (Cormack, Clarke and Büttcher 2009; k = 60 as there).

"Nothing relevant" is decided here, by scores, not by the model: ``found`` is
true when the best passage covers at least ``FOUND_COVERAGE`` of the
question's term weight (IDF-weighted share of its terms present in the
passage; a term counts as present when a paraphrase of its word is).
"""

from __future__ import annotations

import math
import time
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from .bigrams import fts_query, normalize, query_terms
from .store import Index
from .thesaurus import paraphrases

K1 = 1.2
B = 0.75
RRF_K = 60
SYNONYM_WEIGHT = 0.7
#: Candidates taken from FTS5 before BM25 scoring.
CANDIDATES = 400
#: Terms in more than this share of passages do not select candidates (they still score them):
#: matching them would touch most of the index for little ranking value.
COMMON_SHARE = 0.1
#: When every term of a question is common, the rarest few still select candidates.
MIN_SELECTING_TERMS = 3
#: Share of the question's IDF weight the best passage must hold to count as an answer (tuned on benchmarks/).
FOUND_COVERAGE = 0.4
#: Longest question searched, in characters (longer ones are refused with a message by the callers).
MAX_QUESTION_CHARS = 2000


@dataclass
class Hit:
    """One ranked passage. ``score`` is the fused (or lexical) score, larger is better."""

    passage_id: int
    file: str
    location: str
    text: str
    score: float
    coverage: float = 0.0

    def as_dict(self) -> dict:
        return {"file": self.file, "location": self.location, "text": self.text, "score": round(self.score, 6)}


@dataclass
class SearchResult:
    hits: list[Hit] = field(default_factory=list)
    found: bool = False
    seconds: float = 0.0


@dataclass
class _Query:
    terms: dict[str, float]             # term -> weight
    original: list[str]                 # the question's own terms
    alternatives: list[tuple[set[str], list[str]]]  # (terms of a word in the question, terms of one paraphrase)


def _build_query(question: str) -> _Query:
    original = query_terms(question)
    terms = {term: 1.0 for term in original}
    alternatives = []
    text = normalize(question)
    for word, variants in paraphrases(text):
        word_terms = set(query_terms(word))
        for variant in variants:
            if len(variant) < 2:
                continue  # one character matches too much to stand for a word
            variant_terms = query_terms(variant)
            alternatives.append((word_terms, variant_terms))
            for term in variant_terms:
                terms.setdefault(term, SYNONYM_WEIGHT)
    return _Query(terms, original, alternatives)


class Searcher:
    """Searches one open index; caches the collection statistics BM25 needs."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._stats_key: tuple[int, int] | None = None
        self._count = 0
        self._avg_length = 1.0

    def _statistics(self) -> None:
        db = self.index.connection
        key = (db.execute("SELECT count(*), coalesce(max(id), 0) FROM passages").fetchone())
        if key == self._stats_key:
            return
        self._stats_key = key
        self._count = key[0]
        sample = db.execute("SELECT terms FROM passage_terms ORDER BY rowid DESC LIMIT 500").fetchall()
        lengths = [row[0].count(" ") + 1 for row in sample]
        self._avg_length = (sum(lengths) / len(lengths)) if lengths else 1.0

    def _document_frequencies(self, terms: list[str]) -> dict[str, int]:
        db = self.index.connection
        result = {}
        for term in terms:
            row = db.execute("SELECT doc FROM term_stats WHERE term = ?", (term,)).fetchone()
            result[term] = row[0] if row else 0
        return result

    def _selecting(self, frequencies: dict[str, int]) -> list[str]:
        """The terms that select candidates: all but the common ones (or the rarest few)."""
        present = [t for t, df in frequencies.items() if df]
        rare = [t for t in present if frequencies[t] <= COMMON_SHARE * self._count]
        if len(rare) >= 1:
            return rare
        return sorted(present, key=lambda t: frequencies[t])[:MIN_SELECTING_TERMS]

    def lexical(self, question: str, limit: int) -> list[Hit]:
        """Passages by BM25 over bigram terms; ``coverage`` filled in."""
        self._statistics()
        query = _build_query(question)
        if not query.terms:
            return []
        frequencies = self._document_frequencies(list(query.terms))
        idf = {t: math.log(1 + (self._count - df + 0.5) / (df + 0.5)) for t, df in frequencies.items()}
        selecting = self._selecting(frequencies)
        if not selecting:
            return []
        rows = self.index.connection.execute(
            "SELECT rowid, terms FROM passage_terms WHERE passage_terms MATCH ? ORDER BY rank LIMIT ?",
            (fts_query(selecting), CANDIDATES)).fetchall()
        scored: list[tuple[float, float, int]] = []
        own_weight = sum(idf[t] for t in query.original) or 1.0
        for rowid, stored in rows:
            tokens = stored.split(" ")
            counts = Counter(tokens)
            norm = K1 * (1 - B + B * len(tokens) / self._avg_length)
            score = 0.0
            for term, weight in query.terms.items():
                tf = counts.get(term, 0)
                if tf:
                    score += weight * idf[term] * tf * (K1 + 1) / (tf + norm)
            present = {t for t in query.original if t in counts}
            for word_terms, variant_terms in query.alternatives:
                if variant_terms and all(t in counts for t in variant_terms):
                    present |= word_terms
            coverage = sum(idf[t] for t in present if t in query.terms and query.terms[t] == 1.0) / own_weight
            scored.append((score, coverage, rowid))
        scored.sort(reverse=True)
        top = scored[:limit]
        passages = self.index.passages(rowid for _, _, rowid in top)
        return [Hit(rowid, passages[rowid].file, passages[rowid].location, passages[rowid].text, score, coverage)
                for score, coverage, rowid in top if rowid in passages]

    def dense(self, vector: list[float], model: str, limit: int) -> list[Hit]:
        """Passages by cosine similarity to ``vector`` among the vectors made by ``model``."""
        ids, matrix = self.index.vectors(model)
        if not len(ids):
            return []
        query = np.asarray(vector, dtype=np.float32)
        query = query / max(float(np.linalg.norm(query)), 1e-12)
        if matrix.shape[1] != query.shape[0]:
            return []
        similarity = matrix @ query
        order = np.argsort(-similarity)[:limit]
        passages = self.index.passages(int(ids[i]) for i in order)
        return [Hit(int(ids[i]), passages[int(ids[i])].file, passages[int(ids[i])].location,
                    passages[int(ids[i])].text, float(similarity[i]))
                for i in order if int(ids[i]) in passages]

    def search(self, question: str, top: int = 5, *, vector: list[float] | None = None,
               model: str = "") -> SearchResult:
        """The ``top`` passages for ``question``; fused with dense results when ``vector`` is given."""
        started = time.perf_counter()
        question = question[:MAX_QUESTION_CHARS]
        pool = max(top * 4, 20)
        lexical = self.lexical(question, pool)
        found = bool(lexical) and max(hit.coverage for hit in lexical) >= FOUND_COVERAGE
        if vector is not None and model:
            hits = fuse([lexical, self.dense(vector, model, pool)])
        else:
            hits = lexical
        return SearchResult(hits[:top], found, time.perf_counter() - started)


def fuse(rankings: list[list[Hit]]) -> list[Hit]:
    """Reciprocal rank fusion of several rankings of the same passages (coverage kept from the lexical one)."""
    scores: dict[int, float] = {}
    hits: dict[int, Hit] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking, start=1):
            scores[hit.passage_id] = scores.get(hit.passage_id, 0.0) + 1.0 / (RRF_K + rank)
            if hit.passage_id not in hits or hit.coverage > hits[hit.passage_id].coverage:
                hits[hit.passage_id] = hit
    order = sorted(scores, key=lambda pid: -scores[pid])
    return [Hit(pid, hits[pid].file, hits[pid].location, hits[pid].text, scores[pid], hits[pid].coverage)
            for pid in order]
