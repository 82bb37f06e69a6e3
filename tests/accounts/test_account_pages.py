"""The /account pages: the company profile, the password and personal API tokens, through their HTML forms."""

import re

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ApiToken, Organization
from tests.conftest import BASE_URL, ActorFactory
from tests.http.test_valid_html import parse_errors
from tests.support.pages import PASSWORD, csrf_token, sign_up, submit_form, text_of

EMAIL = "supplier@example.com"  # sign_up's
NEW_PASSWORD = "a much longer secret"
PROFILE = {
    "name": "Lin Export Co", "role": "both", "country": "VN", "city": "Ho Chi Minh City",
    "business_type": "trading_company", "year_established": "2004", "employee_range": "51-200",
    "export_markets": "DE, us, GB", "certifications": "ISO 9001, BSCI", "website": "https://lin-export.example/",
    "description": "Garments and home textiles since 2004.",
}
SECRET = re.compile(r'<code class="secret">([^<]+)</code>')


def message_beside(page: str, field: str) -> str:
    """The message the page shows under one field ("" when there is none)."""
    found = re.search(rf'<p class="field-error" id="e-{field}">([^<]*)</p>', page)
    return found.group(1) if found else ""


async def _organization(db: AsyncSession) -> Organization:
    db.expire_all()
    organization: Organization | None = await db.scalar(select(Organization))
    assert organization is not None
    return organization


async def _token_count(db: AsyncSession) -> int:
    return int(await db.scalar(select(func.count()).select_from(ApiToken)) or 0)


async def test_the_hub_links_every_account_page_and_the_public_store_of_a_seller(client: httpx.AsyncClient) -> None:
    await sign_up(client, "supplier")
    page = (await client.get("/account")).text
    for link in ("/account/company", "/account/password", "/account/tokens", "/suppliers/lin-supplier-trading"):
        assert f'href="{link}"' in page


async def test_a_buyer_has_no_public_store_link(client: httpx.AsyncClient) -> None:
    await sign_up(client, "buyer", email="buyer@example.com")
    assert "See your public store" not in (await client.get("/account")).text
    assert "See your public store" not in (await client.get("/account/company")).text


async def test_the_company_profile_saves_every_field_and_shows_them(client: httpx.AsyncClient,
                                                                    db: AsyncSession) -> None:
    await sign_up(client, "supplier")

    response = await submit_form(client, "/account/company", "/account/company", PROFILE)

    assert response.status_code == 303
    assert response.headers["location"] == "/account/company?saved=1"
    stored = await _organization(db)
    assert (stored.name, stored.role, stored.country, stored.city) == ("Lin Export Co", "both", "VN",
                                                                        "Ho Chi Minh City")
    assert (stored.business_type, stored.year_established, stored.employee_range) == ("trading_company", 2004,
                                                                                     "51-200")
    assert stored.export_markets == ["DE", "US", "GB"]
    assert stored.certifications == ["ISO 9001", "BSCI"]
    assert stored.website == "https://lin-export.example/"
    assert stored.description == "Garments and home textiles since 2004."
    page = text_of(await client.get(response.headers["location"]))
    assert "Company profile saved." in page
    for text in ('value="Lin Export Co"', '<option value="both" selected>', '<option value="VN" selected>',
                 'value="Ho Chi Minh City"', '<option value="trading_company" selected>', 'value="2004"',
                 '<option value="51-200" selected>', 'value="DE, US, GB"', 'value="ISO 9001, BSCI"',
                 'value="https://lin-export.example/"', ">Garments and home textiles since 2004.</textarea>",
                 'href="/suppliers/lin-supplier-trading"'):
        assert text in page, text


async def test_a_field_left_blank_is_cleared(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    await submit_form(client, "/account/company", "/account/company", PROFILE)
    kept = {"name": "Lin Export Co", "role": "supplier", "country": "VN"}

    response = await submit_form(client, "/account/company", "/account/company", kept)

    assert response.status_code == 303
    stored = await _organization(db)
    assert (stored.city, stored.year_established, stored.website, stored.export_markets) == (None, None, None, [])


async def test_bad_values_show_the_message_beside_each_field_and_store_nothing(client: httpx.AsyncClient,
                                                                                db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    bad = {**PROFILE, "year_established": "1500", "website": "not a url", "country": "XX"}

    response = await submit_form(client, "/account/company", "/account/company", bad)

    assert response.status_code == 422
    page = text_of(response)
    assert message_beside(page, "year_established") == "Input should be greater than or equal to 1800"
    assert message_beside(page, "website").startswith("Input should be a valid URL")
    assert message_beside(page, "country") == "must be an ISO 3166-1 alpha-2 country code, such as DE or CN"
    assert message_beside(page, "name") == ""
    assert 'value="1500"' in page and 'value="not a url"' in page  # the values typed are kept
    stored = await _organization(db)
    assert (stored.name, stored.country, stored.year_established) == ("Lin Supplier Trading", "CN", None)


async def test_a_required_field_left_blank_is_refused_beside_it(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")

    response = await submit_form(client, "/account/company", "/account/company", {**PROFILE, "name": " "})

    assert response.status_code == 422
    assert message_beside(text_of(response), "name") == "name may not be null"
    assert (await _organization(db)).name == "Lin Supplier Trading"


async def _change_password(client: httpx.AsyncClient, current: str, new: str, repeat: str) -> httpx.Response:
    data = {"current_password": current, "new_password": new, "repeat_password": repeat}
    return await submit_form(client, "/account/password", "/account/password", data)


async def _login(app: FastAPI, password: str) -> int:
    """The status of a login through the form, from a browser of its own."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as browser:
        return (await submit_form(browser, "/login", "/login", {"email": EMAIL, "password": password})).status_code


async def test_a_wrong_current_password_is_refused_beside_it(app: FastAPI, client: httpx.AsyncClient) -> None:
    await sign_up(client, "supplier")

    response = await _change_password(client, "not my password", NEW_PASSWORD, NEW_PASSWORD)

    assert response.status_code == 422
    page = text_of(response)
    assert message_beside(page, "current_password") == "The current password is wrong"
    assert "not my password" not in page and NEW_PASSWORD not in page  # passwords are never sent back
    assert await _login(app, NEW_PASSWORD) == 401
    assert await _login(app, PASSWORD) == 303


async def test_two_different_new_passwords_are_refused_beside_the_repeat(app: FastAPI,
                                                                         client: httpx.AsyncClient) -> None:
    await sign_up(client, "supplier")

    response = await _change_password(client, PASSWORD, NEW_PASSWORD, "a much longer secreT")

    assert response.status_code == 422
    assert message_beside(text_of(response), "repeat_password") == "The two new passwords are not the same"
    assert await _login(app, PASSWORD) == 303


async def test_a_changed_password_logs_in_and_the_old_one_no_longer(app: FastAPI, client: httpx.AsyncClient) -> None:
    await sign_up(client, "supplier")

    response = await _change_password(client, PASSWORD, NEW_PASSWORD, NEW_PASSWORD)

    assert response.status_code == 303
    page = await client.get(response.headers["location"])
    assert page.status_code == 200  # this browser stays logged in
    assert "Your password is changed. Every other login of yours has ended" in text_of(page)
    assert await _login(app, NEW_PASSWORD) == 303
    assert await _login(app, PASSWORD) == 401


async def _create_token(client: httpx.AsyncClient, name: str) -> tuple[httpx.Response, str]:
    response = await submit_form(client, "/account/tokens", "/account/tokens", {"name": name})
    found = SECRET.search(response.text)
    assert found, response.text
    return response, found.group(1)


async def _bearer_status(app: FastAPI, token: str) -> int:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL,
                                 headers={"Authorization": f"Bearer {token}"}) as script:
        return (await script.get("/api/v1/me")).status_code


async def test_a_created_token_is_shown_once_and_works(app: FastAPI, client: httpx.AsyncClient) -> None:
    await sign_up(client, "supplier")

    response, token = await _create_token(client, "ERP sync")

    assert response.status_code == 201
    assert "it will not be shown again" in text_of(response)
    later = text_of(await client.get("/account/tokens"))
    assert token not in later
    assert "ERP sync" in later and f"<code>{token[:10]}…</code>" in later
    assert await _bearer_status(app, token) == 200
    assert "never" not in text_of(await client.get("/account/tokens"))  # its use is recorded


async def test_a_revoked_token_no_longer_works(app: FastAPI, client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    _, token = await _create_token(client, "ERP sync")
    token_id = await db.scalar(select(ApiToken.id).where(ApiToken.name == "ERP sync"))

    response = await submit_form(client, "/account/tokens", f"/account/tokens/{token_id}/revoke", {})

    assert response.status_code == 303
    page = text_of(await client.get(response.headers["location"]))
    assert "The token is revoked" in page and "revoked 20" in page
    assert f"/account/tokens/{token_id}/revoke" not in page
    assert await _bearer_status(app, token) == 401


async def test_another_users_token_cannot_be_revoked(client: httpx.AsyncClient, make_actor: ActorFactory) -> None:
    other = await make_actor("buyer")
    their_token = (await other.client.get("/api/v1/me/tokens")).json()[0]["id"]
    await sign_up(client, "supplier")

    response = await submit_form(client, "/account/tokens", f"/account/tokens/{their_token}/revoke", {})

    assert response.status_code == 404
    assert (await other.client.get("/api/v1/me")).status_code == 200


async def test_a_token_without_a_name_is_refused_beside_it(client: httpx.AsyncClient, db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    response = await submit_form(client, "/account/tokens", "/account/tokens", {"name": ""})
    assert response.status_code == 422
    assert message_beside(text_of(response), "name") == "Field required"
    assert await _token_count(db) == 0


async def test_forms_with_a_forged_csrf_token_are_refused_and_change_nothing(app: FastAPI, client: httpx.AsyncClient,
                                                                             db: AsyncSession) -> None:
    await sign_up(client, "supplier")
    _, token = await _create_token(client, "ERP sync")
    token_id = await db.scalar(select(ApiToken.id))
    posts = {
        "/account/company": PROFILE,
        "/account/password": {"current_password": PASSWORD, "new_password": NEW_PASSWORD,
                              "repeat_password": NEW_PASSWORD},
        "/account/tokens": {"name": "forged"},
        f"/account/tokens/{token_id}/revoke": {},
    }
    for action, data in posts.items():
        response = await client.post(action, data={**data, "csrf_token": "forged-token"})
        assert response.status_code == 403, action
    assert (await _organization(db)).name == "Lin Supplier Trading"
    assert await _token_count(db) == 1
    assert (await db.scalar(select(ApiToken.revoked_at))) is None
    assert await _bearer_status(app, token) == 200
    assert await _login(app, PASSWORD) == 303
    assert csrf_token((await client.get("/account")).text)  # still signed in


async def test_the_account_pages_parse_without_errors_also_with_a_refusal_or_a_new_token(
        client: httpx.AsyncClient) -> None:
    await sign_up(client, "supplier")
    pages = {url: await client.get(url) for url in ("/account", "/account/company?saved=1",
                                                     "/account/password?changed=1", "/account/tokens?revoked=1")}
    pages["refused profile"] = await submit_form(client, "/account/company", "/account/company",
                                                 {**PROFILE, "year_established": "1500"})
    pages["refused password"] = await _change_password(client, "wrong", "short", "other")
    pages["new token"], _ = await _create_token(client, "ERP sync")
    assert {name: parse_errors(page.text) for name, page in pages.items() if parse_errors(page.text)} == {}
