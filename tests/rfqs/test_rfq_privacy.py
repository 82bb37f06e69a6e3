"""Who the buyer of an RFQ is, and the whole request, per role, on the RFQ page and the RFQ API: the buyer's
company and contacts only for suppliers whose plan includes buyer contacts (`view_buyer_contact`) and for the
buyer's own members and admins; the whole description only to suppliers who open the RFQ (a lead) and the buyer."""

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Actor, ActorFactory
from tests.support.membership import put_on_tier
from tests.support.pages import text_of
from tests.support.rfqs import create_rfq

BUYER_COMPANY = "Hamburg Kaffeekontor GmbH"
DESCRIPTION = ("Green arabica coffee, washed, screen 16 and up, moisture under 12.5 percent, crop 2026, in 60 kg "
               "jute bags with GrainPro liners; SCA cupping score 82 or better, samples before shipment. "
               "Private note: we currently buy from Fazenda Boa Vista and want a second source.")
ROLES = ("anonymous", "other buyer", "free supplier", "gold supplier", "the buyer", "admin")


@pytest.fixture
async def people(make_actor: ActorFactory, client: httpx.AsyncClient, db: AsyncSession) -> dict[str, Any]:
    buyer = await make_actor("buyer", organization_name=BUYER_COMPANY, country="DE", website="https://kontor.example")
    gold = await make_actor("supplier", organization_name="Gold Roasters")
    await put_on_tier(db, gold.organization_id, "gold")
    await db.commit()
    return {"anonymous": client, "other buyer": await make_actor("buyer"),
            "free supplier": await make_actor("supplier"), "gold supplier": gold, "the buyer": buyer,
            "admin": await make_actor("both", admin=True)}


def client_of(people: dict[str, Any], role: str) -> httpx.AsyncClient:
    person = people[role]
    return person.client if isinstance(person, Actor) else person


@pytest.fixture
async def rfq(people: dict[str, Any]) -> dict[str, Any]:
    buyer, admin = people["the buyer"], people["admin"]
    created = await create_rfq(buyer.client, title="Green arabica coffee beans", description=DESCRIPTION,
                               hs_code="090111", destination_country="DE")
    assert (await buyer.client.post(f"/api/v1/rfqs/{created['id']}/submit")).status_code == 200
    approved = await admin.client.post(f"/api/v1/rfqs/{created['id']}/approve")
    assert approved.status_code == 200, approved.text
    body: dict[str, Any] = approved.json()
    return body


# role: (buyer's company and ids shown, contact panel shown, whole description shown)
EXPECTED = {
    "anonymous": (False, False, False),
    "other buyer": (False, False, False),
    "free supplier": (False, False, True),
    "gold supplier": (True, True, True),
    "the buyer": (True, False, True),
    "admin": (True, False, True),
}


@pytest.mark.parametrize("role", ROLES)
async def test_rfq_api_shows_the_buyer_only_where_the_plan_allows(people: dict[str, Any], rfq: dict[str, Any],
                                                                  role: str) -> None:
    identity, contact, whole = EXPECTED[role]

    response = await client_of(people, role).get(f"/api/v1/rfqs/{rfq['id']}")

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["organization_id"] is not None, body["user_id"] is not None) == (identity, identity)
    assert (BUYER_COMPANY in response.text, people["the buyer"].email in response.text) == (contact, contact)
    assert (body["buyer_contact"] is not None) is contact
    if contact:
        assert body["buyer_contact"]["organization_name"] == BUYER_COMPANY
        assert body["buyer_contact"]["email"] == people["the buyer"].email
    assert (body["full_text"], body["description"] == DESCRIPTION) == (whole, whole)
    if not whole:
        assert body["description"].endswith("…") and DESCRIPTION.startswith(body["description"][:-1])
        assert "Fazenda" not in response.text


@pytest.mark.parametrize("role", ROLES)
async def test_rfq_page_shows_the_buyer_only_where_the_plan_allows(people: dict[str, Any], rfq: dict[str, Any],
                                                                   role: str) -> None:
    identity, contact, whole = EXPECTED[role]

    page = await client_of(people, role).get(f"/rfqs/{rfq['id']}")

    assert page.status_code == 200
    text = text_of(page)
    assert (BUYER_COMPANY in text, "kontor.example" in text) == (identity, contact)
    assert ('<h2 id="contact">Buyer contact</h2>' in text) is contact
    if contact:
        assert people["the buyer"].email in text
    assert ("Fazenda Boa Vista" in text) is whole
    if not identity:
        assert "A buyer in Germany" in text


@pytest.mark.parametrize("role", ROLES)
async def test_rfq_list_never_names_another_companys_buyer(people: dict[str, Any], rfq: dict[str, Any],
                                                           role: str) -> None:
    """A list opens no lead: the buyer's identity and the whole text stay on the RFQ's own page."""
    manages = role in ("the buyer", "admin")

    response = await client_of(people, role).get("/api/v1/rfqs")

    assert response.status_code == 200
    [item] = response.json()["items"]
    assert (item["organization_id"] is not None, item["full_text"], "Fazenda" in response.text) == (
        manages, manages, manages)
