"""Prices in the viewer's currency: chosen in the footer (a cookie), each price stays as the supplier set it and the
amount at the dated reference rate follows it, marked indicative with the rate's date; nothing is invented where no
rate is known."""

from datetime import timedelta
from typing import Any

import httpx

from app.core.clock import today
from tests.search_api.conftest import published_listing
from tests.support.pages import EN_DASH, text_of


async def _catalogue(make_actor: Any) -> tuple[int, int]:
    admin = await make_actor("both", admin=True)
    rates = [{"base": "EUR", "quote": "USD", "rate": "1.25", "as_of": (today() - timedelta(days=2)).isoformat()},
             {"base": "EUR", "quote": "USD", "rate": "1.10", "as_of": (today() - timedelta(days=30)).isoformat()}]
    assert (await admin.client.post("/api/v1/admin/fx-rates", json={"rates": rates})).status_code == 201
    supplier = await make_actor("supplier")
    in_dollars = await published_listing(supplier, admin, title="Brass ball valve DN25", currency="USD", moq="100",
                                         price_tiers=[{"min_quantity": "100", "unit_price": "3.75"},
                                                      {"min_quantity": "1000", "unit_price": "2.50"}])
    in_euros = await published_listing(supplier, admin, title="Stainless gate valve DN50", price_min="40",
                                       currency="EUR")
    return in_dollars["id"], in_euros["id"]


async def test_a_chosen_currency_shows_beside_each_price(client: httpx.AsyncClient, make_actor: Any) -> None:
    dollars, euros = await _catalogue(make_actor)
    chosen = await client.get("/preferences/currency", params={"currency": "EUR", "next": f"/listings/{dollars}"})
    assert chosen.status_code == 303 and chosen.headers["location"] == f"/listings/{dollars}"

    page = text_of(await client.get(f"/listings/{dollars}"))
    # USD 2.50 / 1.25 = EUR 2.00 and 3.75 / 1.25 = EUR 3.00, at the latest rate (two days ago), not the older one
    rated = (today() - timedelta(days=2)).isoformat()
    assert (f'USD 2.5 {EN_DASH} 3.75<span class="indicative" title="Indicative: converted from USD at the reference '
            f'rate of {rated}">\u2248 EUR 2.00 {EN_DASH} 3.00</span>') in page
    assert (f'USD 3.75<span class="indicative" title="Indicative: converted from USD at the reference rate of '
            f'{rated}">\u2248 EUR 3.00</span></td>') in page  # the tier table too
    assert '<option value="EUR" selected>EUR</option>' in page
    euro_listing = text_of(await client.get(f"/listings/{euros}")).split('<section class="similar"')[0]
    assert "indicative" not in euro_listing  # already EUR (its similar products below may be priced in dollars)

    await client.get("/preferences/currency", params={"currency": "KRW"})  # no won rate is loaded
    assert "≈" not in text_of(await client.get(f"/listings/{dollars}"))
    await client.get("/preferences/currency", params={"currency": ""})  # back to the suppliers' currencies
    assert "≈" not in text_of(await client.get(f"/listings/{dollars}"))


async def test_the_choice_cannot_redirect_elsewhere_or_set_anything_else(client: httpx.AsyncClient) -> None:
    for target in ("//evil.example", "https://evil.example/", "/\\evil.example"):
        answer = await client.get("/preferences/currency", params={"currency": "EUR", "next": target})
        assert answer.headers["location"] == "/"
    odd = await client.get("/preferences/currency", params={"currency": "XBT"})
    assert "tl_currency" not in client.cookies or client.cookies["tl_currency"] != "XBT"
    assert odd.status_code == 303
