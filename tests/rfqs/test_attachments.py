"""An RFQ's drawings and specifications: the buyer attaches PDFs and images (told by content) while the RFQ can
be edited; whoever may read the whole RFQ downloads them (a supplier's download opens its lead, as the RFQ page
does); anyone else learns only how many there are."""

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import clock
from app.models import LeadView
from tests.conftest import BASE_URL, Actor, ActorFactory
from tests.support.images import picture
from tests.support.membership import add_lead_views
from tests.support.pages import csrf_token, text_of
from tests.support.problems import assert_problem
from tests.support.rfqs import rfq_payload

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _file(data: bytes, name: str, content_type: str = "application/pdf") -> dict[str, tuple[str, bytes, str]]:
    return {"file": (name, data, content_type)}


async def _draft(buyer: Actor) -> int:
    payload = rfq_payload(description="Steel brackets, drawing attached")
    response = await buyer.client.post("/api/v1/rfqs", json=payload)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


async def _opened(buyer: Actor, admin: Actor, rfq_id: int) -> None:
    assert (await buyer.client.post(f"/api/v1/rfqs/{rfq_id}/submit")).status_code == 200
    assert (await admin.client.post(f"/api/v1/rfqs/{rfq_id}/approve")).status_code == 200


async def test_the_buyer_attaches_a_drawing_and_a_photo_to_a_draft(make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer")
    rfq_id = await _draft(buyer)
    path = f"/api/v1/rfqs/{rfq_id}/attachments"

    drawing = await buyer.client.post(path, files=_file(PDF, "../../bracket drawing.pdf"))
    photo = await buyer.client.post(path, files=_file(picture("JPEG", (640, 480)), "sample.jpeg", "image/jpeg"))

    assert drawing.status_code == 201, drawing.text
    assert (drawing.json()["file_name"], drawing.json()["content_type"]) == ("bracket drawing.pdf", "application/pdf")
    assert (photo.json()["file_name"], photo.json()["content_type"]) == ("sample.jpg", "image/jpeg")
    listed = (await buyer.client.get(path)).json()
    assert [item["file_name"] for item in listed] == ["bracket drawing.pdf", "sample.jpg"]
    download = await buyer.client.get(listed[0]["url"])
    assert download.content == PDF and download.headers["content-type"] == "application/pdf"
    assert download.headers["content-disposition"] == "attachment; filename*=UTF-8''bracket%20drawing.pdf"
    assert download.headers["cache-control"] == "private, no-store"


async def test_a_file_is_judged_by_its_content_and_an_rfq_takes_at_most_five(make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer")
    path = f"/api/v1/rfqs/{await _draft(buyer)}/attachments"
    refusals = {"document_type": _file(b"<?php system($_GET['c']); ?>", "drawing.pdf"),
                "document_damaged": _file(PDF[:-7], "cut.pdf")}
    for code, upload in refusals.items():
        problem = assert_problem(await buyer.client.post(path, files=upload), 422, "validation_failed")
        assert [(error["field"], error["code"]) for error in problem["errors"]] == [("file", code)]
    for number in range(5):
        assert (await buyer.client.post(path, files=_file(PDF, f"sheet {number}.pdf"))).status_code == 201
    assert_problem(await buyer.client.post(path, files=_file(PDF, "sixth.pdf")), 409, "too_many_attachments")
    assert len((await buyer.client.get(path)).json()) == 5


async def test_attachments_are_fixed_once_the_rfq_is_submitted(make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer")
    rfq_id = await _draft(buyer)
    attached = (await buyer.client.post(f"/api/v1/rfqs/{rfq_id}/attachments", files=_file(PDF, "a.pdf"))).json()
    assert (await buyer.client.post(f"/api/v1/rfqs/{rfq_id}/submit")).status_code == 200

    assert_problem(await buyer.client.post(f"/api/v1/rfqs/{rfq_id}/attachments", files=_file(PDF, "b.pdf")),
                   403, "not_editable")
    assert_problem(await buyer.client.delete(f"/api/v1/rfqs/{rfq_id}/attachments/{attached['id']}"),
                   403, "not_editable")


async def test_suppliers_who_open_the_lead_read_the_files_and_nobody_else_does(
        make_actor: ActorFactory, client: httpx.AsyncClient, db: AsyncSession) -> None:
    buyer, admin = await make_actor("buyer"), await make_actor("both", admin=True)
    supplier, exhausted, stranger = (await make_actor("supplier"), await make_actor("supplier"),
                                     await make_actor("buyer"))
    rfq_id = await _draft(buyer)
    url = (await buyer.client.post(f"/api/v1/rfqs/{rfq_id}/attachments", files=_file(PDF, "a.pdf"))).json()["url"]
    await _opened(buyer, admin, rfq_id)
    await add_lead_views(db, exhausted.organization_id, 5, clock.today())  # Free: 5 leads a day, all used
    await db.commit()
    path = f"/api/v1/rfqs/{rfq_id}/attachments"

    assert [item["url"] for item in (await supplier.client.get(path)).json()] == [url]
    assert (await supplier.client.get(url)).content == PDF
    opened = await db.scalar(select(func.count()).select_from(LeadView).where(
        LeadView.organization_id == supplier.organization_id, LeadView.rfq_id == rfq_id))
    assert opened == 1  # the list and the download opened one lead, counted once
    for outsider in (client, exhausted.client, stranger.client):
        assert (await outsider.get(path)).json() == []
        assert (await outsider.get(url)).status_code == 404


async def test_the_rfq_page_attaches_files_and_tells_visitors_how_many(make_actor: ActorFactory, app: FastAPI,
                                                                      client: httpx.AsyncClient) -> None:
    buyer, admin = await make_actor("buyer"), await make_actor("both", admin=True)
    rfq_id = await _draft(buyer)
    login = await client.post("/api/v1/auth/login", json={"email": buyer.email, "password": buyer.password})
    assert login.status_code == 200
    page = await client.get(f"/rfqs/{rfq_id}")
    assert "Attach a drawing or specification" in page.text

    bad = await client.post(f"/rfqs/{rfq_id}/attachments", data={"csrf_token": csrf_token(page.text)},
                            files=_file(b"GIF89a", "drawing.gif", "image/gif"))
    assert bad.status_code == 422
    assert "Send a PDF, JPEG, PNG or WebP file" in text_of(bad)
    assert 'id="attachment-error"' in bad.text
    good = await client.post(f"/rfqs/{rfq_id}/attachments", data={"csrf_token": csrf_token(page.text)},
                             files=_file(PDF, "bracket.pdf"))
    assert good.headers["location"] == f"/rfqs/{rfq_id}#attachments"
    assert "bracket.pdf" in (await client.get(f"/rfqs/{rfq_id}")).text

    await _opened(buyer, admin, rfq_id)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as visitor:
        shown = text_of(await visitor.get(f"/rfqs/{rfq_id}"))
    assert "1 file is attached: suppliers who open this request read it." in shown
    assert "bracket.pdf" not in shown
