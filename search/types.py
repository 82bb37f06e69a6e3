"""The typed language of search: what is asked (SearchQuery) and what comes back (SearchResult)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Document = dict[str, Any]
"""A flat search document; `id` is the SQL primary key, the other fields follow the type's IndexSpec."""
FACET_SAMPLE = 1000
"""Facets count the best-scoring matches up to this many: a broad query's counts are then approximate (flagged),
and their cost no longer grows with the size of the catalogue."""


class DocType(StrEnum):
    LISTINGS = "listings"
    RFQS = "rfqs"
    SUPPLIERS = "suppliers"


class Sort(StrEnum):
    RELEVANCE = "relevance"
    PRICE_ASC = "price_asc"
    PRICE_DESC = "price_desc"
    NEWEST = "newest"


@dataclass(frozen=True)
class Range:
    """Inclusive bounds; None means open."""

    min: float | None = None
    max: float | None = None


@dataclass(frozen=True)
class Filters:
    """`terms`: any of the values (OR) per field, fields combined with AND; `ranges`: numeric bounds."""

    terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    ranges: Mapping[str, Range] = field(default_factory=dict)
    ids: tuple[int, ...] = ()
    """Only these documents (empty: any): how the relevance of given documents to a query is asked."""


@dataclass(frozen=True)
class SearchQuery:
    doc_type: DocType
    text: str = ""
    filters: Filters = field(default_factory=Filters)
    sort: Sort = Sort.RELEVANCE
    size: int = 20
    cursor: str | None = None
    one_per_supplier: bool = False
    facets: bool = True
    highlight: bool = True
    facet_sample: int = FACET_SAMPLE
    for_reranking: bool = False
    """Candidate retrieval for a re-ranker (matching): only the best hits matter, so the engine may leave out what a
    page for people needs: counting every match (`total` is then a lower bound), the id tie-break of stable
    pagination, the tier boost (the re-ranker applies its own) and typo expansion beyond the title."""

    @property
    def effective_sort(self) -> Sort:
        """Relevance means nothing without words: such queries list the newest first."""
        return Sort.NEWEST if self.sort == Sort.RELEVANCE and not self.text.strip() else self.sort


@dataclass(frozen=True)
class FacetBucket:
    value: str
    count: int


@dataclass(frozen=True)
class Facet:
    name: str
    buckets: tuple[FacetBucket, ...]


@dataclass(frozen=True)
class Hit:
    id: int
    score: float
    highlights: Mapping[str, str] = field(default_factory=dict)
    """Field -> HTML-safe snippet with matches wrapped in <mark>."""


@dataclass(frozen=True)
class SearchResult:
    total: int
    hits: tuple[Hit, ...]
    facets: tuple[Facet, ...] = ()
    next_cursor: str | None = None
    facets_approximate: bool = False
    """True when more documents matched than the facets counted (see FACET_SAMPLE)."""
    total_exact: bool = True
    """False when the engine skipped weak matches of a broad query: `total` is then a lower bound."""

    def facet(self, name: str) -> dict[str, int]:
        return next(({b.value: b.count for b in f.buckets} for f in self.facets if f.name == name), {})


@dataclass(frozen=True)
class Health:
    ok: bool
    engine: str
    detail: str = ""


@dataclass(frozen=True)
class BulkOutcome:
    """Which documents the engine refused, by id, with the engine's reason (the rest were acknowledged)."""

    failed: Mapping[int, str] = field(default_factory=dict)
