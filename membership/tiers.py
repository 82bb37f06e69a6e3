"""Tiers as data: reading them, the tier an organization is on now, and tier prices per billing interval."""

from collections.abc import Callable, Collection
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import AppError, not_found
from app.models import Subscription, Tier
from app.models.enums import LIVE_SUBSCRIPTION_STATUSES, BillingInterval


async def all_tiers(session: AsyncSession) -> list[Tier]:
    """Cheapest first."""
    return list(await session.scalars(select(Tier).order_by(Tier.rank)))


async def tier_by_code(session: AsyncSession, code: str) -> Tier:
    tier = await session.scalar(select(Tier).where(Tier.code == code))
    if tier is None:
        raise not_found("Tier")
    return tier


async def platform_currency(session: AsyncSession) -> str:
    """The platform's currency: the default plan's, as every price list's (ad credit, featured placements)."""
    return (await default_tier(session)).currency


async def default_tier(session: AsyncSession) -> Tier:
    tier = await session.scalar(select(Tier).where(Tier.is_default).order_by(Tier.rank).limit(1))
    if tier is None:
        raise AppError("No default membership tier is configured", code="no_default_tier", status=500,
                       title="Membership is not configured")
    return tier


async def subscription_of(session: AsyncSession, organization_id: int) -> Subscription | None:
    return await session.scalar(select(Subscription).where(Subscription.organization_id == organization_id))


async def current_tier(session: AsyncSession, organization_id: int) -> Tier:
    """The tier of a live subscription (active or past due within its grace period), else the default tier."""
    subscription = await subscription_of(session, organization_id)
    if subscription is not None and subscription.status.grants_tier:
        tier = await session.get(Tier, subscription.tier_id)
        if tier is not None:
            return tier
    return await default_tier(session)


async def current_tiers(session: AsyncSession, organization_ids: Collection[int]) -> dict[int, Tier | None]:
    """current_tier of many organizations in two queries; None where neither a live subscription nor a default
    tier gives one (no error: search ranking and badges do without)."""
    default = await session.scalar(select(Tier).where(Tier.is_default).order_by(Tier.rank).limit(1))
    tiers: dict[int, Tier | None] = dict.fromkeys(organization_ids, default)
    rows = await session.execute(
        select(Subscription.organization_id, Tier).join(Tier, Tier.id == Subscription.tier_id)
        .where(Subscription.organization_id.in_(set(organization_ids)),
               Subscription.status.in_(LIVE_SUBSCRIPTION_STATUSES)))
    tiers.update((organization_id, tier) for organization_id, tier in rows)
    return tiers


async def cheapest_tier_where(session: AsyncSession, allows: Callable[[Tier], bool]) -> Tier | None:
    return next((tier for tier in await all_tiers(session) if allows(tier)), None)


def price_of(tier: Tier, interval: BillingInterval) -> Decimal:
    return tier.price_monthly if interval is BillingInterval.MONTH else tier.price_yearly
