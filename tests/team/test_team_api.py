"""The team through the JSON API: owners invite by e-mail (a signed link), people join with it, owners change roles
and remove members; the plan's users limit counts members and open invitations; an organisation keeps an owner."""

import asyncio
import re
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.core.config import Settings
from app.core.db import is_sqlite
from app.models import OutgoingEmail, User
from tests.conftest import BASE_URL, Actor, ActorFactory
from tests.support.clock import Travel
from tests.support.membership import put_on_tier
from tests.support.problems import assert_invalid, assert_problem

LINK = re.compile(r"https?://\S+/invitations/(\S+)")
PASSWORD = "a long enough password"


@pytest.fixture
async def owner(make_actor: ActorFactory, db: AsyncSession) -> Actor:
    """A supplier's owner on Silver: three users (the owner and two more)."""
    actor = await make_actor("supplier")
    await put_on_tier(db, actor.organization_id, "silver")
    await db.commit()
    return actor


async def _link_sent_to(db: AsyncSession, email: str) -> str:
    """The token of the newest invitation e-mailed to `email`."""
    db.expire_all()
    mail = await db.scalar(select(OutgoingEmail).where(OutgoingEmail.to_address == email)
                           .order_by(OutgoingEmail.id.desc()).limit(1))
    assert mail is not None, f"no e-mail to {email}"
    found = LINK.search(mail.body_text)
    assert found, mail.body_text
    return found.group(1)


async def _invite(owner: Actor, email: str, role: str = "member") -> httpx.Response:
    return await owner.client.post("/api/v1/team/invitations", json={"email": email, "member_role": role})


async def _accept(app: FastAPI, token: str, name: str = "Ana Ruiz") -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as browser:
        response = await browser.post("/api/v1/invitations/accept",
                                      json={"token": token, "name": name, "password": PASSWORD})
        if response.status_code == 201:
            me = await browser.get("/api/v1/me")  # the joining browser is logged in
            assert me.json()["user"]["email"] == response.json()["user"]["email"]
        return response


async def test_an_invited_person_joins_with_the_link_in_the_e_mail(owner: Actor, app: FastAPI,
                                                                  db: AsyncSession) -> None:
    invited = await _invite(owner, "Ana@Example.com")
    assert invited.status_code == 201, invited.text
    assert invited.json()["status"] == "open" and invited.json()["email"] == "ana@example.com"
    assert "invitations/" not in invited.text  # the link goes to the address only
    token = await _link_sent_to(db, "ana@example.com")

    preview = await httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL).get(
        f"/api/v1/invitations/{token}")
    assert preview.json()["email"] == "ana@example.com" and preview.json()["member_role"] == "member"
    joined = await _accept(app, token)

    assert joined.status_code == 201, joined.text
    user, organization = joined.json()["user"], joined.json()["organization"]
    assert (user["email"], user["member_role"], organization["id"]) == ("ana@example.com", "member",
                                                                        owner.organization_id)
    assert user["email_verified_at"] is not None  # the link reached the address
    team = (await owner.client.get("/api/v1/team")).json()
    assert sorted(member["email"] for member in team["members"]) == sorted([owner.email, "ana@example.com"])
    assert team["invitations"] == [] and team["places"] == {"limit": 3, "used": 2}
    assert_problem(await _accept(app, token, "Someone Else"), 404, "invitation_not_valid")  # once only


async def test_open_invitations_hold_places_so_no_one_invites_past_the_plan(owner: Actor, db: AsyncSession) -> None:
    assert (await _invite(owner, "one@example.com")).status_code == 201
    assert (await _invite(owner, "two@example.com")).status_code == 201

    refused = assert_problem(await _invite(owner, "three@example.com"), 402, "entitlement_denied")

    assert refused["reason"] == "member_limit_reached" and refused["upgrade_to"] == "gold"
    assert (refused["limit"], refused["usage"]) == (3, 3)
    emails = list(await db.scalars(select(OutgoingEmail.to_address)))
    assert "three@example.com" not in emails


async def test_a_free_plan_has_one_user_so_inviting_asks_for_an_upgrade(make_actor: ActorFactory) -> None:
    free = await make_actor("buyer")
    refused = assert_problem(await _invite(free, "colleague@example.com"), 402, "entitlement_denied")
    assert refused["upgrade_to"] == "silver"


async def test_a_withdrawn_invitation_frees_its_place_and_its_link_stops_working(owner: Actor, app: FastAPI,
                                                                                db: AsyncSession) -> None:
    first = (await _invite(owner, "one@example.com")).json()
    await _invite(owner, "two@example.com")
    token = await _link_sent_to(db, "one@example.com")

    withdrawn = await owner.client.delete(f"/api/v1/team/invitations/{first['id']}")

    assert withdrawn.json()["status"] == "revoked"
    assert_problem(await _accept(app, token), 404, "invitation_not_valid")
    assert (await _invite(owner, "three@example.com")).status_code == 201


async def test_an_expired_invitation_cannot_be_used_and_sending_it_again_gives_a_new_link(
        owner: Actor, app: FastAPI, db: AsyncSession, travel: Travel) -> None:
    invitation = (await _invite(owner, "late@example.com")).json()
    old = await _link_sent_to(db, "late@example.com")
    travel(clock.utcnow() + timedelta(days=6))
    again = await owner.client.post(f"/api/v1/team/invitations/{invitation['id']}/resend")
    assert again.status_code == 200, again.text
    new = await _link_sent_to(db, "late@example.com")
    travel(clock.utcnow() + timedelta(days=3))  # 9 days after the first link, 3 after the second

    assert new != old
    assert (await _accept(app, new)).status_code == 201
    travel(clock.utcnow() + timedelta(days=8))
    later = (await _invite(owner, "later@example.com")).json()
    travel(clock.utcnow() + timedelta(days=8))
    assert_problem(await _accept(app, await _link_sent_to(db, "later@example.com")), 404, "invitation_not_valid")
    listed = {item["id"]: item["status"] for item in (await owner.client.get("/api/v1/team")).json()["invitations"]}
    assert listed[later["id"]] == "expired"


async def test_a_tampered_link_is_refused(owner: Actor, app: FastAPI, db: AsyncSession) -> None:
    await _invite(owner, "ana@example.com")
    token = await _link_sent_to(db, "ana@example.com")
    payload, _, mac = token.partition(".")
    assert_problem(await _accept(app, f"{payload}.{mac[:-2]}xx"), 404, "invitation_not_valid")


async def test_only_owners_manage_the_team_and_everyone_sees_it(owner: Actor, app: FastAPI, db: AsyncSession) -> None:
    await _invite(owner, "ana@example.com")
    await _accept(app, await _link_sent_to(db, "ana@example.com"))
    member = await _member_actor(app, "ana@example.com")

    assert (await member.get("/api/v1/team")).json()["may_manage"] is False
    assert_problem(await member.post("/api/v1/team/invitations", json={"email": "x@example.com"}), 403, "owner_only")
    assert_problem(await member.delete(f"/api/v1/team/members/{owner.user_id}"), 403, "owner_only")
    await member.aclose()


async def _member_actor(app: FastAPI, email: str) -> httpx.AsyncClient:
    browser = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL)
    response = await browser.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return browser


async def test_an_address_of_a_member_or_of_another_organisation_cannot_be_invited(
        owner: Actor, make_actor: ActorFactory) -> None:
    elsewhere = await make_actor("buyer")
    assert_invalid(await _invite(owner, owner.email), email="already_member")
    assert_invalid(await _invite(owner, elsewhere.email), email="email_taken")
    assert_invalid(await _invite(owner, "not an address"), email="value_error")
    await _invite(owner, "ana@example.com")
    assert_invalid(await _invite(owner, "ANA@example.com"), email="already_invited")


async def test_the_last_owner_stays_until_another_member_is_made_owner(owner: Actor, app: FastAPI,
                                                                       db: AsyncSession) -> None:
    await _invite(owner, "ana@example.com")
    ana = (await _accept(app, await _link_sent_to(db, "ana@example.com"))).json()["user"]
    me = f"/api/v1/team/members/{owner.user_id}"

    assert_problem(await owner.client.patch(me, json={"member_role": "member"}), 409, "last_owner")
    assert_problem(await owner.client.delete(me), 409, "last_owner")
    promoted = await owner.client.patch(f"/api/v1/team/members/{ana['id']}", json={"member_role": "owner"})
    assert promoted.json()["member_role"] == "owner"
    demoted = await owner.client.patch(me, json={"member_role": "member"})

    assert demoted.json()["member_role"] == "member"
    assert_invalid(await owner.client.patch(me, json={"member_role": "boss"}), member_role="enum")


async def test_a_removed_member_loses_access_at_once(owner: Actor, app: FastAPI, db: AsyncSession) -> None:
    await _invite(owner, "ana@example.com")
    ana = (await _accept(app, await _link_sent_to(db, "ana@example.com"))).json()["user"]
    browser = await _member_actor(app, "ana@example.com")

    removed = await owner.client.delete(f"/api/v1/team/members/{ana['id']}")

    assert removed.status_code == 204
    assert_problem(await browser.get("/api/v1/me"), 401, "not_authenticated")
    db.expire_all()
    assert await db.get(User, ana["id"]) is None
    assert (await owner.client.get("/api/v1/team")).json()["places"]["used"] == 1
    await browser.aclose()


async def test_someone_elses_team_is_out_of_reach(owner: Actor, make_actor: ActorFactory, db: AsyncSession) -> None:
    other = await make_actor("supplier")
    await put_on_tier(db, other.organization_id, "silver")
    await db.commit()
    invitation = (await _invite(other, "x@example.com")).json()

    assert_problem(await owner.client.delete(f"/api/v1/team/invitations/{invitation['id']}"), 404, "not_found")
    assert_problem(await owner.client.delete(f"/api/v1/team/members/{other.user_id}"), 404, "not_found")
    assert_problem(await owner.client.patch(f"/api/v1/team/members/{other.user_id}", json={"member_role": "member"}),
                   404, "not_found")


@pytest.mark.postgres_only
async def test_invitations_sent_at_once_never_exceed_the_plan(owner: Actor, settings: Settings) -> None:
    """Two places left, eight invitations at once: exactly two are sent (each team change locks its organisation)."""
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    responses = await asyncio.gather(*(_invite(owner, f"p{n}@example.com") for n in range(8)))

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201, 201] + [402] * 6, [response.text for response in responses]
    assert (await owner.client.get("/api/v1/team")).json()["places"] == {"limit": 3, "used": 3}
