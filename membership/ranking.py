"""How membership weighs in search ranking. Tiers arrive with the membership issue; until then nobody is boosted.
Search bounds whatever this returns (search.ranking.MAX_TIER_BOOST), so a boost can only reorder near-ties."""

from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession


async def tier_boosts(session: AsyncSession, organization_ids: Collection[int]) -> dict[int, float]:
    """The ranking boost of each organization's tier (0.0 = none)."""
    return dict.fromkeys(organization_ids, 0.0)
