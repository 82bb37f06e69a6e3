"""Saved listing searches kept by the engine, to tell which of them a new listing matches ("percolation").

Both engines keep a query as its text and filters only (paging, sort and facets mean nothing for one document)
and evaluate it with the query builder of their own search, so a saved search matches exactly what it finds."""

import json
from typing import Any

from search.types import DocType, Filters, Range, SearchQuery

PERCOLATED = DocType.LISTINGS


def percolated(query: SearchQuery) -> SearchQuery:
    """The part of a query that decides whether a document matches."""
    if query.doc_type != PERCOLATED:
        raise ValueError(f"only {PERCOLATED.value} searches can be saved, not {query.doc_type.value}")
    return SearchQuery(PERCOLATED, query.text, query.filters, size=1, facets=False, highlight=False)


def dumps(query: SearchQuery) -> str:
    query = percolated(query)
    ranges = {name: [bounds.min, bounds.max] for name, bounds in query.filters.ranges.items()}
    terms = {name: list(values) for name, values in query.filters.terms.items()}
    return json.dumps({"text": query.text, "terms": terms, "ranges": ranges}, sort_keys=True)


def loads(stored: str) -> SearchQuery:
    raw: dict[str, Any] = json.loads(stored)
    filters = Filters(terms={name: tuple(values) for name, values in raw["terms"].items()},
                      ranges={name: Range(low, high) for name, (low, high) in raw["ranges"].items()})
    return percolated(SearchQuery(PERCOLATED, raw["text"], filters))
