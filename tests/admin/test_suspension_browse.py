"""A suspended organisation's listings and RFQs are gone from the pages and API lists that read SQL (not only from
search): their pages, the listings and RFQs lists, the category counts and the home page's featured suppliers; an
admin still reads them, and reactivation brings everything back."""

from typing import Any

import httpx

from tests.admin.accounts import decide
from tests.conftest import Actor, ActorFactory
from tests.support.pages import COFFEE_RFQ, T_SHIRT, published_listing


async def _live(owner: Actor, admin: Actor, kind: str, body: dict[str, Any], step: str) -> dict[str, Any]:
    created = await owner.client.post(f"/api/v1/{kind}", json=body)
    assert created.status_code == 201, created.text
    assert (await owner.client.post(f"/api/v1/{kind}/{created.json()['id']}/submit")).status_code == 200
    done = await admin.client.post(f"/api/v1/{kind}/{created.json()['id']}/{step}")
    assert done.status_code == 200, done.text
    return dict(done.json())


async def test_a_suspended_organisations_objects_leave_every_public_list(client: httpx.AsyncClient,
                                                                           make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("both", organization_name="Shady Export Co")
    await published_listing(admin, title="Brass gate valves", hs_code="8481.80")  # someone else's, still listed
    listing = await _live(supplier, admin, "listings", T_SHIRT, "publish")
    rfq = await _live(supplier, admin, "rfqs", COFFEE_RFQ, "approve")
    assert "Shady Export Co" in (await client.get("/")).text

    await decide(admin, "suspend", slug=supplier.organization_slug)

    for path in (f"/listings/{listing['id']}", f"/api/v1/listings/{listing['id']}", f"/rfqs/{rfq['id']}",
                 f"/api/v1/rfqs/{rfq['id']}"):
        assert (await client.get(path)).status_code == 404, path
    assert [item["title"] for item in (await client.get("/api/v1/listings")).json()["items"]] == ["Brass gate valves"]
    assert (await client.get("/api/v1/rfqs")).json()["items"] == []
    assert (await client.get("/api/v1/categories/61")).json()["listing_count"] == 0
    assert "Shady Export Co" not in (await client.get("/")).text
    assert (await admin.client.get(f"/api/v1/listings/{listing['id']}")).status_code == 200

    await decide(admin, "reactivate", slug=supplier.organization_slug)
    assert (await client.get(f"/listings/{listing['id']}")).status_code == 200
    assert (await client.get("/api/v1/categories/61")).json()["listing_count"] == 1
    assert len((await client.get("/api/v1/rfqs")).json()["items"]) == 1
