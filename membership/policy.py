"""The one entitlement policy: may this organization do this action now?

Each action has one rule: a limit read from the organization's tier (None = unlimited; a feature the tier does not
include is a limit of 0) and the current usage counted from SQL. Allowed when usage < limit. A denial names the
reason, the limit, the usage and the cheapest tier that would allow it. Services call `ensure_allowed` at exactly
one place per protected action, before they flush the change they ask about.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.errors import AppError
from app.core.i18n import N_
from app.models import Organization, Tier
from membership import usage
from membership.tiers import cheapest_tier_where, current_tier

UPGRADE_URL = "/plans"


class Action(StrEnum):
    PUBLISH_LISTING = "publish_listing"
    POST_RFQ = "post_rfq"
    SUBMIT_QUOTE = "submit_quote"
    VIEW_BUYER_CONTACT = "view_buyer_contact"
    VIEW_LEAD = "view_lead"
    ADD_MEMBER = "add_member"
    BID_ON_KEYWORDS = "bid_on_keywords"
    SHOWCASE_LISTING = "showcase_listing"


Counter = Callable[[AsyncSession, int, date], Awaitable[int]]


async def _nothing_used(_session: AsyncSession, _organization_id: int, _today: date) -> int:
    return 0


async def _listing_slots(session: AsyncSession, organization_id: int, _today: date) -> int:
    return await usage.listing_slots_used(session, organization_id)


async def _showcase_picks(session: AsyncSession, organization_id: int, _today: date) -> int:
    return await usage.showcase_picks(session, organization_id)


async def _members(session: AsyncSession, organization_id: int, _today: date) -> int:
    return await usage.members(session, organization_id)


def _feature(flag: Callable[[Tier], bool]) -> Callable[[Tier], int | None]:
    return lambda tier: 1 if flag(tier) else 0


def in_sentence(label: str) -> str:
    """A label inside a sentence: "Quotes a month" -> "quotes a month"; "RFQs a month" keeps its capitals."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


@dataclass(frozen=True)
class Rule:
    """One limit, with the words the plan page, the usage table and the refusal all use: `label` names what is
    counted (plural), `note` says when it is counted; a feature is a yes/no limit."""

    reason: str
    label: str
    note: str
    limit: Callable[[Tier], int | None]
    usage: Counter
    feature: bool = False
    singular: str | None = None

    def shown(self, limit: int | None) -> str:
        """A tier's limit as the plan page shows it."""
        if self.feature:
            return N_("Yes") if limit else N_("No")
        return N_("Unlimited") if limit is None else str(limit)

    def message(self, limit: int | None) -> str:
        """What a refusal says: the plan page's words."""
        if self.feature or limit == 0:
            return f"Your plan does not include {in_sentence(self.label)}"
        what = self.singular if limit == 1 and self.singular else in_sentence(self.label)
        return f"Your plan allows {limit} {what}"


RULES: dict[Action, Rule] = {
    Action.PUBLISH_LISTING: Rule(
        "listing_limit_reached", N_("Listings published or waiting for review"),
        N_("drafts and unpublished listings do not count"), lambda tier: tier.max_published_listings, _listing_slots),
    Action.POST_RFQ: Rule(
        "rfq_limit_reached", N_("RFQs a month"), N_("RFQs submitted since the 1st (UTC); drafts do not count"),
        lambda tier: tier.rfqs_per_month, usage.rfqs_this_month),
    Action.SUBMIT_QUOTE: Rule(
        "quote_limit_reached", N_("Quotes a month"),
        N_("quotes submitted since the 1st (UTC), withdrawn ones included"),
        lambda tier: tier.quotes_per_month, usage.quotes_this_month),
    Action.VIEW_LEAD: Rule(
        "lead_limit_reached", N_("Lead views a day"),
        N_("counted when you open a lead's buyer details or full text, each RFQ once a day (UTC); appearing in your "
           "leads list does not count"), lambda tier: tier.leads_per_day, usage.leads_viewed_on),
    Action.VIEW_BUYER_CONTACT: Rule(
        "contact_details_not_included", N_("Buyers' contact details"),
        N_("the buyer's company name and contact details on RFQs and leads"),
        _feature(lambda tier: tier.contact_details_visible), _nothing_used, feature=True),
    Action.ADD_MEMBER: Rule(
        "member_limit_reached", N_("Users"),
        N_("people in your organization, you included, and invitations not yet accepted"),
        lambda tier: tier.max_members, _members, singular=N_("user")),
    Action.SHOWCASE_LISTING: Rule(
        "showcase_slots_full", N_("Showcase slots"),
        N_("listings you pick to lead your store and carry the Showcase badge in search"),
        lambda tier: tier.showcase_slots, _showcase_picks, singular=N_("showcase slot")),
    Action.BID_ON_KEYWORDS: Rule(
        "keyword_bidding_not_included", N_("Keyword bidding"),
        N_("sponsored results above search results for the keywords you bid on, paid per click"),
        _feature(lambda tier: tier.keyword_bidding), _nothing_used, feature=True),
}


@dataclass(frozen=True)
class Decision:
    action: Action
    allowed: bool
    tier: str
    limit: int | None
    usage: int
    reason: str | None = None
    upgrade_to: str | None = None
    message: str | None = None
    upgrade_name: str | None = None

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else max(0, self.limit - self.usage)


def _fits(limit: int | None, used: int) -> bool:
    return limit is None or used < limit


async def decide(session: AsyncSession, organization_id: int, action: Action, today: date | None = None) -> Decision:
    return await _decide(session, organization_id, await current_tier(session, organization_id), action, today)


async def decide_all(session: AsyncSession, organization_id: int, today: date | None = None) -> list[Decision]:
    """Every rule for one organization, its tier read once (the membership page shows them all)."""
    tier = await current_tier(session, organization_id)
    return [await _decide(session, organization_id, tier, action, today) for action in RULES]


async def _decide(session: AsyncSession, organization_id: int, tier: Tier, action: Action, today: date | None,
                  ) -> Decision:
    rule = RULES[action]
    limit = rule.limit(tier)
    used = await rule.usage(session, organization_id, today or clock.today())
    if _fits(limit, used):
        return Decision(action, True, tier.code, limit, used)
    better = await cheapest_tier_where(session, lambda candidate: _fits(rule.limit(candidate), used))
    return Decision(action, False, tier.code, limit, used, rule.reason, better.code if better else None,
                    rule.message(limit), better.name if better else None)


def denial_error(decision: Decision) -> AppError:
    """402 when a paid tier would allow the action, 403 when none would."""
    extra: dict[str, Any] = {"reason": decision.reason, "action": decision.action.value, "limit": decision.limit,
                             "usage": decision.usage, "tier": decision.tier, "upgrade_to": decision.upgrade_to}
    detail = decision.message or "Not included in your plan"
    if decision.upgrade_to is None:
        return AppError(detail, code="entitlement_denied", status=403, title="Forbidden", extra=extra)
    extra["upgrade_url"] = UPGRADE_URL
    upgrade = decision.upgrade_name or decision.upgrade_to
    return AppError(f"{detail}; upgrade to {upgrade} to continue", code="entitlement_denied", status=402,
                    title="Payment required", extra=extra)


async def ensure_allowed(
    session: AsyncSession, organization_id: int, action: Action, today: date | None = None
) -> Decision:
    decision = await decide(session, organization_id, action, today)
    if not decision.allowed:
        raise denial_error(decision)
    return decision


async def lock_organization(session: AsyncSession, organization_id: int) -> None:
    """Serialises the changes of one organisation that its plan limits (team places, showcase slots): call it
    before `ensure_allowed`, so that two requests cannot both take the last place."""
    await session.execute(select(Organization.id).where(Organization.id == organization_id).with_for_update())


async def contact_details_visible(session: AsyncSession, organization_id: int) -> bool:
    """Whether buyers' contact details on RFQs are shown to this organization (for the RFQ pages and the API)."""
    return (await decide(session, organization_id, Action.VIEW_BUYER_CONTACT)).allowed


async def daily_lead_allowance(session: AsyncSession, organization_id: int, today: date | None = None) -> Decision:
    """How many RFQ leads this organization may still open today: `.limit` (None = unlimited), `.usage`,
    `.remaining`. Record each lead opened with `membership.usage.record_lead_view`."""
    return await decide(session, organization_id, Action.VIEW_LEAD, today)
