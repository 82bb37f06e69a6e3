"""Search finds a listing in every language its supplier gave (Chinese without spaces between words, too), on the
configured engine, and the results show each viewer the title in the page's language."""

from typing import Any

import httpx
from fastapi import FastAPI

from search.backend import SearchBackend
from tests.search_api.conftest import index_now, published_listing

BOLTS_IN_CHINESE = {"title": "不锈钢六角螺栓 M8", "description": "A2-70 不锈钢，DIN 933，全螺纹。"}  # noqa: RUF001


async def _bolts_and_a_drill(app: FastAPI, make_actor: Any) -> dict[str, Any]:
    admin = await make_actor("both", admin=True)
    supplier = await make_actor("supplier", organization_name="Ningbo Fasteners")
    bolts = await published_listing(supplier, admin, title="Stainless steel hex bolts M8",
                                    description="A2-70, DIN 933, fully threaded.",
                                    translations={"zh-Hans": BOLTS_IN_CHINESE,
                                                  "es": {"title": "Tornillos hexagonales de acero inoxidable M8"}})
    await published_listing(supplier, admin, title="Cordless drill 18 V", description="Two batteries, a case.")
    await index_now(app)
    return bolts


async def _found(client: httpx.AsyncClient, query: str) -> list[str]:
    response = await client.get("/api/v1/search/listings", params={"q": query})
    assert response.status_code == 200, response.text
    return [item["listing"]["title"] for item in response.json()["items"]]


async def test_a_listing_is_found_in_each_language_given(app: FastAPI, client: httpx.AsyncClient,
                                                         engine: SearchBackend, make_actor: Any) -> None:
    await _bolts_and_a_drill(app, make_actor)
    english = "Stainless steel hex bolts M8"
    assert await _found(client, "螺栓") == [english]  # a word inside a run of characters
    assert await _found(client, "不锈钢螺栓") == [english]  # the words run together, not as written
    assert await _found(client, "tornillos hexagonales") == [english]
    assert await _found(client, "全螺纹") == [english]  # from the Chinese description
    assert await _found(client, "电钻") == []  # no drill was given in Chinese
    assert await _found(client, "drill") == ["Cordless drill 18 V"]


async def test_results_show_the_title_in_the_viewers_language(app: FastAPI, client: httpx.AsyncClient,
                                                              engine: SearchBackend, make_actor: Any) -> None:
    await _bolts_and_a_drill(app, make_actor)
    client.cookies.set("tl_language", "zh_Hans")
    chinese = (await client.get("/search", params={"q": "bolts"})).text
    client.cookies.set("tl_language", "es")
    spanish = (await client.get("/search", params={"q": "螺栓"})).text
    client.cookies.delete("tl_language")
    english = (await client.get("/search", params={"q": "螺栓"})).text

    assert f"{BOLTS_IN_CHINESE['title']}</a></h3>" in chinese
    assert "Tornillos hexagonales de acero inoxidable M8</a></h3>" in spanish
    assert "Stainless steel hex bolts M8</a></h3>" in english and BOLTS_IN_CHINESE["title"] not in english
