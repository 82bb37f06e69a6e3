"""Price tiers on the pages: the "New listing" form's tier rows, and the "Price by quantity" table of a listing."""

import re
from decimal import Decimal

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Listing
from tests.support.pages import EN_DASH, sign_up, submit_form, text_of

FORM = {"title": "Bamboo cutting boards", "moq": "200", "moq_unit": "piece", "currency": "usd"}


async def _stored(db: AsyncSession) -> list[Listing]:
    return list(await db.scalars(select(Listing)))


async def test_form_with_two_tier_rows_creates_the_listing_with_those_tiers(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")

    created = await submit_form(client, "/my/listings", "/my/listings", {
        **FORM, "tier_min_1": "1000", "tier_price_1": "3.10", "tier_min_3": "200", "tier_price_3": "3.40"})

    assert created.status_code == 303, text_of(created)
    [listing] = await _stored(db)
    assert listing.price_tiers == [{"min_quantity": "200", "unit_price": "3.4"},
                                   {"min_quantity": "1000", "unit_price": "3.1"}]
    assert (listing.price_min, listing.price_max, listing.currency) == (Decimal("3.1"), Decimal("3.4"), "USD")


async def test_listing_page_shows_the_price_by_quantity_table(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    await submit_form(client, "/my/listings", "/my/listings", {
        **FORM, "moq": "100", "tier_min_1": "100", "tier_price_1": "3.40", "tier_min_2": "500", "tier_price_2": "3.1",
        "tier_min_3": "2000", "tier_price_3": "2.80"})
    [listing] = await _stored(db)

    page = text_of(await client.get(f"/listings/{listing.id}"))

    section = re.search(r'<section class="panel" id="price-tiers".*?</section>', page, re.S)
    assert section, "no price table"
    assert '<h2 id="price-tiers-title">Price by quantity</h2>' in section[0]
    assert re.findall(r"<td>(.*?)</td>", section[0]) == [
        f"100 {EN_DASH} 499 piece", "USD 3.4",
        f"500 {EN_DASH} 1,999 piece", "USD 3.1",
        "2,000 piece or more", "USD 2.8"]
    assert "price on request" not in section[0]


async def test_orders_between_the_moq_and_the_first_tier_are_priced_on_request(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    await submit_form(client, "/my/listings", "/my/listings", {
        **FORM, "moq": "10", "tier_min_1": "12.5", "tier_price_1": "3", "tier_min_2": "25", "tier_price_2": "2.5"})
    [listing] = await _stored(db)

    page = text_of(await client.get(f"/listings/{listing.id}"))

    assert "<td>12.5 to under 25 piece</td>" in page and "<td>25 piece or more</td>" in page
    assert "From the minimum order of 10 piece up to the first tier: price on request." in page


async def test_a_listing_without_tiers_has_no_table(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    await submit_form(client, "/my/listings", "/my/listings", FORM)
    [listing] = await _stored(db)

    assert "Price by quantity" not in (await client.get(f"/listings/{listing.id}")).text


async def test_tier_errors_are_shown_beside_the_tier_fields_and_nothing_is_stored(
        client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")

    response = await submit_form(client, "/my/listings", "/my/listings", {
        **FORM, "tier_min_2": "500", "tier_min_3": "800", "tier_price_3": "-1"})

    assert response.status_code == 422
    assert '<p class="field-error" id="e-tier_price_2">Field required</p>' in response.text
    assert '<p class="field-error" id="e-tier_price_3">Input should be greater than 0</p>' in response.text
    assert 'value="800"' in response.text and 'value="-1"' in response.text
    assert await _stored(db) == []


async def test_a_rule_over_the_tiers_is_shown_beside_them(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")

    response = await submit_form(client, "/my/listings", "/my/listings", {
        **FORM, "tier_min_1": "100", "tier_price_1": "3"})

    assert response.status_code == 422
    assert ('<p class="field-error" id="e-price_tiers">the first price tier must not start below the minimum order '
            'quantity</p>') in response.text
    assert await _stored(db) == []
