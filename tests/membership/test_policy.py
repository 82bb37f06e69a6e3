"""The entitlement policy for every action x tier, counted from the tables, and what a denial says."""

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.enums import ListingStatus, RfqStatus
from membership.policy import (
    RULES,
    Action,
    contact_details_visible,
    daily_lead_allowance,
    decide,
    denial_error,
    in_sentence,
)
from membership.usage import record_lead_view
from tests.support.membership import (
    TODAY,
    add_lead_views,
    add_listings,
    add_members,
    add_quotes,
    add_rfqs,
    new_organization,
    put_on_tier,
    tier,
)

Usage = Callable[[AsyncSession, int], Awaitable[object]]


async def _listings(db: AsyncSession, org: int) -> object:  # 15 published + 5 waiting for review hold 20 slots
    await add_listings(db, org, 15)
    await add_listings(db, org, 5, ListingStatus.PENDING_REVIEW)
    return await add_listings(db, org, 3, ListingStatus.DRAFT)  # drafts are free


async def _rfqs(db: AsyncSession, org: int) -> object:
    await add_rfqs(db, org, 20)
    return await add_rfqs(db, org, 4, RfqStatus.DRAFT)


# Each action with usage exactly at the Free tier's limit.
USAGE: dict[Action, Usage] = {
    Action.PUBLISH_LISTING: _listings,
    Action.POST_RFQ: _rfqs,
    Action.SUBMIT_QUOTE: lambda db, org: add_quotes(db, org, 10),
    Action.VIEW_LEAD: lambda db, org: add_lead_views(db, org, 5),
    Action.ADD_MEMBER: lambda db, org: add_members(db, org, 1),
    Action.VIEW_BUYER_CONTACT: lambda db, org: _nothing(),
    Action.BID_ON_KEYWORDS: lambda db, org: _nothing(),
    Action.SHOWCASE_LISTING: lambda db, org: _nothing(),
}


async def _nothing() -> None:
    return None


A = Action
# (action, tier): (allowed, limit, usage, reason if denied, cheapest tier that allows it)
EXPECTED = {
    (A.PUBLISH_LISTING, "free"): (False, 20, 20, "listing_limit_reached", "silver"),
    (A.PUBLISH_LISTING, "silver"): (True, 100, 20, None, None),
    (A.PUBLISH_LISTING, "gold"): (True, 500, 20, None, None),
    (A.PUBLISH_LISTING, "platinum"): (True, None, 20, None, None),
    (A.POST_RFQ, "free"): (False, 20, 20, "rfq_limit_reached", "silver"),
    (A.POST_RFQ, "silver"): (True, 50, 20, None, None),
    (A.POST_RFQ, "gold"): (True, 200, 20, None, None),
    (A.POST_RFQ, "platinum"): (True, None, 20, None, None),
    (A.SUBMIT_QUOTE, "free"): (False, 10, 10, "quote_limit_reached", "silver"),
    (A.SUBMIT_QUOTE, "silver"): (True, 50, 10, None, None),
    (A.SUBMIT_QUOTE, "gold"): (True, 200, 10, None, None),
    (A.SUBMIT_QUOTE, "platinum"): (True, None, 10, None, None),
    (A.VIEW_LEAD, "free"): (False, 5, 5, "lead_limit_reached", "silver"),
    (A.VIEW_LEAD, "silver"): (True, 25, 5, None, None),
    (A.VIEW_LEAD, "gold"): (True, 100, 5, None, None),
    (A.VIEW_LEAD, "platinum"): (True, None, 5, None, None),
    (A.ADD_MEMBER, "free"): (False, 1, 1, "member_limit_reached", "silver"),
    (A.ADD_MEMBER, "silver"): (True, 3, 1, None, None),
    (A.ADD_MEMBER, "gold"): (True, 10, 1, None, None),
    (A.ADD_MEMBER, "platinum"): (True, None, 1, None, None),
    (A.VIEW_BUYER_CONTACT, "free"): (False, 0, 0, "contact_details_not_included", "gold"),
    (A.VIEW_BUYER_CONTACT, "silver"): (False, 0, 0, "contact_details_not_included", "gold"),
    (A.VIEW_BUYER_CONTACT, "gold"): (True, 1, 0, None, None),
    (A.VIEW_BUYER_CONTACT, "platinum"): (True, 1, 0, None, None),
    (A.BID_ON_KEYWORDS, "free"): (False, 0, 0, "keyword_bidding_not_included", "gold"),
    (A.BID_ON_KEYWORDS, "silver"): (False, 0, 0, "keyword_bidding_not_included", "gold"),
    (A.BID_ON_KEYWORDS, "gold"): (True, 1, 0, None, None),
    (A.BID_ON_KEYWORDS, "platinum"): (True, 1, 0, None, None),
    (A.SHOWCASE_LISTING, "free"): (False, 0, 0, "showcase_slots_full", "silver"),
    (A.SHOWCASE_LISTING, "silver"): (True, 1, 0, None, None),
    (A.SHOWCASE_LISTING, "gold"): (True, 3, 0, None, None),
    (A.SHOWCASE_LISTING, "platinum"): (True, 10, 0, None, None),
}


def test_the_table_covers_every_action_and_tier() -> None:
    assert set(EXPECTED) == {(action, code) for action in Action for code in ("free", "silver", "gold", "platinum")}


@pytest.mark.parametrize(("action", "code"), list(EXPECTED), ids=[f"{a.value}-{c}" for a, c in EXPECTED])
async def test_policy(db: AsyncSession, action: Action, code: str) -> None:
    org = await new_organization(db)
    await put_on_tier(db, org, code)
    await USAGE[action](db, org)

    decision = await decide(db, org, action, TODAY)

    allowed, limit, used, reason, upgrade_to = EXPECTED[(action, code)]
    assert (decision.allowed, decision.tier, decision.limit, decision.usage, decision.reason, decision.upgrade_to) \
        == (allowed, code, limit, used, reason, upgrade_to)
    await db.rollback()


@pytest.mark.parametrize(("code", "limit", "next_tier"), [("free", 10, "silver"), ("silver", 50, "gold"),
                                                          ("gold", 200, "platinum")])
async def test_a_full_tier_points_to_the_cheapest_tier_with_room(db: AsyncSession, code: str, limit: int,
                                                                 next_tier: str) -> None:
    org = await new_organization(db)
    await put_on_tier(db, org, code)
    await add_quotes(db, org, limit)

    decision = await decide(db, org, Action.SUBMIT_QUOTE, TODAY)

    assert (decision.allowed, decision.limit, decision.usage, decision.upgrade_to) == (False, limit, limit, next_tier)
    await db.rollback()


async def test_usage_below_the_limit_is_allowed_with_what_remains(db: AsyncSession) -> None:
    org = await new_organization(db)
    await add_quotes(db, org, 9)

    decision = await decide(db, org, Action.SUBMIT_QUOTE, TODAY)

    assert (decision.allowed, decision.limit, decision.usage, decision.remaining) == (True, 10, 9, 1)
    await db.rollback()


async def test_quotes_of_last_month_do_not_count(db: AsyncSession) -> None:
    org = await new_organization(db)
    await add_quotes(db, org, 10, created_at=datetime(2026, 2, 28, 23, 59, tzinfo=UTC))

    assert (await decide(db, org, Action.SUBMIT_QUOTE, TODAY)).usage == 0
    await db.rollback()


async def test_contact_details_are_visible_from_gold(db: AsyncSession) -> None:
    visible = {}
    for code in ("free", "silver", "gold", "platinum"):
        org = await new_organization(db, code)
        await put_on_tier(db, org, code)
        visible[code] = await contact_details_visible(db, org)

    assert visible == {"free": False, "silver": False, "gold": True, "platinum": True}
    await db.rollback()


async def test_daily_lead_allowance_counts_each_rfq_once_a_day(db: AsyncSession) -> None:
    org = await new_organization(db)
    buyer = await new_organization(db, "Buyer")
    first, second = await add_rfqs(db, buyer, 2)
    for rfq_id in (first, first, second):
        await record_lead_view(db, org, rfq_id, TODAY)
    await record_lead_view(db, org, first, date(2026, 3, 14))

    allowance = await daily_lead_allowance(db, org, TODAY)

    assert (allowance.limit, allowance.usage, allowance.remaining, allowance.allowed) == (5, 2, 3, True)
    await db.rollback()


async def test_a_denial_no_tier_would_lift_is_403_and_one_a_payment_would_lift_is_402(db: AsyncSession) -> None:
    org = await new_organization(db)
    for code in ("gold", "platinum"):
        (await tier(db, code)).keyword_bidding = False  # never committed: rolled back below
    await db.flush()

    keyword = denial_error(await decide(db, org, Action.BID_ON_KEYWORDS, TODAY))
    contact = denial_error(await decide(db, org, Action.VIEW_BUYER_CONTACT, TODAY))

    assert (keyword.status, keyword.title, keyword.code) == (403, "Forbidden", "entitlement_denied")
    assert keyword.extra == {"reason": "keyword_bidding_not_included", "action": "bid_on_keywords", "limit": 0,
                             "usage": 0, "tier": "free", "upgrade_to": None}
    assert (contact.status, contact.title) == (402, "Payment required")
    assert contact.extra == {"reason": "contact_details_not_included", "action": "view_buyer_contact", "limit": 0,
                             "usage": 0, "tier": "free", "upgrade_to": "gold", "upgrade_url": "/plans"}
    await db.rollback()


# What a refusal at the Free tier says: the plan page's label of the rule, with the limit.
REFUSALS = {
    A.PUBLISH_LISTING: "Your plan allows 20 listings published or waiting for review",
    A.POST_RFQ: "Your plan allows 20 RFQs a month",
    A.SUBMIT_QUOTE: "Your plan allows 10 quotes a month",
    A.VIEW_LEAD: "Your plan allows 5 lead views a day",
    A.ADD_MEMBER: "Your plan allows 1 user",
    A.VIEW_BUYER_CONTACT: "Your plan does not include buyers' contact details",
    A.BID_ON_KEYWORDS: "Your plan does not include keyword bidding",
    A.SHOWCASE_LISTING: "Your plan does not include showcase slots",
}


@pytest.mark.parametrize("action", list(Action), ids=[a.value for a in Action])
async def test_a_refusal_says_what_the_plan_page_says(db: AsyncSession, action: Action) -> None:
    org = await new_organization(db)
    await USAGE[action](db, org)

    decision = await decide(db, org, action, TODAY)

    rule = RULES[action]
    assert decision.message == REFUSALS[action]
    assert in_sentence(rule.label) in REFUSALS[action] or rule.singular in REFUSALS[action]
    assert denial_error(decision).detail == f"{REFUSALS[action]}; upgrade to {decision.upgrade_name} to continue"
    await db.rollback()


def test_every_rule_is_labelled_and_features_read_yes_or_no() -> None:
    assert [rule.label for rule in RULES.values()] == [
        "Listings published or waiting for review", "RFQs a month", "Quotes a month", "Lead views a day",
        "Buyers' contact details", "Users", "Showcase slots", "Keyword bidding"]
    assert RULES[A.VIEW_LEAD].note.startswith("counted when you open a lead's buyer details or full text")
    assert RULES[A.PUBLISH_LISTING].note == "drafts and unpublished listings do not count"
    contact, quotes = RULES[A.VIEW_BUYER_CONTACT], RULES[A.SUBMIT_QUOTE]
    assert [contact.shown(1), contact.shown(0), quotes.shown(10), quotes.shown(None)] == ["Yes", "No", "10",
                                                                                          "Unlimited"]
