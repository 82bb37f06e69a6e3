"""Percolation on OpenSearch: saved queries are stored in the percolator index `<prefix>saved_searches`, built by
the same query builder as the listing search, over the listings' own mapping and analysis."""

from typing import Any

from search.opensearch_mapping import index_body
from search.opensearch_query import search_body
from search.percolate import PERCOLATED, percolated
from search.spec import SPECS
from search.types import SearchQuery

QUERY_FIELD = "query"
MAX_MATCHES = 10_000


def index_name(prefix: str) -> str:
    return f"{prefix}saved_searches"


def percolator_index_body() -> dict[str, Any]:
    """The listings index with one more field, the stored query."""
    body = index_body(SPECS[PERCOLATED])
    body["mappings"]["properties"][QUERY_FIELD] = {"type": "percolator"}
    return body


def stored_query(query: SearchQuery) -> dict[str, Any]:
    return {QUERY_FIELD: search_body(percolated(query))["query"]}


def percolate_body(source: dict[str, Any]) -> dict[str, Any]:
    return {"query": {"percolate": {"field": QUERY_FIELD, "document": source}}, "_source": False,
            "size": MAX_MATCHES}
