"""suppliers_for_rfq end to end: the supplier whose listing is the product comes first, with its listing."""

from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from matching.engine import suppliers_for_rfq
from search.backend import SearchBackend
from tests.conftest import Actor, ActorFactory
from tests.matching.conftest import index_now, open_rfq, published_listing, stored_rfq


async def test_the_supplier_of_the_product_comes_first(app: FastAPI, engine: SearchBackend, db: AsyncSession,
                                                       make_actor: ActorFactory, admin: Actor, buyer: Actor) -> None:
    cameras = await make_actor("supplier", organization_name="Osaka Optics", country="JP")
    phones = await make_actor("supplier", organization_name="Shenzhen Phones", country="CN")
    camera = await published_listing(cameras, admin, title="Sony Cyber-shot DSC-W120P digital camera",
                                     specs={"brand": "Sony", "model": "DSC-W120P"}, hs_code="852589")
    await published_listing(phones, admin, title="Android smartphone 6 inch", hs_code="851713")
    rfq: dict[str, Any] = await open_rfq(buyer, admin, title="Digital camera DSC W120P", hs_code="852589")
    await index_now(app)

    matches = await suppliers_for_rfq(db, engine, await stored_rfq(db, rfq))

    assert [(m.organization_id, m.best_listing_id) for m in matches][:1] == [(cameras.organization_id, camera["id"])]
    lines = {factor.factor: factor.text for factor in matches[0].factors}
    assert lines["model"] == "Same model as you asked: DSC-W120P"
    assert lines["hs"] == "Same HS code 8525.89"
