"""New listings against saved searches: the engine keeps every saved query and says which ones a listing matches
(percolation on OpenSearch, the equivalent on the embedded engine)."""

from collections import defaultdict

from sqlalchemy.ext.asyncio import AsyncSession

from app.alerts import repository
from app.alerts.saved_searches import saved_query
from app.alerts.types import Alert, event_key
from app.core.clock import utcnow
from app.core.repository import get_or_none
from app.models import Listing, SavedSearch
from app.models.enums import NotificationKind
from app.notifications.service import Message
from search.backend import SearchBackend
from search.documents import build
from search.types import DocType


async def register_pending(session: AsyncSession, backend: SearchBackend) -> int:
    """Hands the engine the saved searches it does not hold yet; storing again by id is harmless, so two workers
    doing it at once do no damage."""
    pending = await repository.lock_unregistered_saved_searches(session)
    for saved in pending:
        await backend.store_saved_search(saved.id, saved_query(saved))
        saved.registered_at = utcnow()
    await session.flush()
    return len(pending)


async def _matching(session: AsyncSession, backend: SearchBackend, listing: Listing) -> list[SavedSearch]:
    """The saved searches of other organisations, saved before the listing was published, that find it."""
    document = (await build(session, DocType.LISTINGS, [listing.id])).get(listing.id)
    if document is None:
        return []
    ids = await backend.matching_saved_searches(document)
    found = await repository.saved_searches_by_ids(session, ids)
    for gone in ids - {saved.id for saved in found}:
        await backend.forget_saved_search(gone)
    published = listing.published_at or utcnow()
    return [saved for saved in found
            if saved.organization_id != listing.organization_id and saved.created_at <= published]


async def saved_search_alerts(session: AsyncSession, backend: SearchBackend, listing_id: int) -> list[Alert]:
    """One alert per organisation, naming each of its saved searches that found the listing."""
    listing = await get_or_none(session, Listing, listing_id)
    if listing is None:
        return []
    by_organization: dict[int, list[SavedSearch]] = defaultdict(list)
    for saved in await _matching(session, backend, listing):
        by_organization[saved.organization_id].append(saved)
    key = event_key(NotificationKind.SAVED_SEARCH_MATCH, "listing", listing.id)
    alerts = []
    for organization_id, searches in sorted(by_organization.items()):
        names = ", ".join(f'"{saved.name}"' for saved in searches)
        message = Message(NotificationKind.SAVED_SEARCH_MATCH, f"New listing for your saved search {names}",
                          listing.title, f"/listings/{listing.id}")
        alerts.append(Alert(organization_id, key, message, {
            "listing_id": listing.id, "listing_title": listing.title,
            "saved_searches": [{"id": saved.id, "name": saved.name} for saved in searches]}))
    return alerts
