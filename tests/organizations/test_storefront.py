"""A supplier's storefront (/suppliers/{slug} and GET /api/v1/suppliers/{slug}): who the supplier is, what backs it
(a checked verification apart from a bought plan badge), its published products with a search inside the store."""

import html as entities
import re
from datetime import date
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import today
from tests.conftest import Actor
from tests.search_api.conftest import published_listing
from tests.support.listings import create_listing
from tests.support.membership import put_on_tier
from tests.support.verifications import verified

PROFILE = {"business_type": "manufacturer", "year_established": 2001, "employee_range": "51-200",
           "export_markets": ["DE", "US"], "certifications": ["ISO 9001"], "city": "Ningbo",
           "description": "Knitted garments since 2001."}


def _text(fragment: str) -> str:
    return " ".join(entities.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


async def _store(make_actor: Any) -> tuple[Actor, Actor]:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier", organization_name="Ningbo Knitwear Co", **PROFILE)
    await published_listing(supplier, admin, title="Merino wool sweater", hs_code="611011")
    await published_listing(supplier, admin, title="Cotton polo shirt", hs_code="610510")
    await published_listing(supplier, admin, title="Knitting yarn cones", hs_code="510910")
    await create_listing(supplier.client, title="Unreleased alpaca scarf")  # a draft: not in the store
    return admin, supplier


async def test_storefront_shows_the_profile_and_only_published_products(client: httpx.AsyncClient,
                                                                        make_actor: Any) -> None:
    _, supplier = await _store(make_actor)
    page = await client.get(f"/suppliers/{supplier.organization_slug}")
    assert page.status_code == 200
    text = _text(page.text)
    assert "Ningbo Knitwear Co" in text and "China, Ningbo" in text
    assert f"In business {today().year - 2001} years (since 2001)" in text
    assert "Products listed 3" in text and "Exports to Germany United States" in text
    assert "Certifications (stated by the supplier) ISO 9001" in text and "Not verified" in text
    assert "Merino wool sweater" in text and "Knitting yarn cones" in text and "alpaca" not in text
    # its categories: chapter 61 (two knitted garments) and 51 (wool yarn), each with its count
    assert re.search(r"Apparel and clothing accessories; knitted or crocheted 2 ", text)


async def test_searching_inside_the_store_and_by_its_categories(client: httpx.AsyncClient, make_actor: Any) -> None:
    _, supplier = await _store(make_actor)
    address = f"/suppliers/{supplier.organization_slug}"
    found = _text((await client.get(address, params={"q": "polo"})).text)
    assert "Cotton polo shirt" in found and "Merino" not in found
    chapter = _text((await client.get(address, params={"chapter": "51"})).text)
    assert "Knitting yarn cones" in chapter and "polo" not in chapter
    nothing = (await client.get(address, params={"q": "forklift"})).text
    assert "No product of Ningbo Knitwear Co matches “forklift”" in entities.unescape(nothing)
    assert (await client.get(address, params={"chapter": "5"})).status_code == 422


async def test_verification_and_a_paid_badge_read_differently(client: httpx.AsyncClient, make_actor: Any,
                                                              db: AsyncSession) -> None:
    _, supplier = await _store(make_actor)
    admin = await make_actor("buyer", admin=True)
    expiry = date(today().year + 2, 3, 31)
    await verified(supplier.client, admin.client, expires_on=expiry.isoformat())
    await put_on_tier(db, supplier.organization_id, "gold")
    await db.commit()
    page = (await client.get(f"/suppliers/{supplier.organization_slug}")).text
    assert "✓ Business licence" in page and "Not verified" not in page
    assert f"Ningbo Administration for Market Regulation · valid until {expiry.isoformat()}" in _text(page)
    assert re.search(r'<span class="badge plan" title="A paid membership plan, not a verification">Gold Supplier'
                     r'</span> <span class="aside">paid membership</span>', page)
    api = (await client.get(f"/api/v1/suppliers/{supplier.organization_slug}")).json()
    assert api["plan_badge"] == "Gold Supplier"
    assert api["verified"] is True
    assert [(found["kind"], found["certificate_number"], found["expires_on"], found["public_files"])
            for found in api["verifications"]] == [("business_licence", "91330200MA2AB12C3D", expiry.isoformat(), [])]


async def test_the_api_tells_the_same_facts(client: httpx.AsyncClient, make_actor: Any) -> None:
    _, supplier = await _store(make_actor)
    response = await client.get(f"/api/v1/suppliers/{supplier.organization_slug}")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Ningbo Knitwear Co" and body["published_listings"] == 3
    assert (body["verified"], body["verifications"], body["plan_badge"]) == (False, [], None)
    assert body["years_in_business"] == today().year - 2001 and body["export_markets"] == ["DE", "US"]
    assert [(c["chapter"], c["listings"]) for c in body["categories"]] == [("51", 1), ("61", 2)]
    assert body["rating_count"] == 0 and body["response_rate"] is None


async def test_only_suppliers_have_a_store(app: FastAPI, client: httpx.AsyncClient, make_actor: Any) -> None:
    buyer = await make_actor("buyer", organization_name="Hamburg Einkauf GmbH")
    for address in (f"/suppliers/{buyer.organization_slug}", "/suppliers/no-such-company", "/suppliers/" + "x" * 500,
                    "/suppliers/Bad%20Slug"):
        page = await client.get(address)
        assert page.status_code == 404, address
        assert "Hamburg Einkauf" not in page.text
    missing = await client.get(f"/api/v1/suppliers/{buyer.organization_slug}")
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
    assert (await client.get("/api/v1/suppliers/" + "x" * 500)).status_code == 422
    for nul in ("/suppliers/a%00b", "/api/v1/suppliers/a%00b", "/api/v1/organizations/a%00b"):
        assert (await client.get(nul)).status_code == 422, nul  # refused before it reaches the database


async def test_the_store_reads_in_chinese_and_spanish(client: httpx.AsyncClient, make_actor: Any) -> None:
    _, supplier = await _store(make_actor)
    since = today()
    texts = {}
    for language in ("zh_Hans", "es"):
        client.cookies.set("tl_language", language)
        texts[language] = _text((await client.get(f"/suppliers/{supplier.organization_slug}")).text)
    client.cookies.delete("tl_language")

    years = f"{today().year - 2001} 年（自 2001 年起）"  # noqa: RUF001 (Chinese punctuation)
    assert f"已上架产品 3 经营年限 {years} 入驻 tradeleads {since.year}年{since.month}月" in texts["zh_Hans"]
    assert "关于 Ningbo Knitwear Co" in texts["zh_Hans"] and "暂无评分" in texts["zh_Hans"]
    assert f"Productos publicados 3 En el negocio {today().year - 2001} años (desde 2001)" in texts["es"]
    assert "Sobre Ningbo Knitwear Co" in texts["es"] and "Aún sin valoraciones" in texts["es"]
