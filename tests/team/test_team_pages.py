"""/account/team and /invitations/{token} through their forms, as a browser without JavaScript uses them."""

import httpx
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Invitation, Organization, User
from tests.accounts.test_account_pages import message_beside
from tests.conftest import BASE_URL
from tests.http.test_valid_html import parse_errors
from tests.support.membership import put_on_tier
from tests.support.pages import csrf_token, sign_up, submit_form, text_of
from tests.team.test_team_api import _link_sent_to

OWNER_EMAIL = "supplier@example.com"  # sign_up's


async def _owner_on_silver(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    organization = await db.scalar(select(Organization))
    assert organization is not None
    await put_on_tier(db, organization.id, "silver")
    await db.commit()


async def test_an_owner_invites_from_the_team_page_and_the_invited_person_joins(
        client: httpx.AsyncClient, app: FastAPI, db: AsyncSession) -> None:
    await _owner_on_silver(client, db)
    page = await client.get("/account/team")
    assert page.status_code == 200 and parse_errors(page.text) == []
    assert "1 of 3 users on your plan" in text_of(page)

    sent = await submit_form(client, "/account/team", "/account/team/invitations",
                             {"email": "ana@example.com", "member_role": "member"})

    assert sent.status_code == 303 and sent.headers["location"] == "/account/team?done=invited"
    listed = text_of(await client.get(sent.headers["location"]))
    assert "Invitation sent." in listed and "ana@example.com" in listed and "2 of 3 users" in listed
    token = await _link_sent_to(db, "ana@example.com")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as invited:
        join = await invited.get(f"/invitations/{token}")
        assert "Join Lin Supplier Trading" in text_of(join) and parse_errors(join.text) == []
        short = await invited.post(f"/invitations/{token}", data={"name": "Ana Ruiz", "password": "short",
                                                                   "csrf_token": csrf_token(join.text)})
        assert short.status_code == 422
        assert "at least 10 characters" in message_beside(text_of(short), "password")
        assert 'value="Ana Ruiz"' in short.text  # what was typed stays, the password excepted
        joined = await invited.post(f"/invitations/{token}", data={"name": "Ana Ruiz", "password": "a long password",
                                                                    "csrf_token": csrf_token(short.text)})
        assert joined.status_code == 303
        team = text_of(await invited.get(joined.headers["location"]))
    assert "Ana Ruiz" in team and "Send invitation" not in team  # a member sees the team, owners manage it
    assert "Ana Ruiz" in text_of(await client.get("/account/team"))


async def test_a_refused_invitation_shows_why_beside_the_field_and_sends_nothing(client: httpx.AsyncClient,
                                                                                db: AsyncSession) -> None:
    await _owner_on_silver(client, db)

    bad = await submit_form(client, "/account/team", "/account/team/invitations",
                            {"email": "not an address", "member_role": "member"})
    own = await submit_form(client, "/account/team", "/account/team/invitations",
                            {"email": OWNER_EMAIL, "member_role": "member"})

    assert bad.status_code == 422 and message_beside(text_of(bad), "email")
    assert 'value="not an address"' in bad.text
    assert "member already" in message_beside(text_of(own), "email")
    assert list(await db.scalars(select(Invitation))) == []


async def test_the_plan_limit_shows_the_way_to_a_bigger_plan(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")  # Free: one user

    refused = await submit_form(client, "/account/team", "/account/team/invitations",
                                {"email": "ana@example.com", "member_role": "member"})

    assert refused.status_code == 402
    assert "Your plan allows 1 user" in text_of(refused) and 'href="/plans' in refused.text


async def test_an_owner_removes_a_member_and_the_last_owner_cannot_leave(client: httpx.AsyncClient, app: FastAPI,
                                                                          db: AsyncSession) -> None:
    await _owner_on_silver(client, db)
    await submit_form(client, "/account/team", "/account/team/invitations", {"email": "ana@example.com",
                                                                              "member_role": "member"})
    token = await _link_sent_to(db, "ana@example.com")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as invited:
        join = await invited.get(f"/invitations/{token}")
        await invited.post(f"/invitations/{token}", data={"name": "Ana Ruiz", "password": "a long password",
                                                          "csrf_token": csrf_token(join.text)})
    db.expire_all()
    ana = await db.scalar(select(User).where(User.email == "ana@example.com"))
    owner = await db.scalar(select(User).where(User.email == OWNER_EMAIL))
    assert ana is not None and owner is not None

    leave = await submit_form(client, "/account/team", f"/account/team/members/{owner.id}/remove", {})
    assert leave.status_code == 409 and "needs an owner" in text_of(leave)
    removed = await submit_form(client, "/account/team", f"/account/team/members/{ana.id}/remove", {})

    assert removed.headers["location"] == "/account/team?done=removed"
    page = text_of(await client.get(removed.headers["location"]))
    assert "Member removed" in page and "Ana Ruiz" not in page


async def test_a_used_link_shows_a_page_with_a_way_forward(client: httpx.AsyncClient) -> None:
    page = await client.get("/invitations/bm90LWEtdG9rZW4.abc")
    assert page.status_code == 404
    assert "Ask the organisation for a new invitation" in text_of(page)
