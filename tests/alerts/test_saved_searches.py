"""Saved searches: kept through the API with the listing search's own validation, and buyers told of new listings
that match them (percolated by OpenSearch, or the embedded engine's equivalent)."""

from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from search.backend import SearchBackend
from tests.alerts.conftest import alerted, notifications_of, work_off
from tests.conftest import Actor
from tests.search_api.conftest import published_listing
from tests.support.problems import assert_invalid

URL = "/api/v1/saved-searches"
HEADPHONES = {"title": "Bluetooth headphones ANC-700", "moq": "100", "moq_unit": "piece", "country_of_origin": "CN",
              "hs_code": "851830", "price_min": "25", "currency": "USD"}


async def save(actor: Actor, name: str, query: str = "", **filters: Any) -> dict[str, Any]:
    response = await actor.client.post(URL, json={"name": name, "query": query, "filters": filters})
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_a_buyer_saves_lists_and_deletes_searches(app: FastAPI, make_actor: Any) -> None:
    buyer = await make_actor("buyer")
    saved = await save(buyer, "Headphones from China", " bluetooth headphones ", origin_country=["cn"],
                       price_max=50, currency="EUR", hs_chapter=[])

    assert {key: saved[key] for key in ("name", "query", "filters")} == {
        "name": "Headphones from China", "query": "bluetooth headphones",
        "filters": {"origin_country": ["CN"], "price_max": 50.0, "currency": "EUR"}}
    listed = (await buyer.client.get(URL)).json()
    assert (listed["total"], [item["id"] for item in listed["items"]]) == (1, [saved["id"]])

    assert (await buyer.client.delete(f"{URL}/{saved['id']}")).status_code == 204
    assert (await buyer.client.get(URL)).json()["total"] == 0
    assert (await buyer.client.delete(f"{URL}/{saved['id']}")).status_code == 404


async def test_bad_searches_are_refused_with_the_field_at_fault(app: FastAPI, make_actor: Any) -> None:
    buyer = await make_actor("buyer")
    cases = [
        ("", {}, {"query": "empty_search"}),
        ("tea", {"colour": ["red"]}, {"filters.colour": "unknown_filter"}),
        ("tea", {"origin_country": ["XX"]}, {"filters.origin_country.0": "value_error"}),
        ("tea", {"price_min": 9, "price_max": 1}, {"filters.price_min": "price_range"}),
        ("t" * 1001, {}, {"query": "string_too_long"}),
    ]
    for query, filters, codes in cases:
        assert_invalid(await buyer.client.post(URL, json={"name": "x", "query": query, "filters": filters}), **codes)
    assert_invalid(await buyer.client.post(URL, json={"name": " ", "query": "tea"}), name="string_too_short")
    assert (await buyer.client.get(URL)).json()["total"] == 0


async def test_new_listings_reach_the_buyers_whose_saved_search_finds_them(
        app: FastAPI, engine: SearchBackend, make_actor: Any, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    wants_it, wants_german, wants_tractors, changed_mind = [await make_actor("buyer") for _ in range(4)]
    await save(wants_it, "Headphones", "bluetooth headphones", origin_country=["CN"])
    await save(wants_it, "Audio 8518", hs_heading=["8518"])
    await save(wants_german, "German headphones", "headphones", origin_country=["DE"])
    await save(wants_tractors, "Tractors", "tractor")
    gone = await save(changed_mind, "Headphones too", "headphones")
    assert (await changed_mind.client.delete(f"{URL}/{gone['id']}")).status_code == 204
    supplier = await make_actor("supplier")

    listing = await published_listing(supplier, admin, **HEADPHONES)
    await work_off(app)

    assert (await alerted(db))[f"saved_search_match:listing:{listing['id']}"] == {wants_it.organization_id}
    notes = [n for n in await notifications_of(db, wants_it.organization_id) if n["kind"] == "saved_search_match"]
    assert [(n["title"], n["body"], n["link"]) for n in notes] == [
        ('New listing for your saved search "Headphones", "Audio 8518"', "Bluetooth headphones ANC-700",
         f"/listings/{listing['id']}")]
    for other in (wants_german, wants_tractors, changed_mind):
        assert await notifications_of(db, other.organization_id) == []


async def test_a_search_saved_after_a_listing_was_published_is_not_told_of_it(
        app: FastAPI, engine: SearchBackend, make_actor: Any, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    supplier, buyer = await make_actor("supplier"), await make_actor("buyer")
    await published_listing(supplier, admin, **HEADPHONES)
    await work_off(app)

    await save(buyer, "Headphones", "headphones")
    fresh = await published_listing(supplier, admin, **{**HEADPHONES, "title": "Wired headphones W-100"})
    await work_off(app)

    notes = await notifications_of(db, buyer.organization_id)
    assert [n["link"] for n in notes] == [f"/listings/{fresh['id']}"]
