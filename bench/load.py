"""HTTP load on a running tradeleads: concurrent clients loop over a weighted mix of pages, search, logins and a few
writes, level after level, and print requests/s, p50/p95/p99, errors and refused writes. Figures, never pass/fail.

    python bench/load.py run --base-url http://127.0.0.1:8000 [--levels 1,50,200] [--seconds 60]
    python bench/load.py setups [--setups embedded,production] [--levels 1,50,200] [--seconds 60]

`setups` builds each server itself (bench/load_setup.py): SQLite + embedded search in one process, and PostgreSQL +
OpenSearch behind two uvicorn workers and one `tradeleads worker`. An error is an exception, a 5xx or a 4xx the
request does not expect; a write refused by a cap or a conflict (409, 429) is counted apart as refused.
"""

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any

import httpx
from load_setup import SETUPS, serve_setup

DEMO_PASSWORD = "demo-password-1"
BUYER, SUPPLIER, ADMIN = "greatlakes@example.com", "brightway@example.com", "admin@example.com"
QUERIES = ("coffee", "solar panel", "polo shirt", "ball bearing", "valve", "cotton", "led light", "stainless steel",
           "olive oil", "charger", "cookware", "jute", "brake pads", "cashew", "gearbox")
REFUSED = frozenset({409, 429})  # a cap or a conflict (two clients quoting one RFQ at once): expected under load
TIMEOUT_SECONDS = 30.0
ERRORS_SHOWN = 3


@dataclass(frozen=True)
class Catalogue:
    """What the mix picks from, discovered from the JSON API at start."""

    listings: list[int]
    open_rfqs: list[int]
    suppliers: list[str]
    buyer_token: str
    supplier_token: str


@dataclass
class Sample:
    kind: str
    seconds: float
    error: str | None = None
    refused: bool = False


@dataclass
class LevelResult:
    concurrency: int
    elapsed: float
    client_cpu: float
    samples: list[Sample] = field(default_factory=list)

    @property
    def errors(self) -> list[Sample]:
        return [sample for sample in self.samples if sample.error is not None]


Op = Callable[[httpx.AsyncClient, Catalogue, list[Sample]], Awaitable[None]]


def _no_cookies_client(base_url: str, concurrency: int) -> httpx.AsyncClient:
    """One pool for every client; cookies are never kept, so a login's session does not sign the pages in."""
    jar = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return httpx.AsyncClient(base_url=base_url, cookies=jar, limits=limits, timeout=TIMEOUT_SECONDS)


async def _send(client: httpx.AsyncClient, samples: list[Sample], kind: str, method: str, url: str,
                expect: int = 200, **kwargs: Any) -> httpx.Response | None:
    """Sends one request and records its latency; an unexpected status or an exception is an error."""
    started = time.perf_counter()
    try:
        response = await client.request(method, url, **kwargs)
    except httpx.HTTPError as exc:
        cause = str(exc) or repr(exc.__cause__ or exc.__context__)
        samples.append(Sample(kind, time.perf_counter() - started, f"{kind}: {type(exc).__name__}: {cause}"[:200]))
        return None
    seconds = time.perf_counter() - started
    if response.status_code == expect:
        samples.append(Sample(kind, seconds))
        return response
    refused = response.status_code in REFUSED and method != "GET"
    error = None if refused else f"{kind} {method} {url} -> {response.status_code}: {response.text[:120]}"
    samples.append(Sample(kind, seconds, error, refused))
    return None


def _bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


async def home(client: httpx.AsyncClient, cat: Catalogue, samples: list[Sample]) -> None:
    await _send(client, samples, "home", "GET", "/")


async def search_page(client: httpx.AsyncClient, cat: Catalogue, samples: list[Sample]) -> None:
    await _send(client, samples, "search page", "GET", "/search", params={"q": random.choice(QUERIES)})


async def listing_page(client: httpx.AsyncClient, cat: Catalogue, samples: list[Sample]) -> None:
    await _send(client, samples, "listing page", "GET", f"/listings/{random.choice(cat.listings)}")


async def supplier(client: httpx.AsyncClient, cat: Catalogue, samples: list[Sample]) -> None:
    """There is no HTML supplier page: the organisation's public profile from the API stands in."""
    await _send(client, samples, "supplier", "GET", f"/api/v1/organizations/{random.choice(cat.suppliers)}")


async def rfq_page(client: httpx.AsyncClient, cat: Catalogue, samples: list[Sample]) -> None:
    await _send(client, samples, "rfq page", "GET", f"/rfqs/{random.choice(cat.open_rfqs)}")


async def plans(client: httpx.AsyncClient, cat: Catalogue, samples: list[Sample]) -> None:
    await _send(client, samples, "plans", "GET", "/plans")


async def search_api(client: httpx.AsyncClient, cat: Catalogue, samples: list[Sample]) -> None:
    await _send(client, samples, "search api", "GET", "/api/v1/search/listings", params={"q": random.choice(QUERIES)})


async def login(client: httpx.AsyncClient, cat: Catalogue, samples: list[Sample]) -> None:
    body = {"email": random.choice((BUYER, SUPPLIER, ADMIN)), "password": DEMO_PASSWORD}
    await _send(client, samples, "login", "POST", "/api/v1/auth/login", json=body)


async def create_rfq(client: httpx.AsyncClient, cat: Catalogue, samples: list[Sample]) -> None:
    """A draft RFQ by the buyer: drafts do not count against the plan's monthly RFQs (the daily cap does)."""
    body = {"title": f"Load test RFQ {uuid.uuid4().hex[:10]} for steel hex bolts", "quantity": "5000",
            "unit": "piece", "valid_until": (date.today() + timedelta(days=60)).isoformat(),
            "description": "M8 x 40 zinc plated, DIN 933, in cartons."}
    await _send(client, samples, "rfq write", "POST", "/api/v1/rfqs", expect=201, json=body,
                headers=_bearer(cat.buyer_token))


async def quote(client: httpx.AsyncClient, cat: Catalogue, samples: list[Sample]) -> None:
    """The supplier quotes on an open RFQ, then withdraws, so that its next quote on that RFQ is not a conflict."""
    body = {"unit_price": "12.5", "currency": "USD", "quantity": "1000", "unit": "piece", "lead_time_days": 30}
    headers = _bearer(cat.supplier_token)
    response = await _send(client, samples, "quote write", "POST", f"/api/v1/rfqs/{random.choice(cat.open_rfqs)}"
                           "/quotes", expect=201, json=body, headers=headers)
    if response is not None:
        quote_id = response.json()["id"]
        await _send(client, samples, "quote withdraw", "POST", f"/api/v1/quotes/{quote_id}/withdraw", headers=headers)


async def inquiry(client: httpx.AsyncClient, cat: Catalogue, samples: list[Sample]) -> None:
    body = {"message": "Please send your price list and lead time for 2,000 units.", "quantity": "2000",
            "unit": "piece"}
    await _send(client, samples, "inquiry write", "POST", f"/api/v1/listings/{random.choice(cat.listings)}"
                "/inquiries", expect=201, json=body, headers=_bearer(cat.buyer_token))


# Percent of picks. Logins are few on purpose: argon2 makes each one cost tens of milliseconds of CPU.
MIX: list[tuple[Op, int]] = [(home, 13), (search_page, 14), (listing_page, 17), (supplier, 8), (rfq_page, 10),
                             (plans, 6), (search_api, 26), (login, 2), (create_rfq, 1), (quote, 2), (inquiry, 1)]


async def _json(client: httpx.AsyncClient, url: str, **kwargs: Any) -> Any:
    response = await client.get(url, **kwargs)
    response.raise_for_status()
    return response.json()


async def _token(base_url: str, email: str) -> str:
    """An API token made once through a login session (the cookie is kept only in this short-lived client)."""
    async with httpx.AsyncClient(base_url=base_url, timeout=TIMEOUT_SECONDS) as client:
        signed_in = await client.post("/api/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD})
        signed_in.raise_for_status()
        created = await client.post("/api/v1/me/tokens", json={"name": f"bench-load {os.getpid()}"})
        created.raise_for_status()
        return str(created.json()["token"])


async def discover(base_url: str) -> Catalogue:
    async with httpx.AsyncClient(base_url=base_url, timeout=TIMEOUT_SECONDS) as client:
        listings = await _json(client, "/api/v1/listings", params={"per_page": 100})
        rfqs = await _json(client, "/api/v1/rfqs", params={"per_page": 100, "status": "open"})
        suppliers = await _json(client, "/api/v1/search/suppliers", params={"per_page": 100})
    catalogue = Catalogue(
        listings=[item["id"] for item in listings["items"]], open_rfqs=[item["id"] for item in rfqs["items"]],
        suppliers=[item["supplier"]["slug"] for item in suppliers["items"]],
        buyer_token=await _token(base_url, BUYER), supplier_token=await _token(base_url, SUPPLIER))
    if not (catalogue.listings and catalogue.open_rfqs and catalogue.suppliers):
        raise SystemExit(f"{base_url} has no listings, open RFQs or suppliers to load: seed it first")
    return catalogue


async def _client_loop(client: httpx.AsyncClient, catalogue: Catalogue, deadline: float,
                       samples: list[Sample]) -> None:
    ops, weights = zip(*MIX, strict=True)
    while time.perf_counter() < deadline:
        await random.choices(ops, weights)[0](client, catalogue, samples)


async def run_level(base_url: str, catalogue: Catalogue, concurrency: int, seconds: float) -> LevelResult:
    samples: list[Sample] = []
    async with _no_cookies_client(base_url, concurrency) as client:
        started, cpu = time.perf_counter(), time.process_time()
        deadline = started + seconds
        await asyncio.gather(*(_client_loop(client, catalogue, deadline, samples) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return LevelResult(concurrency, elapsed, (time.process_time() - cpu) / elapsed, samples)


def _percentiles_ms(seconds: Sequence[float]) -> tuple[float, float, float]:
    if len(seconds) < 2:
        only = seconds[0] * 1000 if seconds else float("nan")
        return only, only, only
    cuts = statistics.quantiles(seconds, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000, cuts[98] * 1000


def print_levels(title: str, results: list[LevelResult]) -> None:
    print(f"\n== {title}")
    print(f"{'clients':>7} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} "
          f"{'refused':>7} {'client CPU':>10}")
    for result in results:
        p50, p95, p99 = _percentiles_ms([sample.seconds for sample in result.samples])
        refused = sum(sample.refused for sample in result.samples)
        print(f"{result.concurrency:>7} {len(result.samples):>9} {len(result.samples) / result.elapsed:>8.1f} "
              f"{p50:>8.1f} {p95:>8.1f} {p99:>8.1f} {len(result.errors):>7} {refused:>7} "
              f"{result.client_cpu:>9.0%}")
    for result in results:
        messages = list(dict.fromkeys(sample.error or "" for sample in result.errors))
        for message in messages[:ERRORS_SHOWN]:
            print(f"  [{result.concurrency} clients] {message}")


def print_kinds(results: list[LevelResult]) -> None:
    """Per request kind and level, p50/p95 in ms and the count: where the time goes."""
    kinds = sorted({sample.kind for result in results for sample in result.samples})
    print(f"{'kind':<15}" + "".join(f"{f'{result.concurrency} clients: p50/p95 (n)':>32}" for result in results))
    for kind in kinds:
        print(f"{kind:<15}" + "".join(f"{_kind_cell(result, kind):>32}" for result in results))


def _kind_cell(result: LevelResult, kind: str) -> str:
    samples = [sample for sample in result.samples if sample.kind == kind]
    if not samples:
        return "-"
    p50, p95, _ = _percentiles_ms([sample.seconds for sample in samples])
    refused = sum(sample.refused for sample in samples)
    return f"{p50:.0f}/{p95:.0f} ({len(samples)}{f', {refused} refused' if refused else ''})"


async def run_levels(base_url: str, levels: list[int], seconds: float, warmup: float) -> list[LevelResult]:
    catalogue = await discover(base_url)
    print(f"{base_url}: {len(catalogue.listings)} listings, {len(catalogue.open_rfqs)} open RFQs, "
          f"{len(catalogue.suppliers)} suppliers; {seconds:g} s per level", flush=True)
    if warmup > 0:
        # Caches, connection pools and OpenSearch's JIT warm up here, not in the first level's figures.
        warmed = await run_level(base_url, catalogue, 1, warmup)
        print(f"  warm-up: {len(warmed.samples)} requests in {warmup:g} s, not counted", flush=True)
    results = []
    for concurrency in levels:
        results.append(await run_level(base_url, catalogue, concurrency, seconds))
        print(f"  {concurrency} clients: {len(results[-1].samples)} requests", flush=True)
    return results


def _report(title: str, results: list[LevelResult]) -> None:
    print_levels(title, results)
    print_kinds(results)


def _levels(text: str) -> list[int]:
    levels = [int(part) for part in text.split(",") if part.strip()]
    if not levels or min(levels) < 1:
        raise argparse.ArgumentTypeError("levels are positive client counts, such as 1,50,200")
    return levels


def _parser() -> argparse.ArgumentParser:
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--levels", type=_levels, default=_levels("1,50,200"), help="concurrent clients, per level")
    shared.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", "60")),
                        help="duration of each level (default: $BENCH_SECONDS or 60)")
    shared.add_argument("--warmup", type=float, default=5.0, help="seconds of uncounted load at 1 client first")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", parents=[shared], help="load a server that is already running")
    run.add_argument("--base-url", default="http://127.0.0.1:8000")
    setups = commands.add_parser("setups", parents=[shared], help="build each setup, load it, stop it")
    setups.add_argument("--setups", default="embedded,production",
                        help=f"comma-separated, of: {', '.join(SETUPS)}")
    return parser


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    if args.command == "run":
        _report(args.base_url, asyncio.run(run_levels(args.base_url, args.levels, args.seconds, args.warmup)))
        return
    names = [name.strip() for name in args.setups.split(",") if name.strip()]
    unknown = [name for name in names if name not in SETUPS]
    if unknown:
        sys.exit(f"unknown setup(s) {', '.join(unknown)}; choose from {', '.join(SETUPS)}")
    reports = []
    for name in names:
        with serve_setup(name) as base_url:
            results = asyncio.run(run_levels(base_url, args.levels, args.seconds, args.warmup))
        reports.append((f"{name}: {SETUPS[name]}", results))
    for title, results in reports:
        _report(title, results)


if __name__ == "__main__":
    main()
