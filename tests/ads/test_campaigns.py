"""Keyword campaigns through the JSON API, per role, and what they do: a matching search shows the ad labelled
above the organic results (not repeated among them), a click through its signed link is charged once to the ad
balance at the auction's price, and every click the advertiser is not charged for is listed with why."""

import asyncio
from decimal import Decimal
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.db import is_sqlite
from app.models import AdCampaign, AdClick
from ledger import accounts, journal
from tests.conftest import Actor, ActorFactory
from tests.search_api.conftest import published_listing
from tests.support.membership import put_on_tier
from tests.support.problems import assert_invalid, assert_problem

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"}
PANEL = {"title": "LED panel light 600x600 40W", "description": "Flat LED ceiling panel for offices."}
TOWELS = {"title": "Terry bath towels 600 GSM", "description": "Ring spun cotton, hemmed edges."}


async def advertiser(make_actor: ActorFactory, db: AsyncSession, name: str, credit: str = "50") -> Actor:
    actor = await make_actor("supplier", organization_name=name)
    await put_on_tier(db, actor.organization_id, "gold")
    await db.commit()
    return actor


async def fund(admin: Actor, actor: Actor, amount: str) -> None:
    response = await admin.client.post("/api/v1/admin/ads/adjustments", json={
        "organization_id": actor.organization_id, "amount": amount, "reason": "Test credit"})
    assert response.status_code == 201, response.text


def campaign(listing_ids: list[int], *keywords: tuple[str, str, str], budget: str = "20") -> dict[str, Any]:
    return {"name": "Panels", "daily_budget": budget, "listing_ids": listing_ids,
            "keywords": [{"phrase": phrase, "match": match, "max_cpc": bid} for phrase, match, bid in keywords]}


async def create(actor: Actor, body: dict[str, Any]) -> dict[str, Any]:
    response = await actor.client.post("/api/v1/ads/campaigns", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def search(client: httpx.AsyncClient, query: str) -> dict[str, Any]:
    response = await client.get("/api/v1/search/listings", params={"q": query})
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


async def balance(actor: Actor) -> str:
    return str((await actor.client.get("/api/v1/ads/balance")).json()["balance"])


async def clicks(actor: Actor, campaign_id: int) -> list[tuple[str, str, str]]:
    response = await actor.client.get(f"/api/v1/ads/campaigns/{campaign_id}/clicks")
    assert response.status_code == 200, response.text
    return [(click["verdict"], click["price"], click["charged"]) for click in reversed(response.json())]


async def test_who_may_run_a_campaign(client: httpx.AsyncClient, make_actor: ActorFactory,
                                      db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    free = await make_actor("supplier")
    buyer = await make_actor("buyer")
    gold = await advertiser(make_actor, db, "Bright Panels")
    panel = await published_listing(gold, admin, **PANEL)
    free_panel = await published_listing(free, admin, **PANEL)
    body = campaign([panel["id"]], ("led panel", "broad", "1.00"))

    assert_problem(await client.post("/api/v1/ads/campaigns", json=body), 401, "not_authenticated")
    assert_problem(await buyer.client.get("/api/v1/ads/campaigns"), 403, "not_a_supplier")
    denied = assert_problem(await free.client.post("/api/v1/ads/campaigns",
                                                   json={**body, "listing_ids": [free_panel["id"]]}),
                            402, "entitlement_denied")
    assert (denied["reason"], denied["upgrade_to"]) == ("keyword_bidding_not_included", "gold")
    created = await create(gold, body)
    assert (created["status"], created["spent_today"], created["listing_ids"]) == ("active", "0", [panel["id"]])
    assert [(k["phrase"], k["match"], k["max_cpc"]) for k in created["keywords"]] == [("led panel", "broad", "1")]
    # Another organisation sees no such campaign; the owner does.
    assert_problem(await free.client.get(f"/api/v1/ads/campaigns/{created['id']}"), 404, "not_found")
    assert (await gold.client.get("/api/v1/ads/campaigns")).json()[0]["id"] == created["id"]


async def test_a_campaign_is_refused_by_the_field_and_nothing_is_stored(make_actor: ActorFactory,
                                                                        db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    gold = await advertiser(make_actor, db, "Bright Panels")
    other = await make_actor("supplier")
    panel = await published_listing(gold, admin, **PANEL)
    theirs = await published_listing(other, admin, **TOWELS)
    ok = ("led panel", "broad", "1.00")

    assert_invalid(await gold.client.post("/api/v1/ads/campaigns", json=campaign(
        [panel["id"]], ("led panel", "broad", "0.05"))), **{"keywords.0.max_cpc": "greater_than_equal"})
    assert_invalid(await gold.client.post("/api/v1/ads/campaigns", json=campaign(
        [panel["id"]], ok, ("for the", "broad", "1.00"))), **{"keywords.1.phrase": "stop_words_only"})
    assert_invalid(await gold.client.post("/api/v1/ads/campaigns", json=campaign(
        [panel["id"]], ok, ("LED  Panel", "broad", "2.00"))), **{"keywords.1.phrase": "repeated_keyword"})
    assert_invalid(await gold.client.post("/api/v1/ads/campaigns", json=campaign([theirs["id"]], ok)),
                   **{"listing_ids.0": "not_your_published_listing"})
    backwards = {**campaign([panel["id"]], ok), "starts_on": "2027-03-01", "ends_on": "2027-02-01"}
    assert_invalid(await gold.client.post("/api/v1/ads/campaigns", json=backwards), ends_on="ends_before_start")
    assert await db.scalar(select(func.count()).select_from(AdCampaign)) == 0


async def test_a_matching_search_shows_the_ad_and_a_click_is_charged_once(
        client: httpx.AsyncClient, make_actor: ActorFactory, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    buyer = await make_actor("buyer")
    gold = await advertiser(make_actor, db, "Bright Panels")
    rival = await make_actor("supplier", organization_name="Plain Lights")
    await fund(admin, gold, "50")
    panel = await published_listing(gold, admin, **PANEL)
    organic = await published_listing(rival, admin, **{**PANEL, "title": "LED panel light 600x600 36W"})
    towels = await published_listing(gold, admin, **TOWELS)
    created = await create(gold, campaign([panel["id"], towels["id"]], ("led panel", "broad", "1.00")))

    page = await search(buyer.client, "LED panel light")
    assert [(ad["listing"]["id"], ad["position"], ad["keyword"], ad["label"]) for ad in page["sponsored"]] == [
        (panel["id"], 1, "led panel", "Sponsored")]  # the towels are promoted too, but are not relevant
    organic_ids = [hit["listing"]["id"] for hit in page["items"]]
    assert organic_ids[0] == organic["id"] and panel["id"] not in organic_ids  # not repeated below
    assert (await search(buyer.client, "bath towels"))["sponsored"] == []  # no keyword matches
    # A later page, or a sort by price, of the same search: ads only on the first page.
    assert (await buyer.client.get("/api/v1/search/listings", params={
        "q": "LED panel light", "cursor": page["next_cursor"] or "x"})).json().get("sponsored", []) == []

    url = page["sponsored"][0]["click_url"]
    followed = await buyer.client.get(url, headers=BROWSER)
    assert (followed.status_code, followed.headers["location"]) == (302, f"/listings/{panel['id']}")
    assert await balance(gold) == "49.9"  # alone in the auction: the reserve price
    await buyer.client.get(url, headers=BROWSER)  # the same buyer again
    await gold.client.get(url, headers=BROWSER)  # the advertiser's own people
    await client.get(url, headers={"User-Agent": "Googlebot/2.1 (+http://www.google.com/bot.html)"})
    await client.get(url, headers=BROWSER)  # a visitor: charged
    assert await clicks(gold, created["id"]) == [
        ("charged", "0.1", "0.1"), ("repeat", "0.1", "0"), ("own_organization", "0.1", "0"), ("bot", "0.1", "0"),
        ("charged", "0.1", "0.1")]
    assert await balance(gold) == "49.8"
    assert await journal.balance(db, accounts.PLATFORM_AD_REVENUE) == Decimal("0.2")
    lines = (await gold.client.get("/api/v1/ads/balance")).json()["lines"]
    assert [(line["kind"], line["amount"]) for line in lines][:2] == [("ad_click", "-0.1"), ("ad_click", "-0.1")]


async def test_forged_or_edited_links_charge_nothing(client: httpx.AsyncClient, make_actor: ActorFactory,
                                                     db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    gold = await advertiser(make_actor, db, "Bright Panels")
    await fund(admin, gold, "50")
    panel = await published_listing(gold, admin, **PANEL)
    await create(gold, campaign([panel["id"]], ("led panel", "phrase", "1.00")))
    url = (await search(client, "led panel light"))["sponsored"][0]["click_url"]
    payload, _, mac = url.removeprefix("/c/").partition(".")

    assert (await client.get(f"/c/{payload}.{mac[:-2]}xx", headers=BROWSER)).status_code == 404
    assert (await client.get(f"/c/{payload[:-3]}abc.{mac}", headers=BROWSER)).status_code == 404
    assert (await client.get("/c/not-a-token", headers=BROWSER)).status_code == 404
    assert await balance(gold) == "50"
    verdicts = (await db.scalars(select(AdClick.verdict))).all()
    assert verdicts == ["forged", "forged", "forged"]


async def test_a_paused_campaign_or_an_empty_balance_shows_no_ad(make_actor: ActorFactory, db: AsyncSession,
                                                                 client: httpx.AsyncClient) -> None:
    admin = await make_actor("both", admin=True)
    gold = await advertiser(make_actor, db, "Bright Panels")
    panel = await published_listing(gold, admin, **PANEL)
    created = await create(gold, campaign([panel["id"]], ("led panel", "exact", "1.00")))
    assert (await search(client, "led panel"))["sponsored"] == []  # nothing to pay a click with
    await fund(admin, gold, "0.99")
    assert (await search(client, "led panel"))["sponsored"] == []  # not one click at its bid
    await fund(admin, gold, "0.01")
    assert len((await search(client, "led panel"))["sponsored"]) == 1
    assert (await search(client, "led panel light"))["sponsored"] == []  # exact: the search is the keyword
    paused = await gold.client.patch(f"/api/v1/ads/campaigns/{created['id']}", json={"paused": True})
    assert paused.json()["status"] == "paused"
    assert (await search(client, "led panel"))["sponsored"] == []


@pytest.mark.postgres_only
async def test_fifty_clicks_at_once_on_a_budget_that_pays_ten_charge_ten(
        client: httpx.AsyncClient, make_actor: ActorFactory, db: AsyncSession, settings: Settings) -> None:
    if is_sqlite(settings.database_url):
        pytest.skip("row locks under concurrency need PostgreSQL; SQLite has a single writer")
    admin = await make_actor("both", admin=True)
    gold = await advertiser(make_actor, db, "Bright Panels")
    await fund(admin, gold, "50")
    panel = await published_listing(gold, admin, **PANEL)
    created = await create(gold, campaign([panel["id"]], ("led panel", "broad", "0.10"), budget="1"))
    url = (await search(client, "led panel"))["sponsored"][0]["click_url"]

    responses = await asyncio.gather(*(client.get(url, headers={"User-Agent": f"{BROWSER['User-Agent']} n{n}"})
                                       for n in range(50)))

    assert {response.status_code for response in responses} == {302}
    verdicts = [verdict for verdict, _, _ in await clicks(gold, created["id"])]
    assert (verdicts.count("charged"), verdicts.count("budget_spent")) == (10, 40)
    assert await balance(gold) == "49"
    assert await journal.balance(db, accounts.PLATFORM_AD_REVENUE) == Decimal("1")


async def test_the_report_counts_impressions_clicks_and_spend_per_day_and_keyword(
        client: httpx.AsyncClient, make_actor: ActorFactory, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    gold = await advertiser(make_actor, db, "Bright Panels")
    rival = await advertiser(make_actor, db, "Plain Lights")
    await fund(admin, gold, "50")
    await fund(admin, rival, "50")
    panel = await published_listing(gold, admin, **PANEL)
    theirs = await published_listing(rival, admin, **{**PANEL, "title": "LED panel light 600x600 36W"})
    mine = await create(gold, campaign([panel["id"]], ("led panel", "broad", "2.00"),
                                       ("panel light", "phrase", "1.00")))
    await create(rival, campaign([theirs["id"]], ("led panel", "broad", "1.00")))

    pages = [await search(client, "led panel light") for _ in range(4)]
    assert {tuple(ad["supplier"]["name"] for ad in page["sponsored"]) for page in pages} == {
        ("Bright Panels", "Plain Lights")}  # quality alike, the higher bid first
    first = pages[0]["sponsored"][0]
    await client.get(first["click_url"], headers=BROWSER)
    await client.get(first["click_url"], headers=BROWSER)  # a repeat
    await client.get(pages[1]["sponsored"][1]["click_url"], headers=BROWSER)  # the rival's

    body = (await gold.client.get("/api/v1/ads/reports", params={"campaign_id": mine["id"]})).json()
    rows = [(r["keyword"], r["impressions"], r["clicks"], r["invalid_clicks"], r["average_position"])
            for r in body["rows"]]
    assert rows == [("led panel", 4, 1, 1, 1.0)]  # its best bid showed; the other keyword never did
    row = body["rows"][0]
    assert (row["ctr"], row["spend"], row["average_cpc"]) == (0.25, row["average_cpc"], row["spend"])
    assert Decimal(row["spend"]) == Decimal("50") - Decimal(await balance(gold))  # what the balance lost
    assert [(d["clicks"], d["impressions"]) for d in body["days"] if d["impressions"]] == [(1, 4)]
    assert len(body["days"]) == 30
    exported = await gold.client.get("/api/v1/ads/reports.csv", params={"campaign_id": mine["id"]})
    assert exported.headers["content-type"].startswith("text/csv")
    assert exported.text.splitlines()[0].startswith("day,campaign_id,keyword,impressions,clicks,invalid_clicks")
    assert f",{mine['id']},led panel,4,1,1,0.25," in exported.text
    assert_problem(await rival.client.get("/api/v1/ads/reports", params={"campaign_id": mine["id"]}), 404,
                   "not_found")
    assert_invalid(await gold.client.get("/api/v1/ads/reports", params={"since": "2026-01-02",
                                                                        "until": "2026-01-01"}),
                   until="until_before_since")

    platform = (await admin.client.get("/api/v1/admin/ads/report")).json()
    assert [(k["keyword"], k["clicks"]) for k in platform["top_keywords"]] == [("led panel", 2)]
    assert platform["invalid_share"] == pytest.approx(1 / 3)
    total = Decimal(platform["days"][0]["revenue"])
    assert total == await journal.balance(db, accounts.PLATFORM_AD_REVENUE)
    assert total == Decimal(platform["months"][0]["revenue"])
    assert_problem(await gold.client.get("/api/v1/admin/ads/report"), 403, "admin_only")


async def test_an_estimate_runs_the_auction_against_todays_bids(make_actor: ActorFactory, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    gold = await advertiser(make_actor, db, "Bright Panels")
    rival = await advertiser(make_actor, db, "Plain Lights")
    towels_only = await advertiser(make_actor, db, "Towel Mills")
    await fund(admin, rival, "50")
    await published_listing(gold, admin, **PANEL)
    theirs = await published_listing(rival, admin, **{**PANEL, "title": "LED panel light 600x600 36W"})
    await published_listing(towels_only, admin, **TOWELS)
    await create(rival, campaign([theirs["id"]], ("led panel", "broad", "1.00")))

    async def estimate(actor: Actor, bid: str) -> dict[str, Any]:
        response = await actor.client.get("/api/v1/ads/estimate", params={"keyword": "LED panel light",
                                                                          "max_cpc": bid})
        assert response.status_code == 200, response.text
        found: dict[str, Any] = response.json()
        return found

    high, low = await estimate(gold, "2.00"), await estimate(gold, "0.50")
    assert (high["position"], high["competitors"], high["relevant"]) == (1, 1, True)
    assert Decimal("1.00") < Decimal(high["cost_per_click"]) <= Decimal("2.00")  # just above the rival's bid
    assert (low["position"], low["cost_per_click"]) == (2, "0.1")  # below the rival: nobody under it, the reserve
    assert (high["searches_per_day"], high["clicks_per_day"]) == (None, None)  # no impressions yet
    nothing = await estimate(towels_only, "100")
    assert (nothing["position"], nothing["relevant"]) == (None, False)  # no money buys an irrelevant slot
    assert_invalid(await gold.client.get("/api/v1/ads/estimate", params={"keyword": "led", "max_cpc": "0.01"}),
                   max_cpc="greater_than_equal")


async def test_changing_keywords_keeps_the_history_of_those_that_stay_and_of_those_dropped(
        client: httpx.AsyncClient, make_actor: ActorFactory, db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    gold = await advertiser(make_actor, db, "Bright Panels")
    await fund(admin, gold, "50")
    panel = await published_listing(gold, admin, **PANEL)
    created = await create(gold, campaign([panel["id"]], ("led panel", "broad", "1.00"), ("ceiling", "broad", "1")))
    ad = (await search(client, "led panel"))["sponsored"][0]
    await client.get(ad["click_url"], headers=BROWSER)
    kept = created["keywords"][0]["id"]

    changed = await gold.client.patch(f"/api/v1/ads/campaigns/{created['id']}", json={"keywords": [
        {"phrase": "LED panel", "match": "broad", "max_cpc": "2.00"}, {"phrase": "downlight", "max_cpc": "0.50"}]})

    assert changed.status_code == 200, changed.text
    assert [(k["id"] == kept, k["phrase"], k["max_cpc"]) for k in changed.json()["keywords"]] == [
        (True, "LED panel", "2"), (False, "downlight", "0.5")]  # the same row, its new bid; "ceiling" dropped
    assert await clicks(gold, created["id"]) == [("charged", "0.1", "0.1")]
    assert await balance(gold) == "49.9"
    # An old page's link, its keyword since dropped or changed, still leads to the listing.
    assert (await client.get(ad["click_url"], headers={"User-Agent": "Mozilla/5.0 other"})).status_code == 302
