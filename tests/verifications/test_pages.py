"""The verification pages: a member asks with the facts and a file in one form (refused forms keep nothing and say
why beside the field), follows the request, and an admin decides it from the queue; the store then shows the badge."""

import asyncio
from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import today
from app.core.config import Settings
from app.core.db import is_sqlite
from app.models import Verification
from tests.conftest import ActorFactory
from tests.support.pages import csrf_token, text_of
from tests.support.verifications import PDF, certificate, requested


async def _count(db: AsyncSession) -> int:
    found = int(await db.scalar(select(func.count()).select_from(Verification)) or 0)
    await db.rollback()
    return found


async def test_a_member_asks_on_the_page_and_an_admin_approves_from_the_queue(
        make_actor: ActorFactory, db: AsyncSession) -> None:
    supplier = await make_actor("supplier", organization_name="Foshan Ceramic Tiles Co")
    admin = await make_actor("buyer", admin=True)
    form = await supplier.client.get("/verifications/new")
    facts = certificate(kind="product_certificate", standard="CE", issuer="TÜV Rheinland",
                        certificate_number="AN 50412345")

    no_file = await supplier.client.post("/verifications", data={**facts, "csrf_token": csrf_token(form.text)})
    expired = await supplier.client.post(
        "/verifications", data={**facts, "expires_on": (today() - timedelta(days=2)).isoformat(),
                                "csrf_token": csrf_token(form.text)},
        files={"file": ("ce.pdf", PDF, "application/pdf")})

    assert no_file.status_code == 422 and 'id="e-file"' in no_file.text
    assert expired.status_code == 422
    assert '<p class="field-error" id="e-expires_on">This certificate has expired: send a current one' in expired.text
    assert 'value="TÜV Rheinland"' in text_of(expired)  # what was typed stays in the form
    assert await _count(db) == 0

    sent = await supplier.client.post("/verifications", data={**facts, "csrf_token": csrf_token(form.text)},
                                      files={"file": ("ce.pdf", PDF, "application/pdf")})
    assert sent.status_code == 303
    detail = text_of(await supplier.client.get(sent.headers["location"]))
    assert "Product certificate · CE" in detail and "ce.pdf" in detail and "pending" in detail
    assert "Foshan Ceramic Tiles Co" in text_of(await admin.client.get("/admin/verifications"))

    queue_page = await admin.client.get(sent.headers["location"])
    assert "Compare the facts above with the evidence: the company named must be Foshan Ceramic Tiles Co." in (
        text_of(queue_page))
    verification_id = sent.headers["location"].rsplit("/", 1)[1]
    decided = await admin.client.post(f"/admin/verifications/{verification_id}/approve",
                                      data={"note": "", "csrf_token": csrf_token(queue_page.text)})

    assert (decided.status_code, decided.headers["location"]) == (303, "/admin/verifications")
    store = text_of(await supplier.client.get(f"/suppliers/{supplier.organization_slug}"))
    assert "✓ Product certificate · CE" in store and "TÜV Rheinland · valid until" in store
    assert "Badge shown" in text_of(await supplier.client.get("/verifications"))


async def test_refusals_on_the_request_page_are_said_beside_their_form(make_actor: ActorFactory) -> None:
    supplier, admin = await make_actor("supplier"), await make_actor("buyer", admin=True)
    request = await requested(supplier.client)
    mine = await supplier.client.get(f"/verifications/{request['id']}")
    not_a_pdf = await supplier.client.post(f"/verifications/{request['id']}/files",
                                           data={"csrf_token": csrf_token(mine.text)},
                                           files={"file": ("licence.pdf", b"plain text", "application/pdf")})
    assert not_a_pdf.status_code == 422
    assert '<p class="field-error" role="alert" id="e-form-file">Send a PDF, JPEG, PNG or WebP file' in not_a_pdf.text
    page = await admin.client.get(f"/verifications/{request['id']}")

    refused = await admin.client.post(f"/admin/verifications/{request['id']}/reject",
                                      data={"reason": "other", "note": "", "csrf_token": csrf_token(page.text)})

    assert refused.status_code == 422 and 'id="e-form-reject"' in refused.text
    assert (await supplier.client.get(f"/api/v1/verifications/{request['id']}")).json()["status"] == "pending"


@pytest.mark.postgres_only
async def test_two_admins_deciding_at_once_decide_once(make_actor: ActorFactory, settings: Settings,
                                                       app: FastAPI) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    supplier = await make_actor("supplier")
    admins = [await make_actor("buyer", admin=True) for _ in range(2)]
    request = await requested(supplier.client)
    path = f"/api/v1/admin/verifications/{request['id']}"

    answers = await asyncio.gather(*(admin.client.post(f"{path}/{decision}", json=body) for admin in admins
                                     for decision, body in (("approve", {}), ("reject", {"reason": "unreadable"}))))

    assert sorted(answer.status_code for answer in answers) == [200, 409, 409, 409]
    history = (await supplier.client.get(f"/api/v1/verifications/{request['id']}")).json()["history"]
    assert [event["action"] for event in history][-1] in ("approved", "rejected")
    assert len([event for event in history if event["action"] in ("approved", "rejected")]) == 1
