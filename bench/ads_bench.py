"""Sponsored results at scale, measured (never asserted): N synthetic listings (bench/search_catalogue.py) in a
scratch database and index, 2,000 active keyword bids (400 advertisers, 5 keywords each, the product names of their
own listings, broad match, bids 0.10-3.00, funded balances), then

- search: p50/p95 of GET /api/v1/search/listings with the auction on (3 sponsored slots) and off (0 slots), two
  apps on the same database and index, alternated query by query so both see the same noise; the p95 ratio;
- clicks: p50/p95 of GET /c/{token} on the sponsored links the searches returned, each from its own browser (so
  each is charged), on SQLite and, when BENCH_ADS_DATABASE_URL names a PostgreSQL database, on PostgreSQL too.

    python bench/ads_bench.py --listings 100000 --backend embedded|opensearch [--queries 300] [--seed 7]
"""

import argparse
import asyncio
import json
import os
import random
import tempfile
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
from search_bench import WARM_UP, documents, percentile, project_bulk, timed
from search_catalogue import SUPPLIERS, catalogue, insert_catalogue, queries
from sqlalchemy import insert, select, text

from app.core import clock
from app.core.config import Settings, get_settings
from app.core.db import create_engine, create_sessionmaker
from app.main import create_app
from app.models import AdCampaign, AdKeyword, Base, Listing, Tier, ad_campaign_listings
from app.models.enums import KeywordMatch
from ledger import accounts, journal
from promotion import keywords
from search.backend import SearchBackend
from search.embedded import EmbeddedBackend
from search.evaluation.scratch import Sessions, scratch_database
from search.factory import opensearch_client
from search.normalise import terms
from search.opensearch import OpenSearchBackend

ADVERTISERS = 400
KEYWORDS_EACH = 5
LISTINGS_EACH = 10


async def advertise(sessions: Sessions, seed: int) -> int:
    """400 advertisers' campaigns: each promotes up to 10 of its listings on the product names of its listings."""
    rng = random.Random(seed + 2)
    async with sessions.begin() as session:
        session.add(Tier(code="free", name="Free", rank=0, is_default=True, currency="USD", price_monthly=Decimal(0),
                         price_yearly=Decimal(0)))
        await session.flush()
        rows = (await session.execute(select(Listing.id, Listing.organization_id, Listing.keywords)
                                      .where(Listing.organization_id <= ADVERTISERS))).all()
        mine: dict[int, list[tuple[int, str]]] = {}
        for listing_id, organization_id, words in rows:
            mine.setdefault(organization_id, []).append((listing_id, words[0]))
        bids = 0
        for organization_id, listings in sorted(mine.items()):
            chosen = listings[:LISTINGS_EACH]
            campaign = AdCampaign(organization_id=organization_id, name="Bench", daily_budget=Decimal("100000"),
                                  starts_on=clock.today() - timedelta(days=1))
            session.add(campaign)
            await session.flush()
            await session.execute(insert(ad_campaign_listings), [
                {"campaign_id": campaign.id, "listing_id": listing_id} for listing_id, _ in chosen])
            phrases = list(dict.fromkeys(name for _, name in listings))[:KEYWORDS_EACH]
            for phrase in phrases:
                words = terms(phrase)
                session.add(AdKeyword(campaign_id=campaign.id, phrase=phrase, terms=keywords.joined(words),
                                      term_set=keywords.term_set(words), match=KeywordMatch.BROAD,
                                      max_cpc=Decimal(rng.randint(10, 300)) / 100))
                bids += 1
            await journal.post(session, f"bench:{organization_id}", "adjustment", "USD", [
                journal.Leg(accounts.ad_balance(organization_id), Decimal("100000")),
                journal.Leg(accounts.PLATFORM_ADJUSTMENTS, Decimal("-100000"))])
    return bids


def summary(name: str, samples: list[float]) -> dict[str, float]:
    p50, p95 = sorted(samples)[len(samples) // 2], percentile(samples, 0.95)
    print(f"  {name:<14} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   ({len(samples)} requests)")
    return {"p50_ms": round(p50, 2), "p95_ms": round(p95, 2)}


async def searches(settings: Settings, texts: list[str]) -> tuple[dict[str, Any], list[str]]:
    with_ads, without_ads = create_app(settings), create_app(settings.model_copy(update={"ads_sponsored_slots": 0}))
    on: list[float] = []
    off: list[float] = []
    links: list[str] = []
    shown = 0
    transport_on, transport_off = httpx.ASGITransport(app=with_ads), httpx.ASGITransport(app=without_ads)
    async with httpx.AsyncClient(transport=transport_on, base_url="http://bench") as ads, \
            httpx.AsyncClient(transport=transport_off, base_url="http://bench") as plain:
        async def ask(client: httpx.AsyncClient, query: str) -> None:
            response = await client.get("/api/v1/search/listings", params={"q": query})
            assert response.status_code == 200, response.text
            if client is ads:
                links.extend(ad["click_url"] for ad in response.json()["sponsored"])

        for number, query in enumerate(texts):
            before = len(links)
            if number % 2:
                on_ms, off_ms = await timed(ask(ads, query)), await timed(ask(plain, query))
            else:
                off_ms, on_ms = await timed(ask(plain, query)), await timed(ask(ads, query))
            shown += len(links) > before
            if number >= WARM_UP:
                on.append(on_ms)
                off.append(off_ms)
    for app in (with_ads, without_ads):
        await app.state.search.close()
        await app.state.engine.dispose()
    result = {"with_ads": summary("search, ads", on), "without_ads": summary("search, no ads", off),
              "searches_with_sponsored": shown, "searches": len(texts)}
    result["p95_ratio"] = round(result["with_ads"]["p95_ms"] / result["without_ads"]["p95_ms"], 3)
    print(f"  ads/no ads p95 {result['p95_ratio']:.2f}x; {shown} of {len(texts)} searches showed sponsored results")
    return result, links


async def clicks(settings: Settings, links: list[str], name: str) -> dict[str, float]:
    app = create_app(settings)
    samples: list[float] = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for number, link in enumerate(links):
            browser = {"User-Agent": f"Mozilla/5.0 (X11; Linux x86_64) Chrome/120 bench/{number}"}
            started = await timed(client.get(link, headers=browser))
            samples.append(started)
    await app.state.search.close()
    await app.state.engine.dispose()
    return summary(name, samples[WARM_UP:] if len(samples) > 2 * WARM_UP else samples)


async def copy_to_postgres(url: str, sessions: Sessions) -> Settings | None:
    """The scratch database's ad and listing rows into an empty PostgreSQL database (the click path reads them)."""
    engine = create_engine(Settings(database_url=url))
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.drop_all)
        await connection.run_sync(Base.metadata.create_all)
    target = create_sessionmaker(engine)
    async with sessions() as source, target.begin() as session:
        for table in Base.metadata.sorted_tables:
            rows = [dict(row._mapping) for row in await source.execute(table.select())]
            for start in range(0, len(rows), 5000):
                await session.execute(table.insert(), rows[start:start + 5000])
        for table in Base.metadata.sorted_tables:
            if "id" in table.c and table.c.id.autoincrement:
                await session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                           f"COALESCE((SELECT max(id) FROM {table.name}), 1))"))
    await engine.dispose()
    return Settings(database_url=url)


async def run(kind: str, count: int, query_count: int, seed: int) -> dict[str, Any]:
    base = get_settings()
    rows = catalogue(count, seed)
    texts = queries(rows, query_count + WARM_UP, seed)
    with tempfile.TemporaryDirectory(prefix="tradeleads-bench-ads-") as folder:
        settings = base.model_copy(update={
            "database_url": f"sqlite+aiosqlite:///{Path(folder) / 'eval.db'}",
            "search_index_path": Path(folder) / "search.sqlite3", "var_dir": Path(folder),
            "search_index_prefix": f"{base.search_index_prefix}bench-{uuid.uuid4().hex[:8]}-",
            "opensearch_url": base.opensearch_url if kind == "opensearch" else None})
        async with scratch_database(Path(folder)) as sessions:
            await insert_catalogue(sessions, rows, SUPPLIERS, "bench-ads")
            docs = await documents(sessions, count)
            bids = await advertise(sessions, seed)
            print(f"{kind}: {len(docs)} listings, {bids} keyword bids of {ADVERTISERS} advertisers")
            backend: SearchBackend = (OpenSearchBackend(opensearch_client(settings), settings.search_index_prefix,
                                                        refresh=False) if kind == "opensearch"
                                      else EmbeddedBackend(settings.embedded_index_path))
            try:
                await project_bulk(backend, docs)
                result: dict[str, Any] = {"backend": kind, "listings": len(docs), "bids": bids}
                result["search"], links = await searches(settings, texts)
                half = len(links) // 2
                result["click_sqlite"] = await clicks(settings, links[:half], "click, SQLite")
                postgres = os.environ.get("BENCH_ADS_DATABASE_URL")
                if postgres:
                    pg = await copy_to_postgres(postgres, sessions)
                    assert pg is not None
                    result["click_postgresql"] = await clicks(
                        settings.model_copy(update={"database_url": postgres}), links[half:], "click, PostgreSQL")
                else:
                    print("  set BENCH_ADS_DATABASE_URL (a scratch PostgreSQL database) to time clicks there too")
            finally:
                await backend.drop()
                await backend.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--backend", choices=["embedded", "opensearch"], default="embedded")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.backend == "opensearch" and not get_settings().opensearch_url:
        parser.error("set TRADELEADS_OPENSEARCH_URL to measure OpenSearch")
    print(json.dumps(asyncio.run(run(args.backend, args.listings, args.queries, args.seed))))


if __name__ == "__main__":
    main()
