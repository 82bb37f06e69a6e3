"""RFQs: a buyer's request for quotation, from draft through review to open and closed."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.viewer import Viewer, can_manage, require_admin, require_buyer, require_viewer, visible_to
from app.alerts.jobs import enqueue_alert
from app.core.clock import today, utcnow
from app.core.errors import FieldError, forbidden, not_found, validation_failed
from app.core.lifecycle import move
from app.core.repository import Page, paginate
from app.core.schemas import merged_update
from app.hs.service import ensure_hs_code_usable
from app.models import Rfq
from app.models.enums import AlertEvent, EntityType, NotificationKind, RfqStatus
from app.notifications.service import Message, notify_organization
from app.outbox import record_change
from app.quotes.outcomes import decline_open_quotes
from app.rfqs.contact import buyer_contact
from app.rfqs.limits import ensure_daily_cap, ensure_not_duplicate, ensure_open_cap
from app.rfqs.repository import RfqFilters, rfqs_query
from app.rfqs.schemas import RfqCreate, RfqOut, RfqUpdate
from membership.policy import Action, ensure_allowed

S = RfqStatus
TRANSITIONS: dict[RfqStatus, frozenset[RfqStatus]] = {
    S.DRAFT: frozenset({S.PENDING_REVIEW, S.CLOSED}),
    S.PENDING_REVIEW: frozenset({S.OPEN, S.REJECTED, S.CLOSED}),
    S.REJECTED: frozenset({S.PENDING_REVIEW, S.CLOSED}),
    S.OPEN: frozenset({S.CLOSED, S.AWARDED, S.EXPIRED}),
    S.CLOSED: frozenset(),
    S.AWARDED: frozenset(),
    S.EXPIRED: frozenset(),
}
EDITABLE = frozenset({S.DRAFT, S.REJECTED})


def _ensure_valid_until_ahead(valid_until: date) -> None:
    if valid_until < today():
        raise validation_failed([FieldError("valid_until", "must be today or a later date", "date_in_past")])


def _changed(session: AsyncSession, rfq: Rfq) -> None:
    rfq.updated_at = utcnow()
    record_change(session, EntityType.RFQ, rfq.id)


async def create_rfq(session: AsyncSession, viewer: Viewer | None, data: RfqCreate) -> Rfq:
    viewer = require_buyer(viewer)
    _ensure_valid_until_ahead(data.valid_until)
    await ensure_hs_code_usable(session, data.hs_code)
    await ensure_daily_cap(session, viewer.organization_id)
    await ensure_not_duplicate(session, viewer.organization_id, data.title, data.hs_code)
    rfq = Rfq(organization_id=viewer.organization_id, user_id=viewer.user_id, status=S.DRAFT,
              **data.model_dump())
    session.add(rfq)
    await session.flush()
    record_change(session, EntityType.RFQ, rfq.id)
    return rfq


async def get_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> Rfq:
    """Open RFQs (and those that were open: closed, awarded, expired) are public; drafts, pending and rejected
    ones exist only for the buyer's organization and admins."""
    rfq = await session.get(Rfq, rfq_id)
    if rfq is None or (rfq.opened_at is None and not can_manage(viewer, rfq.organization_id)):
        raise not_found("RFQ")
    return rfq


async def rfq_out(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> RfqOut:
    """The RFQ as this viewer may read it: with the buyer's contact details where the viewer may see them."""
    rfq = await get_rfq(session, viewer, rfq_id)
    return RfqOut.model_validate(rfq).model_copy(update={"buyer_contact": await buyer_contact(session, viewer, rfq)})


async def locked_rfq(session: AsyncSession, rfq_id: int) -> Rfq | None:
    """The RFQ with its row locked until the transaction ends (PostgreSQL; SQLite has a single writer anyway):
    quotes, awards and closing of one RFQ happen one after the other."""
    statement = select(Rfq).where(Rfq.id == rfq_id).with_for_update().execution_options(populate_existing=True)
    return await session.scalar(statement)


async def managed_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int,
                      refusal: str = "Only members of the buyer may change this RFQ") -> Rfq:
    """An RFQ the viewer acts on for the buyer (its members and admins); anyone else gets 403 `refusal`."""
    rfq = await get_rfq(session, require_viewer(viewer), rfq_id)
    if not can_manage(viewer, rfq.organization_id):
        raise forbidden(refusal, code="not_a_member")
    return rfq


async def update_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int, data: RfqUpdate) -> Rfq:
    rfq = await managed_rfq(session, viewer, rfq_id)
    if rfq.status not in EDITABLE:
        raise forbidden(f"An RFQ that is {rfq.status.value} cannot be edited", code="not_editable")
    merged = merged_update(RfqCreate, rfq, data)
    if "valid_until" in data.model_fields_set:
        _ensure_valid_until_ahead(merged.valid_until)
    await ensure_hs_code_usable(session, merged.hs_code)
    for field, value in merged.model_dump().items():
        setattr(rfq, field, value)
    _changed(session, rfq)
    await session.flush()
    return rfq


async def submit_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> Rfq:
    rfq = await managed_rfq(session, viewer, rfq_id)
    move(rfq, S.PENDING_REVIEW, TRANSITIONS, "RFQ")
    _ensure_valid_until_ahead(rfq.valid_until)
    await ensure_not_duplicate(session, rfq.organization_id, rfq.title, rfq.hs_code, rfq.id)
    await ensure_open_cap(session, rfq.organization_id)
    await ensure_allowed(session, rfq.organization_id, Action.POST_RFQ)
    rfq.rejection_reason = None
    _changed(session, rfq)
    await session.flush()
    return rfq


async def approve_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> Rfq:
    require_admin(viewer)
    rfq = await get_rfq(session, viewer, rfq_id)
    move(rfq, S.OPEN, TRANSITIONS, "RFQ")
    rfq.opened_at = utcnow()
    _changed(session, rfq)
    enqueue_alert(session, AlertEvent.RFQ_OPENED, rfq.id)
    await notify_organization(session, rfq.organization_id, Message(
        NotificationKind.RFQ_APPROVED, f"Your RFQ is open for quotes: {rfq.title}",
        "It passed review; suppliers can quote on it now.", f"/rfqs/{rfq.id}"))
    await session.flush()
    return rfq


async def reject_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int, reason: str) -> Rfq:
    require_admin(viewer)
    rfq = await get_rfq(session, viewer, rfq_id)
    move(rfq, S.REJECTED, TRANSITIONS, "RFQ")
    rfq.rejection_reason = reason
    _changed(session, rfq)
    await notify_organization(session, rfq.organization_id, Message(
        NotificationKind.RFQ_REJECTED, f"Your RFQ was not approved: {rfq.title}",
        f"Reason: {reason}\nEdit it and submit it for review again.", "/my/rfqs"))
    await session.flush()
    return rfq


async def close_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> Rfq:
    """Closes without award: the quotes still submitted are declined and their suppliers told."""
    await managed_rfq(session, viewer, rfq_id)
    rfq = await locked_rfq(session, rfq_id)
    assert rfq is not None
    move(rfq, S.CLOSED, TRANSITIONS, "RFQ")
    _changed(session, rfq)
    await decline_open_quotes(session, rfq)
    await session.flush()
    return rfq


async def list_rfqs(
    session: AsyncSession, viewer: Viewer | None, filters: RfqFilters, page: int, per_page: int
) -> Page[Rfq]:
    return await paginate(session, rfqs_query(filters, visible_to(viewer)), page, per_page)
