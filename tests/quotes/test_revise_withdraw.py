"""Revising a quote keeps the history; withdrawing ends it; who sees which quotes."""

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Actor
from tests.support.actors import Cast
from tests.support.problems import assert_invalid, assert_problem
from tests.support.quotes import notifications_of, open_rfq, submit


async def test_each_revision_keeps_the_previous_values_of_what_changed(cast: Cast, supplier: Actor,
                                                                       db: AsyncSession) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq, lead_time_days=30)
    path = f"/api/v1/quotes/{quote['id']}"

    first = await supplier.client.patch(path, json={"unit_price": "3100", "lead_time_days": 25})
    second = await supplier.client.patch(path, json={"currency": "usd", "incoterm": "CIF"})
    unchanged = await supplier.client.patch(path, json={"unit_price": "3100.00"})

    assert first.status_code == second.status_code == unchanged.status_code == 200
    body = unchanged.json()
    assert (body["unit_price"], body["currency"], body["incoterm"], body["lead_time_days"], body["revision"]) == (
        "3100", "USD", "CIF", 25, 2)
    history = (await supplier.client.get(f"{path}/revisions")).json()
    assert [(row["revision"], row["previous"], row["user_id"]) for row in history] == [
        (1, {"unit_price": "3150.5", "lead_time_days": 30}, supplier.user_id),
        (2, {"currency": "EUR", "incoterm": None}, supplier.user_id),
    ]
    owner = await cast.owner()
    assert (await owner.client.get(f"{path}/revisions")).json() == history
    assert await notifications_of(db, owner.organization_id) == [
        ("quote_received", "New quote on your RFQ “Green coffee beans”"),
        ("quote_revised", "A quote on your RFQ “Green coffee beans” was revised"),
        ("quote_revised", "A quote on your RFQ “Green coffee beans” was revised"),
    ]


async def test_a_revision_is_validated_as_a_whole(cast: Cast, supplier: Actor) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)

    assert_invalid(await supplier.client.patch(f"/api/v1/quotes/{quote['id']}", json={"sample_offer": "paid"}),
                   sample_price="sample_price_required")
    assert_invalid(await supplier.client.patch(f"/api/v1/quotes/{quote['id']}", json={"unit_price": None}),
                   unit_price="null_not_allowed")
    assert (await supplier.client.get(f"/api/v1/quotes/{quote['id']}")).json() == quote


@pytest.mark.parametrize(("role", "status", "code"), [
    ("anonymous", 401, "not_authenticated"),
    ("rival", 404, "not_found"),
    ("owner", 403, "not_a_member"),
    ("admin", 403, "not_a_member"),
])
async def test_only_the_supplier_revises_or_withdraws(cast: Cast, supplier: Actor, rival: Actor, role: str,
                                                      status: int, code: str) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)
    client = rival.client if role == "rival" else await cast.client(role)

    assert_problem(await client.patch(f"/api/v1/quotes/{quote['id']}", json={"unit_price": "1"}), status, code)
    assert_problem(await client.post(f"/api/v1/quotes/{quote['id']}/withdraw"), status, code)

    assert (await supplier.client.get(f"/api/v1/quotes/{quote['id']}")).json() == quote


async def test_a_withdrawn_quote_cannot_be_revised_and_the_buyer_is_told(cast: Cast, supplier: Actor,
                                                                         db: AsyncSession) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)

    withdrawn = (await supplier.client.post(f"/api/v1/quotes/{quote['id']}/withdraw")).json()

    assert withdrawn["status"] == "withdrawn" and withdrawn["withdrawn_at"] is not None
    problem = assert_problem(await supplier.client.patch(f"/api/v1/quotes/{quote['id']}", json={"unit_price": "1"}),
                             409, "quote_not_active")
    assert problem["detail"] == "A quote that is withdrawn cannot be changed"
    assert (await notifications_of(db, (await cast.owner()).organization_id))[-1] == (
        "quote_withdrawn", "A quote on your RFQ “Green coffee beans” was withdrawn")


async def test_a_quote_on_a_closed_rfq_cannot_be_revised(cast: Cast, supplier: Actor) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)
    await (await cast.owner()).client.post(f"/api/v1/rfqs/{rfq['id']}/close")

    assert_problem(await supplier.client.patch(f"/api/v1/quotes/{quote['id']}", json={"unit_price": "1"}),
                   409, "quote_not_active")  # closing declined it


async def test_the_buyer_sees_every_quote_a_supplier_only_its_own(cast: Cast, supplier: Actor,
                                                                   rival: Actor) -> None:
    rfq = await open_rfq(cast)
    mine = await submit(supplier.client, rfq)
    theirs = await submit(rival.client, rfq, unit_price="2999")
    path = f"/api/v1/rfqs/{rfq['id']}/quotes"

    as_buyer = (await (await cast.owner()).client.get(path)).json()
    as_member = (await (await cast.member()).client.get(path)).json()
    as_admin = (await (await cast.admin()).client.get(path)).json()
    as_supplier = (await supplier.client.get(path)).json()

    assert [quote["id"] for quote in as_buyer] == [mine["id"], theirs["id"]]
    assert as_member == as_admin == as_buyer
    assert as_supplier == [mine]
    assert_problem(await cast.anonymous.get(path), 401, "not_authenticated")
    assert_problem(await (await cast.stranger()).client.get(path), 403, "not_a_supplier")
    assert_problem(await rival.client.get(f"/api/v1/quotes/{mine['id']}"), 404, "not_found")
    assert_problem(await rival.client.get(f"/api/v1/quotes/{mine['id']}/revisions"), 404, "not_found")
    assert_problem(await (await cast.stranger()).client.get(f"/api/v1/quotes/{mine['id']}"), 404, "not_found")
