"""RFQ -> top-20 suppliers latency at scale: synthetic published listings (product x brand x model code, HS code,
price, MOQ) in a scratch database and index, then RFQs naming products of the catalogue timed through
matching.engine.suppliers_for_rfq. Prints p50/p95/max in milliseconds and the p95/p50 ratio; never pass/fail.

    python bench/matching_bench.py --listings 100000 --rfqs 300 --backend embedded|opensearch
"""

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from search_catalogue import insert_catalogue

from app.core.clock import utcnow
from app.core.config import get_settings
from app.models import Rfq
from app.models.enums import ListingStatus, RfqStatus, Unit
from matching.engine import suppliers_for_rfq
from search.evaluation.scratch import Sessions, scratch_backend, scratch_database
from search.reindex import reindex
from search.types import DocType

PRODUCTS = [("bluetooth headphones", "851830"), ("usb-c charger", "850440"), ("led panel light", "940511"),
            ("cotton t-shirt", "610910"), ("ball valve", "848180"), ("ball bearing", "848210"),
            ("solar panel", "854143"), ("smartphone", "851713"), ("digital camera", "852589"),
            ("green coffee beans", "090111"), ("stainless steel pot", "732393"), ("power bank", "850760"),
            ("wifi router", "851762"), ("brake pads", "870830"), ("office chair", "940139"),
            ("water pump", "841370"), ("bath towel", "630260"), ("laptop", "847130")]
BRANDS = ["acme", "brightway", "nordtek", "sunrise", "goldstar", "kingpower", "everlink", "bluewave", "zenith",
          "orion", "vertex", "pacific", "atlas", "nova", "delta", "summit"]
ADJECTIVES = ["premium", "industrial", "portable", "compact", "heavy duty", "wireless", "eco", "pro", "mini",
              "smart", "classic", "ultra"]
SUPPLIERS = 2000
BATCH = 5000


def listing_row(number: int, rng: random.Random) -> dict[str, Any]:
    product, hs = rng.choice(PRODUCTS)
    brand = rng.choice(BRANDS)
    model = f"{brand[:2].upper()}-{rng.randint(100, 9999)}{rng.choice('ABCDEFGH')}"
    price = Decimal(rng.randint(100, 50000)) / 100
    now = utcnow()
    return {"id": number, "organization_id": 1 + number % SUPPLIERS,
            "title": f"{brand} {rng.choice(ADJECTIVES)} {product} {model}", "description": f"{product} by {brand}",
            "keywords": [product], "specs": {"brand": brand, "model": model}, "hs_code": hs,
            "moq": rng.choice([1, 10, 100, 500, 1000]), "moq_unit": Unit.PIECE, "price_min": price,
            "price_max": price * Decimal("1.2"), "currency": "USD", "lead_time_days": rng.randint(5, 60),
            "status": ListingStatus.PUBLISHED, "published_at": now, "created_at": now, "updated_at": now}


async def load(sessions: Sessions, count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rows = [listing_row(number, rng) for number in range(1, count + 1)]
    await insert_catalogue(sessions, rows, SUPPLIERS + 1, "bench")  # the last organisation is the RFQs' buyer
    return rows


def rfq_for(row: dict[str, Any], number: int) -> Rfq:
    model, brand = row["specs"]["model"], row["specs"]["brand"]
    product = row["keywords"][0]
    return Rfq(id=number, organization_id=SUPPLIERS + 1, title=f"{brand} {product} {model}",
               description=f"Need {product}, brand {brand}", hs_code=row["hs_code"], quantity=Decimal(1000),
               unit=Unit.PIECE, target_unit_price=row["price_min"], currency="USD", required_certifications=[],
               required_constraints=[], valid_until=utcnow().date() + timedelta(days=30), status=RfqStatus.OPEN)


async def run(listings: int, rfqs: int, engine: str, seed: int, target_ms: int) -> None:
    with tempfile.TemporaryDirectory(prefix="tradeleads-bench-") as folder:
        async with scratch_database(Path(folder)) as sessions, \
                scratch_backend(engine, Path(folder), get_settings()) as backend:
            started = time.perf_counter()
            rows = await load(sessions, listings, seed)
            await reindex(sessions, backend, DocType.LISTINGS, batch_size=BATCH)
            print(f"{engine}: {listings:,} listings loaded and indexed in {time.perf_counter() - started:.0f} s")
            picks = random.Random(seed + 1).sample(rows, rfqs)
            timings = []
            async with sessions() as session:
                for number, row in enumerate(picks, 1):
                    began = time.perf_counter()
                    await suppliers_for_rfq(session, backend, rfq_for(row, number), limit=20)
                    timings.append((time.perf_counter() - began) * 1000)
    report(engine, listings, timings, target_ms)


def report(engine: str, listings: int, timings: list[float], target_ms: int) -> None:
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(f"{engine} @ {listings:,} listings, {len(timings)} RFQs -> top-20 suppliers: p50 {p50:.1f} ms, "
          f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms, p95/p50 {p95 / p50:.2f} (target p95 <= {target_ms} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--rfqs", type=int, default=300)
    parser.add_argument("--backend", choices=("embedded", "opensearch"), default="embedded")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--target-ms", type=int, default=100, help="p95 target printed beside the figures")
    arguments = parser.parse_args()
    asyncio.run(run(arguments.listings, arguments.rfqs, arguments.backend, arguments.seed,
                    arguments.target_ms))


if __name__ == "__main__":
    main()
