"""Queries of verifications, their evidence files and their history."""

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.repository import grouped
from app.models import Organization, Verification, VerificationEvent, VerificationFile
from app.models.enums import VerificationStatus
from trust.verification import REMINDER_DAYS


async def of_organization(session: AsyncSession, organization_id: int) -> Sequence[Verification]:
    return (await session.scalars(select(Verification).where(Verification.organization_id == organization_id)
                                  .order_by(Verification.created_at.desc(), Verification.id.desc()))).all()


async def locked(session: AsyncSession, verification_id: int) -> Verification | None:
    """The verification with its row locked: decisions and uploads on one request happen one after the other."""
    statement = select(Verification).where(Verification.id == verification_id).with_for_update()
    return await session.scalar(statement.execution_options(populate_existing=True))


async def approved_expiries(session: AsyncSession, organization_id: int) -> list[date]:
    return list(await session.scalars(select(Verification.expires_on).where(
        Verification.organization_id == organization_id, Verification.status == VerificationStatus.APPROVED)))


async def approved_of(session: AsyncSession, organization_ids: Collection[int],
                      today: date) -> dict[int, list[Verification]]:
    """Live verifications by organisation (approved, expiring after today), the latest expiry first."""
    rows = await session.scalars(select(Verification).where(
        Verification.organization_id.in_(organization_ids), Verification.status == VerificationStatus.APPROVED,
        Verification.expires_on > today).order_by(Verification.expires_on.desc(), Verification.id))
    return grouped(rows, lambda verification: verification.organization_id)


async def files_of(session: AsyncSession, verification_ids: Collection[int]) -> dict[int, list[VerificationFile]]:
    rows = await session.scalars(select(VerificationFile).where(VerificationFile.verification_id.in_(
        verification_ids)).order_by(VerificationFile.id))
    return grouped(rows, lambda file: file.verification_id)


async def file_of(session: AsyncSession, verification_id: int, file_id: int) -> VerificationFile | None:
    return await session.scalar(select(VerificationFile).where(VerificationFile.id == file_id,
                                                               VerificationFile.verification_id == verification_id))


async def events_of(session: AsyncSession, verification_ids: Collection[int]) -> dict[int, list[VerificationEvent]]:
    rows = await session.scalars(select(VerificationEvent).where(VerificationEvent.verification_id.in_(
        verification_ids)).order_by(VerificationEvent.created_at, VerificationEvent.id))
    return grouped(rows, lambda event: event.verification_id)


def queue(status: VerificationStatus | None) -> Select[Any]:
    """Requests for admins, the oldest first (the next to review on top)."""
    statement = select(Verification).order_by(Verification.updated_at, Verification.id)
    return statement if status is None else statement.where(Verification.status == status)


async def expiring_within(session: AsyncSession, today: date) -> Sequence[Verification]:
    """Approved verifications that reach a reminder's window: expiring after today, within the earliest one."""
    horizon = date.fromordinal(today.toordinal() + max(REMINDER_DAYS))
    return (await session.scalars(select(Verification).where(
        Verification.status == VerificationStatus.APPROVED, Verification.expires_on > today,
        Verification.expires_on <= horizon).order_by(Verification.id)
        .with_for_update(skip_locked=True))).all()  # two hosts running the job at once: one reminder


async def lapsed_on(session: AsyncSession, since: date, today: date) -> list[int]:
    """Organisations that stopped counting as verified after `since`, up to today."""
    return list(await session.scalars(select(Organization.id).where(Organization.verified_until > since,
                                                                    Organization.verified_until <= today)))
