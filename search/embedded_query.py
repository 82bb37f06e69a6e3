"""SQL for the embedded engine: FTS5 match expressions, filters, sort keys and facet queries."""

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from search.normalise import code_forms, terms, words
from search.spec import CODES_BOOST, CODES_FIELD, MISSING_HIGH, MISSING_LOW, TYPO_MAX_WORDS, IndexSpec
from search.types import Filters, Sort

TYPO_MIN_LENGTH = 4
MAX_CORRECTIONS = 3
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    inserts = {a + c + b for a, b in splits for c in _ALPHABET}
    return (deletes | transposes | replaces | inserts) - {word}


def corrections(connection: sqlite3.Connection, vocab: str, token: str) -> list[str]:
    """Indexed words one edit away from a word the index does not know (the most common first); the caller has
    looked the word up already (_documents_with)."""
    if len(token) < TYPO_MIN_LENGTH or not token.isascii():
        return []
    candidates = sorted(edits1(token))
    marks = ",".join("?" * len(candidates))
    rows = connection.execute(
        f"SELECT term FROM {vocab} WHERE term IN ({marks}) ORDER BY docs DESC, term LIMIT ?",
        (*candidates, MAX_CORRECTIONS),
    ).fetchall()
    return [row[0] for row in rows]


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


COMMON_SHARE = 0.01
"""A word in more than this share of the documents is common (Lucene's common-terms idea): a document that holds
only some of the query's common words and none of its rare ones is a weak match not worth scoring."""
SCORE_ALL_UP_TO = 5000
"""Up to this many matches every one is scored (exact totals, no change to ranking); beyond, the focused
expression is tried."""
FOCUSED_MIN_MATCHES = 20
"""The focused expression is used when it finds at least this many documents (a page); else every match counts."""


@dataclass(frozen=True)
class Expressions:
    any_word: str
    """Every document with any word (or correction) of the query, or one of its part numbers."""
    focused: str | None
    """The same phrases, so the same scores, but requiring a rare word, a part number or all the common words;
    None when no word is common."""


def match_expressions(connection: sqlite3.Connection, vocab: str, text: str, documents: int) -> Expressions | None:
    tokens = terms(text)
    correct = len(tokens) <= TYPO_MAX_WORDS
    alternatives: dict[str, list[str]] = {}
    frequency: dict[str, int] = {}
    rare: list[str] = []
    common: list[str] = []
    for token in tokens:
        if token not in alternatives:
            found = _documents_with(connection, vocab, token)
            frequency[token] = found or 0
            unknown = found is None
            alternatives[token] = [token, *(corrections(connection, vocab, token) if correct and unknown else [])]
        # A word said twice counts twice (query term frequency), as in OpenSearch's match query.
        quoted = [_quoted(term) for term in alternatives[token]]
        (common if frequency[token] > COMMON_SHARE * documents else rare).extend(quoted)
    codes = code_forms(text)
    if codes:
        rare.append(f"{CODES_FIELD} : (" + " OR ".join(_quoted(code) for code in codes) + ")")
    if not rare and not common:
        return None
    any_word = " OR ".join(rare + common)
    if not common:
        return Expressions(any_word, None)
    every_common = "(" + " AND ".join(common) + ")"
    return Expressions(any_word, " OR ".join([*rare, every_common]))


def _documents_with(connection: sqlite3.Connection, vocab: str, token: str) -> int | None:
    """How many documents hold the word; None when the index does not know it."""
    row = connection.execute(f"SELECT docs FROM {vocab} WHERE term = ?", (token,)).fetchone()
    return int(row[0]) if row else None


def prefix_expression(spec: IndexSpec, text: str) -> str | None:
    """All words as typed, the last one as a prefix (unless the user already typed a space after it)."""
    tokens = words(text)
    if not tokens:
        return None
    complete = text[-1:].isspace()
    terms = [_quoted(token) for token in tokens]
    if not complete:
        terms[-1] += "*"
    return f"{spec.suggest_field} : (" + " AND ".join(terms) + ")"


def scored_matches(spec: IndexSpec, table: str, only: int = 0) -> str:
    """SQL selecting (doc_id, relevance) of every match of the expression bound to `?` (of the first `only` rowids
    bound after it, when `only`: scoring a few given documents costs a look-up each, not a pass over every match).

    Relevance is BM25 over the text columns weighted by their boosts, plus CODES_BOOST times BM25 over the
    part-number column alone, as OpenSearch adds its codes clause to the text match. FTS5 weighs columns inside
    one saturated term frequency, so a part-number match needs a bm25() call of its own to count linearly."""
    text = ", ".join([*(f"{boost!r}" for boost in spec.text.values()), "0"])
    codes = ", ".join([*("0" for _ in spec.text), "1"])
    return (f"SELECT doc_id, text + {CODES_BOOST!r} * codes AS relevance FROM (SELECT rowid AS doc_id, "
            f"-bm25({table}, {text}) AS text, -bm25({table}, {codes}) AS codes FROM {table} WHERE {table} MATCH ?"
            + (f" AND rowid IN ({','.join('?' * only)})" if only else "") + ")")


@dataclass
class Clause:
    sql: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def where(self) -> str:
        return " AND ".join(self.sql) if self.sql else "1"


def filter_clause(spec: IndexSpec, version: str, filters: Filters) -> Clause:
    clause = Clause()
    for name, values in filters.terms.items():
        if name not in spec.facet_fields:
            raise ValueError(f"cannot filter {spec.doc_type} on {name!r}")
        if not values:
            continue
        marks = ",".join("?" * len(values))
        clause.sql.append(f"d.id IN (SELECT doc_id FROM {version}_terms WHERE field = ? AND value IN ({marks}))")
        clause.params.extend([name, *values])
    for name, bounds in filters.ranges.items():
        if name not in spec.numbers:
            raise ValueError(f"cannot filter {spec.doc_type} on a range of {name!r}")
        if bounds.min is not None:
            clause.sql.append(f"d.{name} >= ?")
            clause.params.append(bounds.min)
        if bounds.max is not None:
            clause.sql.append(f"d.{name} <= ?")
            clause.params.append(bounds.max)
    if filters.ids:
        clause.sql.append(f"d.id IN ({','.join('?' * len(filters.ids))})")
        clause.params.extend(filters.ids)
    return clause


@dataclass(frozen=True)
class Ordering:
    key: str
    descending: bool

    @property
    def order_by(self) -> str:
        return f"k {'DESC' if self.descending else 'ASC'}, id DESC"

    @property
    def after(self) -> str:
        """Keyset condition: rows strictly after the cursor's (k, id)."""
        return f"(k {'<' if self.descending else '>'} ? OR (k = ? AND id < ?))"


def ordering(spec: IndexSpec, sort: Sort) -> Ordering:
    if sort == Sort.RELEVANCE:
        return Ordering("score", True)
    if sort == Sort.NEWEST:
        return Ordering(f"COALESCE({spec.date_field}, 0)", True)
    if spec.price_field is None:
        raise ValueError(f"{spec.doc_type} cannot be sorted by price")
    if sort == Sort.PRICE_ASC:
        return Ordering(f"COALESCE({spec.price_field}, {MISSING_HIGH})", False)
    return Ordering(f"COALESCE({spec.price_field}, {MISSING_LOW})", True)
