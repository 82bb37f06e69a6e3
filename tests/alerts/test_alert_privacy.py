"""What an RFQ's matched suppliers are told when it opens (in-app notification, e-mail, webhook) never names the
buyer: a list of leads opens none, so the buyer's company, contact and organisation id stay on the RFQ's details,
where the plan's view_buyer_contact decides (tests/rfqs/test_rfq_privacy.py)."""

from typing import Any

from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import OutgoingEmail, WebhookDelivery, WebhookEndpoint
from search.backend import SearchBackend
from tests.alerts.conftest import alerted, notifications_of, work_off
from tests.search_api.conftest import open_rfq, published_listing
from tests.support.membership import put_on_tier

COMPANY = "Hamburg Kaffeekontor GmbH"
CAMERA = {"title": "Sony Cyber-shot DSC-W120P digital camera", "hs_code": "852589", "moq": "10", "moq_unit": "piece",
          "price_min": "90", "price_max": "95", "currency": "USD"}


async def test_rfq_match_alerts_never_name_the_buyer(app: FastAPI, engine: SearchBackend, make_actor: Any,
                                                     db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    free, gold = await make_actor("supplier"), await make_actor("supplier")
    await put_on_tier(db, gold.organization_id, "gold")
    await db.commit()
    for supplier in (free, gold):
        await published_listing(supplier, admin, **CAMERA)
        db.add(WebhookEndpoint(organization_id=supplier.organization_id, url="https://hooks.example/tl",
                               secret="s" * 32, events=["rfq_match"]))
        await db.commit()
    buyer = await make_actor("buyer", country="DE", organization_name=COMPANY)

    rfq = await open_rfq(buyer, admin, title="Sony DSC-W120P digital camera", hs_code="852589", quantity="200",
                         unit="piece")
    await work_off(app)

    assert (await alerted(db))[f"rfq_match:rfq:{rfq['id']}"] == {free.organization_id, gold.organization_id}
    emails = [(m.subject, m.body_text) for m in await db.scalars(select(OutgoingEmail).where(
        OutgoingEmail.to_address.in_([free.email, gold.email]), OutgoingEmail.subject.startswith("New RFQ")))]
    payloads = list(await db.scalars(select(WebhookDelivery.payload)))
    await db.rollback()
    notes = [n for s in (free, gold) for n in await notifications_of(db, s.organization_id) if n["kind"] == "rfq_match"]
    assert len(notes) == 2 and len(emails) == 2 and len(payloads) == 2
    told = str(notes) + str(emails) + str(payloads)
    assert rfq["title"] in told
    for hidden in ("Kaffeekontor", buyer.email, f'"organization_id": {buyer.organization_id}'):
        assert hidden not in told
