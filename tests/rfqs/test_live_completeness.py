"""The completeness score of an RFQ form being filled in: scored by the same rule as a saved RFQ, from whatever the
fields hold so far (nothing unreadable breaks it), for signed-in people only; the form shows it from the start."""

import html
import re
from typing import Any

import httpx

from tests.support.rfqs import rfq_payload


def _said(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", response.text)).split())


async def test_the_score_follows_what_the_form_holds(make_actor: Any) -> None:
    buyer = await make_actor("buyer")
    empty = _said(await buyer.client.get("/my/rfqs/completeness"))
    assert empty.startswith("Completeness 0/100: add HS code, Quantity and unit, Target price")

    some = {"title": "Steel bolts", "hs_code": "7318.15", "quantity": "5000", "unit": "piece",
            "destination_country": "DE", "csrf_token": "ignored"}
    assert _said(await buyer.client.get("/my/rfqs/completeness", params=some)).startswith(
        "Completeness 50/100: add Target price, Incoterm, Certifications")

    full = {**some, "target_unit_price": "0.12", "incoterm": "FOB", "required_certifications": "ISO 9001",
            "description": "Hex bolts M8 x 40, DIN 933, grade 8.8, zinc plated, in cartons of 1,000 on pallets; "
                           "mill certificates with each lot, samples before the order."}
    assert _said(await buyer.client.get("/my/rfqs/completeness", params=full)) == (
        "Completeness 100/100: suppliers have every fact they need to quote.")


async def test_unreadable_fields_count_as_missing_and_never_fail(make_actor: Any) -> None:
    buyer = await make_actor("buyer")
    garbage = {"quantity": "lots", "unit": "bushel", "target_unit_price": "-3", "incoterm": "XYZ",
               "hs_code": "", "description": "x" * 50_000}
    said = _said(await buyer.client.get("/my/rfqs/completeness", params=garbage))
    assert said.startswith("Completeness 15/100")  # only the (long) description counts
    assert "Quantity and unit" in said and "Target price" in said and "Incoterm" in said


async def test_visitors_are_sent_to_log_in(client: httpx.AsyncClient) -> None:
    response = await client.get("/my/rfqs/completeness", params={"hs_code": "7318"})
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


async def test_a_form_scores_as_the_rfq_it_becomes(make_actor: Any) -> None:
    """One rule: the form's fields score what the RFQ saved from them scores."""
    buyer = await make_actor("buyer")
    payload = rfq_payload(hs_code="731815", incoterm="CIF", destination_country="DE", required_certifications=["CE"])
    saved = await buyer.client.post("/api/v1/rfqs", json=payload)
    assert saved.status_code == 201, saved.text
    form = {name: ", ".join(value) if isinstance(value, list) else str(value) for name, value in payload.items()}
    said = _said(await buyer.client.get("/my/rfqs/completeness", params=form))
    assert said.startswith(f"Completeness {saved.json()['completeness']['score']}/100")
