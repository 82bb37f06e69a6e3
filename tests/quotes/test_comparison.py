"""The buyer's side-by-side comparison: every active quote in one currency with exact Decimal arithmetic."""

import html
import re
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from tests.conftest import Actor
from tests.support.actors import Cast
from tests.support.problems import assert_invalid, assert_problem
from tests.support.quotes import close_all, open_rfq, submit, suppliers
from tests.support.rfqs import days_from_today
from tests.support.verifications import verified

RFQ = {"title": "Green arabica", "quantity": "1000", "unit": "kg", "currency": "USD",
       "required_certifications": ["Organic", "Fairtrade"]}


def rates() -> list[dict[str, str]]:
    yesterday, long_ago, tomorrow = (days_from_today(days).isoformat() for days in (-1, -10, 1))
    return [
        {"base": "EUR", "quote": "USD", "rate": "1.0825", "as_of": yesterday},
        {"base": "EUR", "quote": "USD", "rate": "1.5", "as_of": long_ago},  # superseded
        {"base": "EUR", "quote": "USD", "rate": "2", "as_of": tomorrow},  # not yet valid
        {"base": "USD", "quote": "CNY", "rate": "7.2345", "as_of": yesterday},
        {"base": "USD", "quote": "JPY", "rate": "151.37", "as_of": long_ago},
    ]


async def load_rates(cast: Cast) -> None:
    response = await (await cast.admin()).client.post("/api/v1/admin/fx-rates", json={"rates": rates()})
    assert response.status_code == 201, response.text


async def published_listing(cast: Cast, supplier: Actor, **fields: Any) -> int:
    listing = (await supplier.client.post("/api/v1/listings", json={"title": "Arabica", **fields})).json()
    await supplier.client.post(f"/api/v1/listings/{listing['id']}/submit")
    await (await cast.admin()).client.post(f"/api/v1/listings/{listing['id']}/publish")
    return int(listing["id"])


async def four_quotes(cast: Cast, app: FastAPI) -> tuple[dict[str, Any], list[Actor], list[dict[str, Any]]]:
    rfq = await open_rfq(cast, **RFQ)
    actors = await suppliers(app, 4)
    listing = await published_listing(cast, actors[0], moq="500", moq_unit="kg", certifications=["organic"])
    quotes = [
        await submit(actors[0].client, rfq, unit_price="3.15", currency="EUR", quantity="1000", unit="kg",
                     incoterm="FOB", lead_time_days=20, listing_id=listing),
        await submit(actors[1].client, rfq, unit_price="23.4", currency="CNY", quantity="1000", unit="kg",
                     incoterm="CIF", lead_time_days=45),
        await submit(actors[2].client, rfq, unit_price="512", currency="JPY", quantity="1200", unit="kg",
                     lead_time_days=10),
        await submit(actors[3].client, rfq, unit_price="2.9", currency="GBP", quantity="1000", unit="kg"),
    ]
    return rfq, actors, quotes


def prices(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["quote_currency"], row["unit_price"], row["rate"], row["unit_price_in_currency"],
            row["total_in_currency"], row["total_in_quote_currency"], row["flags"])


async def comparison(client: httpx.AsyncClient, rfq: dict[str, Any], query: str = "") -> dict[str, Any]:
    response = await client.get(f"/api/v1/rfqs/{rfq['id']}/comparison{query}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_quotes_in_eur_cny_and_jpy_are_compared_in_usd_exactly(cast: Cast, app: FastAPI) -> None:
    await load_rates(cast)
    rfq, actors, quotes = await four_quotes(cast, app)

    body = await comparison((await cast.owner()).client, rfq)

    assert (body["currency"], body["quantity"], body["unit"], body["sort"]) == ("USD", "1000", "kg", "total")
    assert body["rates_as_of"] == days_from_today(-10).isoformat()  # the oldest rate used: USD/JPY
    assert [(group["key"], group["quote_ids"]) for group in body["groups"]] == [
        ("compared", [quotes[1]["id"], quotes[2]["id"], quotes[0]["id"]]), ("no_rate:GBP", [quotes[3]["id"]])]
    assert [prices(row) for row in body["rows"]] == [
        ("CNY", "23.4", "0.1382265533", "3.2345", "3234.5", "23400", []),
        ("JPY", "512", "0.0066063289", "3.3824", "3382.44", "512000", []),
        ("EUR", "3.15", "1.0825", "3.4099", "3409.88", "3150", []),
        ("GBP", "2.9", None, None, None, "2900", ["no_rate"]),
    ]
    assert [row["quote_id"] for row in body["rows"]] == [quotes[1]["id"], quotes[2]["id"], quotes[0]["id"],
                                                         quotes[3]["id"]]
    await close_all(actors)


async def test_the_buyer_may_compare_in_another_currency(cast: Cast, app: FastAPI) -> None:
    await load_rates(cast)
    rfq, actors, _ = await four_quotes(cast, app)

    body = await comparison((await cast.owner()).client, rfq, "?currency=jpy")

    assert body["currency"] == "JPY"
    assert [prices(row) for row in body["rows"]] == [
        ("CNY", "23.4", "20.9233533762", "489.6065", "489606", "23400", []),
        ("JPY", "512", "1", "512", "512000", "512000", []),
        ("EUR", "3.15", "163.858025", "516.1528", "516153", "3150", []),
        ("GBP", "2.9", None, None, None, "2900", ["no_rate"]),
    ]
    await close_all(actors)


async def test_each_row_shows_terms_lead_time_moq_and_certifications(cast: Cast, app: FastAPI) -> None:
    rfq, actors, _ = await four_quotes(cast, app)

    rows = (await comparison((await cast.owner()).client, rfq, "?sort=lead_time"))["rows"]

    eur = next(row for row in rows if row["quote_currency"] == "EUR")
    assert eur["incoterm"] == {"code": "FOB", "main_freight_paid_by": "buyer", "insurance_paid_by": "buyer",
                               "import_duties_paid_by": "buyer",
                               "risk_passes": "when the goods are on board the vessel at the port of shipment"}
    assert (eur["ready_by"], eur["ready_by_valid_until"]) == (days_from_today(20).isoformat(), True)
    assert (eur["listing_moq"], eur["moq_fit"]) == ("500", True)
    assert (eur["certifications_met"], eur["certifications_missing"]) == (["Organic"], ["Fairtrade"])
    assert eur["supplier"] == {"id": actors[0].organization_id, "name": eur["supplier"]["name"], "country": "CN",
                               "verified": False, "verifications": [], "tier_badge": None}
    assert [(row["quote_currency"], row["lead_time_days"], row["ready_by_valid_until"]) for row in rows] == [
        ("JPY", 10, True), ("EUR", 20, True), ("CNY", 45, False), ("GBP", None, None)]
    cif = rows[2]["incoterm"]
    assert (cif["main_freight_paid_by"], cif["insurance_paid_by"]) == ("seller", "seller")
    assert rows[0]["moq_fit"] is None  # no listing linked
    await close_all(actors)


async def test_a_quote_in_a_unit_that_does_not_convert_gets_no_total(cast: Cast, supplier: Actor) -> None:
    rfq = await open_rfq(cast, **RFQ)
    await submit(supplier.client, rfq, unit_price="60", currency="USD", quantity="20", unit="bag")

    [row] = (await comparison((await cast.owner()).client, rfq))["rows"]

    assert prices(row) == ("USD", "60", "1", "60", None, None, ["unit_differs"])
    assert (row["group"], row["quantity_fit"]) == ("unit_differs", None)
    assert (await comparison((await cast.owner()).client, rfq))["groups"][0]["reason"] == (
        "Quoted in another unit than the kg asked: no total for 1,000 kg, so these are not ranked by price.")


async def test_a_price_per_metric_ton_is_compared_with_prices_per_kg(cast: Cast, supplier: Actor,
                                                                      rival: Actor) -> None:
    rfq = await open_rfq(cast, **RFQ)
    per_ton = await submit(supplier.client, rfq, unit_price="2950", currency="USD", quantity="1",
                           unit="metric_ton")
    per_kg = await submit(rival.client, rfq, unit_price="3", currency="USD", quantity="1000", unit="kg")

    rows = (await comparison((await cast.owner()).client, rfq))["rows"]

    assert [(row["quote_id"], row["group"], row["total_in_currency"], row["flags"], row["quantity_fit"])
            for row in rows] == [(per_ton["id"], "compared", "2950", ["unit_converted"], "as_asked"),
                                 (per_kg["id"], "compared", "3000", [], "as_asked")]


async def test_a_price_per_dozen_is_compared_with_prices_per_piece(cast: Cast, supplier: Actor) -> None:
    rfq = await open_rfq(cast, title="Ceramic mugs", quantity="100", unit="piece", currency="USD")
    await submit(supplier.client, rfq, unit_price="25", currency="USD", quantity="10", unit="dozen")

    [row] = (await comparison((await cast.owner()).client, rfq))["rows"]

    assert (row["total_in_currency"], row["quantity_fit"]) == ("208.33", "more_than_asked")  # 100 / 12 x 25


async def test_sorting_by_trust_puts_rated_and_verified_suppliers_first(cast: Cast, app: FastAPI) -> None:
    rfq, actors, quotes = await four_quotes(cast, app)
    await verified(actors[3].client, (await cast.admin()).client)

    body = await comparison((await cast.owner()).client, rfq, "?sort=trust")
    rows = body["rows"]

    assert [(row["quote_id"], row["trust_score"], row["supplier"]["verified"]) for row in rows] == [
        (quotes[3]["id"], "4", True), (quotes[0]["id"], "3", False), (quotes[1]["id"], "3", False),
        (quotes[2]["id"], "3", False)]
    assert [badge["kind"] for badge in rows[0]["supplier"]["verifications"]] == ["business_licence"]
    assert [group["key"] for group in body["groups"]] == ["all"]  # no amounts ranked: one list, any currency
    page = (await (await cast.owner()).client.get(f"/rfqs/{rfq['id']}/comparison")).text
    assert re.search(r'<span class="badge verified" tabindex="0" data-facts="Checked by the platform: [^"]+, valid '
                     r'until [-0-9]+">✓ Business licence<span class="visually-hidden">', page)
    await close_all(actors)


async def test_withdrawn_quotes_are_not_compared(cast: Cast, supplier: Actor, rival: Actor) -> None:
    rfq = await open_rfq(cast, **RFQ)
    kept = await submit(rival.client, rfq, unit_price="3", currency="USD", unit="kg")
    gone = await submit(supplier.client, rfq, unit_price="2", currency="USD", unit="kg")
    await supplier.client.post(f"/api/v1/quotes/{gone['id']}/withdraw")

    rows = (await comparison((await cast.owner()).client, rfq))["rows"]

    assert [row["quote_id"] for row in rows] == [kept["id"]]


@pytest.mark.parametrize(("role", "status", "code"), [
    ("anonymous", 401, "not_authenticated"),
    ("supplier", 403, "not_a_member"),
    ("stranger", 403, "not_a_member"),
])
async def test_only_the_buyer_and_admins_compare(cast: Cast, supplier: Actor, role: str, status: int,
                                                 code: str) -> None:
    rfq = await open_rfq(cast, **RFQ)
    await submit(supplier.client, rfq)
    client = supplier.client if role == "supplier" else await cast.client(role)

    assert_problem(await client.get(f"/api/v1/rfqs/{rfq['id']}/comparison"), status, code)
    assert len((await comparison((await cast.admin()).client, rfq))["rows"]) == 1
    assert len((await comparison((await cast.member()).client, rfq))["rows"]) == 1


async def test_bad_comparison_parameters_are_422(cast: Cast) -> None:
    rfq = await open_rfq(cast, **RFQ)
    client = (await cast.owner()).client

    assert_invalid(await client.get(f"/api/v1/rfqs/{rfq['id']}/comparison?currency=ZZZ&sort=cheapest"),
                   currency="value_error", sort="enum")


async def test_the_comparison_reads_in_chinese_and_spanish_and_the_api_stays_english(cast: Cast,
                                                                                     supplier: Actor) -> None:
    rfq = await open_rfq(cast, title="Ceramic mugs", quantity="100", unit="piece", currency="USD")
    await submit(supplier.client, rfq, unit_price="2.5", currency="USD", quantity="100", unit="piece",
                 incoterm="FOB")
    buyer = (await cast.owner()).client
    pages = {}
    for language in ("zh_Hans", "es"):
        buyer.cookies.set("tl_language", language)
        pages[language] = html.unescape((await buyer.get(f"/rfqs/{rfq['id']}/comparison")).text)
    buyer.cookies.delete("tl_language")

    assert "<th>供应商</th><th>单价</th>" in pages["zh_Hans"] and "与所询一致" in pages["zh_Hans"]
    assert "（USD），相互排序。" in pages["zh_Hans"] and "运费：买方" in pages["zh_Hans"]  # noqa: RUF001 (Chinese punctuation)
    assert "Totales para 100 pieza en USD, ordenados entre sí." in pages["es"]
    assert "<th>Proveedor</th><th>Precio unitario</th>" in pages["es"] and "Ordenar por:" in pages["es"]
    [group] = (await comparison(buyer, rfq))["groups"]
    assert group["reason"] == "Totals for 100 piece in USD, ranked against each other."
