"""Queries of inquiries: an organization's threads, its unread messages, a user's recent inquiries and
the lock of the user's row they are counted under."""

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.inquiries.schemas import InquiryRole
from app.models import Inquiry, InquiryMessage, User


def threads_of(organization_id: int, role: InquiryRole | None) -> Select[Inquiry]:
    """The organization's threads on one side (or both), latest activity first."""
    sides = {InquiryRole.BUYER: Inquiry.buyer_organization_id, InquiryRole.SUPPLIER: Inquiry.supplier_organization_id}
    columns = [sides[role]] if role else list(sides.values())
    return (select(Inquiry).where(or_(*(column == organization_id for column in columns)))
            .order_by(Inquiry.last_message_at.desc(), Inquiry.id.desc()))


def _unread_by(organization_id: int) -> ColumnElement[bool]:
    """Messages of the other side that arrived after this organization last read the thread."""
    last_read = case((Inquiry.buyer_organization_id == organization_id, Inquiry.buyer_last_read_at),
                     else_=Inquiry.supplier_last_read_at)
    return and_(InquiryMessage.organization_id != organization_id,
                or_(last_read.is_(None), InquiryMessage.created_at > last_read))


def _party(organization_id: int) -> ColumnElement[bool]:
    return or_(Inquiry.buyer_organization_id == organization_id, Inquiry.supplier_organization_id == organization_id)


async def unread_counts(session: AsyncSession, organization_id: int, inquiry_ids: Iterable[int]) -> dict[int, int]:
    ids = list(inquiry_ids)
    if not ids:
        return {}
    statement = (select(InquiryMessage.inquiry_id, func.count())
                 .join(Inquiry, Inquiry.id == InquiryMessage.inquiry_id)
                 .where(InquiryMessage.inquiry_id.in_(ids), _party(organization_id), _unread_by(organization_id))
                 .group_by(InquiryMessage.inquiry_id))
    rows = await session.execute(statement)
    return {row[0]: row[1] for row in rows}


async def unread_totals(session: AsyncSession, organization_id: int) -> tuple[int, int]:
    """(unread messages, threads with unread messages) of the organization across all its threads."""
    statement = (select(func.count(), func.count(func.distinct(InquiryMessage.inquiry_id)))
                 .join(Inquiry, Inquiry.id == InquiryMessage.inquiry_id)
                 .where(_party(organization_id), _unread_by(organization_id)))
    messages, threads = (await session.execute(statement)).one()
    return int(messages), int(threads)


async def messages_of(session: AsyncSession, inquiry_id: int) -> list[InquiryMessage]:
    statement = (select(InquiryMessage).where(InquiryMessage.inquiry_id == inquiry_id)
                 .order_by(InquiryMessage.created_at, InquiryMessage.id))
    return list(await session.scalars(statement))


async def lock_user(session: AsyncSession, user_id: int) -> None:
    """Locks the user's row until the transaction ends (PostgreSQL; SQLite has a single writer anyway)."""
    await session.execute(select(User.id).where(User.id == user_id).with_for_update())


async def started_since(session: AsyncSession, user_id: int, since: datetime) -> tuple[int, datetime | None]:
    """How many inquiries the user started since then, and when the oldest of them was."""
    statement = select(func.count(), func.min(Inquiry.created_at)).where(
        Inquiry.started_by_user_id == user_id, Inquiry.created_at >= since)
    count, oldest = (await session.execute(statement)).one()
    return int(count), oldest
