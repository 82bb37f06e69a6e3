"""Queries of RFQs, and of the counts and limits of their anti-spam rules."""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import LeadView, Organization, Rfq, RfqAttachment
from app.models.enums import RfqStatus
from app.owned.repository import owned_query


@dataclass(frozen=True)
class RfqFilters:
    organization: str | None = None
    status: RfqStatus | None = None
    hs_code: str | None = None
    destination_country: str | None = None
    q: str | None = None


def rfqs_query(filters: RfqFilters, visible_organization_ids: set[int] | None) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if filters.status is not None:
        conditions.append(Rfq.status == filters.status)
    if filters.hs_code:
        conditions.append(Rfq.hs_code.startswith(filters.hs_code))
    if filters.destination_country:
        conditions.append(Rfq.destination_country == filters.destination_country)
    if filters.q:
        conditions.append(Rfq.title.icontains(filters.q, autoescape=True))
    return owned_query(Rfq, filters.organization, conditions, RfqStatus.OPEN, visible_organization_ids)


async def locked_rfq(session: AsyncSession, rfq_id: int) -> Rfq | None:
    """The RFQ with its row locked until the transaction ends (PostgreSQL; SQLite has a single writer anyway)."""
    statement = select(Rfq).where(Rfq.id == rfq_id).with_for_update().execution_options(populate_existing=True)
    return await session.scalar(statement)


async def fresh_rfq(session: AsyncSession, rfq_id: int) -> Rfq:
    return await session.get_one(Rfq, rfq_id, populate_existing=True)


async def expire_open_before(session: AsyncSession, today: date, now: datetime) -> list[int]:
    """Moves the open RFQs whose valid-until date is before `today` to expired, in one conditional UPDATE (so each
    is expired by exactly one of several concurrent runs); their ids, ascending."""
    statement = (update(Rfq).where(Rfq.status == RfqStatus.OPEN, Rfq.valid_until < today)
                 .values(status=RfqStatus.EXPIRED, updated_at=now)
                 .returning(Rfq.id).execution_options(synchronize_session=False))
    return sorted((await session.scalars(statement)).all())


async def titles_in(session: AsyncSession, organization_id: int, statuses: Collection[RfqStatus],
                    hs_code: str | None) -> list[tuple[int, str]]:
    """(id, title) of the organization's RFQs in one of these statuses with this HS code (or with none)."""
    rows = await session.execute(
        select(Rfq.id, Rfq.title).where(Rfq.organization_id == organization_id, Rfq.status.in_(statuses),
                                        Rfq.hs_code.is_(None) if hs_code is None else Rfq.hs_code == hs_code)
    )
    return [(rfq_id, title) for rfq_id, title in rows]


async def lead_opened_on(session: AsyncSession, organization_id: int, rfq_id: int, day: date) -> bool:
    """Whether the organization already opened this RFQ's lead on `day` (opening it again costs nothing)."""
    found = await session.scalar(select(LeadView.id).where(
        LeadView.organization_id == organization_id, LeadView.rfq_id == rfq_id, LeadView.viewed_on == day))
    return found is not None


async def lock_organization(session: AsyncSession, organization_id: int) -> None:
    """Holds the organization's row until the transaction ends: its concurrent lead openings take turns, so the
    day's count they check is the count they add to (PostgreSQL; SQLite has a single writer anyway)."""
    await session.execute(select(Organization.id).where(Organization.id == organization_id).with_for_update())


async def organization_id_of(session: AsyncSession, slug: str) -> int | None:
    found: int | None = await session.scalar(select(Organization.id).where(Organization.slug == slug))
    return found


async def attachments_of(session: AsyncSession, rfq_id: int) -> list[RfqAttachment]:
    rows = await session.scalars(select(RfqAttachment).where(RfqAttachment.rfq_id == rfq_id)
                                 .order_by(RfqAttachment.id))
    return list(rows)


async def attachment_of_rfq(session: AsyncSession, rfq_id: int, attachment_id: int) -> RfqAttachment | None:
    return await session.scalar(select(RfqAttachment).where(RfqAttachment.rfq_id == rfq_id,
                                                           RfqAttachment.id == attachment_id))
