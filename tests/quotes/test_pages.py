"""The trading floor in the browser: quote form, revise and withdraw, the buyer's comparison, award and rating."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Actor
from tests.support.actors import Cast
from tests.support.membership import put_on_tier
from tests.support.pages import csrf_token, submit_form, text_of
from tests.support.quotes import open_rfq, submit

QUOTE_FORM = {"unit_price": "3150.5", "currency": "EUR", "quantity": "20", "unit": "metric_ton",
              "incoterm": "FOB", "lead_time_days": "21", "sample_offer": "free", "message": "Screen 17"}


def rfq_url(rfq: dict[str, Any]) -> str:
    return f"/rfqs/{rfq['id']}"


async def test_a_supplier_quotes_revises_and_withdraws_from_the_rfq_page(cast: Cast, supplier: Actor) -> None:
    rfq = await open_rfq(cast)
    page = text_of(await supplier.client.get(rfq_url(rfq)))
    assert '<h2 id="completeness">Completeness <span class="score">15/100</span></h2>' in page
    assert "HS code: +20" in page
    assert "Send quote" in page

    sent = await submit_form(supplier.client, rfq_url(rfq), f"/rfqs/{rfq['id']}/quotes", QUOTE_FORM)
    assert (sent.status_code, sent.headers["location"]) == (303, rfq_url(rfq))
    [quote] = (await supplier.client.get(f"/api/v1/rfqs/{rfq['id']}/quotes")).json()
    assert (quote["unit_price"], quote["sample_offer"], quote["message"]) == ("3150.5", "free", "Screen 17")

    revised = await submit_form(supplier.client, rfq_url(rfq), f"/quotes/{quote['id']}/revise",
                                {**QUOTE_FORM, "unit_price": "3099"})
    assert revised.status_code == 303
    page = text_of(await supplier.client.get(rfq_url(rfq)))
    assert "3,099 EUR per metric ton, revision 1" in page
    assert "before unit price 3150.5" in " ".join(page.split())

    withdrawn = await submit_form(supplier.client, rfq_url(rfq), f"/quotes/{quote['id']}/withdraw", {})
    assert withdrawn.status_code == 303
    page = text_of(await supplier.client.get(rfq_url(rfq)))
    assert "Send quote" in page and "withdrawn" in page


async def test_a_refused_quote_shows_the_reason_and_keeps_the_values(cast: Cast, supplier: Actor,
                                                                     rival: Actor) -> None:
    rfq = await open_rfq(cast, max_quotes=1)

    invalid = await submit_form(supplier.client, rfq_url(rfq), f"/rfqs/{rfq['id']}/quotes",
                                {**QUOTE_FORM, "unit_price": "-3"})
    assert invalid.status_code == 422
    assert "Some fields are not valid" in text_of(invalid)
    assert 'value="-3"' in invalid.text

    await submit(rival.client, rfq)
    full = await submit_form(supplier.client, rfq_url(rfq), f"/rfqs/{rfq['id']}/quotes", QUOTE_FORM)
    assert full.status_code == 409
    assert "This RFQ already has the 1 quotes it accepts" in text_of(full)
    page = text_of(await supplier.client.get(rfq_url(rfq)))
    assert "This RFQ already has the 1 quotes it accepts" in page and "Send quote" not in page


async def test_forms_without_the_csrf_token_are_refused(cast: Cast, supplier: Actor) -> None:
    rfq = await open_rfq(cast)
    await supplier.client.get(rfq_url(rfq))

    response = await supplier.client.post(f"/rfqs/{rfq['id']}/quotes", data=QUOTE_FORM)

    assert response.status_code == 403
    assert (await supplier.client.get(f"/api/v1/rfqs/{rfq['id']}/quotes")).json() == []


async def test_the_buyer_compares_awards_and_rates_on_the_page(cast: Cast, supplier: Actor, rival: Actor) -> None:
    rfq = await open_rfq(cast)
    cheap = await submit(supplier.client, rfq, unit_price="2900", currency="USD")
    dear = await submit(rival.client, rfq, unit_price="3300", currency="USD")
    owner = await cast.owner()

    page = await owner.client.get(rfq_url(rfq))
    text = text_of(page)
    assert text.index("2,900 USD") < text.index("3,300 USD")
    assert "58,000 USD" in text  # 2900 x 20 metric tons
    assert f'href="/rfqs/{rfq["id"]}/comparison?sort=lead_time&amp;currency=USD"' in page.text

    awarded = await owner.client.post(f"/rfqs/{rfq['id']}/award",
                                      data={"quote_id": str(cheap["id"]), "csrf_token": csrf_token(page.text)})
    assert awarded.status_code == 303
    statuses = {q["id"]: q["status"] for q in (await owner.client.get(f"/api/v1/rfqs/{rfq['id']}/quotes")).json()}
    assert statuses == {cheap["id"]: "awarded", dear["id"]: "declined"}

    rated = await submit_form(owner.client, rfq_url(rfq), f"/quotes/{dear['id']}/rating",
                              {"score": "2", "comment": "Too dear"})
    assert rated.status_code == 303
    again = await submit_form(owner.client, rfq_url(rfq), f"/quotes/{dear['id']}/rating", {"score": "5"})
    assert again.status_code == 409 and "This quote has already been rated" in text_of(again)
    assert "2/5" in text_of(await owner.client.get(rfq_url(rfq)))


async def test_the_comparison_page_is_the_buyers(cast: Cast, supplier: Actor) -> None:
    rfq = await open_rfq(cast)
    await submit(supplier.client, rfq, unit_price="2900", currency="USD")

    page = await (await cast.owner()).client.get(f"/rfqs/{rfq['id']}/comparison?sort=trust&currency=nonsense")
    refused = await supplier.client.get(f"/rfqs/{rfq['id']}/comparison")

    assert page.status_code == 200
    assert "58,000 USD" in text_of(page)
    assert refused.status_code == 403 and "Only members of the buyer may do this" in text_of(refused)


async def test_contact_details_on_the_page_follow_the_plan(cast: Cast, supplier: Actor, rival: Actor,
                                                           db: AsyncSession) -> None:
    rfq = await open_rfq(cast)
    await put_on_tier(db, rival.organization_id, "gold")
    await db.commit()
    owner = await cast.owner()

    assert owner.email in text_of(await rival.client.get(rfq_url(rfq)))
    assert owner.email not in text_of(await supplier.client.get(rfq_url(rfq)))


async def test_my_rfqs_shows_completeness(cast: Cast) -> None:
    await open_rfq(cast, hs_code="090111")

    page = text_of(await (await cast.owner()).client.get("/my/rfqs"))

    assert "35/100" in page
    assert "add Target price, Incoterm, Destination, Certifications" in page
    assert "HS code (+20)" in page
