"""Read-only look-ups that pages need to show names beside ids: organization names and HS code descriptions.

They are small queries of their own here, not calls of the accounts and hs repositories: app.http imports no
domain."""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.repository import get_or_404
from app.models import HsCode, Listing, Organization, Rfq


async def organization_names(session: AsyncSession, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    rows = await session.execute(select(Organization.id, Organization.name).where(Organization.id.in_(wanted)))
    return dict(rows.all())


async def organization_countries(session: AsyncSession, ids: Iterable[int]) -> dict[int, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    rows = await session.execute(select(Organization.id, Organization.country).where(Organization.id.in_(wanted)))
    return dict(rows.all())


async def hs_description(session: AsyncSession, code: str | None) -> str | None:
    if code is None:
        return None
    description: str | None = await session.scalar(select(HsCode.description).where(HsCode.code == code))
    return description


async def owner_and_hs(session: AsyncSession, item: Listing | Rfq) -> dict[str, Any]:
    """What a detail page shows beside a listing or RFQ: its organization and its HS code's description."""
    organization = await get_or_404(session, Organization, item.organization_id, "Organization")
    return {"item": item, "organization": organization, "hs_description": await hs_description(session, item.hs_code)}
