"""Category pages over a small catalogue: published listings under chapters 84, 85 (section XVI) and 61 (section XI),
and listings that are not public (a draft, one waiting for review) under 85, which no page may count."""

from typing import Any

import pytest

from tests.support.actors import Cast, cast_fixture
from tests.support.listings import listing_in_status

cast = cast_fixture("supplier")

# (owner in the cast, status, title, HS code)
CATALOG = [
    ("owner", "published", "Power transformer 100 kVA", "850421"),
    ("owner", "published", "Switching power supply 24 V", "8504.40"),
    ("owner", "draft", "Prototype inverter", "850440"),
    ("stranger", "pending_review", "Transformer kit", "8504"),
    ("stranger", "published", "Screw air compressor", "841480"),
    ("stranger", "published", "Cotton T-shirts", "610910"),
]
PUBLISHED_IN_85 = ["Power transformer 100 kVA", "Switching power supply 24 V"]
NOT_PUBLIC = ["Prototype inverter", "Transformer kit"]


@pytest.fixture
async def catalog(cast: Cast) -> dict[str, dict[str, Any]]:
    return {title: await listing_in_status(cast, status, by=by, title=title, hs_code=hs_code)
            for by, status, title, hs_code in CATALOG}
