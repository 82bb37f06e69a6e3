"""How membership weighs in search ranking: the ranking boost of each organization's tier, stored bounded by
Tier.MAX_RANKING_BOOST (0.05). Search bounds whatever this returns too (search.ranking.MAX_TIER_BOOST), so a boost
can only reorder near-ties."""

from collections.abc import Collection

from sqlalchemy.ext.asyncio import AsyncSession

from membership.tiers import current_tiers


async def tier_boosts(session: AsyncSession, organization_ids: Collection[int]) -> dict[int, float]:
    """The ranking boost of each organization's tier (0.0 = none); those without a live subscription get the
    default tier's boost."""
    tiers = await current_tiers(session, organization_ids)
    return {organization_id: float(tier.ranking_boost) if tier else 0.0 for organization_id, tier in tiers.items()}
