"""The buyer's matched suppliers in a real browser: only the product asked for, "no further suppliers match"
instead of filler, and explanations a buyer can read (reasons with their share of the match, nothing missing
shown as a plus, no zero factors, what the score means)."""

import re

import pytest
from fastapi import FastAPI
from playwright.async_api import Page, expect

from search.backend import SearchBackend
from tests.conftest import ActorFactory
from tests.matching.conftest import index_now, open_rfq, published_listing
from tests.support.browser import log_in

pytestmark = pytest.mark.browser
COMMON = {"moq": "1", "moq_unit": "piece", "lead_time_days": 10, "currency": "USD"}


@pytest.fixture
async def engine(app: FastAPI) -> SearchBackend:
    """The app's search engine, emptied (the live server shares its index)."""
    backend: SearchBackend = app.state.search
    await backend.drop()
    return backend


async def test_a_buyer_reads_why_each_supplier_matches_and_sees_no_filler(
        page: Page, app: FastAPI, engine: SearchBackend, make_actor: ActorFactory) -> None:
    admin = await make_actor("both", admin=True, organization_name="Platform Admins")
    valves = await make_actor("supplier", organization_name="Rhein Valves")
    honey = await make_actor("supplier", organization_name="Jalisco Honey")
    await published_listing(valves, admin, title="Stainless steel ball valve DN50, PN40, flanged", hs_code="848180",
                            keywords=["ball valve"], **COMMON)
    await published_listing(honey, admin, title="Raw multifloral honey, in 300 kg drums", hs_code="040900",
                            keywords=["honey"], **COMMON)
    buyer = await make_actor("buyer", organization_name="Hamburg Imports", country="DE")
    rfq = await open_rfq(buyer, admin, title="Stainless steel ball valves DN50", hs_code="848180", quantity="100",
                         unit="piece")
    await index_now(app)

    await log_in(page, buyer)
    await page.goto(f"/rfqs/{rfq['id']}/matches")

    matches = page.locator("li.match")
    await expect(matches).to_have_count(1)
    await expect(matches.first.locator("h2")).to_contain_text("Rhein Valves")
    await expect(page.locator("main")).not_to_contain_text("Jalisco Honey")
    await expect(page.locator(".no-more")).to_contain_text("No further suppliers match this RFQ")
    await expect(page.locator(".score-meaning")).to_contain_text(
        "Match strength compares each supplier with the best match for this RFQ (100%)")
    await expect(matches.first).to_contain_text("match strength 100% of the best match")

    reasons = await matches.first.locator("ul.reasons li").all_inner_texts()
    assert any(line.endswith("of the match · Same HS code 8481.80") for line in reasons), reasons
    assert any(line.endswith("· Its listing uses your words: ball, dn50, stainless, steel, valve") for line in reasons)
    shares = [int(re.search(r"(\d+)% of the match", line).group(1)) for line in reasons]  # type: ignore[union-attr]
    assert await matches.first.locator("ul.reasons meter").count() == len(reasons)  # a bar per reason
    assert 98 <= sum(shares) <= 102 and all(share > 0 for share in shares), reasons
    assert not any(re.search(r"\bno\b|not|missing|few", line, re.IGNORECASE) for line in reasons), reasons

    shown = await matches.first.inner_text()
    assert not re.search(r"[+-]\d+\.\d\d", shown), shown  # no model units
    for zero in ("No plan boost", "You required no certifications", "You gave no target price"):
        assert zero not in shown
