"""Search as the API, the pages and `eval search` use it: parameters -> engine query -> hits hydrated from SQL in
one query, with what each viewer may see (buyer identities of RFQs only for entitled viewers)."""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from app.ads.sponsored import SponsoredAd, sponsored_for
from app.auth.viewer import Viewer
from app.core.config import Settings
from app.core.errors import AppError, FieldError, validation_failed
from app.hs.query import HsQuery, hs_query
from app.models import Listing, Organization, Rfq
from app.search_api.params import SearchParams
from promotion.showcase import showcased_of
from search.backend import SearchBackend
from search.errors import InvalidCursor, SearchUnavailable
from search.loader import load_listings, load_rfqs, load_suppliers
from search.types import DocType, Filters, Hit, SearchQuery, SearchResult, Sort

logger = logging.getLogger(__name__)
T = TypeVar("T")
SUGGEST_MIN_LENGTH = 2


def search_unavailable() -> AppError:
    return AppError("Search is temporarily unavailable; please try again in a moment", code="search_unavailable",
                    status=503, title="Search unavailable")


@dataclass(frozen=True)
class Found(Generic[T]):
    item: T
    score: float
    highlights: dict[str, str]


@dataclass(frozen=True)
class Results(Generic[T]):
    total: int
    items: list[Found[T]]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    next_cursor: str | None = None
    facets_approximate: bool = False
    total_exact: bool = True
    hs: HsQuery | None = None
    """The HS code the query consisted of: the results are that code's subtree (see `hs_filtered`)."""
    hs_filter: str | None = None
    """The filter that code set (hs_chapter, hs_heading, hs_subheading; hs_chapters for suppliers)."""
    showcased: frozenset[int] = frozenset()
    """The showcased listings of the items' suppliers (promotion.showcase): an item among them is labelled."""
    sponsored: tuple[SponsoredAd, ...] = ()
    """The sponsored results above the items (app.ads.sponsored); none of their listings is among the items."""


@dataclass(frozen=True)
class RfqLead:
    """A search result names no buyer: who the buyer is shows when a supplier opens the RFQ (app.rfqs.contact)."""

    rfq: Rfq
    buyer_country: str


NO_VALUE = "-"
"""A filter value no document holds: the query's HS code and a filter of the same level that excludes it."""


def hs_filter_of(doc_type: DocType, hs: HsQuery) -> tuple[str, str]:
    """The filter field and value of the code's subtree."""
    return ("hs_chapters", hs.chapter) if doc_type == DocType.SUPPLIERS else (hs.field, hs.code)


def hs_filtered(filters: Filters, doc_type: DocType, hs: HsQuery) -> Filters:
    """The filters narrowed to the code's subtree, on top of (AND) the ones chosen: listings and RFQs by their
    chapter, heading or subheading field; suppliers by the chapters of their products (what their index holds)."""
    name, code = hs_filter_of(doc_type, hs)
    chosen = filters.terms.get(name)
    values = (code,) if not chosen or code in chosen else (NO_VALUE,)
    return Filters({**filters.terms, name: values}, filters.ranges)


async def hs_of_query(session: AsyncSession, params: SearchParams) -> HsQuery | None:
    return await hs_query(session, params.q) if params.q.strip() else None


def to_query(params: SearchParams, hs: HsQuery | None = None) -> SearchQuery:
    """A query that is an HS code searches no words: it filters by the code's subtree (newest first)."""
    if hs is None:
        return SearchQuery(params.doc_type, params.q, params.filters(), params.sort_order, params.per_page,
                           params.cursor, one_per_supplier=params.collapse)
    return SearchQuery(params.doc_type, "", hs_filtered(params.filters(), params.doc_type, hs), params.sort_order,
                       params.per_page, params.cursor, one_per_supplier=params.collapse)


async def run(backend: SearchBackend, query: SearchQuery) -> SearchResult:
    try:
        return await backend.search(query)
    except InvalidCursor as exc:
        raise validation_failed([FieldError("cursor", str(exc), "invalid_cursor")]) from exc
    except SearchUnavailable as exc:
        logger.warning("search failed: %s", exc)
        raise search_unavailable() from exc


def _results(result: SearchResult, items: Sequence[tuple[int, T]], hs: HsQuery | None,
             doc_type: DocType, showcased: frozenset[int] = frozenset()) -> Results[T]:
    hits: dict[int, Hit] = {hit.id: hit for hit in result.hits}
    found = [Found(item, hits[doc_id].score, dict(hits[doc_id].highlights)) for doc_id, item in items]
    facets = {facet.name: {b.value: b.count for b in facet.buckets} for facet in result.facets}
    return Results(result.total, found, facets, result.next_cursor, result.facets_approximate, result.total_exact,
                   hs, hs_filter_of(doc_type, hs)[0] if hs else None, showcased)


async def search_listings(session: AsyncSession, backend: SearchBackend, params: SearchParams,
                          settings: Settings | None = None) -> Results[tuple[Listing, Organization]]:
    """With `settings`, the first page of a search by words carries its sponsored results (the others none)."""
    hs = await hs_of_query(session, params)
    result = await run(backend, to_query(params, hs))
    ads = await _sponsored(session, backend, settings, params, _best_score(result, params)) if hs is None else ()
    promoted = {ad.listing.id for ad in ads}
    rows = [(listing, organization) for listing, organization in
            await load_listings(session, [hit.id for hit in result.hits]) if listing.id not in promoted]
    # The hits' organisations are loaded already: their showcases, not another look-up of the listings' owners.
    showcase = frozenset(await showcased_of(session, {organization.id for _, organization in rows}))
    found = _results(result, [(listing.id, (listing, organization)) for listing, organization in rows], hs,
                     DocType.LISTINGS, showcase)
    return replace(found, sponsored=ads)


def _best_score(result: SearchResult, params: SearchParams) -> float | None:
    """The query's best match's score, when the page is the first one sorted by relevance (else unknown here)."""
    relevance = params.sort_order == Sort.RELEVANCE and not params.cursor and not params.filters().terms
    return result.hits[0].score if relevance and result.hits and not params.filters().ranges else None


async def _sponsored(session: AsyncSession, backend: SearchBackend, settings: Settings | None,
                     params: SearchParams, best: float | None) -> tuple[SponsoredAd, ...]:
    if settings is None or params.cursor or not params.q.strip():
        return ()
    try:
        return tuple(await sponsored_for(session, backend, settings, params.q, best))
    except SearchUnavailable as exc:  # the organic results may still come: a search is not refused for its ads
        logger.warning("sponsored results failed: %s", exc)
        return ()


async def search_suppliers(session: AsyncSession, backend: SearchBackend,
                           params: SearchParams) -> Results[Organization]:
    hs = await hs_of_query(session, params)
    result = await run(backend, to_query(params, hs))
    rows = await load_suppliers(session, [hit.id for hit in result.hits])
    return _results(result, [(organization.id, organization) for organization in rows], hs, DocType.SUPPLIERS)


async def search_rfqs(session: AsyncSession, backend: SearchBackend, params: SearchParams,
                      viewer: Viewer | None) -> Results[RfqLead]:
    hs = await hs_of_query(session, params)
    result = await run(backend, to_query(params, hs))
    rows = await load_rfqs(session, [hit.id for hit in result.hits])
    leads = [(rfq.id, RfqLead(rfq, buyer.country)) for rfq, buyer in rows]
    return _results(result, leads, hs, DocType.RFQS)


async def suggest(backend: SearchBackend, doc_type: DocType, prefix: str, size: int) -> list[str]:
    if len(prefix.strip()) < SUGGEST_MIN_LENGTH:
        return []
    try:
        return await backend.suggest(doc_type, prefix, size)
    except SearchUnavailable as exc:
        logger.warning("suggest failed: %s", exc)
        raise search_unavailable() from exc
