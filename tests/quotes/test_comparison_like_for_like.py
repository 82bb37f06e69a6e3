"""The comparison ranks only like against like: unconverted totals are grouped apart by currency (and say why),
the rates' own day is shown, the buyer's freight/insurance estimate puts quotes on different Incoterms on one
footing, and each row shows the supplier's message, the quote's validity and how its quantity fits."""

import re
from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from sqlalchemy import update

from app.core.clock import today
from app.models import Quote
from tests.support.actors import Cast
from tests.support.pages import text_of
from tests.support.problems import assert_invalid
from tests.support.quotes import close_all, open_rfq, submit, suppliers
from tests.support.rfqs import days_from_today

RFQ = {"title": "Green arabica", "quantity": "1000", "unit": "kg", "currency": "USD"}


async def _comparison(cast: Cast, rfq: dict[str, Any], query: str = "") -> dict[str, Any]:
    response = await (await cast.owner()).client.get(f"/api/v1/rfqs/{rfq['id']}/comparison{query}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _groups(body: dict[str, Any]) -> list[tuple[str, str | None, list[int]]]:
    return [(group["key"], group["currency"], group["quote_ids"]) for group in body["groups"]]


async def test_without_rates_each_currency_is_ranked_apart_and_says_why(cast: Cast, app: FastAPI) -> None:
    rfq = await open_rfq(cast, **RFQ)
    actors = await suppliers(app, 5)
    terms = [("3.0", "USD"), ("2.5", "EUR"), ("2.0", "EUR"), ("2.8", "USD"), ("400", "JPY")]
    quotes = [await submit(actor.client, rfq, unit_price=price, currency=currency, quantity="1000", unit="kg")
              for actor, (price, currency) in zip(actors, terms, strict=True)]
    ids = [quote["id"] for quote in quotes]

    body = await _comparison(cast, rfq)

    assert _groups(body) == [("compared", "USD", [ids[3], ids[0]]), ("no_rate:EUR", "EUR", [ids[2], ids[1]]),
                             ("no_rate:JPY", "JPY", [ids[4]])]
    assert [row["quote_id"] for row in body["rows"]] == [ids[3], ids[0], ids[2], ids[1], ids[4]]
    assert body["groups"][0]["reason"] == "Totals for 1,000 kg in USD, ranked against each other."
    assert body["groups"][1]["reason"] == (
        f"In EUR: no EUR to USD exchange rate is loaded on or before {today().isoformat()}, so these totals are "
        "not converted and are ranked only among themselves.")
    assert body["rates_as_of"] is None  # no stored rate was used: not today's date
    await close_all(actors)


async def test_rates_as_of_is_the_day_of_the_rates_used(cast: Cast, app: FastAPI) -> None:
    rates = [{"base": "EUR", "quote": "USD", "rate": "1.1", "as_of": days_from_today(-3).isoformat()},
             {"base": "USD", "quote": "JPY", "rate": "150", "as_of": days_from_today(-1).isoformat()}]
    assert (await (await cast.admin()).client.post("/api/v1/admin/fx-rates", json={"rates": rates})
            ).status_code == 201
    rfq = await open_rfq(cast, **RFQ)
    actors = await suppliers(app, 2)
    eur = await submit(actors[0].client, rfq, unit_price="2", currency="EUR", quantity="1000", unit="kg")
    jpy = await submit(actors[1].client, rfq, unit_price="300", currency="JPY", quantity="1000", unit="kg")

    body = await _comparison(cast, rfq)

    assert _groups(body) == [("compared", "USD", [jpy["id"], eur["id"]])]
    assert [(row["total_in_currency"], row["rate_as_of"]) for row in body["rows"]] == [
        ("2000", days_from_today(-1).isoformat()), ("2200", days_from_today(-3).isoformat())]
    assert (body["rates_as_of"], body["rates_age_days"]) == (days_from_today(-3).isoformat(), 3)
    await close_all(actors)


async def test_the_buyers_freight_and_insurance_estimate_ranks_fob_against_cif(cast: Cast, app: FastAPI) -> None:
    rfq = await open_rfq(cast, **RFQ)
    actors = await suppliers(app, 4)
    terms = [("3.00", "FOB"), ("3.40", "CIF"), ("3.30", "CFR"), ("2.00", None)]
    quotes = [await submit(actor.client, rfq, unit_price=price, currency="USD", quantity="1000", unit="kg",
                           **({"incoterm": incoterm} if incoterm else {}))
              for actor, (price, incoterm) in zip(actors, terms, strict=True)]
    fob, cif, cfr, bare = (quote["id"] for quote in quotes)

    plain = await _comparison(cast, rfq)
    landed = await _comparison(cast, rfq, "?freight=500&insurance=50.5")

    assert _groups(plain) == [("compared", "USD", [bare, fob, cfr, cif])]
    assert (landed["freight_estimate"], landed["insurance_estimate"]) == ("500", "50.5")
    assert _groups(landed) == [("compared", "USD", [cfr, cif, fob]), ("no_incoterm", "USD", [bare])]
    assert [(row["quote_id"], row["buyer_adds"], row["landed_total"]) for row in landed["rows"]] == [
        (cfr, ["insurance"], "3350.5"), (cif, [], "3400"), (fob, ["freight", "insurance"], "3550.5"),
        (bare, [], None)]
    assert landed["rows"][3]["flags"] == ["no_incoterm"]
    await close_all(actors)


async def test_a_bad_estimate_is_422(cast: Cast) -> None:
    rfq = await open_rfq(cast, **RFQ)
    client = (await cast.owner()).client

    assert_invalid(await client.get(f"/api/v1/rfqs/{rfq['id']}/comparison?freight=-1&insurance=lots"),
                   freight="greater_than_equal", insurance="decimal_parsing")


async def test_each_row_has_the_message_validity_and_quantity_fit(cast: Cast, app: FastAPI) -> None:
    rfq = await open_rfq(cast, **RFQ)
    actors = await suppliers(app, 3)
    short = await submit(actors[0].client, rfq, unit_price="3", currency="USD", quantity="800", unit="kg",
                         message="Our harvest covers 800 kg this season.",
                         valid_until=days_from_today(5).isoformat())
    more = await submit(actors[1].client, rfq, unit_price="3.1", currency="USD", quantity="1200", unit="kg",
                        valid_until=days_from_today(5).isoformat())
    stale = await submit(actors[2].client, rfq, unit_price="3.2", currency="USD", quantity="1000", unit="kg",
                         valid_until=days_from_today(5).isoformat())
    async with app.state.sessionmaker() as session:  # its validity ran out since it was sent
        await session.execute(update(Quote).where(Quote.id == stale["id"])
                              .values(valid_until=today() - timedelta(days=1)))
        await session.commit()

    rows = {row["quote_id"]: row for row in (await _comparison(cast, rfq))["rows"]}

    assert [(rows[quote["id"]]["quantity_fit"], rows[quote["id"]]["expired"], rows[quote["id"]]["flags"])
            for quote in (short, more, stale)] == [
        ("less_than_asked", False, []), ("more_than_asked", False, []), ("as_asked", True, ["expired"])]
    assert rows[short["id"]]["message"] == "Our harvest covers 800 kg this season."
    assert rows[stale["id"]]["valid_until"] == days_from_today(-1).isoformat()
    await close_all(actors)


async def test_the_page_says_the_rates_day_and_when_they_are_old(cast: Cast, app: FastAPI) -> None:
    old = days_from_today(-30).isoformat()
    rates = [{"base": "EUR", "quote": "USD", "rate": "1.1", "as_of": old}]
    assert (await (await cast.admin()).client.post("/api/v1/admin/fx-rates", json={"rates": rates})
            ).status_code == 201
    rfq = await open_rfq(cast, **RFQ)
    [actor] = await suppliers(app, 1)
    await submit(actor.client, rfq, unit_price="2", currency="EUR", quantity="1000", unit="kg")

    page = text_of(await (await cast.owner()).client.get(f"/rfqs/{rfq['id']}/comparison"))

    assert f"exchange rates of {old}" in page and "(30 days old: check them before you decide)" in page
    assert "2,200 USD" in page
    await close_all([actor])


async def test_a_bad_currency_on_the_page_is_marked_on_its_field(cast: Cast, app: FastAPI) -> None:
    rfq = await open_rfq(cast, **RFQ)
    [actor] = await suppliers(app, 1)
    await submit(actor.client, rfq, unit_price="2", currency="USD", quantity="1000", unit="kg")

    page = text_of(await (await cast.owner()).client.get(f"/rfqs/{rfq['id']}/comparison?currency=ZZZ"))

    assert ('<p class="field-error" id="e-estimate-currency">Must be an ISO 4217 currency code, such as USD or EUR; '
            "shown in USD</p>") in page
    assert re.search(r'<input id="f-estimate-currency" name="currency"[^>]*value="ZZZ"', page)  # kept as typed
    assert "2,000 USD" in page
    await close_all([actor])
