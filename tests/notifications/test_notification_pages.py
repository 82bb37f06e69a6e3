"""The /notifications page and the unread badge in the nav."""

import re

import httpx
from fastapi import FastAPI

from tests.notifications.test_notifications_api import notify
from tests.support.actors import Cast
from tests.support.pages import csrf_token, submit_form, text_of

BADGE = re.compile(r'<span class="badge unread-count"[^>]*>(\d+)</span>')


def badge(response: httpx.Response) -> int | None:
    match = BADGE.search(response.text)
    return int(match.group(1)) if match else None


async def test_the_nav_shows_the_unread_count(app: FastAPI, cast: Cast) -> None:
    owner = await cast.owner()
    assert badge(await owner.client.get("/")) is None

    await notify(app, owner, "Quote received", "Another quote")

    assert badge(await owner.client.get("/")) == 2


async def test_the_page_lists_notifications_and_marks_them_read(app: FastAPI, cast: Cast) -> None:
    owner = await cast.owner()
    await notify(app, owner, "Quote received", "Another quote")
    first_id = (await owner.client.get("/api/v1/notifications")).json()["items"][1]["id"]

    page = await owner.client.get("/notifications")
    assert page.status_code == 200
    assert text_of(page).index("Another quote") < text_of(page).index("Quote received")

    response = await submit_form(owner.client, "/notifications", f"/notifications/{first_id}/read", {})
    assert (response.status_code, response.headers["location"]) == (303, "/notifications")
    after = await owner.client.get("/notifications?unread=true")
    assert "Another quote" in text_of(after) and "Quote received" not in text_of(after)
    assert badge(after) == 1

    await submit_form(owner.client, "/notifications", "/notifications/read-all", {})
    assert badge(await owner.client.get("/notifications")) is None


async def test_marking_read_without_the_form_token_is_refused(app: FastAPI, cast: Cast) -> None:
    owner = await cast.owner()
    await notify(app, owner, "Quote received")
    page = await owner.client.get("/notifications")
    assert csrf_token(page.text)

    response = await owner.client.post("/notifications/read-all", data={"csrf_token": "forged"})

    assert response.status_code == 403
    assert badge(await owner.client.get("/notifications")) == 1


async def test_anonymous_visitors_are_sent_to_log_in(client: httpx.AsyncClient) -> None:
    response = await client.get("/notifications")
    assert (response.status_code, response.headers["location"]) == (303, "/login?next=%2Fnotifications")
