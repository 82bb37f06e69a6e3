"""Every response says what a browser may do with it: load only the site's own scripts and styles, never frame it,
never sniff types, keep referrers to the origin, store nothing dynamic; HSTS once cookies are Secure."""

import httpx
from fastapi import FastAPI

from app.core.config import Settings
from app.main import create_app
from tests.conftest import BASE_URL, ActorFactory


def _assert_locked_down(response: httpx.Response) -> None:
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


async def test_pages_api_answers_and_errors_carry_the_headers_and_are_not_stored(
        client: httpx.AsyncClient, make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer")
    answers = [await client.get("/"), await client.get("/login"), await client.get("/api/v1/listings/424242"),
               await buyer.client.get("/api/v1/me"), await client.get("/no-such-page")]
    assert [answer.status_code for answer in answers] == [200, 200, 404, 200, 404]
    for answer in answers:
        _assert_locked_down(answer)
        assert answer.headers["cache-control"] == "no-store"
        assert "strict-transport-security" not in answer.headers


async def test_static_files_keep_their_caching(client: httpx.AsyncClient) -> None:
    stylesheet = await client.get("/static/site.css")
    assert stylesheet.status_code == 200
    _assert_locked_down(stylesheet)
    assert "no-store" not in stylesheet.headers.get("cache-control", "")


async def test_hsts_only_when_cookies_are_secure(settings: Settings) -> None:
    secure = create_app(settings.model_copy(update={"secure_cookies": True}))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=secure), base_url=BASE_URL) as client:
        response = await client.get("/")
    assert response.headers["strict-transport-security"].startswith("max-age=31536000")
    await secure.state.engine.dispose()


async def test_the_docs_page_may_load_its_cdn_bundle_but_not_be_framed(client: httpx.AsyncClient,
                                                                         app: FastAPI) -> None:
    docs = await client.get("/docs")
    assert docs.status_code == 200
    assert "https://cdn.jsdelivr.net" in docs.headers["content-security-policy"]
    assert docs.headers["x-frame-options"] == "DENY"
