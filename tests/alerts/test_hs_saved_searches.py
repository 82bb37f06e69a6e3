"""A saved search whose query is an HS code keeps that code's subtree as its filter, as the search does: its
buyers hear of new listings classified there and of no others."""

from typing import Any

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from search.backend import SearchBackend
from tests.alerts.conftest import alerted, work_off
from tests.alerts.test_saved_searches import URL, save
from tests.search_api.conftest import published_listing
from tests.support.problems import assert_invalid


async def test_an_hs_code_query_is_saved_as_its_filter(app: FastAPI, engine: SearchBackend, make_actor: Any,
                                                       db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    subheading, heading = await make_actor("buyer"), await make_actor("buyer")
    saved = await save(subheading, "Valves", "8481.80")
    assert (saved["query"], saved["filters"]) == ("", {"hs_subheading": ["848180"]})
    await save(heading, "Taps and valves", "HS 8481")
    assert_invalid(await heading.client.post(URL, json={"name": "x", "query": "8481",
                                                        "filters": {"hs_heading": ["9405"]}}),
                   query="hs_code_excluded")
    supplier = await make_actor("supplier")

    valve = await published_listing(supplier, admin, title="Brass gate valve DN50", hs_code="848180")
    relief = await published_listing(supplier, admin, title="Safety relief valve", hs_code="848140")
    led = await published_listing(supplier, admin, title="LED panel 600x600", hs_code="940542")
    await work_off(app)

    told = await alerted(db)
    assert told[f"saved_search_match:listing:{valve['id']}"] == {subheading.organization_id,
                                                                 heading.organization_id}
    assert told[f"saved_search_match:listing:{relief['id']}"] == {heading.organization_id}
    assert f"saved_search_match:listing:{led['id']}" not in told
