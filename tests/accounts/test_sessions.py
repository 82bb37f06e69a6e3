"""Login sessions end on the server: a cookie copied before logout (or before "log out everywhere", or before a
password change elsewhere) no longer signs anyone in, and a form token works only for the session it was made for."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI

from app.http.csrf import CSRF_COOKIE
from app.http.session_cookie import SESSION_COOKIE
from tests.conftest import BASE_URL, ActorFactory
from tests.support.pages import PASSWORD, csrf_token, submit_form


@asynccontextmanager
async def _browser(app: FastAPI, cookies: dict[str, str] | None = None) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL,
                                 cookies=cookies) as browser:
        yield browser


async def _log_in(browser: httpx.AsyncClient, email: str) -> str:
    """Logs in through the form; the session cookie the browser got."""
    response = await submit_form(browser, "/login", "/login", {"email": email, "password": PASSWORD})
    assert response.status_code == 303, response.text
    return str(browser.cookies[SESSION_COOKIE])


async def _signed_in_as(app: FastAPI, session_cookie: str) -> int:
    async with _browser(app, {SESSION_COOKIE: session_cookie}) as thief:
        return (await thief.get("/api/v1/me")).status_code


async def test_a_cookie_copied_before_logout_stops_working(app: FastAPI, make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer")
    async with _browser(app) as browser:
        copied = await _log_in(browser, buyer.email)
        assert await _signed_in_as(app, copied) == 200

        page = await browser.get("/my/rfqs")
        logged_out = await browser.post("/logout", data={"csrf_token": csrf_token(page.text)})

    assert logged_out.status_code == 303
    assert await _signed_in_as(app, copied) == 401


async def test_api_logout_ends_the_session_too(app: FastAPI, make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer")
    async with _browser(app) as browser:
        login = await browser.post("/api/v1/auth/login", json={"email": buyer.email, "password": PASSWORD})
        copied = str(login.cookies[SESSION_COOKIE])
        assert (await browser.post("/api/v1/auth/logout")).status_code == 204
    assert await _signed_in_as(app, copied) == 401


async def test_log_out_everywhere_ends_every_browser_of_the_user_only(app: FastAPI,
                                                                      make_actor: ActorFactory) -> None:
    buyer, other = await make_actor("buyer"), await make_actor("buyer")
    async with _browser(app) as laptop, _browser(app) as phone, _browser(app) as colleague:
        laptop_cookie, phone_cookie = await _log_in(laptop, buyer.email), await _log_in(phone, buyer.email)
        colleague_cookie = await _log_in(colleague, other.email)
        account = await laptop.get("/account")
        assert "3 active logins" in account.text  # laptop, phone and the browser that registered

        ended = await laptop.post("/account/logout-everywhere", data={"csrf_token": csrf_token(account.text)})
        assert ended.headers["location"] == "/login?ended=everywhere"
        assert "You are logged out on every device." in (await laptop.get(ended.headers["location"])).text

    assert [await _signed_in_as(app, cookie) for cookie in (laptop_cookie, phone_cookie, colleague_cookie)] == [
        401, 401, 200]
    assert (await buyer.client.get("/api/v1/me")).status_code == 200  # API tokens are not login sessions


async def test_api_log_out_everywhere_says_how_many_sessions_ended(app: FastAPI, make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier")
    async with _browser(app) as first, _browser(app) as second:
        await _log_in(first, supplier.email)
        await _log_in(second, supplier.email)
        response = await first.post("/api/v1/auth/logout-everywhere")
        assert response.status_code == 200
        assert response.json() == {"ended": 3}  # these two and the browser that registered
        assert (await second.get("/api/v1/me")).status_code == 401


async def test_a_password_change_keeps_this_browser_and_ends_the_others(app: FastAPI,
                                                                        make_actor: ActorFactory) -> None:
    buyer = await make_actor("buyer")
    async with _browser(app) as here, _browser(app) as elsewhere:
        await _log_in(here, buyer.email)
        elsewhere_cookie = await _log_in(elsewhere, buyer.email)
        changed = await here.post("/api/v1/me/password",
                                  json={"current_password": PASSWORD, "new_password": "an even better one"})
        assert changed.status_code == 204
        assert (await here.get("/api/v1/me")).status_code == 200
    assert await _signed_in_as(app, elsewhere_cookie) == 401


async def test_a_form_token_planted_from_another_session_is_refused(app: FastAPI, make_actor: ActorFactory) -> None:
    victim, attacker = await make_actor("buyer"), await make_actor("buyer")
    async with _browser(app) as attacker_browser, _browser(app) as victim_browser:
        await _log_in(attacker_browser, attacker.email)
        attacker_page = await attacker_browser.get("/my/rfqs")
        planted_nonce, planted_token = attacker_browser.cookies[CSRF_COOKIE], csrf_token(attacker_page.text)
        victim_session = await _log_in(victim_browser, victim.email)

    async with _browser(app, {SESSION_COOKIE: victim_session, CSRF_COOKIE: planted_nonce}) as forged:
        response = await forged.post("/account/logout-everywhere", data={"csrf_token": planted_token})
        assert response.status_code == 403
        assert (await forged.get("/api/v1/me")).status_code == 200  # the victim's session was left alone
