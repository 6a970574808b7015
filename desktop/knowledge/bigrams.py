"""Japanese text as search terms without a morphological analyzer: character bigrams and single kanji.

Why: SQLite FTS5's trigram tokenizer cannot match a term shorter than three
characters (旅費, 税, 鍵), and Japanese has no spaces between words. Overlapping
character bigrams (the classic n-gram indexing of CJK text, as in Lucene's
CJKBigramFilter) match any term of two or more characters; single kanji are
indexed as unigrams too, so a one-character term such as 税 or 鍵 is found.

The index side (``index_terms``) keeps every bigram of every run of word
characters. The query side (``query_terms``) keeps only the runs that carry
meaning in a question (kanji, katakana, Latin letters and digits); hiragana runs
are mostly particles and endings (の, は, ですか) and are dropped unless the
question has nothing else. Text is NFKC-normalized and lower-cased first, so
full-width digits and letters match half-width ones.
"""

from __future__ import annotations

import re
import unicodedata

_WORD_RUN = re.compile(r"[0-9a-z\u3041-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]+")
#: Words that frame a question rather than name its subject (何日 → 日; 教えてください → nothing).
_QUESTION_FRAME = re.compile(r"何|誰|教えて|知りたい")
_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]")


def normalize(text: str) -> str:
    """NFKC and lower case: the form both the index and the queries are cut from."""
    return unicodedata.normalize("NFKC", text).lower()


def script_of(char: str) -> str:
    """"kanji", "hiragana", "katakana" or "latin" (ASCII letters and digits) for one normalized character."""
    if _KANJI.match(char):
        return "kanji"
    if "\u3041" <= char <= "\u309f":
        return "hiragana"
    if "\u30a0" <= char <= "\u30ff":
        return "katakana"
    return "latin"


def _script_runs(run: str) -> list[tuple[str, str]]:
    """``run`` cut where the script changes: [(script, text), ...]."""
    pieces: list[tuple[str, str]] = []
    for char in run:
        script = script_of(char)
        if pieces and pieces[-1][0] == script:
            pieces[-1] = (script, pieces[-1][1] + char)
        else:
            pieces.append((script, char))
    return pieces


def _grams(text: str) -> list[str]:
    if len(text) == 1:
        return [text]
    return [text[i:i + 2] for i in range(len(text) - 1)]


def index_terms(text: str) -> list[str]:
    """The terms a passage is indexed under: bigrams of CJK runs, single kanji, Latin words whole."""
    terms: list[str] = []
    for run in _WORD_RUN.findall(normalize(text)):
        cjk = ""
        for script, piece in _script_runs(run):
            if script == "latin":
                if cjk:
                    terms.extend(_grams(cjk))
                    cjk = ""
                terms.append(piece)
            else:
                cjk += piece
        if cjk:
            terms.extend(_grams(cjk))
        terms.extend(char for char in run if _KANJI.match(char))
    return terms


def query_terms(text: str) -> list[str]:
    """The distinct terms of a question, in order: what the lexical search looks for.

    A one-kanji run (税, 鍵) gives that kanji; longer runs give their bigrams.
    Hiragana runs count only when the question has no other kind of character.
    """
    pieces: list[tuple[str, str]] = []
    for run in _WORD_RUN.findall(_QUESTION_FRAME.sub(" ", normalize(text))):
        pieces.extend(_script_runs(run))
    meaningful = [(s, p) for s, p in pieces if s != "hiragana"] or pieces
    terms: list[str] = []
    for script, piece in meaningful:
        found = [piece] if script == "latin" else _grams(piece)
        for term in found:
            if term not in terms:
                terms.append(term)
    return terms


def fts_document(text: str) -> str:
    """``text`` as the space-separated terms stored in the FTS5 column."""
    return " ".join(index_terms(text))


def fts_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression that finds passages holding any of ``terms`` (each quoted)."""
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)
