"""My listings and My RFQs by status, and one action on several ticked rows: each moves on its own, one that cannot
is reported with its reason and the others still move."""

import re
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Listing
from app.models.enums import ListingStatus
from tests.support.listings import create_listing
from tests.support.pages import csrf_token, sign_up, submit_form, text_of


async def _drafts(client: httpx.AsyncClient, *titles: str) -> dict[str, int]:
    for title in titles:
        created = await submit_form(client, "/my/listings", "/my/listings",
                                    {"title": title, "moq": "100", "moq_unit": "piece"})
        assert created.status_code == 303
    page = (await client.get("/my/listings")).text
    return {title: int(item_id) for item_id, title in re.findall(r'<a href="/listings/(\d+)">([^<]+)</a>', page)}


async def _statuses(db: AsyncSession) -> dict[str, ListingStatus]:
    await db.rollback()  # a fresh read of what the requests committed
    return {listing.title: listing.status for listing in await db.scalars(select(Listing))}


async def test_tabs_show_one_status_at_a_time(client: httpx.AsyncClient) -> None:
    await sign_up(client, "supplier")
    ids = await _drafts(client, "Bamboo cutting boards", "Teak serving trays")
    await submit_form(client, "/my/listings", f"/my/listings/{ids['Teak serving trays']}/submit", {})
    drafts = text_of(await client.get("/my/listings", params={"status": "draft"}))
    assert "Bamboo cutting boards" in drafts and "Teak serving trays" not in drafts
    assert '<strong aria-current="page">draft</strong>' in drafts and "Your listings: draft (1)" in drafts
    waiting = text_of(await client.get("/my/listings", params={"status": "pending_review"}))
    assert "Teak serving trays" in waiting and "Bamboo" not in waiting
    every = text_of(await client.get("/my/listings", params={"status": "no-such-status"}))
    assert "Bamboo" in every and "Teak" in every  # an unknown status shows them all


async def test_bulk_submit_moves_each_it_can_and_says_why_not_for_the_others(client: httpx.AsyncClient,
                                                                              db: AsyncSession,
                                                                              make_actor: Any) -> None:
    await sign_up(client, "supplier")
    ids = await _drafts(client, "Bamboo cutting boards", "Teak serving trays", "Olive wood spoons")
    await submit_form(client, "/my/listings", f"/my/listings/{ids['Olive wood spoons']}/submit", {})
    someone_else = await create_listing((await make_actor("supplier")).client, title="Not yours")
    token = csrf_token((await client.get("/my/listings")).text)

    response = await client.post("/my/listings/bulk", data={
        "csrf_token": token, "action": "submit",
        "ids": [str(ids["Bamboo cutting boards"]), str(ids["Teak serving trays"]), str(ids["Olive wood spoons"]),
                str(someone_else["id"]), "abc", "99999999999999999999"]})

    assert response.status_code == 200
    page = text_of(response)
    assert "Submit for review: 2 done, 2 could not be:" in page
    assert re.search(r"<li>Olive wood spoons: [^<]*pending_review[^<]*</li>", page)
    assert f"<li>#{someone_else['id']}: Listing not found</li>" in page
    statuses = await _statuses(db)
    assert statuses["Bamboo cutting boards"] == statuses["Teak serving trays"] == ListingStatus.PENDING_REVIEW
    assert statuses["Not yours"] == ListingStatus.DRAFT


async def test_bulk_needs_a_known_action_and_the_forms_token(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    ids = await _drafts(client, "Bamboo cutting boards")
    token = csrf_token((await client.get("/my/listings")).text)
    listing = str(ids["Bamboo cutting boards"])
    assert (await client.post("/my/listings/bulk", data={"csrf_token": token, "action": "publish",
                                                         "ids": [listing]})).status_code == 404
    assert (await client.post("/my/listings/bulk", data={"csrf_token": "forged", "action": "archive",
                                                         "ids": [listing]})).status_code == 403
    assert (await _statuses(db))["Bamboo cutting boards"] == ListingStatus.DRAFT
    archived = await client.post("/my/listings/bulk", data={"csrf_token": token, "action": "archive", "ids": [listing]})
    assert "Archive: 1 done." in text_of(archived)
    assert (await _statuses(db))["Bamboo cutting boards"] == ListingStatus.ARCHIVED
