"""Every main page is valid HTML: html5lib, parsing as a browser does, reports no parse error (a stray end tag, an
unclosed element, a duplicate attribute...), for a visitor, a supplier, a buyer and an admin."""

from typing import Any

import html5lib
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update

from app.models import User
from tests.search_api.conftest import index_now, open_rfq, published_listing
from tests.support.images import picture, upload
from tests.support.pages import sign_up, submit_form


def parse_errors(page: str) -> list[str]:
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    parser.parse(page)
    return [f"line {line}, column {column}: {code} {data or ''}" for (line, column), code, data in parser.errors]


def test_the_check_finds_an_error_when_there_is_one() -> None:
    assert parse_errors("<!doctype html><html lang=en><title>t</title><p>fine</p></div>")  # a stray end tag
    assert parse_errors("<!doctype html><html lang=en><title>t</title><p>fine</p>") == []


@pytest.fixture
async def catalogue(app: FastAPI, make_actor: Any) -> dict[str, Any]:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier", organization_name="Bergamo Valvole", country="IT")
    buyer = await make_actor("buyer", organization_name="Hamburg Einkauf GmbH", country="DE")
    listing = await published_listing(supplier, admin, title="Brass ball valve DN25", hs_code="848180",
                                      price_min="3.1", currency="USD", specs={"Size": "DN25"})
    assert (await supplier.client.post(f"/api/v1/listings/{listing['id']}/images",
                                       files=upload(picture()))).status_code == 201
    rfq = await open_rfq(buyer, admin, title="Brass ball valves DN25", hs_code="848180")
    await index_now(app)
    return {"listing": listing["id"], "rfq": rfq["id"], "slug": supplier.organization_slug}


async def _errors(client: httpx.AsyncClient, paths: list[str]) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        response = await client.get(path)
        assert response.status_code < 500, path
        if errors := parse_errors(response.text):
            found[path] = errors
    return found


async def test_public_pages_parse_without_errors(client: httpx.AsyncClient, catalogue: dict[str, Any]) -> None:
    paths = ["/", "/categories", "/categories/84", "/categories/8481", "/search?q=valve", "/search?q=nothing-at-all",
             "/suppliers", "/suppliers?country=IT", f"/suppliers/{catalogue['slug']}",
             f"/listings/{catalogue['listing']}", "/rfqs", f"/rfqs/{catalogue['rfq']}", "/plans", "/hs?q=valve",
             "/login", "/register", "/terms", "/no-such-page"]
    assert await _errors(client, paths) == {}


async def test_signed_in_pages_parse_without_errors(client: httpx.AsyncClient, catalogue: dict[str, Any]) -> None:
    await sign_up(client, "both")
    refused = await submit_form(client, "/my/listings", "/my/listings", {"title": "x"})  # a form with its errors
    assert refused.status_code == 422 and parse_errors(refused.text) == []
    paths = ["/my/listings", "/my/listings?status=draft", "/my/rfqs", "/leads", f"/rfqs/{catalogue['rfq']}",
             f"/listings/{catalogue['listing']}", "/inquiries", "/notifications", "/account", "/account/company",
             "/account/password", "/account/tokens", "/account/team", "/my/listings/import", "/my/quotes", "/billing",
             "/saved-searches", "/webhooks", "/verifications", "/verifications/new"]
    assert await _errors(client, paths) == {}


async def test_admin_pages_parse_without_errors(app: FastAPI, client: httpx.AsyncClient,
                                                catalogue: dict[str, Any]) -> None:
    await sign_up(client, "both", email="operator@example.com")
    async with app.state.sessionmaker() as session:
        await session.execute(update(User).where(User.email == "operator@example.com").values(is_platform_admin=True))
        await session.commit()
    paths = ["/admin", "/admin?period=month", "/admin/moderation", "/admin/billing", "/admin/organizations",
             f"/admin/organizations/{catalogue['slug']}", "/admin/plans", "/admin/plans/silver", "/admin/invoices",
             "/admin/lead-reports", "/admin/verifications"]
    assert await _errors(client, paths) == {}
