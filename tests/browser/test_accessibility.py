"""axe-core (vendored into tests/browser/vendor, never served) on every main page, as a visitor, a supplier and a
buyer, at desktop and phone widths: no serious or critical violation (WCAG 2.1 A and AA rules)."""

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from playwright.async_api import Page

from search.indexer import drain_all
from tests.conftest import ActorFactory
from tests.search_api.conftest import open_rfq, published_listing
from tests.support.browser import log_in
from tests.support.images import picture, upload
from tests.support.verifications import requested

# The pages' markup is the same whichever database and search engine serve them: checked once, in the embedded pass
# of .ci/run (its passes with OpenSearch and PostgreSQL run every other browser test).
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(bool(os.environ.get("TRADELEADS_OPENSEARCH_URL")),
                                 reason="markup is engine-independent: checked in the embedded pass")]
VENDOR = Path(__file__).parent / "vendor"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
BLOCKING = {"serious", "critical"}


def _axe_source() -> str:
    source = (VENDOR / "axe.min.js").read_bytes()
    recorded = re.search(r"`([0-9a-f]{64})`", (VENDOR / "README.md").read_text(encoding="utf-8"))
    assert recorded and hashlib.sha256(source).hexdigest() == recorded.group(1), "vendored axe.min.js changed"
    return source.decode("utf-8")


AXE = _axe_source()


async def _violations(page: Page) -> list[str]:
    """axe's serious and critical violations on the page, one line each (rule: the first elements it names).
    Page.evaluate runs outside the page's Content-Security-Policy, so axe needs no inline script allowed."""
    results: dict[str, Any] = await page.evaluate(
        f"async () => {{ {AXE}\n return await axe.run(document, {json.dumps(AXE_OPTIONS)}); }}")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
            for v in results["violations"] if v["impact"] in BLOCKING]


async def _check(page: Page, paths: list[str]) -> list[str]:
    found = []
    for width in (1280, 390):
        await page.set_viewport_size({"width": width, "height": 900})
        for path in paths:
            response = await page.goto(path)
            assert response is not None and response.status < 500, path
            found += [f"{path} at {width} px: {line}" for line in await _violations(page)]
    return found


async def test_the_check_finds_a_violation_when_there_is_one(page: Page) -> None:
    await page.goto("/login")
    await page.evaluate("() => { const b = document.createElement('button'); document.querySelector('main')"
                        ".appendChild(b); }")  # a button without a name: critical for people with screen readers
    assert [line for line in await _violations(page) if line.startswith("button-name (critical)")]


async def _catalogue(app: FastAPI, make_actor: ActorFactory) -> dict[str, Any]:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier", organization_name="Bergamo Valvole", country="IT",
                                business_type="manufacturer", year_established=1987, certifications=["ISO 9001"])
    buyer = await make_actor("buyer", organization_name="Hamburg Einkauf GmbH", country="DE")
    listing = await published_listing(supplier, admin, title="Brass ball valve DN25", hs_code="848180",
                                      price_min="3.1", price_max="4.2", currency="USD", description="Forged brass.")
    added = await supplier.client.post(f"/api/v1/listings/{listing['id']}/images", files=upload(picture()))
    assert added.status_code == 201
    rfq = await open_rfq(buyer, admin, title="Brass ball valves DN25", hs_code="848180", destination_country="DE")
    await drain_all(app.state.sessionmaker, app.state.search)
    return {"supplier": supplier, "buyer": buyer, "listing": listing["id"], "rfq": rfq["id"],
            "slug": supplier.organization_slug}


async def test_public_pages_have_no_serious_violations(page: Page, app: FastAPI, make_actor: ActorFactory) -> None:
    world = await _catalogue(app, make_actor)
    paths = ["/", "/categories", "/categories/84", "/categories/XVI", "/search?q=valve", "/suppliers",
             f"/suppliers/{world['slug']}", f"/listings/{world['listing']}", "/rfqs", f"/rfqs/{world['rfq']}",
             "/plans", "/hs?q=ball+valve", "/login", "/register", "/no-such-page"]
    assert await _check(page, paths) == []


async def test_signed_in_pages_have_no_serious_violations(page: Page, app: FastAPI,
                                                          make_actor: ActorFactory) -> None:
    world = await _catalogue(app, make_actor)
    await log_in(page, world["supplier"])
    verification = await requested(world["supplier"].client)
    supplier_pages = ["/verifications", "/verifications/new", f"/verifications/{verification['id']}",
                      "/my/listings", f"/listings/{world['listing']}", "/leads", f"/rfqs/{world['rfq']}",
                      "/inquiries", "/notifications", "/account", "/account/company", "/account/password",
                      "/account/tokens", "/account/team", "/my/listings/import", "/my/quotes", "/billing",
                      "/saved-searches", "/webhooks", f"/rfqs/{world['rfq']}/report"]
    found = await _check(page, supplier_pages)
    await page.context.clear_cookies()
    await log_in(page, world["buyer"])
    found += await _check(page, ["/my/rfqs", f"/rfqs/{world['rfq']}", f"/rfqs/{world['rfq']}/matches",
                                 f"/rfqs/{world['rfq']}/comparison"])
    await page.context.clear_cookies()
    await log_in(page, await make_actor("both", admin=True))
    found += await _check(page, ["/admin", "/admin?period=month", "/admin/moderation", "/admin/billing",
                                 "/admin/organizations", f"/admin/organizations/{world['slug']}", "/admin/plans",
                                 "/admin/plans/silver", "/admin/invoices", "/admin/lead-reports",
                                 "/admin/verifications", f"/verifications/{verification['id']}"])
    assert found == []
