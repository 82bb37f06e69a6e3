"""A synthetic but realistic catalogue for the search benchmark: products named after HS subheadings of the
manufacturing chapters, with brands, materials, colours, sizes with units and model codes, and the queries a
buyer would type for them. Deterministic for a seed."""

import random
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.clock import utcnow
from app.models import HsCode, Listing, Organization
from app.models.enums import ListingStatus, OrganizationRole, Unit
from matching.hs.table import read_hs_rows

CHAPTERS = {"39", "40", "42", "61", "62", "63", "64", "69", "70", "73", "76", "82", "83", "84", "85", "87", "90",
            "94", "95", "96"}
BRANDS = ["acme", "brightway", "nordtek", "sunrise", "goldstar", "kingpower", "everlink", "bluewave", "zenith",
          "orion", "vertex", "pacific", "atlas", "nova", "delta", "summit", "haixin", "tianrun", "mega", "sinotrade"]
ADJECTIVES = ["premium", "industrial", "portable", "compact", "heavy duty", "wireless", "eco", "professional",
              "mini", "smart", "classic", "ultra", "waterproof", "foldable", "rechargeable", "custom"]
MATERIALS = ["stainless steel", "aluminium", "cotton", "polyester", "abs plastic", "rubber", "glass", "bamboo",
             "ceramic", "leather", "copper", "carbon fibre", "nylon", "oak wood"]
COLOURS = ["black", "white", "red", "blue", "silver", "grey", "green", "gold"]
SIZES = ["500 ml", "1 l", "12 v", "220 v", "16 gb", "10 in", "25 mm", "2 m", "5 kg", "100 w", "xl", "a4"]
CERTIFICATIONS = ["CE", "ISO 9001", "RoHS", "FDA", "UL", "GOTS", "REACH"]
SUPPLIERS = 2000
INSERT_BATCH = 5000
_CLAUSE = re.compile(r"[;,(]")
_SKIP = {"other", "others", "n.e.c.", "not", "of", "and", "or", "the", "for", "with", "whether", "than", "but"}


@dataclass(frozen=True)
class Product:
    name: str
    hs_code: str


def products() -> list[Product]:
    """One short product name per subheading of the chapters above: the heart of its HS description."""
    found: dict[str, Product] = {}
    for row in read_hs_rows():
        if row["level"] != 6 or row["chapter"] not in CHAPTERS:
            continue
        clauses = [c.strip().lower() for c in _CLAUSE.split(row["description"]) if c.strip()]
        words = [w for w in " ".join(clauses[:1]).split() if w.isalpha() and w not in _SKIP][:3]
        if len(words) >= 2:
            found.setdefault(" ".join(words), Product(" ".join(words), row["code"]))
    return sorted(found.values(), key=lambda product: product.name)


def model_code(rng: random.Random, brand: str) -> str:
    return f"{brand[:2].upper()}-{rng.randint(100, 9999)}{rng.choice('ABCDEFGHKLMPRSTX')}"


def listing_row(number: int, product: Product, rng: random.Random) -> dict[str, Any]:
    brand, adjective, material = rng.choice(BRANDS), rng.choice(ADJECTIVES), rng.choice(MATERIALS)
    colour, size, model = rng.choice(COLOURS), rng.choice(SIZES), model_code(rng, brand)
    price = Decimal(rng.randint(50, 500_000)) / 100
    now = utcnow()
    return {
        "id": number, "organization_id": 1 + number % SUPPLIERS, "hs_code": product.hs_code,
        "title": f"{brand} {adjective} {material} {product.name} {size} {model}",
        "description": f"{adjective.capitalize()} {product.name} made of {material}, {colour}, {size}. "
                       f"OEM and ODM welcome; samples ship within a week from our {brand} factory.",
        "keywords": [product.name, material, adjective], "certifications": rng.sample(CERTIFICATIONS, 2),
        "specs": {"brand": brand, "model": model, "material": material, "colour": colour, "size": size},
        "moq": rng.choice([1, 10, 100, 500, 1000]), "moq_unit": Unit.PIECE, "price_min": price,
        "price_max": price * Decimal("1.2"), "currency": rng.choice(["USD", "USD", "CNY", "EUR"]),
        "lead_time_days": rng.randint(5, 60), "country_of_origin": rng.choice(["CN", "VN", "IN", "TR", "DE"]),
        "status": ListingStatus.PUBLISHED, "published_at": now, "created_at": now, "updated_at": now,
    }


def catalogue(count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    choices = products()
    return [listing_row(number, rng.choice(choices), rng) for number in range(1, count + 1)]


def queries(rows: list[dict[str, Any]], count: int, seed: int) -> list[str]:
    """What buyers type: a product name, with a material, brand or size, or a model code as written anywhere."""
    rng = random.Random(seed + 1)
    made: list[str] = []
    for _ in range(count):
        specs = rng.choice(rows)["specs"]
        product = rng.choice(rows)["keywords"][0]
        made.append(rng.choice([
            product, f"{specs['material']} {product}", f"{specs['brand']} {product}", f"{product} {specs['size']}",
            specs["model"].lower().replace("-", ""), f"{specs['brand']} {specs['model']}",
        ]))
    return made


async def insert_catalogue(sessions: async_sessionmaker[AsyncSession], rows: list[dict[str, Any]], suppliers: int,
                           slug: str) -> None:
    """The HS table, `suppliers` supplier organisations (ids from 1) and the listing rows, in one transaction."""
    async with sessions.begin() as session:
        await session.execute(insert(HsCode), list(read_hs_rows()))
        await session.execute(insert(Organization), [
            {"id": number, "name": f"Supplier {number}", "slug": f"{slug}-{number}", "role": OrganizationRole.SUPPLIER,
             "country": "CN"} for number in range(1, suppliers + 1)])
        for start in range(0, len(rows), INSERT_BATCH):
            await session.execute(insert(Listing), rows[start:start + INSERT_BATCH])
