"""Server time of every main page on the demo data, measured (never asserted): a scratch var folder gets the demo
catalogue (`tradeleads migrate`, `seed --demo`, `worker --once`, as `make run` does), then each page is asked
--rounds times in-process (httpx ASGITransport against create_app, so the figures are the app's time without a
network), as a visitor and as the demo supplier, buyer and admin, after --warmup untimed rounds. Prints p50/p95 per page
against the 50 ms target of issue 15.

    python bench/pages_bench.py [--rounds 60] [--warmup 5]
"""

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

TARGET_MS = 50.0
PASSWORD = "demo-password-1"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PUBLIC = ["/", "/categories", "/categories/85", "/categories/XVI", "/search?q=led", "/search?q=cotton&hs_chapter=61",
          "/suppliers", "/suppliers/shenzhen-brightway-electronics-co-ltd", "/listings/1", "/rfqs", "/plans",
          "/hs?q=ball+valve", "/login"]
SUPPLIER = ["/my/listings", "/my/quotes", "/leads", "/inquiries", "/notifications", "/account", "/account/company",
            "/account/team", "/my/listings/import", "/billing"]
BUYER = ["/my/rfqs", "/rfqs/1", "/rfqs/1/comparison", "/rfqs/1/matches"]
ADMIN = ["/admin", "/admin/moderation", "/admin/organizations",
         "/admin/organizations/shenzhen-brightway-electronics-co-ltd", "/admin/plans", "/admin/invoices",
         "/admin/billing"]


def prepare(var_dir: Path) -> None:
    """The demo catalogue in `var_dir`, through the command line as `make run` builds it."""
    env = {**os.environ, "TRADELEADS_VAR_DIR": str(var_dir)}
    env.pop("TRADELEADS_DATABASE_URL", None)
    env.pop("TRADELEADS_OPENSEARCH_URL", None)
    for step in (["migrate"], ["seed", "--demo"], ["worker", "--once"]):
        subprocess.run([str(Path(sys.executable).parent / "tradeleads"), *step], env=env, check=True,
                       capture_output=True)


async def log_in(client: httpx.AsyncClient, email: str) -> None:
    token = CSRF.search((await client.get("/login")).text)
    assert token, "no CSRF token on /login"
    answer = await client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token.group(1)})
    assert answer.status_code == 303, f"log in as {email}: {answer.status_code}"


async def timed(client: httpx.AsyncClient, path: str, rounds: int, warmup: int) -> list[float]:
    times = []
    for round_number in range(warmup + rounds):
        started = time.perf_counter()
        response = await client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code}")
        if round_number >= warmup:
            times.append(elapsed)
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


async def measure(rounds: int, warmup: int) -> None:
    from app.main import create_app  # after the environment names the scratch folder

    app = create_app()
    async with app.router.lifespan_context(app):  # started as `tradeleads serve` starts it
        await measure_pages(app, rounds, warmup)


async def measure_pages(app: Any, rounds: int, warmup: int) -> None:
    transport = httpx.ASGITransport(app=app)
    print(f"{'page':<52} {'as':<9} {'p50 ms':>8} {'p95 ms':>8}  target {TARGET_MS:.0f} ms")
    over = 0
    for who, email, paths in (("visitor", None, PUBLIC), ("supplier", "brightway@example.com", SUPPLIER),
                              ("buyer", "greatlakes@example.com", BUYER), ("admin", "admin@example.com", ADMIN)):
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            if email:
                await log_in(client, email)
            for path in paths:
                times = await timed(client, path, rounds, warmup)
                slow = p95(times) > TARGET_MS
                over += slow
                print(f"{path:<52} {who:<9} {statistics.median(times):>8.1f} {p95(times):>8.1f}  "
                      f"{'OVER' if slow else 'ok'}")
    print(f"{over} page(s) over the target; {rounds} timed rounds each after {warmup} untimed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tradeleads-bench-pages-") as scratch:
        prepare(Path(scratch))
        os.environ["TRADELEADS_VAR_DIR"] = scratch
        os.environ.pop("TRADELEADS_DATABASE_URL", None)
        os.environ.pop("TRADELEADS_OPENSEARCH_URL", None)
        os.environ["TRADELEADS_BACKGROUND_IN_PROCESS"] = "false"
        asyncio.run(measure(args.rounds, args.warmup))


if __name__ == "__main__":
    main()
