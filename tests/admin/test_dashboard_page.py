"""The /admin dashboard page: tiles of totals and backlog, a chart per series (SVG with its summary as accessible
name) with its figures in a table, the day/month switch; refused to everyone but platform admins."""

import re
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.models.enums import ListingStatus
from tests.admin import rows
from tests.http.test_valid_html import parse_errors
from tests.support.actors import Cast
from tests.support.clock import Travel
from tests.support.membership import new_organization
from tests.support.pages import text_of

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
PAGE = "/admin"


def tile(page: str, key: str) -> str:
    match = re.search(rf'data-tile="{key}">(.*?)</li>', page, re.S)
    assert match, key
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()


async def some_activity(db: AsyncSession) -> None:
    organization = await new_organization(db)
    for status in (ListingStatus.PENDING_REVIEW, ListingStatus.PUBLISHED, ListingStatus.PUBLISHED):
        await rows.listing(db, organization, NOW, status)
    await rows.listing(db, organization, datetime(2026, 10, 3, tzinfo=UTC))
    await rows.invoice(db, organization, 1, "100.5", "USD", NOW)
    await db.commit()


async def test_an_admin_sees_tiles_charts_and_figures(cast: Cast, travel: Travel, db: AsyncSession) -> None:
    travel(NOW)
    await some_activity(db)

    response = await (await cast.admin()).client.get(PAGE)

    assert response.status_code == 200
    assert parse_errors(response.text) == []
    page = text_of(response)
    assert tile(page, "published_listings") == "2 Published listings"
    assert tile(page, "organizations") == "2 Organisations"
    assert tile(page, "backlog").startswith("Waiting for review Listings 1 RFQs 0 Quotes held 0")
    assert '<a href="/admin/moderation">' in page
    assert ('<svg class="chart" viewBox="0 0 600 200" role="img" aria-label="New listings per day, last 30 days: '
            '3 in all, most on 2026-11-30 (3)"') in page
    assert 'aria-label="Revenue (USD) per day, last 30 days: 100.50 in all, most on 2026-11-30 (100.50)"' in page
    assert page.count("<summary>Figures</summary>") == 6  # five counts and one currency
    assert "<tr><td>2026-11-30</td><td>3</td></tr>" in page and "<tr><td>2026-11-30</td><td>100.50</td></tr>" in page
    assert '<strong aria-current="page">Per day (last 30 days)</strong>' in page
    assert '<a href="/admin?period=month">' in page


async def test_per_month_the_last_twelve_months(cast: Cast, travel: Travel, db: AsyncSession) -> None:
    travel(NOW)
    await some_activity(db)

    page = text_of(await (await cast.admin()).client.get(PAGE, params={"period": "month"}))

    assert 'aria-label="New listings per month, last 12 months: 4 in all, most on 2026-11 (3)"' in page
    assert "<tr><td>2026-10</td><td>1</td></tr>" in page and "<tr><td>2025-12</td><td>0</td></tr>" in page
    assert '<strong aria-current="page">Per month (last 12 months)</strong>' in page


async def test_without_paid_invoices_there_is_no_revenue_chart(cast: Cast) -> None:
    page = text_of(await (await cast.admin()).client.get(PAGE))

    assert "Revenue (" not in page and "No invoice was paid in this period" in page
    assert page.count("<summary>Figures</summary>") == 5


async def test_non_admins_are_refused_and_visitors_sent_to_log_in(cast: Cast) -> None:
    owner = await cast.owner()

    refused = await owner.client.get(PAGE)
    anonymous = await cast.anonymous.get(PAGE)

    assert refused.status_code == 403 and "New listings" not in refused.text
    assert (anonymous.status_code, anonymous.headers["location"]) == (303, "/login?next=%2Fadmin")


async def test_the_dashboard_reads_in_chinese_and_spanish(cast: Cast, travel: Travel, db: AsyncSession) -> None:
    travel(NOW)
    await some_activity(db)
    admin = await cast.admin()
    pages = {}
    for language in ("zh_Hans", "es"):
        admin.client.cookies.set("tl_language", language)
        pages[language] = text_of(await admin.client.get(PAGE))
    admin.client.cookies.delete("tl_language")

    assert "<h1>仪表盘</h1>" in pages["zh_Hans"] and "等待审核" in pages["zh_Hans"]
    assert "<h3>新商品（按日，近 30 天）</h3>" in pages["zh_Hans"]  # noqa: RUF001 (Chinese punctuation)
    assert "<h3>收入（USD）（按日，近 30 天）</h3>" in pages["zh_Hans"]  # noqa: RUF001
    assert "<h1>Panel</h1>" in pages["es"] and "<h3>Anuncios nuevos por día, últimos 30 días</h3>" in pages["es"]
    assert "<summary>Cifras</summary>" in pages["es"] and "Abrir la cola de moderación" in pages["es"]


async def test_the_organisations_list_reads_in_chinese(cast: Cast) -> None:
    admin = await cast.admin()
    admin.client.cookies.set("tl_language", "zh_Hans")
    page = text_of(await admin.client.get("/admin/organizations", params={"q": "zzz-nothing"}))
    listed = text_of(await admin.client.get("/admin/organizations"))
    admin.client.cookies.delete("tl_language")
    assert "<h1>组织</h1>" in page and "没有与“zzz-nothing”匹配的组织。" in page
    assert "个组织" in listed and '<span class="badge status-published">正常</span>' in listed
