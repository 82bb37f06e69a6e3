"""Supplier verification through the API: a request with evidence, the admins' review with a logged decision, the
badge that approved ones give until their expiry day (judged when read), evidence that only its organisation and
admins see, refusals of impossible facts and of files that are not what they claim, and the reminders before
expiry."""

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import today
from app.models import Notification
from app.verifications.service import run_reminders
from tests.conftest import Actor, ActorFactory
from tests.search_api.conftest import index_now, published_listing
from tests.support.clock import Travel
from tests.support.images import picture
from tests.support.pages import COFFEE_RFQ
from tests.support.problems import assert_problem
from tests.support.verifications import PDF, certificate, requested, verified

BADGE = '✓ Business licence<span class="visually-hidden"> (Checked by the platform: '


async def _store(client: httpx.AsyncClient, actor: Actor) -> dict[str, Any]:
    body: dict[str, Any] = (await client.get(f"/api/v1/suppliers/{actor.organization_slug}")).json()
    return body


async def _titles(db: AsyncSession, user_id: int, kind: str) -> list[str]:
    rows = await db.scalars(select(Notification.title).where(Notification.user_id == user_id, Notification.kind == kind)
                            .order_by(Notification.id))
    await db.rollback()
    return list(rows)


async def test_an_approved_request_becomes_a_badge_with_its_facts_and_a_logged_decision(
        make_actor: ActorFactory, client: httpx.AsyncClient, db: AsyncSession) -> None:
    supplier = await make_actor("supplier", organization_name="Suzhou Precision Castings")
    admin = await make_actor("buyer", admin=True)
    request = await requested(supplier.client, kind="management_system", standard="ISO 9001",
                              issuer="SGS United Kingdom Ltd", certificate_number="GB21/123456")
    assert (request["status"], request["live"], (await _store(client, supplier))["verified"]) == (
        "pending", False, False)

    queue = (await admin.client.get("/api/v1/admin/verifications")).json()
    assert [(item["id"], item["organization_name"], len(item["files"])) for item in queue["items"]] == [
        (request["id"], "Suzhou Precision Castings", 1)]
    approved = await admin.client.post(f"/api/v1/admin/verifications/{request['id']}/approve",
                                       json={"note": "Certificate checked on the SGS register"})

    assert approved.status_code == 200, approved.text
    assert (approved.json()["status"], approved.json()["live"]) == ("approved", True)
    assert [(event["action"], event["user_id"]) for event in approved.json()["history"]] == [
        ("requested", supplier.user_id), ("evidence_added", supplier.user_id), ("approved", admin.user_id)]
    store = await _store(client, supplier)
    assert store["verified"] is True
    assert [(badge["kind"], badge["standard"], badge["issuer"], badge["certificate_number"], badge["public_files"])
            for badge in store["verifications"]] == [
        ("management_system", "ISO 9001", "SGS United Kingdom Ltd", "GB21/123456", [])]
    assert await _titles(db, supplier.user_id, "verification_decided") == [
        "Verified: Management-system certificate (ISO 9001)"]
    assert (await admin.client.get("/api/v1/admin/verifications")).json()["items"] == []
    again = await admin.client.post(f"/api/v1/admin/verifications/{request['id']}/reject", json={"reason": "other",
                                                                                                   "note": "Oops"})
    assert_problem(again, 409, "verification_decided")


async def test_a_verification_that_expires_today_has_lost_its_badge_without_any_job(
        make_actor: ActorFactory, client: httpx.AsyncClient, travel: Travel) -> None:
    supplier, admin = await make_actor("supplier"), await make_actor("buyer", admin=True)
    expiry = today() + timedelta(days=3)
    await verified(supplier.client, admin.client, expires_on=expiry.isoformat())
    assert (await _store(client, supplier))["verified"] is True

    travel(datetime(expiry.year, expiry.month, expiry.day, 0, 1, tzinfo=UTC))

    store = await _store(client, supplier)
    assert (store["verified"], store["verifications"]) == (False, [])
    page = (await client.get(f"/suppliers/{supplier.organization_slug}")).text
    assert "Not verified" in page and "✓ Business licence" not in page
    [mine] = (await supplier.client.get("/api/v1/verifications")).json()
    assert (mine["status"], mine["live"]) == ("approved", False)


async def test_impossible_facts_are_refused_field_by_field_and_nothing_is_stored(make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier")
    expired = certificate(expires_on=(today() - timedelta(days=1)).isoformat())
    future = certificate(issued_on=(today() + timedelta(days=5)).isoformat())
    no_standard = certificate(kind="product_certificate")

    problems = [assert_problem(await supplier.client.post("/api/v1/verifications", json=facts), 422,
                               "validation_failed") for facts in (expired, future, no_standard)]

    assert [[(error["field"], error["code"]) for error in problem["errors"]] for problem in problems] == [
        [("expires_on", "expired")], [("issued_on", "issued_in_future")], [("standard", "standard_required")]]
    assert (await supplier.client.get("/api/v1/verifications")).json() == []


async def test_evidence_is_told_by_content_and_capped_in_size(make_actor: ActorFactory, app: FastAPI) -> None:
    supplier = await make_actor("supplier")
    created = (await supplier.client.post("/api/v1/verifications", json=certificate())).json()
    files = f"/api/v1/verifications/{created['id']}/files"

    renamed_pdf = await supplier.client.post(files, files={"file": ("scan.png", PDF, "image/png")})
    unnamed_pdf = await supplier.client.post(files, files={"file": ("scan", PDF, "application/octet-stream")})
    text_as_pdf = await supplier.client.post(files, files={"file": ("licence.pdf", b"just text", "application/pdf")})
    too_large = await supplier.client.post(files, files={"file": (
        "huge.pdf", b"%PDF-1.4\n" + b"0" * app.state.settings.image_upload_max_bytes + b"\n%%EOF", "application/pdf")})
    scan = picture("JPEG", size=(300, 200))
    photo = await supplier.client.post(files, files={"file": ("licence.jpg", scan, "image/jpeg")})

    mismatch = assert_problem(renamed_pdf, 422, "validation_failed")["errors"][0]
    assert (mismatch["code"], mismatch["message"]) == (
        "document_name_mismatch", "The file is named .png but is a PDF: rename it or send the right file")
    assert (unnamed_pdf.status_code, unnamed_pdf.json()["content_type"], unnamed_pdf.json()["file_name"]) == (
        201, "application/pdf", "scan.pdf")
    assert assert_problem(text_as_pdf, 422, "validation_failed")["errors"][0]["code"] == "document_type"
    assert_problem(too_large, 413, "body_too_large")
    assert (photo.status_code, photo.json()["content_type"]) == (201, "image/jpeg")
    stored = (await supplier.client.get(f"/api/v1/verifications/{created['id']}")).json()
    assert [file["file_name"] for file in stored["files"]] == ["scan.pdf", "licence.jpg"]


async def test_evidence_is_seen_by_its_organisation_and_admins_and_by_others_only_when_public(
        make_actor: ActorFactory, client: httpx.AsyncClient) -> None:
    supplier, admin, stranger = (await make_actor("supplier"), await make_actor("buyer", admin=True),
                                 await make_actor("supplier"))
    approved = await verified(supplier.client, admin.client)
    file = approved["files"][0]

    assert [(await who.get(file["url"])).status_code for who in (supplier.client, admin.client)] == [200, 200]
    assert [(await who.get(file["url"])).status_code for who in (client, stranger.client)] == [404, 404]
    assert (await stranger.client.get(f"/api/v1/verifications/{approved['id']}")).status_code == 404
    assert (await _store(client, supplier))["verifications"][0]["public_files"] == []

    shown = await supplier.client.patch(f"/api/v1/verifications/{approved['id']}/files/{file['id']}",
                                        json={"public": True})

    assert shown.status_code == 200 and shown.json()["public"] is True
    downloaded = await client.get(file["url"])
    assert (downloaded.status_code, downloaded.content) == (200, PDF)
    assert downloaded.headers["content-disposition"].startswith("attachment")
    assert [public["url"] for public in (await _store(client, supplier))["verifications"][0]["public_files"]] == [
        file["url"]]
    assert_problem(await admin.client.patch(f"/api/v1/verifications/{approved['id']}/files/{file['id']}",
                                            json={"public": False}), 403, "not_the_owner")


async def test_more_evidence_then_a_rejection_with_a_reason(make_actor: ActorFactory, db: AsyncSession) -> None:
    supplier, admin = await make_actor("supplier"), await make_actor("buyer", admin=True)
    request = await requested(supplier.client)
    decisions = f"/api/v1/admin/verifications/{request['id']}"

    assert_problem(await supplier.client.post(f"{decisions}/approve", json={}), 403, "admin_only")
    assert_problem(await admin.client.post(f"{decisions}/reject", json={"reason": "other"}), 422,
                   "validation_failed")
    asked = await admin.client.post(f"{decisions}/request-evidence", json={"note": "Send the licence's back page"})
    assert asked.json()["status"] == "needs_evidence"
    assert_problem(await admin.client.post(f"{decisions}/approve", json={}), 409, "waiting_for_evidence")
    added = await supplier.client.post(f"/api/v1/verifications/{request['id']}/files",
                                       files={"file": ("back.pdf", PDF, "application/pdf")})
    resubmitted = await supplier.client.post(f"/api/v1/verifications/{request['id']}/resubmit")
    rejected = await admin.client.post(f"{decisions}/reject", json={"reason": "name_mismatch",
                                                                    "note": "The licence names another company"})

    assert (added.status_code, resubmitted.json()["status"]) == (201, "pending")
    body = rejected.json()
    assert (body["status"], body["rejection_reason"], body["live"]) == ("rejected", "name_mismatch", False)
    assert [event["action"] for event in body["history"]] == [
        "requested", "evidence_added", "evidence_requested", "evidence_added", "resubmitted", "rejected"]
    assert_problem(await supplier.client.post(f"/api/v1/verifications/{request['id']}/files",
                                              files={"file": ("late.pdf", PDF, "application/pdf")}),
                   409, "not_open_to_evidence")
    assert await _titles(db, supplier.user_id, "verification_decided") == [
        "More evidence needed: Business licence", "Not verified: Business licence"]


async def test_a_request_without_evidence_cannot_be_approved(make_actor: ActorFactory) -> None:
    supplier, admin = await make_actor("supplier"), await make_actor("buyer", admin=True)
    created = (await supplier.client.post("/api/v1/verifications", json=certificate())).json()

    refused = await admin.client.post(f"/api/v1/admin/verifications/{created['id']}/approve", json={})

    assert_problem(refused, 409, "no_evidence")


async def test_holders_are_reminded_30_and_7_days_before_expiry_once_each(
        app: FastAPI, make_actor: ActorFactory, db: AsyncSession) -> None:
    supplier, admin = await make_actor("supplier"), await make_actor("buyer", admin=True)
    expiry = today() + timedelta(days=40)
    approved = await verified(supplier.client, admin.client, expires_on=expiry.isoformat())
    sessions = app.state.sessionmaker

    early = await run_reminders(sessions, expiry - timedelta(days=31))
    first = await run_reminders(sessions, expiry - timedelta(days=30))
    same_day = await run_reminders(sessions, expiry - timedelta(days=30))
    missed_days = await run_reminders(sessions, expiry - timedelta(days=5))  # the job did not run at 7 days
    after = await run_reminders(sessions, expiry - timedelta(days=1))

    assert [report.reminded for report in (early, first, same_day, missed_days, after)] == [
        [], [approved["id"]], [], [approved["id"]], []]
    assert await _titles(db, supplier.user_id, "verification_expiring") == [
        "Verification expires in 30 days: Business licence", "Verification expires in 7 days: Business licence"]
    lapsed = await run_reminders(sessions, expiry + timedelta(days=1))
    assert lapsed.reindexed == [supplier.organization_id]


async def test_a_verified_buyer_asks_better_leads(make_actor: ActorFactory) -> None:
    """Lead quality counts the buyer's verification: approving one scores its open RFQs again."""
    buyer, admin = await make_actor("buyer"), await make_actor("both", admin=True)
    created = (await buyer.client.post("/api/v1/rfqs", json=COFFEE_RFQ)).json()
    await buyer.client.post(f"/api/v1/rfqs/{created['id']}/submit")
    assert (await admin.client.post(f"/api/v1/rfqs/{created['id']}/approve")).status_code == 200
    before = (await admin.client.get(f"/api/v1/rfqs/{created['id']}")).json()["quality"]

    await verified(buyer.client, admin.client)

    after = (await admin.client.get(f"/api/v1/rfqs/{created['id']}")).json()["quality"]
    assert after["score"] == before["score"] + 10
    assert "organization_verified" in [reason["code"] for reason in after["reasons"]]



async def test_the_verified_filter_follows_approvals_and_expiry(app: FastAPI, make_actor: ActorFactory,
                                                                client: httpx.AsyncClient, travel: Travel) -> None:
    """Search reads verification from its documents: an approval reindexes the organisation at once, and the daily
    job the day after its last verification ran out."""
    await app.state.search.drop()
    supplier, admin = await make_actor("supplier"), await make_actor("buyer", admin=True)
    listing = await published_listing(supplier, admin, title="Polypropylene mooring rope 24 mm")
    expiry = today() + timedelta(days=10)
    await verified(supplier.client, admin.client, expires_on=expiry.isoformat())
    await index_now(app)
    assert BADGE in (await client.get(f"/listings/{listing['id']}")).text
    assert BADGE in (await client.get("/search", params={"q": "mooring rope"})).text
    directory = (await client.get("/suppliers", params={"verified": "true"})).text
    assert supplier.organization_slug in directory and BADGE in directory

    def titles(body: dict[str, Any]) -> list[str]:
        return [item["listing"]["title"] for item in body["items"]]

    found = (await client.get("/api/v1/search/listings", params={"q": "mooring rope", "verified": "true"})).json()
    assert titles(found) == ["Polypropylene mooring rope 24 mm"]

    travel(datetime(expiry.year, expiry.month, expiry.day, 1, tzinfo=UTC))
    await run_reminders(app.state.sessionmaker, today())
    await index_now(app)

    assert titles((await client.get("/api/v1/search/listings", params={"q": "mooring rope",
                                                                       "verified": "true"})).json()) == []
    assert titles((await client.get("/api/v1/search/listings", params={"q": "mooring rope",
                                                                       "verified": "false"})).json()) == [
        "Polypropylene mooring rope 24 mm"]
