"""The OpenAPI document states the contract the API keeps: how to authenticate and where it is needed, that every
refusal is problem+json, and the form of country, currency and HS code fields; and the API answers that way."""

import re
from typing import Any

import httpx
import pytest

from tests.conftest import ActorFactory

METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture
async def document(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    return dict(response.json())


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method.upper(), path, operation) for path, item in document["paths"].items()
            for method, operation in item.items() if method in METHODS]


def test_both_ways_to_authenticate_are_declared_and_used(document: dict[str, Any]) -> None:
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearerToken"] == {**schemes["bearerToken"], "type": "http", "scheme": "bearer"}
    assert (schemes["sessionCookie"]["in"], schemes["sessionCookie"]["name"]) == ("cookie", "tl_session")
    paths = document["paths"]
    assert paths["/api/v1/listings"]["post"]["security"] == [{"bearerToken": []}, {"sessionCookie": []}]
    assert {} in paths["/api/v1/listings/{listing_id}"]["get"]["security"]  # anonymous may read
    assert "security" not in paths["/api/v1/auth/register"]["post"]


def test_every_operation_declares_its_refusals_as_problem_json(document: dict[str, Any]) -> None:
    operations = _operations(document)
    assert len(operations) > 50
    undeclared = [f"{method} {path}" for method, path, operation in operations
                  if not {"4XX", "422"} <= set(operation["responses"])
                  or "application/problem+json" not in operation["responses"]["422"]["content"]]
    assert undeclared == []
    assert document["components"]["schemas"]["Problem"]["required"] == ["type", "title", "status", "detail", "code"]


def test_code_fields_say_their_form(document: dict[str, Any]) -> None:
    fields = document["components"]["schemas"]["ListingCreate"]["properties"]
    country = next(option for option in fields["country_of_origin"]["anyOf"] if option.get("type") == "string")
    currency = next(option for option in fields["currency"]["anyOf"] if option.get("type") == "string")
    hs_code = next(option for option in fields["hs_code"]["anyOf"] if option.get("type") == "string")
    assert re.fullmatch(country["pattern"], "DE") and not re.fullmatch(country["pattern"], "DEU")
    assert re.fullmatch(currency["pattern"], "usd") and not re.fullmatch(currency["pattern"], "US")
    assert all(re.fullmatch(hs_code["pattern"], code) for code in ("8517", "851762", "8517.62", "8517 62"))
    assert not re.fullmatch(hs_code["pattern"], "85")


async def test_refusals_are_what_the_document_says(client: httpx.AsyncClient, make_actor: ActorFactory,
                                                  document: dict[str, Any]) -> None:
    required = document["components"]["schemas"]["Problem"]["required"]
    supplier = await make_actor("supplier")
    refusals = [await client.post("/api/v1/listings", json={}), await client.get("/api/v1/listings/424242"),
                await supplier.client.post("/api/v1/listings", json={"title": "x"}),
                await supplier.client.post("/api/v1/billing/invoices/1/void"),
                await client.put("/api/v1/auth/login", json={})]
    assert [refusal.status_code for refusal in refusals] == [401, 404, 422, 403, 405]
    for refusal in refusals:
        assert refusal.headers["content-type"] == "application/problem+json"
        assert set(required) <= set(refusal.json())
