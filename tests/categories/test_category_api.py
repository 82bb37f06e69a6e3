"""GET /api/v1/categories and /api/v1/categories/{code}: the same counts as the pages, the listings paginated, and
problem+json 404s for codes of no category."""

from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.hs.sections import hs_sections
from tests.categories.conftest import PUBLISHED_IN_85
from tests.conftest import BASE_URL
from tests.support.actors import Cast
from tests.support.problems import assert_problem


def _counts(items: list[dict[str, Any]]) -> dict[str, int]:
    return {item["code"]: item["listing_count"] for item in items}


async def _get(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
    response = await client.get(url)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_index_has_every_section_with_its_chapters_and_counts(client: httpx.AsyncClient,
                                                                    catalog: dict[str, Any]) -> None:
    body = await _get(client, "/api/v1/categories")

    sections = {section["code"]: section for section in body["sections"]}
    assert list(sections) == [section.numeral for section in hs_sections()] and len(sections) == 21
    assert {code: section["listing_count"] for code, section in sections.items() if section["listing_count"]} == {
        "XI": 1, "XVI": 3}
    assert _counts(sections["XVI"]["chapters"]) == {"84": 1, "85": 2}
    assert sections["I"]["description"] == "Live animals; animal products"
    assert sections["I"]["chapters"][0] == {"code": "01", "level": "chapter", "description": "Animals; live",
                                            "url": "/categories/01", "listing_count": 0}
    assert sum(len(section["chapters"]) for section in sections.values()) == 96  # 01-97 but the reserved 77


async def test_chapter_has_its_headings_listings_and_suppliers(cast: Cast, client: httpx.AsyncClient,
                                                              catalog: dict[str, Any]) -> None:
    owner = await cast.owner()

    body = await _get(client, "/api/v1/categories/85")

    assert {key: body[key] for key in ("code", "level", "listing_count", "url", "search_url")} == {
        "code": "85", "level": "chapter", "listing_count": 2, "url": "/categories/85",
        "search_url": "/search?hs_chapter=85"}
    assert body["breadcrumbs"] == [{"code": "XVI", "level": "section", "description": body["breadcrumbs"][0][
        "description"], "url": "/categories/XVI"}]
    assert {code: count for code, count in _counts(body["children"]).items() if count} == {"8504": 2}
    assert sorted(item["title"] for item in body["listings"]["items"]) == sorted(PUBLISHED_IN_85)
    assert body["suppliers"] == [{"name": body["suppliers"][0]["name"], "slug": owner.organization_slug,
                                  "country": "CN", "listing_count": 2,
                                  "url": f"/suppliers/{owner.organization_slug}"}]


async def test_section_listings_are_paginated(client: httpx.AsyncClient, catalog: dict[str, Any]) -> None:
    body = await _get(client, "/api/v1/categories/XVI?per_page=2&page=2")

    assert body["listing_count"] == 3 and _counts(body["children"]) == {"84": 1, "85": 2}
    page = body["listings"]
    assert (page["total"], page["page"], page["pages"], len(page["items"])) == (3, 2, 2, 1)


async def test_subheading_counts_its_own_listings(client: httpx.AsyncClient, catalog: dict[str, Any]) -> None:
    body = await _get(client, "/api/v1/categories/850440")

    assert (body["level"], body["listing_count"], body["children"]) == ("subheading", 1, [])
    assert [step["code"] for step in body["breadcrumbs"]] == ["XVI", "85", "8504"]


@pytest.mark.parametrize("code", ["99", "XXII", "8504.4", "99999999", "x" * 3000, "TOTAL"],
                         ids=lambda code: code[:12])
async def test_a_code_of_no_category_is_a_problem_404(app: FastAPI, code: str) -> None:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as caller:
        response = await caller.get(f"/api/v1/categories/{code}")

    assert_problem(response, 404, "not_found")
