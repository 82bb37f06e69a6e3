"""Award one quote (the others are declined), close without award, rate the quotes received; contact details."""

import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Actor
from tests.support.actors import Cast
from tests.support.membership import put_on_tier
from tests.support.problems import assert_invalid, assert_problem
from tests.support.quotes import close_all, notifications_of, open_rfq, submit, suppliers

AWARDED = ("quote_awarded", "Your quote on “Green coffee beans” was awarded")
DECLINED = ("quote_declined", "Your quote on “Green coffee beans” was declined")


async def test_award_one_quote_declines_the_others_and_tells_each_supplier(cast: Cast, app: FastAPI,
                                                                           db: AsyncSession) -> None:
    rfq = await open_rfq(cast)
    winner, loser, quitter = await suppliers(app, 3)
    won = await submit(winner.client, rfq)
    lost = await submit(loser.client, rfq)
    gone = await submit(quitter.client, rfq)
    await quitter.client.post(f"/api/v1/quotes/{gone['id']}/withdraw")
    owner = await cast.owner()

    response = await owner.client.post(f"/api/v1/rfqs/{rfq['id']}/award", json={"quote_id": won["id"]})

    assert (response.status_code, response.json()["status"]) == (200, "awarded")
    statuses = {quote["id"]: quote["status"] for quote in
                (await owner.client.get(f"/api/v1/rfqs/{rfq['id']}/quotes")).json()}
    assert statuses == {won["id"]: "awarded", lost["id"]: "declined", gone["id"]: "withdrawn"}
    assert await notifications_of(db, winner.organization_id) == [AWARDED]
    assert await notifications_of(db, loser.organization_id) == [DECLINED]
    assert await notifications_of(db, quitter.organization_id) == []
    assert_problem(await owner.client.post(f"/api/v1/rfqs/{rfq['id']}/award", json={"quote_id": lost["id"]}),
                   409, "quote_not_active")
    await close_all([winner, loser, quitter])


async def test_award_refusals(cast: Cast, supplier: Actor, rival: Actor) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)
    other_rfq = await open_rfq(cast, title="Cocoa beans")
    elsewhere = await submit(rival.client, other_rfq)
    path = f"/api/v1/rfqs/{rfq['id']}/award"

    assert_problem(await cast.anonymous.post(path, json={"quote_id": quote["id"]}), 401, "not_authenticated")
    assert_problem(await supplier.client.post(path, json={"quote_id": quote["id"]}), 403, "not_a_member")
    assert_problem(await (await cast.stranger()).client.post(path, json={"quote_id": quote["id"]}),
                   403, "not_a_member")
    owner = await cast.owner()
    assert_problem(await owner.client.post(path, json={"quote_id": elsewhere["id"]}), 404, "not_found")
    assert_invalid(await owner.client.post(path, json={"quote_id": 0}), quote_id="greater_than_equal")
    assert (await supplier.client.get(f"/api/v1/quotes/{quote['id']}")).json()["status"] == "submitted"

    await owner.client.post(f"/api/v1/rfqs/{rfq['id']}/close")
    problem = assert_problem(await owner.client.post(path, json={"quote_id": quote["id"]}), 409,
                             "quote_not_active")
    assert problem["detail"] == "A quote that is declined cannot be awarded"


async def test_an_admin_may_award(cast: Cast, supplier: Actor) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)

    response = await (await cast.admin()).client.post(f"/api/v1/rfqs/{rfq['id']}/award",
                                                      json={"quote_id": quote["id"]})

    assert response.json()["status"] == "awarded"


async def test_close_without_award_declines_the_submitted_quotes(cast: Cast, supplier: Actor,
                                                                 db: AsyncSession) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)

    closed = await (await cast.owner()).client.post(f"/api/v1/rfqs/{rfq['id']}/close")

    assert closed.json()["status"] == "closed"
    assert (await supplier.client.get(f"/api/v1/quotes/{quote['id']}")).json()["status"] == "declined"
    assert await notifications_of(db, supplier.organization_id) == [DECLINED]
    assert_problem(await supplier.client.post(f"/api/v1/rfqs/{rfq['id']}/quotes", json={
        "unit_price": "1", "currency": "USD", "quantity": "1", "unit": "kg"}), 409, "rfq_not_open")


async def test_buyers_rate_each_quote_once_after_the_decision(cast: Cast, supplier: Actor, rival: Actor) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)
    other = await submit(rival.client, rfq)
    owner, member = await cast.owner(), await cast.member()
    path = f"/api/v1/quotes/{quote['id']}/rating"

    early = assert_problem(await owner.client.post(path, json={"score": 4}), 409, "rfq_not_decided")
    assert early["detail"] == "Quotes are rated once the RFQ is awarded, closed or expired"
    await owner.client.post(f"/api/v1/rfqs/{rfq['id']}/award", json={"quote_id": quote["id"]})

    rated = await member.client.post(path, json={"score": 4, "comment": "Fast and clear"})
    assert rated.status_code == 201, rated.text
    assert {key: rated.json()[key] for key in ("quote_id", "supplier_id", "score", "comment")} == {
        "quote_id": quote["id"], "supplier_id": supplier.organization_id, "score": 4, "comment": "Fast and clear"}
    assert_problem(await owner.client.post(path, json={"score": 5}), 409, "already_rated")
    assert (await owner.client.post(f"/api/v1/quotes/{other['id']}/rating", json={"score": 2})).status_code == 201


@pytest.mark.parametrize(("who", "status", "code"), [
    ("anonymous", 401, "not_authenticated"),
    ("supplier", 403, "not_a_member"),
    ("stranger", 404, "not_found"),
    ("admin", 403, "not_a_member"),
])
async def test_only_the_buyer_rates(cast: Cast, supplier: Actor, who: str, status: int, code: str) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)
    await (await cast.owner()).client.post(f"/api/v1/rfqs/{rfq['id']}/close")
    client = supplier.client if who == "supplier" else await cast.client(who)

    assert_problem(await client.post(f"/api/v1/quotes/{quote['id']}/rating", json={"score": 5}), status, code)


async def test_a_score_outside_one_to_five_is_422(cast: Cast, supplier: Actor) -> None:
    rfq = await open_rfq(cast)
    quote = await submit(supplier.client, rfq)
    await (await cast.owner()).client.post(f"/api/v1/rfqs/{rfq['id']}/close")

    assert_invalid(await (await cast.owner()).client.post(f"/api/v1/quotes/{quote['id']}/rating",
                                                          json={"score": 6}), score="less_than_equal")


async def test_buyer_contact_details_only_for_suppliers_whose_plan_shows_them(
    cast: Cast, supplier: Actor, rival: Actor, db: AsyncSession,
) -> None:
    rfq = await open_rfq(cast)
    await put_on_tier(db, rival.organization_id, "gold")
    await db.commit()
    owner = await cast.owner()
    path = f"/api/v1/rfqs/{rfq['id']}"

    on_gold = (await rival.client.get(path)).json()["buyer_contact"]

    assert on_gold == {"name": f"User {owner.email.split('-')[1].split('@')[0]}", "email": owner.email,
                       "organization_name": f"Buyer Company {owner.organization_slug.rsplit('-', 1)[1]}",
                       "website": None, "city": None, "country": "CN"}
    assert (await supplier.client.get(path)).json()["buyer_contact"] is None  # Free does not show them
    assert (await cast.anonymous.get(path)).json()["buyer_contact"] is None
    assert (await (await cast.stranger()).client.get(path)).json()["buyer_contact"] is None
