"""Helpers for page tests: what a browser does with forms (CSRF token), and trade objects made through the API."""

import html
import re
from typing import Any

import httpx

from tests.conftest import Actor

EN_DASH = "\u2013"  # between the two ends of a price range
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')
PASSWORD = "correct horse battery"

T_SHIRT = {
    "title": "Organic cotton T-shirts", "description": "180 gsm, combed cotton.", "hs_code": "6109.10",
    "moq": "500", "moq_unit": "piece", "price_min": "2.5", "price_max": "3.2", "currency": "USD",
    "incoterm": "FOB", "port_of_loading": "Ningbo", "lead_time_days": 30, "country_of_origin": "CN",
    "certifications": ["GOTS"], "keywords": ["t-shirt", "cotton"], "specs": {"Weight": "180 gsm"},
}
COFFEE_RFQ = {
    "title": "Green arabica coffee beans", "description": "Washed, screen 16+.", "hs_code": "090111",
    "quantity": "1000", "unit": "kg", "target_unit_price": "4.75", "currency": "EUR", "incoterm": "CIF",
    "destination_country": "DE", "destination_port": "Hamburg", "valid_until": "2099-12-31",
}


def csrf_token(page: str) -> str:
    match = CSRF_INPUT.search(page)
    assert match, "the page has no CSRF field"
    return match.group(1)


def text_of(response: httpx.Response) -> str:
    """The page's text with entities decoded, so assertions read like what a person sees."""
    return html.unescape(response.text)


async def submit_form(client: httpx.AsyncClient, page_url: str, action: str, data: dict[str, str]) -> httpx.Response:
    """Opens the page holding the form (which sets the CSRF cookie), then posts the form with its token."""
    page = await client.get(page_url)
    assert page.status_code == 200, page.text
    return await client.post(action, data={**data, "csrf_token": csrf_token(page.text)})


async def sign_up(client: httpx.AsyncClient, role: str = "supplier", **fields: str) -> httpx.Response:
    data = {"email": f"{role}@example.com", "password": PASSWORD, "name": "Mei Lin",
            "organization_name": f"Lin {role.title()} Trading", "organization_role": role, "country": "CN", **fields}
    return await submit_form(client, "/register", "/register", data)


async def _created_then(admin: Actor, collection: str, body: dict[str, Any], steps: tuple[str, ...]) -> dict[str, Any]:
    """Creates an object through the API, then takes it through the lifecycle steps (as a platform admin)."""
    response = await admin.client.post(f"/api/v1/{collection}", json=body)
    assert response.status_code == 201, response.text
    object_id = response.json()["id"]
    for step in steps:
        response = await admin.client.post(f"/api/v1/{collection}/{object_id}/{step}")
        assert response.status_code == 200, response.text
    return dict(response.json())


async def published_listing(admin_supplier: Actor, **changes: Any) -> dict[str, Any]:
    return await _created_then(admin_supplier, "listings", {**T_SHIRT, **changes}, ("submit", "publish"))


async def open_rfq(admin_buyer: Actor, **changes: Any) -> dict[str, Any]:
    return await _created_then(admin_buyer, "rfqs", {**COFFEE_RFQ, **changes}, ("submit", "approve"))
