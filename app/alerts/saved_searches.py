"""Saved searches: a buyer keeps a listing search (words and filters, validated as the search API validates them)
to be told of new listings it finds. The query the engine keeps is built by the search API's own builder."""

from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.alerts import repository
from app.alerts.schemas import SavedSearchCreate
from app.auth.viewer import Viewer, require_buyer, require_viewer
from app.background.outbox import queue_after_commit_work
from app.core.errors import FieldError, conflict, not_found, validation_failed
from app.core.repository import Page, paginate
from app.core.schemas import field_errors
from app.hs.query import HsQuery, hs_query
from app.models import SavedSearch
from app.search_api.params import ListingSearchParams
from app.search_api.service import to_query
from search.types import SearchQuery

MAX_PER_ORGANIZATION = 50
FILTER_FIELDS = frozenset({*ListingSearchParams.term_fields, "verified", "price_min", "price_max", "currency",
                           "moq_max", "lead_time_max"})


def _search_params(query: str, filters: dict[str, Any]) -> ListingSearchParams:
    unknown = sorted(set(filters) - FILTER_FIELDS)
    if unknown:
        raise validation_failed([FieldError(f"filters.{name}", "is not a listing search filter", "unknown_filter")
                                 for name in unknown])
    try:
        params = ListingSearchParams.model_validate({**filters, "q": query})
    except ValidationError as exc:
        errors = field_errors(exc.errors())
        raise validation_failed([FieldError("query" if e.field == "q" else f"filters.{e.field}", e.message, e.code)
                                 for e in errors]) from exc
    if not params.q.strip() and not params.filters().terms and not params.filters().ranges:
        raise validation_failed([FieldError("query", "give some words or at least one filter", "empty_search")])
    return params


def _hs_as_filter(params: ListingSearchParams, hs: HsQuery) -> ListingSearchParams:
    """A query that is an HS code is kept as the filter the search applies for it (see search_api.service)."""
    chosen: list[str] = getattr(params, hs.field)
    if chosen and hs.code not in chosen:
        raise validation_failed([FieldError("query", f"HS code {hs.display} is outside the filter {hs.field} "
                                            f"({', '.join(chosen)}): nothing could match", "hs_code_excluded")])
    return params.model_copy(update={"q": "", hs.field: [hs.code]})


def saved_query(saved: SavedSearch) -> SearchQuery:
    return to_query(ListingSearchParams.model_validate({**saved.filters, "q": saved.query}))


async def create_saved_search(session: AsyncSession, viewer: Viewer | None, data: SavedSearchCreate) -> SavedSearch:
    viewer = require_buyer(viewer)
    params = _search_params(data.query, data.filters)
    hs = await hs_query(session, params.q)
    if hs is not None:
        params = _hs_as_filter(params, hs)
    if await repository.count_saved_searches(session, viewer.organization_id) >= MAX_PER_ORGANIZATION:
        raise conflict(f"An organisation keeps at most {MAX_PER_ORGANIZATION} saved searches; delete one first",
                       code="too_many_saved_searches")
    filters = params.model_dump(mode="json", include=set(FILTER_FIELDS), exclude_defaults=True)
    saved = SavedSearch(organization_id=viewer.organization_id, user_id=viewer.user_id, name=data.name,
                        query=params.q.strip(), filters=filters)
    session.add(saved)
    await session.flush()
    # The alerts drain registers it with the search engine (after commit on the embedded default).
    queue_after_commit_work(session)
    return saved


async def list_saved_searches(session: AsyncSession, viewer: Viewer | None, page: int,
                              per_page: int) -> Page[SavedSearch]:
    viewer = require_viewer(viewer)
    return await paginate(session, repository.saved_searches_of(viewer.organization_id), page, per_page)


async def delete_saved_search(session: AsyncSession, viewer: Viewer | None, search_id: int) -> None:
    """The engine may keep the query a while; the alerts drain ignores (and forgets) queries of deleted ones."""
    viewer = require_viewer(viewer)
    saved = await repository.organization_saved_search(session, viewer.organization_id, search_id)
    if saved is None:
        raise not_found("Saved search")
    await session.delete(saved)
    await session.flush()
