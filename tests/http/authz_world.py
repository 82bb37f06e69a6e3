"""The organisations, people and objects the authorisation matrix asks about (tests/http/test_authorization_matrix.py).

The owner's organisation buys and sells, so that every kind of object can be its own: a draft listing, an open RFQ,
a quote and an inquiry (on a counterpart's RFQ and listing), a saved search, a webhook, an open invoice, a refund due,
a notification. Strangers own other organisations, one per tier (Free, Silver, Gold), so that a route refusing a
stranger on a paid plan is seen. Everyone reaches the app with a personal access token, as API clients do."""

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
from fastapi import FastAPI

from app.core import clock
from app.core.security import sign
from app.models import AdCampaign, Invitation, LeadReport, ListingImage, RefundDue, Rfq, RfqAttachment, User
from app.models.enums import LeadReportReason, MemberRole, PaymentProviderName, RfqStatus, Unit
from tests.conftest import Actor
from tests.rfqs.test_attachments import PDF
from tests.search_api.conftest import open_rfq, published_listing
from tests.support.actors import new_actor
from tests.support.images import picture
from tests.support.listings import create_listing
from tests.support.quotes import quote_payload
from tests.support.verifications import requested

ROLES = ("anonymous", "stranger", "silver", "gold", "member", "owner", "admin")
Factory = Callable[[], Awaitable[str]]


@dataclass
class World:
    clients: dict[str, httpx.AsyncClient]
    values: dict[str, str]  # path parameter -> the owner's object it names
    fresh: dict[str, Factory] = field(default_factory=dict)  # parameters of objects a request may delete
    actors: list[Actor] = field(default_factory=list)

    async def close(self) -> None:
        for actor in self.actors:
            await actor.client.aclose()


async def _created(client: httpx.AsyncClient, url: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(url, json=body)
    assert response.status_code in (200, 201), f"{url}: {response.status_code} {response.text}"
    return dict(response.json())


async def _on_plan(actor: Actor, admin: Actor, tier: str) -> None:
    invoice = (await _created(actor.client, "/api/v1/billing/subscription", {"tier": tier}))["invoice"]
    await _created(admin.client, f"/api/v1/billing/invoices/{invoice['id']}/mark-paid", {"reference": f"BANK-{tier}"})


async def _people(app: FastAPI) -> dict[str, Actor]:
    people = {"owner": await new_actor(app, "both"), "admin": await new_actor(app, "both", admin=True),
              "stranger": await new_actor(app, "both"), "silver": await new_actor(app, "both"),
              "gold": await new_actor(app, "both"), "counterpart": await new_actor(app, "both")}
    people["member"] = await new_actor(app, "both", member_of=people["owner"])
    for tier in ("silver", "gold"):
        await _on_plan(people[tier], people["admin"], tier)
    return people


async def _trade(people: dict[str, Actor]) -> dict[str, str]:
    """The owner's listing and RFQ, and its quote and inquiry on the counterpart's."""
    owner, admin, counterpart = people["owner"], people["admin"], people["counterpart"]
    listing = await create_listing(owner.client, title="Stainless steel ball valves")
    rfq = await open_rfq(owner, admin, title="Green coffee beans", quantity="20", unit="metric_ton")
    their_rfq = await open_rfq(counterpart, admin, title="Arabica coffee beans", quantity="20", unit="metric_ton")
    their_listing = await published_listing(counterpart, admin, title="Cotton T-shirts", moq="500", moq_unit="piece")
    quote = await _created(owner.client, f"/api/v1/rfqs/{their_rfq['id']}/quotes", quote_payload())
    their_quote = await _created(counterpart.client, f"/api/v1/rfqs/{rfq['id']}/quotes", quote_payload())
    inquiry = await _created(owner.client, f"/api/v1/listings/{their_listing['id']}/inquiries",
                             {"message": "Can you ship 5,000 pieces to Hamburg by March?"})
    return {"listing_id": str(listing["id"]), "item_id": str(listing["id"]), "entity_id": str(listing["id"]),
            "rfq_id": str(rfq["id"]), "quote_id": str(quote["id"]), "inquiry_id": str(inquiry["id"]),
            "their_quote_id": str(their_quote["id"])}  # on the owner's RFQ (it notified the owner)


async def _billing(app: FastAPI, owner: Actor) -> dict[str, str]:
    """An open invoice of the owner (a Gold plan bought, not paid) and a refund due on it."""
    invoice = (await _created(owner.client, "/api/v1/billing/subscription", {"tier": "gold"}))["invoice"]
    async with app.state.sessionmaker() as session:
        refund = RefundDue(invoice_id=invoice["id"], provider=PaymentProviderName.MANUAL, reference="BANK-TWICE")
        session.add(refund)
        # A keyword campaign of the owner's organisation, as a plan with bidding would have started it.
        campaign = AdCampaign(organization_id=owner.organization_id, name="Valves", daily_budget=Decimal("10"),
                              starts_on=clock.today())
        session.add(campaign)
        await session.commit()
        return {"invoice_id": str(invoice["id"]), "refund_id": str(refund.id), "campaign_id": str(campaign.id),
                "token": "forged.token"}


def _factories(app: FastAPI, owner: Actor, listing_id: str) -> dict[str, Factory]:
    """A new object for each request that may delete one: the next role then asks about an object that exists."""
    async def token() -> str:
        return str((await _created(owner.client, "/api/v1/me/tokens", {"name": "spare"}))["id"])

    async def saved_search() -> str:
        return str((await _created(owner.client, "/api/v1/saved-searches", {"name": "Valves", "query": "valve"}))["id"])

    async def webhook() -> str:
        return str((await _created(owner.client, "/api/v1/webhooks", {"url": "https://93.184.215.14/hook"}))["id"])

    async def image() -> str:
        """Stored directly: by the time a role removes one, the listing may be under review (images frozen)."""
        async with app.state.sessionmaker() as session:
            row = ListingImage(listing_id=int(listing_id), position=1, display_key=f"listings/{listing_id}/d.webp",
                               thumbnail_key=f"listings/{listing_id}/t.webp", content_type="image/webp", width=32,
                               height=24)
            session.add(row)
            await session.commit()
        for key in (row.display_key, row.thumbnail_key):
            app.state.files.put(key, picture(size=(32, 24)))
        return str(row.id)

    async def spare_member() -> str:
        async with app.state.sessionmaker() as session:
            user = User(email=f"spare-{secrets.token_hex(4)}@example.com", password_hash="!", name="Spare member",
                        organization_id=owner.organization_id, member_role=MemberRole.MEMBER)
            session.add(user)
            await session.commit()
            return str(user.id)

    async def invitation() -> str:
        return str(await _invitation(app, owner))

    async def lead_report() -> str:
        """An open report on an RFQ of its own: confirming one closes its RFQ."""
        async with app.state.sessionmaker() as session:
            rfq = Rfq(organization_id=owner.organization_id, title="Reported coffee", quantity=Decimal(1),
                      unit=Unit.METRIC_TON, valid_until=clock.today() + timedelta(days=30), status=RfqStatus.OPEN,
                      opened_at=clock.utcnow())
            session.add(rfq)
            await session.flush()
            report = LeadReport(rfq_id=rfq.id, organization_id=owner.organization_id, reason=LeadReportReason.OTHER,
                                note="A test report")
            session.add(report)
            await session.commit()
            return str(report.id)

    async def logo() -> str:
        """Put back after a role removed it: the logo's file route is asked about a logo that exists."""
        response = await owner.client.put(f"/api/v1/organizations/{owner.organization_slug}/logo",
                                          files={"file": ("logo.png", picture(size=(64, 64)), "image/png")})
        assert response.status_code == 200, response.text
        return owner.organization_slug

    async def translation() -> str:
        """The listing's Spanish, given (again) after a role removed it."""
        response = await owner.client.put(f"/api/v1/listings/{listing_id}/translations/es",
                                          json={"title": "Válvulas de bola de acero inoxidable"})
        assert response.status_code == 200, response.text
        return "es"

    return {"token_id": token, "search_id": saved_search, "endpoint_id": webhook, "image_id": image,
            "user_id": spare_member, "invitation_id": invitation, "slug": logo, "report_id": lead_report,
            "language": translation}


async def _invitation(app: FastAPI, owner: Actor) -> int:
    """Stored directly: the owner's Free plan has no place left to invite through the API."""
    async with app.state.sessionmaker() as session:
        row = Invitation(organization_id=owner.organization_id, email=f"invited-{secrets.token_hex(4)}@example.com",
                         member_role=MemberRole.MEMBER, expires_at=clock.utcnow() + timedelta(days=7))
        session.add(row)
        await session.commit()
        return row.id


async def _uploads(app: FastAPI, owner: Actor, rfq_id: str) -> dict[str, str]:
    """An import of the owner's, an attachment on its RFQ (stored directly: the RFQ is open, its files frozen), a
    verification request of the owner's with its evidence, and signed links: an invitation to the owner's
    organisation and the owner's address check."""
    csv = b"title,moq,moq_unit\nBamboo board,500,piece\n"
    started = await owner.client.post("/api/v1/listing-imports", files={"file": ("boards.csv", csv, "text/csv")})
    assert started.status_code == 202, started.text
    async with app.state.sessionmaker() as session:
        attachment = RfqAttachment(rfq_id=int(rfq_id), file_key=f"rfqs/{rfq_id}/drawing.pdf", file_name="drawing.pdf",
                                   content_type="application/pdf", size=len(PDF))
        session.add(attachment)
        await session.commit()
    app.state.files.put(attachment.file_key, PDF)
    secret = app.state.settings.secret_key
    verification = await requested(owner.client)
    evidence = (await owner.client.get(f"/api/v1/verifications/{verification['id']}")).json()["files"][0]
    return {"import_id": str(started.json()["id"]), "attachment_id": str(attachment.id),
            "verification_id": str(verification["id"]), "file_id": str(evidence["id"]),
            "token": sign(secret, "invitation", {"invitation": await _invitation(app, owner)}),
            "confirmation": sign(secret, "address-check", {"user": owner.user_id, "email": owner.email})}


async def build_world(app: FastAPI, anonymous: httpx.AsyncClient) -> World:
    people = await _people(app)
    owner = people["owner"]
    values = {**await _trade(people), **await _billing(app, owner), "slug": owner.organization_slug, "code": "silver",
              "entity_type": "listing", "decision": "approve", "action": "submit", "variant": "thumbnail",
              "category": "85"}
    notifications = (await owner.client.get("/api/v1/notifications")).json()["items"]
    values["notification_id"] = str(notifications[0]["id"])
    values |= await _uploads(app, owner, values["rfq_id"])
    fresh = _factories(app, owner, values["listing_id"])
    values |= {name: await make() for name, make in fresh.items()}
    clients = {"anonymous": anonymous, **{role: people[role].client for role in ROLES if role != "anonymous"}}
    return World(clients, values, fresh, list(people.values()))
