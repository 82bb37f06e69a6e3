"""The saved-search and webhook pages: CSRF-checked forms, refused input shown again, the secret shown once."""

from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import SavedSearch, WebhookEndpoint
from tests.support.pages import PASSWORD, sign_up, submit_form, text_of


async def _stored(db: AsyncSession, model: Any) -> list[Any]:
    rows = list(await db.scalars(select(model)))
    db.expunge_all()  # keep the loaded values readable; the rollback only gives the next look a fresh snapshot
    await db.rollback()
    return rows


async def test_a_buyer_saves_and_deletes_a_search_through_the_page(client: httpx.AsyncClient,
                                                                   db: AsyncSession) -> None:
    assert (await sign_up(client, "buyer")).status_code == 303

    response = await submit_form(client, "/saved-searches", "/saved-searches", {
        "name": "Coffee", "query": "green coffee", "origin_country": "br", "price_max": "5"})

    assert (response.status_code, response.headers["location"]) == (303, "/saved-searches")
    [saved] = await _stored(db, SavedSearch)
    assert (saved.name, saved.query, saved.filters) == ("Coffee", "green coffee",
                                                        {"origin_country": ["BR"], "price_max": 5.0})
    page = text_of(await client.get("/saved-searches"))
    assert "Coffee" in page and "origin country: BR" in page
    deleted = await submit_form(client, "/saved-searches", f"/saved-searches/{saved.id}/delete", {})
    assert deleted.status_code == 303 and await _stored(db, SavedSearch) == []


async def test_a_refused_search_is_shown_again_with_the_field_message(client: httpx.AsyncClient,
                                                                      db: AsyncSession) -> None:
    await sign_up(client, "buyer")

    response = await submit_form(client, "/saved-searches", "/saved-searches",
                                 {"name": "Mystery", "query": "tea", "origin_country": "XX"})

    assert response.status_code == 422
    page = text_of(response)
    assert 'value="Mystery"' in page and "must be an ISO 3166-1 alpha-2 country code" in page
    assert await _stored(db, SavedSearch) == []


async def test_forms_without_the_csrf_token_change_nothing(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "buyer")
    for path, data in (("/saved-searches", {"name": "x", "query": "tea"}), ("/webhooks", {"url": "https://a.example"})):
        response = await client.post(path, data=data)
        assert response.status_code == 403, path
    assert await _stored(db, SavedSearch) == [] and await _stored(db, WebhookEndpoint) == []


async def test_a_webhook_added_on_the_page_shows_its_secret_once(client: httpx.AsyncClient,
                                                                 db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    page = await client.get("/webhooks")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]

    response = await client.post("/webhooks", data={"url": "https://hooks.example.com/in", "events": "rfq_match",
                                                    "csrf_token": token})

    assert response.status_code == 201
    [endpoint] = await _stored(db, WebhookEndpoint)
    assert (endpoint.url, endpoint.events) == ("https://hooks.example.com/in", ["rfq_match"])
    assert endpoint.secret in response.text
    assert endpoint.secret not in (await client.get("/webhooks")).text
    assert "X-Tradeleads-Signature" in text_of(response)


async def test_a_bad_webhook_url_is_a_field_message(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    response = await submit_form(client, "/webhooks", "/webhooks", {"url": "ftp://files.example.com"})
    assert response.status_code == 422 and "URL scheme should be 'http' or 'https'" in text_of(response)
    assert await _stored(db, WebhookEndpoint) == []


async def test_anonymous_visitors_are_sent_to_login(client: httpx.AsyncClient) -> None:
    for path in ("/saved-searches", "/webhooks"):
        response = await client.get(path)
        assert (response.status_code, response.headers["location"]) == (303, f"/login?next={path.replace('/', '%2F')}")
    assert PASSWORD


async def test_a_private_webhook_url_is_refused_on_the_page(app: FastAPI, client: httpx.AsyncClient,
                                                            db: AsyncSession) -> None:
    app.state.settings = app.state.settings.model_copy(update={"webhook_private_destinations": False})
    await sign_up(client, "supplier")
    response = await submit_form(client, "/webhooks", "/webhooks", {"url": "http://192.168.1.20:8080/hook",
                                                                    "events": "rfq_match"})
    page = text_of(response)
    assert response.status_code == 422 and "public addresses only" in page
    assert 'value="http://192.168.1.20:8080/hook"' in page
    assert await _stored(db, WebhookEndpoint) == []
