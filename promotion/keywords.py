"""Which ad keywords a query matches. Both are given as the terms search matches on (search.normalise.terms, stop
words left out), so `LED Panel-Light` bids match `led panel light` queries however either was typed.

- exact: the query is the keyword;
- phrase: the keyword's terms appear in the query together and in order;
- broad: every term of the keyword appears in the query, in any order."""

from collections.abc import Sequence
from itertools import combinations

from app.models.enums import KeywordMatch

MAX_QUERY_TERMS = 8
"""A longer query is matched on its first terms: the look-up keys grow with the subsets of the terms."""


def joined(terms: Sequence[str]) -> str:
    return " ".join(terms)


def term_set(terms: Sequence[str]) -> str:
    return " ".join(sorted(set(terms)))


def matches(keyword: Sequence[str], match: KeywordMatch, query: Sequence[str]) -> bool:
    if not keyword:
        return False
    if match == KeywordMatch.EXACT:
        return list(keyword) == list(query)
    if match == KeywordMatch.PHRASE:
        size = len(keyword)
        return any(list(query[start:start + size]) == list(keyword) for start in range(len(query) - size + 1))
    return set(keyword) <= set(query)


def phrase_keys(query: Sequence[str]) -> set[str]:
    """The `joined` form of every run of the query's terms: an exact or phrase keyword it can match is one of them."""
    head = list(query[:MAX_QUERY_TERMS])
    return {joined(head[start:end]) for start in range(len(head)) for end in range(start + 1, len(head) + 1)}


def broad_keys(query: Sequence[str]) -> set[str]:
    """The `term_set` form of every subset of the query's terms: a broad keyword it can match is one of them."""
    unique = sorted(list(dict.fromkeys(query))[:MAX_QUERY_TERMS])
    return {" ".join(chosen) for size in range(1, len(unique) + 1) for chosen in combinations(unique, size)}
