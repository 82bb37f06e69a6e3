"""Queries of lead reports."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import LeadReport, Quote
from app.models.enums import LeadReportStatus


async def report_of(session: AsyncSession, organization_id: int, rfq_id: int) -> LeadReport | None:
    return await session.scalar(select(LeadReport).where(LeadReport.organization_id == organization_id,
                                                         LeadReport.rfq_id == rfq_id))


def reports_in(status: LeadReportStatus | None) -> Select[Any]:
    statement = select(LeadReport).order_by(LeadReport.created_at, LeadReport.id)
    return statement if status is None else statement.where(LeadReport.status == status)


async def open_reports_on(session: AsyncSession, rfq_id: int) -> Sequence[LeadReport]:
    return (await session.scalars(select(LeadReport).where(LeadReport.rfq_id == rfq_id,
                                                           LeadReport.status == LeadReportStatus.OPEN))).all()


async def quoting_organizations(session: AsyncSession, rfq_id: int) -> list[int]:
    return list(await session.scalars(select(Quote.organization_id).where(Quote.rfq_id == rfq_id).distinct()))

