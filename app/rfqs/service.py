"""RFQs: a buyer's request for quotation, from draft through review (app.owned.lifecycle) to open; how an open
RFQ ends (closed, awarded, expired) is app.quotes.rfq_endings."""

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, require_buyer, visible_to
from app.background.outbox import record_change
from app.core.clock import today
from app.core.errors import FieldError, forbidden, validation_failed
from app.core.repository import Page, paginate
from app.core.schemas import merged_update
from app.hs.service import ensure_hs_code_usable
from app.models import Rfq
from app.models.enums import AlertEvent, EntityType, NotificationKind, RfqStatus
from app.owned.lifecycle import OwnedKind
from app.rfqs import quality, repository
from app.rfqs.contact import detail_out, list_rule, may_filter_by_buyer
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


RFQS = OwnedKind(
    model=Rfq, entity=EntityType.RFQ, noun="RFQ", transitions=TRANSITIONS,
    review=S.PENDING_REVIEW, live=S.OPEN, refused=S.REJECTED,
    # Open RFQs, and those that were open (closed, awarded, expired), are public.
    is_public=lambda rfq: rfq.opened_at is not None,
    refusal="Only members of the buyer may change this RFQ", pages_url="/rfqs",
    went_live_at="opened_at", live_alert=AlertEvent.RFQ_OPENED,
    approved=NotificationKind.RFQ_APPROVED, approved_title="Your RFQ is open for quotes: {title}",
    approved_body="It passed review; suppliers can quote on it now.", rejected=NotificationKind.RFQ_REJECTED,
)


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
    return await RFQS.get(session, viewer, rfq_id)


async def rfq_out(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> RfqOut:
    """The RFQ's details as this viewer may read them (app.rfqs.contact): a supplier opening an open RFQ opens a
    lead."""
    return await detail_out(session, viewer, await get_rfq(session, viewer, rfq_id))


async def locked_rfq(session: AsyncSession, rfq_id: int) -> Rfq | None:
    """The RFQ with its row locked until the transaction ends: quotes, awards and closing of one RFQ happen one
    after the other."""
    return await repository.locked_rfq(session, rfq_id)


async def managed_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int,
                      refusal: str | None = None) -> Rfq:
    """An RFQ the viewer acts on for the buyer (its members and admins); anyone else gets 403 `refusal`."""
    return await RFQS.managed(session, viewer, rfq_id, refusal)


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
    RFQS.changed(session, rfq)
    await session.flush()
    return rfq


async def submit_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> Rfq:
    async def submittable(rfq: Rfq) -> None:
        _ensure_valid_until_ahead(rfq.valid_until)
        await ensure_not_duplicate(session, rfq.organization_id, rfq.title, rfq.hs_code, rfq.id)
        await ensure_open_cap(session, rfq.organization_id)
        await ensure_allowed(session, rfq.organization_id, Action.POST_RFQ)

    rfq = await RFQS.submit(session, viewer, rfq_id, submittable)
    await quality.assess(session, rfq)
    await session.flush()
    return rfq


async def approve_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> Rfq:
    rfq = await RFQS.approve(session, viewer, rfq_id)
    await quality.assess(session, rfq)  # again: the buyer may have confirmed their address meanwhile
    await session.flush()
    return rfq


async def reject_rfq(session: AsyncSession, viewer: Viewer | None, rfq_id: int, reason: str) -> Rfq:
    return await RFQS.reject(session, viewer, rfq_id, reason)


async def list_rfqs(
    session: AsyncSession, viewer: Viewer | None, filters: RfqFilters, page: int, per_page: int
) -> Page[Rfq]:
    if filters.organization is not None:
        buyer = await repository.organization_id_of(session, filters.organization)
        if buyer is None or not await may_filter_by_buyer(session, viewer, buyer):
            return Page(items=[], total=0, page=page, per_page=per_page)
    return await paginate(session, rfqs_query(filters, visible_to(viewer)), page, per_page)


async def list_rfqs_out(
    session: AsyncSession, viewer: Viewer | None, filters: RfqFilters, page: int, per_page: int
) -> tuple[Page[Rfq], list[RfqOut]]:
    """A page of RFQs and their API output as a list shows them to this viewer (no lead opened)."""
    found = await list_rfqs(session, viewer, filters, page, per_page)
    shown = list_rule(viewer)
    return found, [shown(rfq) for rfq in found.items]
