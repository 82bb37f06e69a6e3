"""The category pages as a visitor reads them: every HS section and chapter with its count of published listings,
and a section, chapter, heading or subheading with what is under it, its listings, its suppliers and the way back
up; a code of no category is a 404 page, never a server error."""

import html
import re
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event

from tests.categories.conftest import NOT_PUBLIC, PUBLISHED_IN_85
from tests.conftest import BASE_URL
from tests.support.actors import Cast

ENTRY = re.compile(r'<li( class="none")?><a href="/categories/(\w+)">(.*?)</li>', re.S)
SECTION = re.compile(r'<h2 id="section-(\w+)"( class="none")?>(.*?)</h2>', re.S)
CRUMB_LINK = re.compile(r'<a href="([^"]+)">([^<]*)</a>')


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def entries(page: str) -> dict[str, tuple[str, bool]]:
    """Each category in the page's lists: code -> (what it reads, greyed for having no listings)."""
    return {code: (_text(body), bool(none)) for none, code, body in ENTRY.findall(page)}


def sections(page: str) -> dict[str, tuple[str, bool]]:
    return {code: (_text(body), bool(none)) for code, none, body in SECTION.findall(page)}


def crumbs(page: str) -> list[tuple[str, str]]:
    """The breadcrumbs' links (address, words), top first, and the current page's words last (address "")."""
    trail = re.search(r'<p class="crumbs">(.*?)</p>', page, re.S)
    assert trail, "the page has no breadcrumbs"
    current = re.search(r'<span aria-current="page">(.*?)</span>', trail.group(1))
    assert current
    links = [(url, html.unescape(words)) for url, words in CRUMB_LINK.findall(trail.group(1))]
    return [*links, ("", current.group(1))]


async def _page(client: httpx.AsyncClient, url: str) -> str:
    response = await client.get(url)
    assert response.status_code == 200, response.text
    return response.text


async def test_index_counts_published_listings_by_chapter_and_section(client: httpx.AsyncClient,
                                                                      catalog: dict[str, Any]) -> None:
    page = await _page(client, "/categories")

    chapters, headed = entries(page), sections(page)
    assert chapters["85"][0].startswith("85 Electrical machinery and equipment and parts thereof;")
    assert chapters["85"][0].endswith(" 2 listings") and not chapters["85"][1]  # the draft and the pending: not
    assert chapters["84"][0].endswith(" 1 listing") and chapters["61"][0].endswith(" 1 listing")
    assert chapters["01"] == ("01 Animals; live 0 listings", True)  # listed, greyed
    assert "99" not in chapters  # the table's unclassified bucket is no category
    assert list(chapters) == sorted(chapters)  # HS order
    assert list(headed)[:3] == ["I", "II", "III"] and len(headed) == 21
    assert headed["XVI"][0].startswith("Section XVI: Machinery and mechanical appliances; electrical equipment")
    assert headed["XVI"][0].endswith(" 3 listings") and headed["XI"][0].endswith(" 1 listing")
    assert headed["I"] == ("Section I: Live animals; animal products 0 listings", True)  # sentence-cased


async def test_chapter_page_lists_its_listings_headings_and_suppliers(cast: Cast, client: httpx.AsyncClient,
                                                                      catalog: dict[str, Any]) -> None:
    owner = await cast.owner()

    page = await _page(client, "/categories/85")

    text = _text(page)
    assert "<title>85: Electrical machinery and equipment and parts… · tradeleads</title>" in page
    assert all(title in text for title in PUBLISHED_IN_85)
    assert not any(title in text for title in NOT_PUBLIC)
    assert "2 listings published in this HS chapter" in text
    headings = entries(page)
    assert headings["8504"] == ("8504 Electric transformers, static converters (e.g. rectifiers) and inductors "
                                "2 listings", False)
    assert headings["8501"][1]  # no listings: behind "Show the ... without listings", greyed
    assert re.search(r"<summary>Show the \d+ headings without listings</summary>", page)
    supplier = re.search(rf'<tr><td><a href="/suppliers/{owner.organization_slug}">(.*?)</tr>', page, re.S)
    assert supplier and _text(supplier.group(1)).endswith("China 2")
    assert 'href="/search?hs_chapter=85"' in page


async def test_heading_page_breadcrumbs_lead_back_up(client: httpx.AsyncClient, catalog: dict[str, Any]) -> None:
    page = await _page(client, "/categories/8504")

    assert crumbs(page) == [("/categories", "All categories"),
                            ("/categories/XVI", "Section XVI: Machinery and mechanical appliances"),
                            ("/categories/85", "85: Electrical machinery and equipment and parts…"), ("", "8504")]
    subheadings = entries(page)
    assert subheadings["850421"][0].endswith(" 1 listing") and subheadings["850440"][0].endswith(" 1 listing")
    assert subheadings["850410"][1]
    assert 'href="/search?hs_heading=8504"' in page
    for url, _ in crumbs(page)[:-1]:
        assert (await client.get(url)).status_code == 200


async def test_section_page_lists_its_chapters_with_counts(client: httpx.AsyncClient,
                                                           catalog: dict[str, Any]) -> None:
    page = await _page(client, "/categories/xvi")  # numerals in any case

    chapters = entries(page)
    assert set(chapters) == {"84", "85"}
    assert chapters["84"][0].endswith(" 1 listing") and chapters["85"][0].endswith(" 2 listings")
    text = _text(page)
    assert all(title in text for title in [*PUBLISHED_IN_85, "Screw air compressor"])
    assert "Cotton T-shirts" not in text
    assert crumbs(page) == [("/categories", "All categories"), ("", "Section XVI")]
    assert 'href="/search?hs_chapter=84&amp;hs_chapter=85"' in page


async def test_subheading_page_has_its_listings_and_no_children(client: httpx.AsyncClient,
                                                                catalog: dict[str, Any]) -> None:
    page = await _page(client, "/categories/8504.40")

    assert "Switching power supply 24 V" in page and "Power transformer" not in page
    assert entries(page) == {}
    assert crumbs(page)[-2:] == [("/categories/8504", "8504: Electric transformers, static converters (e.g.…"),
                                 ("", "8504.40")]
    assert 'href="/search?hs_subheading=850440"' in page


async def test_an_empty_category_says_so(client: httpx.AsyncClient) -> None:
    page = await _page(client, "/categories/01")

    assert "No listings are published in this category yet." in page
    assert "No heading of this chapter has published listings yet." in page
    assert 'id="category-suppliers"' not in page


UNKNOWN = ["99", "9999", "999999", "XXII", "IIII", "77", "0101999", "8504.4", "850", "0", "y", "%C3%A9",
           "99999999", "8" * 5000, "XVI%20XVI", "8.5", "-1", "%EF%BC%98%EF%BC%95"]


@pytest.mark.parametrize("code", UNKNOWN, ids=lambda code: code[:12])
async def test_a_code_of_no_category_is_a_404_page(app: FastAPI, code: str) -> None:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)  # a crash is a 500 here, as users see it
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as visitor:
        response = await visitor.get(f"/categories/{code}")

    assert response.status_code == 404, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert "Category not found" in response.text


async def test_a_nul_character_is_refused_like_everywhere(client: httpx.AsyncClient) -> None:
    response = await client.get("/categories/85%00")

    assert response.status_code == 422  # the app-wide rule (app.http.request_limits), before any query


async def test_a_page_costs_a_bounded_number_of_queries(app: FastAPI, client: httpx.AsyncClient,
                                                        catalog: dict[str, Any]) -> None:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(app.state.engine.sync_engine, "before_cursor_execute", record)
    try:
        for url in ("/categories", "/categories/XVI", "/categories/85", "/categories/8504"):
            statements.clear()
            await _page(client, url)
            assert len(statements) <= 10, (url, statements)
    finally:
        event.remove(app.state.engine.sync_engine, "before_cursor_execute", record)
