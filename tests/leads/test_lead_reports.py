"""Reports of fake RFQs: a supplier that quoted reports once with a reason; an admin confirms (the RFQ closes, the
quoting suppliers get their quote and lead view back on their plan's usage and are told, the buyer's other RFQs
lose lead quality) or dismisses (the reporter is told); through the API and the pages."""

import asyncio
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.db import is_sqlite
from app.models import Notification, Rfq
from tests.conftest import Actor, ActorFactory
from tests.support.actors import new_actor
from tests.support.pages import COFFEE_RFQ, csrf_token, submit_form, text_of
from tests.support.problems import assert_problem

QUOTE = {"unit_price": "4.9", "currency": "EUR", "quantity": "1000", "unit": "kg"}


async def _open_rfq(buyer: Actor, admin: Actor, **changes: Any) -> dict[str, Any]:
    created = await buyer.client.post("/api/v1/rfqs", json={**COFFEE_RFQ, **changes})
    assert created.status_code == 201, created.text
    assert (await buyer.client.post(f"/api/v1/rfqs/{created.json()['id']}/submit")).status_code == 200
    opened = await admin.client.post(f"/api/v1/rfqs/{created.json()['id']}/approve")
    assert opened.status_code == 200, opened.text
    return dict(opened.json())


async def _usage(actor: Actor, action: str) -> int:
    membership = (await actor.client.get("/api/v1/billing/membership")).json()
    return int(next(rule["usage"] for rule in membership["entitlements"] if rule["action"] == action))


async def _kinds(db: AsyncSession, user_id: int) -> list[str]:
    return list(await db.scalars(select(Notification.title).where(Notification.user_id == user_id,
                                                                  Notification.kind == "lead_report_decided")))


async def test_a_confirmed_fake_closes_the_rfq_and_gives_quoting_suppliers_their_quota_back(
        make_actor: ActorFactory, db: AsyncSession) -> None:
    admin, buyer = await make_actor("both", admin=True), await make_actor("buyer")
    first, second, bystander = [await make_actor("supplier") for _ in range(3)]
    rfq = await _open_rfq(buyer, admin)
    other = await _open_rfq(buyer, admin, title="Robusta green coffee beans, screen 18")
    for supplier in (first, second):
        assert (await supplier.client.get(f"/api/v1/rfqs/{rfq['id']}")).status_code == 200  # opens the lead
        assert (await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=QUOTE)).status_code == 201
    assert (await _usage(first, "submit_quote"), await _usage(first, "view_lead")) == (1, 1)
    quality_before = (await admin.client.get(f"/api/v1/rfqs/{other['id']}")).json()["quality"]["score"]

    path = f"/api/v1/leads/{rfq['id']}/report"
    assert_problem(await bystander.client.post(path, json={"reason": "fake_buyer"}), 403, "not_a_quoting_supplier")
    assert_problem(await buyer.client.post(path, json={"reason": "fake_buyer"}), 403, "not_a_supplier")
    async with httpx.AsyncClient(transport=first.client._transport, base_url=str(first.client.base_url)) as anon:
        assert_problem(await anon.post(path, json={"reason": "fake_buyer"}), 401, "not_authenticated")
    refused = await first.client.post(path, json={"reason": "other", "note": "  "})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "note"
    reported = await first.client.post(path, json={"reason": "fake_buyer", "note": "The company is unknown."})
    assert reported.status_code == 201 and reported.json()["status"] == "open"
    assert_problem(await first.client.post(path, json={"reason": "duplicate"}), 409, "already_reported")

    queue = (await admin.client.get("/api/v1/admin/lead-reports?status=open")).json()
    assert [(item["rfq_title"], item["reason"]) for item in queue["items"]] == [(rfq["title"], "fake_buyer")]
    assert_problem(await first.client.get("/api/v1/admin/lead-reports"), 403, "admin_only")
    confirmed = await admin.client.post(f"/api/v1/admin/lead-reports/{reported.json()['id']}/confirm",
                                        json={"note": "No such company registered."})
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"
    assert_problem(await admin.client.post(f"/api/v1/admin/lead-reports/{reported.json()['id']}/dismiss",
                                           json={}), 409, "report_decided")

    closed = (await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()
    assert closed["status"] == "closed"
    assert (await db.scalar(select(Rfq.fake_confirmed_at).where(Rfq.id == rfq["id"]))) is not None
    for supplier in (first, second):
        assert (await _usage(supplier, "submit_quote"), await _usage(supplier, "view_lead")) == (0, 0)
        assert await _kinds(db, supplier.user_id) == [f"RFQ confirmed fake: {rfq['title']}"]
    assert await _kinds(db, bystander.user_id) == []
    quality_after = (await admin.client.get(f"/api/v1/rfqs/{other['id']}")).json()["quality"]
    assert quality_after["score"] == max(0, quality_before - 40)  # the fake's quotes are no history to its credit
    assert {"code": "confirmed_fakes", "points": -40, "text": "1 RFQ of the buyer confirmed fake"} in \
        quality_after["reasons"]


async def test_a_dismissed_report_leaves_the_rfq_open_and_tells_the_reporter(
        make_actor: ActorFactory, db: AsyncSession) -> None:
    admin, buyer, supplier = await make_actor("both", admin=True), await make_actor("buyer"), await make_actor()
    rfq = await _open_rfq(buyer, admin)
    assert (await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=QUOTE)).status_code == 201
    report = (await supplier.client.post(f"/api/v1/leads/{rfq['id']}/report",
                                         json={"reason": "no_intent"})).json()
    dismissed = await admin.client.post(f"/api/v1/admin/lead-reports/{report['id']}/dismiss",
                                        json={"note": "The buyer awarded similar RFQs before."})
    assert dismissed.json()["status"] == "dismissed"
    assert (await buyer.client.get(f"/api/v1/rfqs/{rfq['id']}")).json()["status"] == "open"
    assert await _kinds(db, supplier.user_id) == [f"Report dismissed: {rfq['title']}"]
    assert await _usage(supplier, "submit_quote") == 1


async def test_the_report_and_review_pages(make_actor: ActorFactory) -> None:
    admin, buyer, supplier = await make_actor("both", admin=True), await make_actor("buyer"), await make_actor()
    rfq = await _open_rfq(buyer, admin)
    assert (await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=QUOTE)).status_code == 201
    assert f'href="/rfqs/{rfq["id"]}/report"' in (await supplier.client.get(f"/rfqs/{rfq['id']}")).text

    form = f"/rfqs/{rfq['id']}/report"
    refused = await submit_form(supplier.client, form, form, {"reason": "other", "note": ""})
    assert refused.status_code == 422 and "say why, when the reason is" in text_of(refused)
    sent = await submit_form(supplier.client, form, form, {"reason": "contact_harvesting", "note": "Asks for WeChat."})
    assert (sent.status_code, sent.headers["location"]) == (303, form)
    assert "Status: open." in text_of(await supplier.client.get(form))

    reports = text_of(await admin.client.get("/admin/lead-reports"))
    assert rfq["title"] in reports and "It collects suppliers' contact details" in reports
    [report_id] = [item["id"] for item in (await admin.client.get("/api/v1/admin/lead-reports")).json()["items"]]
    page = await admin.client.get("/admin/lead-reports")
    decided = await admin.client.post(f"/admin/lead-reports/{report_id}/confirm",
                                      data={"note": "", "csrf_token": csrf_token(page.text)})
    assert (decided.status_code, decided.headers["location"]) == (303, "/admin/lead-reports")
    assert "Status: confirmed." in text_of(await supplier.client.get(form))
    assert (await buyer.client.get(form)).status_code == 403  # the buyer is no supplier


@pytest.mark.postgres_only
async def test_decisions_and_reports_at_once_count_once(make_actor: ActorFactory, app: FastAPI, settings: Settings,
                                                        db: AsyncSession) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    admins = [await make_actor("both", admin=True) for _ in range(2)]
    buyer, supplier = await make_actor("buyer"), await make_actor()
    colleague = await new_actor(app, "supplier", member_of=supplier)
    rfq = await _open_rfq(buyer, admins[0])
    assert (await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json=QUOTE)).status_code == 201

    path = f"/api/v1/leads/{rfq['id']}/report"
    reports = await asyncio.gather(*(actor.client.post(path, json={"reason": "no_intent"})
                                     for actor in (supplier, colleague, supplier, colleague)))
    assert sorted(response.status_code for response in reports) == [201, 409, 409, 409]
    [report_id] = [response.json()["id"] for response in reports if response.status_code == 201]
    decisions = await asyncio.gather(*(admin.client.post(f"/api/v1/admin/lead-reports/{report_id}/{decision}",
                                                         json={}) for admin in admins
                                       for decision in ("confirm", "dismiss")))
    assert sorted(response.status_code for response in decisions) == [200, 409, 409, 409]
    assert len(await _kinds(db, supplier.user_id)) == 1  # told once, whichever decision won
    await colleague.client.aclose()
