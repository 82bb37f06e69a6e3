"""A refused page speaks the viewer's language: a plan limit rebuilt from the policy's rule, a service's sentence
from the catalog; the API keeps the English `detail`, and an English page says exactly what the API says."""

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Actor, ActorFactory
from tests.search_api.conftest import published_listing
from tests.showcase.test_showcase_api import TOWELS, supplier_on
from tests.support.pages import submit_form, text_of


async def _logged_in(client: httpx.AsyncClient, actor: Actor, language: str) -> None:
    response = await client.post("/api/v1/auth/login", json={"email": actor.email, "password": actor.password})
    assert response.status_code == 200, response.text
    client.cookies.set("tl_language", language)


async def test_a_plan_limit_is_refused_in_the_pages_language(client: httpx.AsyncClient, make_actor: ActorFactory,
                                                             db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    free = await make_actor("supplier")
    towels = await published_listing(free, admin, **TOWELS)
    api = await free.client.post("/api/v1/showcase", json={"listing_id": towels["id"]})

    await _logged_in(client, free, "es")
    spanish = await submit_form(client, "/my/showcase", "/my/showcase", {"listing_id": str(towels["id"])})
    client.cookies.set("tl_language", "zh_Hans")
    chinese = await submit_form(client, "/my/showcase", "/my/showcase", {"listing_id": str(towels["id"])})
    client.cookies.set("tl_language", "en")
    english = await submit_form(client, "/my/showcase", "/my/showcase", {"listing_id": str(towels["id"])})

    assert api.json()["detail"] == "Your plan does not include showcase slots; upgrade to Silver to continue"
    assert "Su plan no incluye: espacios de escaparate; cambie al plan Silver para continuar" in text_of(spanish)
    assert "您的套餐不含：橱窗展位；升级到 Silver 套餐即可继续" in text_of(chinese)  # noqa: RUF001
    assert api.json()["detail"] in text_of(english)


async def test_a_limit_of_one_reads_in_the_singular(client: httpx.AsyncClient, make_actor: ActorFactory,
                                                    db: AsyncSession) -> None:
    admin = await make_actor("both", admin=True)
    silver = await supplier_on(make_actor, db, "silver", "Silver Towels")
    first, second = [await published_listing(silver, admin, title=title) for title in ("Towels", "Robes")]
    await silver.client.post("/api/v1/showcase", json={"listing_id": first["id"]})

    await _logged_in(client, silver, "es")
    page = await submit_form(client, "/my/showcase", "/my/showcase", {"listing_id": str(second["id"])})

    assert "Su plan permite 1: espacio de escaparate; cambie al plan Gold para continuar" in text_of(page)


async def test_a_services_sentence_is_translated_where_the_catalog_has_it(client: httpx.AsyncClient,
                                                                          make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer")
    await _logged_in(client, buyer, "es")

    page = await client.get("/my/showcase")

    assert page.status_code == 403
    assert "Su organización está registrada solo como compradora" in text_of(page)
    assert (await buyer.client.get("/api/v1/showcase")).json()["detail"] == \
        "Your organization is registered as a buyer only"
