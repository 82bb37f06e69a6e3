"""Confirming one's e-mail address by a signed link: sent at sign-up, again on request, opened on any device."""

import re
from datetime import timedelta

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.schemas import RegisterInput
from app.accounts.service import register
from app.core import clock
from app.models import OutgoingEmail, User
from app.models.enums import OrganizationRole
from tests.conftest import BASE_URL, ActorFactory
from tests.search_api.conftest import open_rfq
from tests.support.clock import Travel
from tests.support.pages import sign_up, submit_form, text_of
from tests.support.problems import assert_problem

LINK = re.compile(r"https?://\S+/account/confirm-email/(\S+)")


async def _link_sent_to(db: AsyncSession, email: str) -> str:
    db.expire_all()
    mail = await db.scalar(select(OutgoingEmail).where(OutgoingEmail.to_address == email)
                           .order_by(OutgoingEmail.id.desc()).limit(1))
    assert mail is not None and mail.subject == "Confirm your e-mail address on tradeleads"
    found = LINK.search(mail.body_text)
    assert found, mail.body_text
    return found.group(1)


async def _sent_to(db: AsyncSession, email: str) -> int:
    return int(await db.scalar(select(func.count()).select_from(OutgoingEmail)
                               .where(OutgoingEmail.to_address == email)) or 0)


async def test_a_sign_up_gets_a_link_that_confirms_the_address_without_logging_in(
        client: httpx.AsyncClient, app: FastAPI, db: AsyncSession) -> None:
    await sign_up(client, "buyer", email="buyer@example.com")
    account = text_of(await client.get("/account"))
    assert "not confirmed yet" in account and "Send the link again" in account
    token = await _link_sent_to(db, "buyer@example.com")

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as phone:
        opened = await phone.get(f"/account/confirm-email/{token}")  # another device, not logged in

    assert opened.status_code == 200 and "buyer@example.com is confirmed" in text_of(opened)
    db.expire_all()
    user = await db.scalar(select(User).where(User.email == "buyer@example.com"))
    assert user is not None and user.email_verified_at is not None
    account = text_of(await client.get("/account"))
    assert "not confirmed yet" not in account and "Send the link again" not in account


async def test_sending_the_link_again_and_confirming_through_the_api(make_actor: ActorFactory,
                                                                      db: AsyncSession) -> None:
    actor = await make_actor("buyer")
    me = (await actor.client.get("/api/v1/me")).json()["user"]
    assert me["email_verified_at"] is None

    again = await actor.client.post("/api/v1/me/email-confirmation")

    assert again.status_code == 202 and await _sent_to(db, actor.email) == 2
    token = await _link_sent_to(db, actor.email)
    confirmed = await actor.client.post("/api/v1/auth/confirm-email", json={"token": token})
    assert confirmed.status_code == 200 and confirmed.json()["email_verified_at"] is not None
    assert_problem(await actor.client.post("/api/v1/me/email-confirmation"), 409, "email_already_confirmed")


async def test_a_link_tampered_with_or_too_old_confirms_nothing(make_actor: ActorFactory, db: AsyncSession,
                                                                travel: Travel) -> None:
    actor = await make_actor("supplier")
    token = await _link_sent_to(db, actor.email)
    payload, _, mac = token.partition(".")

    tampered = await actor.client.post("/api/v1/auth/confirm-email", json={"token": f"{payload}x.{mac}"})
    travel(clock.utcnow() + timedelta(days=4))
    late = await actor.client.post("/api/v1/auth/confirm-email", json={"token": token})

    assert_problem(tampered, 404, "confirmation_not_valid")
    assert_problem(late, 404, "confirmation_not_valid")
    assert (await actor.client.get("/api/v1/me")).json()["user"]["email_verified_at"] is None


async def test_the_resend_button_on_the_account_page_sends_a_new_link(client: httpx.AsyncClient,
                                                                      db: AsyncSession) -> None:
    await sign_up(client, "supplier")

    sent = await submit_form(client, "/account", "/account/confirm-email", {})

    assert sent.headers["location"] == "/account?done=sent"
    assert "We sent you a new confirmation link" in text_of(await client.get(sent.headers["location"]))
    assert await _sent_to(db, "supplier@example.com") == 2


async def test_the_demo_and_cli_users_count_as_confirmed(db: AsyncSession) -> None:
    user = await register(db, RegisterInput(email="ops@example.com", password="a long password", name="Ops",
                                            organization_name="Ops Co", organization_role=OrganizationRole.BUYER,
                                            country="DE"))
    assert user.email_verified_at is not None and await _sent_to(db, "ops@example.com") == 0


async def test_confirming_the_address_scores_the_buyers_open_rfqs_again(make_actor: ActorFactory,
                                                                        db: AsyncSession) -> None:
    buyer, admin = await make_actor("buyer"), await make_actor("both", admin=True)
    rfq = await open_rfq(buyer, admin)
    before = (await admin.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()["quality"]

    assert (await buyer.client.post("/api/v1/me/email-confirmation")).status_code == 202
    await buyer.client.post("/api/v1/auth/confirm-email", json={"token": await _link_sent_to(db, buyer.email)})

    after = (await admin.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()["quality"]
    assert after["score"] == before["score"] + 10
    assert "email_confirmed" in [reason["code"] for reason in after["reasons"]]
