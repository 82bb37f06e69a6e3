"""What suspension does, and reactivation undoes: members of a suspended organisation, or a suspended user, cannot
log in (the form says why; the API answers 403 account_suspended) and their open sessions and tokens stop working at
once; a suspended organisation's store answers 404 and its listings, RFQs and supplier entry leave search, on
whichever engine the suite runs (embedded, or OpenSearch when TRADELEADS_OPENSEARCH_URL is set)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.enums import EntityType
from search.backend import SearchBackend
from search.reindex import searchable_ids
from search.types import DocType
from tests.admin.accounts import decide
from tests.conftest import BASE_URL, Actor, ActorFactory
from tests.search_api.conftest import index_now, open_rfq, published_listing
from tests.support.outbox import outbox_operations
from tests.support.pages import PASSWORD, submit_form, text_of
from tests.support.problems import assert_problem

LOGIN = "/api/v1/auth/login"


@asynccontextmanager
async def browser(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as client:
        yield client


async def logged_in(client: httpx.AsyncClient, actor: Actor) -> None:
    response = await client.post(LOGIN, json={"email": actor.email, "password": PASSWORD})
    assert response.status_code == 200, response.text


async def test_members_of_a_suspended_organisation_cannot_log_in(app: FastAPI, make_actor: ActorFactory) -> None:
    admin, supplier = await make_actor("both", admin=True), await make_actor("supplier", organization_name="Acme")
    await decide(admin, "suspend", slug=supplier.organization_slug)

    async with browser(app) as client:
        refused = await client.post(LOGIN, json={"email": supplier.email, "password": PASSWORD})
        form = await submit_form(client, "/login", "/login", {"email": supplier.email, "password": PASSWORD})
        wrong_password = await client.post(LOGIN, json={"email": supplier.email, "password": "not the password"})
        await decide(admin, "reactivate", slug=supplier.organization_slug, reason="Cleared")
        await logged_in(client, supplier)

    problem = assert_problem(refused, 403, "account_suspended")
    assert problem["detail"].startswith("Acme is suspended on this platform, and its members cannot sign in.")
    assert "set-cookie" not in refused.headers
    assert form.status_code == 403
    assert '<strong>Acme is suspended on this platform, and its members cannot sign in.' in text_of(form)
    # Only the right password learns of the suspension.
    assert (wrong_password.status_code, wrong_password.json()["code"]) == (401, "invalid_credentials")


async def test_a_suspended_user_cannot_log_in_but_the_others_of_the_organisation_can(
        app: FastAPI, make_actor: ActorFactory) -> None:
    admin, supplier = await make_actor("both", admin=True), await make_actor("supplier")
    await decide(admin, "suspend", user_id=supplier.user_id)

    async with browser(app) as client:
        refused = await client.post(LOGIN, json={"email": supplier.email, "password": PASSWORD})
        form = await submit_form(client, "/login", "/login", {"email": supplier.email, "password": PASSWORD})
        await logged_in(client, admin)

    problem = assert_problem(refused, 403, "account_suspended")
    assert problem["detail"].startswith("Your account is suspended, so you cannot sign in.")
    assert "Your account is suspended" in text_of(form)


async def test_open_sessions_and_tokens_stop_working_at_once_and_come_back(app: FastAPI,
                                                                            make_actor: ActorFactory) -> None:
    admin, supplier = await make_actor("both", admin=True), await make_actor("supplier")
    async with browser(app) as client:
        await logged_in(client, supplier)
        assert (await client.get("/api/v1/me")).status_code == 200

        await decide(admin, "suspend", slug=supplier.organization_slug)
        cookie_after = await client.get("/api/v1/me")
        page_after = await client.get("/account")
        token_after = await supplier.client.get("/api/v1/me")
        listing_after = await supplier.client.post("/api/v1/listings", json={"title": "x", "moq": "1",
                                                                             "moq_unit": "piece"})
        await decide(admin, "reactivate", slug=supplier.organization_slug, reason="Cleared")
        cookie_back, token_back = await client.get("/api/v1/me"), await supplier.client.get("/api/v1/me")

    assert_problem(cookie_after, 401, "not_authenticated")
    assert (page_after.status_code, page_after.headers["location"]) == (303, "/login?next=%2Faccount")
    assert_problem(token_after, 403, "account_suspended")
    assert_problem(listing_after, 403, "account_suspended")
    assert (cookie_back.status_code, token_back.status_code) == (200, 200)


async def test_a_suspended_users_token_stops_working_and_the_admin_keeps_theirs(app: FastAPI,
                                                                                make_actor: ActorFactory) -> None:
    admin, supplier = await make_actor("both", admin=True), await make_actor("supplier")

    await decide(admin, "suspend", user_id=supplier.user_id)

    assert_problem(await supplier.client.get("/api/v1/me"), 403, "account_suspended")
    assert (await admin.client.get("/api/v1/me")).status_code == 200
    await decide(admin, "reactivate", user_id=supplier.user_id, reason="Cleared")
    assert (await supplier.client.get("/api/v1/me")).status_code == 200


async def test_a_suspended_suppliers_store_is_not_found(client: httpx.AsyncClient, make_actor: ActorFactory) -> None:
    admin, supplier = await make_actor("both", admin=True), await make_actor("supplier")
    pages = (f"/suppliers/{supplier.organization_slug}", f"/api/v1/suppliers/{supplier.organization_slug}")
    assert [(await client.get(page)).status_code for page in pages] == [200, 200]

    await decide(admin, "suspend", slug=supplier.organization_slug)
    gone = [await client.get(page) for page in pages]
    await decide(admin, "reactivate", slug=supplier.organization_slug, reason="Cleared")

    assert gone[0].status_code == 404
    assert_problem(gone[1], 404, "not_found")
    assert [(await client.get(page)).status_code for page in pages] == [200, 200]


async def found(client: httpx.AsyncClient, kind: str, q: str) -> list[int]:
    response = await client.get(f"/api/v1/search/{kind}", params={"q": q})
    assert response.status_code == 200, response.text
    key = {"listings": "listing", "rfqs": "rfq", "suppliers": "supplier"}[kind]
    return [item[key]["id"] for item in response.json()["items"]]


async def test_a_suspended_organisations_listings_rfqs_and_entry_leave_search_and_come_back(
        app: FastAPI, client: httpx.AsyncClient, engine: SearchBackend, make_actor: ActorFactory,
        db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    trader = await make_actor("both", organization_name="Ningbo Knitwear Co")
    other = await make_actor("supplier", organization_name="Dhaka Knitwear")
    listing = await published_listing(trader, admin, title="Merino wool sweater", hs_code="611011")
    kept = await published_listing(other, admin, title="Merino wool cardigan", hs_code="611011")
    rfq = await open_rfq(trader, admin, title="Merino wool yarn")
    await index_now(app)
    before = (await found(client, "listings", "merino"), await found(client, "rfqs", "yarn"),
              await found(client, "suppliers", "knitwear"))

    await decide(admin, "suspend", slug=trader.organization_slug)
    await index_now(app)
    during = (await found(client, "listings", "merino"), await found(client, "rfqs", "yarn"),
              await found(client, "suppliers", "knitwear"))
    reindexed = await searchable_ids(app.state.sessionmaker, DocType.LISTINGS)
    await decide(admin, "reactivate", slug=trader.organization_slug, reason="Cleared")
    await index_now(app)
    after = (await found(client, "listings", "merino"), await found(client, "rfqs", "yarn"),
             await found(client, "suppliers", "knitwear"))

    assert sorted(before[0]) == sorted([listing["id"], kept["id"]]) and before[1] == [rfq["id"]]
    assert sorted(before[2]) == sorted([trader.organization_id, other.organization_id])
    assert during == ([kept["id"]], [], [other.organization_id])
    assert reindexed == [kept["id"]]  # a full reindex leaves them out too
    assert sorted(after[0]) == sorted(before[0]) and after[1] == before[1] and sorted(after[2]) == sorted(before[2])
    # Registration, suspension and reactivation each told the indexer about the organisation.
    assert await outbox_operations(db, EntityType.ORGANIZATION, trader.organization_id) == ["upsert"] * 3


async def test_suspending_a_user_leaves_the_organisations_listings_in_search(
        app: FastAPI, client: httpx.AsyncClient, engine: SearchBackend, make_actor: ActorFactory) -> None:
    admin, supplier = await make_actor("both", admin=True), await make_actor("supplier")
    listing = await published_listing(supplier, admin, title="Merino wool sweater")

    await decide(admin, "suspend", user_id=supplier.user_id)
    await index_now(app)

    assert await found(client, "listings", "merino") == [listing["id"]]
