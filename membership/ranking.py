"""How membership weighs in search ranking: the ranking boost of each organization's tier, stored bounded by
Tier.MAX_RANKING_BOOST (0.05). Search bounds whatever this returns too (search.ranking.MAX_TIER_BOOST), so a boost
can only reorder near-ties."""

from collections.abc import Collection
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.i18n import N_
from app.models import Tier
from membership.tiers import current_tiers

# How the plan page names the boost: a benefit of the tier, not a limit the policy enforces.
LABEL = N_("Search ranking boost")
NOTE = N_("your relevance score is raised by this much, so it only reorders results that are almost equally relevant")


def shown(tier: Tier) -> str:
    """0.02 -> "+2%", 0.035 -> "+3.5%", none -> "None"."""
    percent = (Decimal(tier.ranking_boost) * 100).normalize()
    return f"+{percent:f}%" if percent > 0 else N_("None")


async def tier_boosts(session: AsyncSession, organization_ids: Collection[int]) -> dict[int, float]:
    """The ranking boost of each organization's tier (0.0 = none); those without a live subscription get the
    default tier's boost."""
    tiers = await current_tiers(session, organization_ids)
    return {organization_id: float(tier.ranking_boost) if tier else 0.0 for organization_id, tier in tiers.items()}
