"""GET /api/v1/admin/stats: activity per UTC day and month counted in SQL with the empty days as zeros, revenue per
currency, the moderation backlog and totals; refused to everyone but platform admins."""

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.models.enums import InvoiceStatus, ListingStatus, QuoteStatus, RfqStatus
from tests.admin import rows
from tests.support.actors import Cast
from tests.support.clock import Travel
from tests.support.membership import new_organization

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
TODAY, YESTERDAY, FIRST_DAY = NOW.replace(hour=0, minute=30), datetime(2026, 11, 29, 23, 59, 59, tzinfo=UTC), \
    datetime(2026, 11, 1, 0, 0, tzinfo=UTC)
LAST_MONTH, FIRST_MONTH, TOO_OLD = datetime(2026, 10, 31, 23, tzinfo=UTC), datetime(2025, 12, 1, tzinfo=UTC), \
    datetime(2025, 11, 30, 23, 59, tzinfo=UTC)
# 23:30 in New York on the 29th is 04:30 UTC on the 30th: days are UTC days.
NEW_YORK_LATE = datetime(2026, 11, 29, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
STATS = "/api/v1/admin/stats"


def nonzero(series: list[dict[str, Any]]) -> dict[str, Any]:
    return {point["label"]: point["value"] for point in series if point["value"] not in (0, "0")}


async def stats(cast: Cast) -> dict[str, Any]:
    response = await (await cast.admin()).client.get(STATS)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_every_day_and_month_is_listed_oldest_first_with_zeros(cast: Cast, travel: Travel) -> None:
    travel(NOW)
    body = await stats(cast)

    days, months = body["days"], body["months"]
    assert body["today"] == "2026-11-30"
    assert [point["label"] for point in days["rfqs"]] == [f"2026-11-{day:02d}" for day in range(1, 31)]
    assert [point["label"] for point in months["rfqs"]] == ["2025-12"] + [f"2026-{month:02d}" for month in range(1, 12)]
    assert {point["value"] for point in days["rfqs"] + months["quotes"] + days["matches"]} == {0}
    assert (days["revenue"], months["revenue"]) == ({}, {})


async def test_listings_are_counted_on_their_utc_day_and_month(cast: Cast, travel: Travel, db: AsyncSession) -> None:
    travel(NOW)
    organization = await new_organization(db)
    for moment in (TODAY, TODAY, NEW_YORK_LATE, YESTERDAY, FIRST_DAY, LAST_MONTH, FIRST_MONTH, TOO_OLD):
        await rows.listing(db, organization, moment)
    await db.commit()

    body = await stats(cast)

    assert nonzero(body["days"]["listings"]) == {"2026-11-30": 3, "2026-11-29": 1, "2026-11-01": 1}
    assert nonzero(body["months"]["listings"]) == {"2026-11": 5, "2026-10": 1, "2025-12": 1}


async def test_rfqs_quotes_matches_and_sign_ups_per_day(cast: Cast, travel: Travel, db: AsyncSession) -> None:
    travel(NOW)
    body_before = await stats(cast)  # the admin signed up today
    organization = await new_organization(db)
    rfq_id = await rows.rfq(db, organization, YESTERDAY)
    await rows.rfq(db, organization, LAST_MONTH)
    await rows.quote(db, rfq_id, organization, TODAY)
    await rows.quote(db, rfq_id, organization, YESTERDAY)
    await rows.match_alert(db, organization, TODAY, "rfq:1")
    await rows.match_alert(db, organization, TODAY, "rfq:2")
    await rows.user(db, organization, FIRST_DAY)
    await db.commit()

    days = (await stats(cast))["days"]

    assert nonzero(days["rfqs"]) == {"2026-11-29": 1}
    assert nonzero(days["quotes"]) == {"2026-11-30": 1, "2026-11-29": 1}
    assert nonzero(days["matches"]) == {"2026-11-30": 2}
    assert nonzero(days["signups"]) == {**nonzero(body_before["days"]["signups"]), "2026-11-01": 1}
    assert nonzero(body_before["days"]["signups"]) == {"2026-11-30": 1}


async def test_revenue_is_the_paid_invoices_by_paid_date_per_currency(cast: Cast, travel: Travel,
                                                                       db: AsyncSession) -> None:
    travel(NOW)
    organization = await new_organization(db)
    await rows.invoice(db, organization, 1, "100.50", "USD", TODAY)
    await rows.invoice(db, organization, 2, "20", "USD", NEW_YORK_LATE)
    await rows.invoice(db, organization, 3, "9.99", "EUR", FIRST_DAY)
    await rows.invoice(db, organization, 4, "45", "USD", LAST_MONTH)
    await rows.invoice(db, organization, 5, "1000", "USD", None, InvoiceStatus.OPEN)
    await rows.invoice(db, organization, 6, "500", "USD", YESTERDAY, InvoiceStatus.VOID)
    await db.commit()

    body = await stats(cast)

    days, months = body["days"]["revenue"], body["months"]["revenue"]
    assert sorted(days) == ["EUR", "USD"] and len(days["USD"]) == 30
    assert (nonzero(days["USD"]), nonzero(days["EUR"])) == ({"2026-11-30": "120.5"}, {"2026-11-01": "9.99"})
    assert (nonzero(months["USD"]), nonzero(months["EUR"])) == ({"2026-11": "120.5", "2026-10": "45"},
                                                                {"2026-11": "9.99"})


async def test_backlog_and_totals_now(cast: Cast, travel: Travel, db: AsyncSession) -> None:
    travel(NOW)
    await cast.admin()  # an organisation and a user
    organization = await new_organization(db)
    for status in (ListingStatus.PENDING_REVIEW, ListingStatus.PENDING_REVIEW, ListingStatus.PUBLISHED,
                   ListingStatus.DRAFT):
        await rows.listing(db, organization, TODAY, status)
    rfq_id = await rows.rfq(db, organization, TODAY, RfqStatus.OPEN)
    await rows.rfq(db, organization, TODAY, RfqStatus.PENDING_REVIEW)
    await rows.quote(db, rfq_id, organization, TODAY, QuoteStatus.PENDING_REVIEW)
    await rows.user(db, organization, TODAY)
    await db.commit()

    body = await stats(cast)

    assert body["backlog"] == {"listings": 2, "rfqs": 1, "quotes": 1}
    assert body["totals"] == {"published_listings": 1, "open_rfqs": 1, "organizations": 2, "users": 2}


async def test_only_platform_admins_get_the_figures(cast: Cast) -> None:
    owner = await cast.owner()

    refused = await owner.client.get(STATS)
    anonymous = await cast.anonymous.get(STATS)

    assert (refused.status_code, refused.json()["code"]) == (403, "admin_only")
    assert anonymous.status_code == 401
