"""The notifications API: a user's own notifications, newest first, unread filter and count, marking read."""

import httpx
import pytest
from fastapi import FastAPI

from app.models.enums import NotificationKind
from app.notifications.service import Message, notify_organization
from tests.support.actors import Actor, Cast
from tests.support.problems import assert_problem


async def notify(app: FastAPI, actor: Actor, *titles: str) -> None:
    async with app.state.sessionmaker() as session:
        for title in titles:
            await notify_organization(session, actor.organization_id,
                                      Message(NotificationKind.QUOTE_RECEIVED, title, "", "/rfqs/1"))
        await session.commit()


async def titles(client: httpx.AsyncClient, query: str = "") -> list[str]:
    response = await client.get(f"/api/v1/notifications{query}")
    assert response.status_code == 200, response.text
    return [item["title"] for item in response.json()["items"]]


async def unread(client: httpx.AsyncClient) -> int:
    response = await client.get("/api/v1/notifications/unread-count")
    assert response.status_code == 200, response.text
    return int(response.json()["unread"])


async def test_a_user_sees_only_their_own_notifications_newest_first(app: FastAPI, cast: Cast) -> None:
    owner, stranger = await cast.owner(), await cast.stranger()
    await notify(app, owner, "First", "Second", "Third")
    await notify(app, stranger, "Not yours")

    response = await owner.client.get("/api/v1/notifications?per_page=2")

    body = response.json()
    assert [item["title"] for item in body["items"]] == ["Third", "Second"]
    assert (body["total"], body["pages"]) == (3, 2)
    assert body["items"][0]["kind"] == "quote_received"
    assert body["items"][0]["link"] == "/rfqs/1"
    assert body["items"][0]["read_at"] is None
    assert await titles(owner.client, "?page=2&per_page=2") == ["First"]
    assert await titles(stranger.client) == ["Not yours"]


async def test_every_member_of_the_organization_is_notified(app: FastAPI, cast: Cast) -> None:
    owner, member = await cast.owner(), await cast.member()

    await notify(app, owner, "For the whole team")

    assert await titles(owner.client) == ["For the whole team"]
    assert await titles(member.client) == ["For the whole team"]


async def test_marking_one_read_lowers_the_unread_count(app: FastAPI, cast: Cast) -> None:
    owner = await cast.owner()
    await notify(app, owner, "Old", "New")
    newest = (await owner.client.get("/api/v1/notifications")).json()["items"][0]

    response = await owner.client.post(f"/api/v1/notifications/{newest['id']}/read")

    assert response.status_code == 200
    assert response.json()["read_at"] is not None
    assert await unread(owner.client) == 1
    assert await titles(owner.client, "?unread=true") == ["Old"]
    again = await owner.client.post(f"/api/v1/notifications/{newest['id']}/read")
    assert again.json()["read_at"] == response.json()["read_at"]


async def test_read_all_marks_only_the_users_unread_ones(app: FastAPI, cast: Cast) -> None:
    owner, member = await cast.owner(), await cast.member()
    await notify(app, owner, "One", "Two")

    response = await owner.client.post("/api/v1/notifications/read-all")

    assert response.json() == {"marked_read": 2}
    assert (await unread(owner.client), await unread(member.client)) == (0, 2)
    assert await titles(owner.client, "?unread=true") == []
    assert (await owner.client.post("/api/v1/notifications/read-all")).json() == {"marked_read": 0}


async def test_someone_elses_notification_does_not_exist_for_you(app: FastAPI, cast: Cast) -> None:
    owner, member = await cast.owner(), await cast.member()
    await notify(app, owner, "Private")
    owners = (await owner.client.get("/api/v1/notifications")).json()["items"][0]
    members = (await member.client.get("/api/v1/notifications")).json()["items"][0]
    assert owners["id"] != members["id"]

    response = await member.client.post(f"/api/v1/notifications/{owners['id']}/read")

    assert_problem(response, 404, "not_found")
    assert await unread(owner.client) == 1


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "/api/v1/notifications"), ("GET", "/api/v1/notifications/unread-count"),
    ("POST", "/api/v1/notifications/1/read"), ("POST", "/api/v1/notifications/read-all"),
])
async def test_anonymous_visitors_have_no_notifications(client: httpx.AsyncClient, method: str, path: str) -> None:
    assert_problem(await client.request(method, path), 401, "not_authenticated")


@pytest.mark.parametrize("query", ["?unread=maybe", "?per_page=0", "?page=0"])
async def test_bad_list_parameters_are_refused(cast: Cast, query: str) -> None:
    response = await (await cast.owner()).client.get(f"/api/v1/notifications{query}")
    assert_problem(response, 422, "validation_failed")


async def test_a_huge_notification_id_is_refused(cast: Cast) -> None:
    response = await (await cast.owner()).client.post("/api/v1/notifications/99999999999/read")
    assert_problem(response, 422, "validation_failed")
