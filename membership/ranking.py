"""How membership weighs in search ranking: the ranking boost of each organization's tier, stored bounded by
Tier.MAX_RANKING_BOOST (0.05). Search bounds whatever this returns too (search.ranking.MAX_TIER_BOOST), so a boost
can only reorder near-ties."""

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Subscription, Tier
from app.models.enums import LIVE_SUBSCRIPTION_STATUSES


async def tier_boosts(session: AsyncSession, organization_ids: Collection[int]) -> dict[int, float]:
    """The ranking boost of each organization's tier (0.0 = none), in two queries for any number of
    organizations; those without a live subscription get the default tier's boost."""
    default = await session.scalar(select(Tier.ranking_boost).where(Tier.is_default).order_by(Tier.rank).limit(1))
    boosts = dict.fromkeys(organization_ids, float(default or 0))
    rows = await session.execute(
        select(Subscription.organization_id, Tier.ranking_boost).join(Tier, Tier.id == Subscription.tier_id)
        .where(Subscription.organization_id.in_(set(organization_ids)),
               Subscription.status.in_(LIVE_SUBSCRIPTION_STATUSES))
    )
    boosts.update({organization_id: float(boost) for organization_id, boost in rows})
    return boosts
