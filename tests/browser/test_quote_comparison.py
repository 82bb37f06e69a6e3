"""The buyer's quote comparison in a real browser: totals that could not be converted are in a table of their own
that says why; the buyer's freight and insurance estimate re-ranks FOB against CIF; the supplier's message, the
validity and the quantity fit are on each row; a bad estimate is marked on its field."""

import re
from typing import Any

import pytest
from playwright.async_api import Locator, Page, expect

from tests.conftest import Actor, ActorFactory
from tests.support.browser import log_in
from tests.support.pages import open_rfq
from tests.support.rfqs import days_from_today

pytestmark = pytest.mark.browser



async def _quote(actor: Actor, rfq: dict[str, Any], **fields: Any) -> int:
    body = {"quantity": "1000", "unit": "kg", "valid_until": days_from_today(30).isoformat(), **fields}
    response = await actor.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=body)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _rows(page: Page, group: str) -> Locator:
    return page.locator(f'table[data-group="{group}"] tbody tr')


async def _order(page: Page, group: str) -> list[str | None]:
    rows = _rows(page, group)
    return [await rows.nth(index).get_attribute("data-quote") for index in range(await rows.count())]


async def test_the_buyer_compares_like_for_like(page: Page, make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer", admin=True)
    rfq = await open_rfq(buyer, quantity="1000", unit="kg", currency="USD", incoterm="CIF")
    fob_supplier, cif_supplier, eur_supplier = [await make_actor("supplier") for _ in range(3)]
    fob = await _quote(fob_supplier, rfq, unit_price="3.00", currency="USD", incoterm="FOB",
                       message="Shipped from Santos within three weeks.")
    cif = await _quote(cif_supplier, rfq, unit_price="3.40", currency="USD", incoterm="CIF", quantity="1200")
    eur = await _quote(eur_supplier, rfq, unit_price="1.50", currency="EUR", incoterm="CIF")
    await log_in(page, buyer)

    await page.goto(f"/rfqs/{rfq['id']}/comparison")

    assert await _order(page, "compared") == [str(fob), str(cif)]
    assert await _order(page, "no_rate:EUR") == [str(eur)]  # the cheapest, yet not ranked among the USD totals
    await expect(page.locator('table[data-group="no_rate:EUR"] caption')).to_contain_text(
        "no EUR to USD exchange rate is loaded")
    await expect(page.locator("p.sort")).to_contain_text("no exchange rate used")
    fob_row = page.locator(f'tr[data-quote="{fob}"]')
    await expect(fob_row).to_contain_text("3,000 USD")
    await expect(fob_row.locator(".validity")).to_contain_text(days_from_today(30).isoformat())
    await expect(page.locator(f'tr[data-quote="{cif}"] .quantity-fit')).to_contain_text(
        "more than the 1,000 asked")
    await fob_row.get_by_text("Supplier's message").click()
    await expect(fob_row).to_contain_text("Shipped from Santos within three weeks.")

    await page.get_by_label("Freight estimate (USD)").fill("500")
    await page.get_by_label("Insurance estimate (USD)").fill("50")
    await page.get_by_role("button", name="Compare").click()

    await expect(page).to_have_url(re.compile(r"freight=500"))
    assert await _order(page, "compared") == [str(cif), str(fob)]
    await expect(page.locator(f'tr[data-quote="{fob}"] .landed')).to_contain_text("3,550 USD")
    await expect(page.locator(f'tr[data-quote="{fob}"] .landed')).to_contain_text("+ freight and insurance")
    await expect(page.locator(f'tr[data-quote="{cif}"] .landed')).to_contain_text("3,400 USD")
    await page.get_by_role("link", name="lead time").click()  # the sort keeps the estimate
    await expect(page.get_by_label("Freight estimate (USD)")).to_have_value("500")
    await expect(page.locator(f'tr[data-quote="{fob}"] .landed')).to_contain_text("3,550 USD")

    await page.get_by_label("Freight estimate (USD)").fill("lots")
    await page.get_by_role("button", name="Compare").click()

    await expect(page.locator("#e-estimate-freight")).to_contain_text("valid decimal")
    await expect(page.get_by_label("Freight estimate (USD)")).to_have_value("lots")
    await expect(page.locator(".landed")).to_have_count(0)  # a bad estimate is not used
