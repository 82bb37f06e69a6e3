"""Who may do what with billing, per role: anonymous, a stranger (another organization), a member (not owner),
the owner and a platform admin."""

from typing import Any

import pytest

from tests.billing.conftest import subscribe
from tests.support.actors import Cast
from tests.support.problems import assert_problem


async def _owner_invoice(cast: Cast) -> dict[str, Any]:
    invoice: dict[str, Any] = (await subscribe((await cast.owner()).client, "silver"))["invoice"]
    return invoice


REFUSED_PLAN_CHANGES = {"anonymous": (401, "not_authenticated"), "member": (403, "owner_only")}


@pytest.mark.parametrize("role", ["anonymous", "member"])
async def test_only_an_owner_changes_the_plan(cast: Cast, role: str) -> None:
    await cast.owner()
    client = await cast.client(role)
    status, code = REFUSED_PLAN_CHANGES[role]

    for path, body in [("/api/v1/billing/subscription", {"tier": "silver"}),
                       ("/api/v1/billing/subscription/change", {"tier": "gold"}),
                       ("/api/v1/billing/subscription/cancel", None)]:
        assert_problem(await client.post(path, json=body), status, code)
    owner_view = (await (await cast.owner()).client.get("/api/v1/billing/membership")).json()
    assert owner_view["subscription"] is None


INVOICE_READ = {"anonymous": (401, "not_authenticated"), "stranger": (404, "not_found"), "member": (200, None),
                "owner": (200, None), "admin": (200, None)}


@pytest.mark.parametrize("role", list(INVOICE_READ))
async def test_an_invoice_is_seen_by_its_organization_and_admins(cast: Cast, role: str) -> None:
    invoice = await _owner_invoice(cast)
    client = await cast.client(role)

    response = await client.get(f"/api/v1/billing/invoices/{invoice['id']}")

    status, code = INVOICE_READ[role]
    if code:
        assert_problem(response, status, code)
    else:
        assert (response.status_code, response.json()["number"]) == (200, invoice["number"])


ADMIN_ONLY = {"anonymous": (401, "not_authenticated"), "stranger": (403, "admin_only"),
              "member": (403, "admin_only"), "owner": (403, "admin_only")}


@pytest.mark.parametrize("role", list(ADMIN_ONLY))
async def test_admin_endpoints_refuse_everyone_but_admins(cast: Cast, role: str) -> None:
    invoice = await _owner_invoice(cast)
    client = await cast.client(role)
    status, code = ADMIN_ONLY[role]

    for method, path, body in [
        ("POST", f"/api/v1/billing/invoices/{invoice['id']}/mark-paid", {"reference": "BANK-1"}),
        ("POST", f"/api/v1/billing/invoices/{invoice['id']}/void", None),
        ("GET", "/api/v1/billing/admin/subscriptions", None),
        ("GET", "/api/v1/billing/admin/revenue", None),
        ("PATCH", "/api/v1/billing/plans/silver", {"price_monthly": "1"}),
    ]:
        assert_problem(await client.request(method, path, json=body), status, code)
    stored = (await (await cast.owner()).client.get(f"/api/v1/billing/invoices/{invoice['id']}")).json()
    assert stored["status"] == "open"
    assert (await cast.anonymous.get("/api/v1/billing/plans")).json()[1]["price_monthly"] == "49"


async def test_an_admin_marks_a_transfer_paid_and_sees_subscriptions_and_revenue(cast: Cast) -> None:
    invoice = await _owner_invoice(cast)
    admin = await cast.admin()

    paid = await admin.client.post(f"/api/v1/billing/invoices/{invoice['id']}/mark-paid",
                                   json={"reference": "BANK-REF-42"})
    again = await admin.client.post(f"/api/v1/billing/invoices/{invoice['id']}/mark-paid",
                                    json={"reference": "BANK-REF-43"})
    void = await admin.client.post(f"/api/v1/billing/invoices/{invoice['id']}/void")

    assert (paid.status_code, paid.json()["status"], paid.json()["payment_reference"]) == \
        (200, "paid", "BANK-REF-42")
    assert again.json()["payment_reference"] == "BANK-REF-42"  # paying twice changes nothing
    assert_problem(void, 409, "invoice_paid")
    subscriptions = (await admin.client.get("/api/v1/billing/admin/subscriptions")).json()
    owner = await cast.owner()
    assert [(s["organization_id"], s["subscription"]["tier"]) for s in subscriptions["items"]] == \
        [(owner.organization_id, "silver")]
    month = paid.json()["paid_at"][:7]
    revenue = (await admin.client.get("/api/v1/billing/admin/revenue")).json()
    assert revenue == [{"month": month, "currency": "USD", "total": "49", "invoices": 1}]


async def test_an_admin_edits_a_tier(cast: Cast) -> None:
    admin = await cast.admin()
    try:
        response = await admin.client.patch("/api/v1/billing/plans/silver",
                                            json={"price_monthly": "59.00", "max_published_listings": 150})
        assert response.status_code == 200, response.text
        assert (response.json()["price_monthly"], response.json()["max_published_listings"]) == ("59", 150)
        too_big = await admin.client.patch("/api/v1/billing/plans/silver", json={"ranking_boost": "0.5"})
        assert_problem(too_big, 422, "validation_failed")
        null_price = await admin.client.patch("/api/v1/billing/plans/silver", json={"price_monthly": None})
        assert_problem(null_price, 422, "validation_failed")
    finally:  # tiers are reference data that outlives the test
        await admin.client.patch("/api/v1/billing/plans/silver",
                                 json={"price_monthly": "49", "max_published_listings": 100})
