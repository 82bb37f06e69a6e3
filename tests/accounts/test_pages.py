"""Sign up, log in and log out through the HTML forms."""

from sqlalchemy import func, select

from app.http.session_cookie import SESSION_COOKIE
from app.models import Organization, User
from tests.support.pages import PASSWORD, csrf_token, sign_up, submit_form, text_of


async def _count(db, model):
    return await db.scalar(select(func.count()).select_from(model))


async def test_supplier_signs_up_and_lands_on_my_listings_with_the_org(client):
    response = await sign_up(client, "supplier")

    assert response.status_code == 303
    assert response.headers["location"] == "/my/listings"
    assert SESSION_COOKIE in response.cookies
    page = await client.get("/my/listings")
    assert page.status_code == 200
    assert '<small class="org-name">Lin Supplier Trading</small>' in page.text
    assert "You have no listings yet." in page.text
    assert 'href="/my/rfqs"' not in page.text  # a supplier-only org has no RFQ page in its nav


async def test_buyer_signs_up_and_lands_on_my_rfqs(client):
    response = await sign_up(client, "buyer")
    assert response.headers["location"] == "/my/rfqs"
    page = await client.get("/my/rfqs")
    assert page.status_code == 200
    assert '<small class="org-name">Lin Buyer Trading</small>' in page.text


async def test_sign_up_with_bad_fields_shows_each_message_keeps_values_and_stores_nothing(client, db):
    response = await sign_up(client, "supplier", email="not-an-email", password="short", country="XX",
                             organization_name="Lin & Sons")

    assert response.status_code == 422
    page = text_of(response)
    assert "Some fields are not valid" in page
    assert 'id="e-email"' in page and "value is not a valid email address" in page
    assert "String should have at least 10 characters" in page
    assert "must be an ISO 3166-1 alpha-2 country code, such as DE or CN" in page
    assert 'value="Lin & Sons"' in page
    assert 'value="not-an-email"' in page
    assert "short" not in page  # the password is never sent back
    assert SESSION_COOKIE not in response.cookies
    assert await _count(db, User) == 0
    assert await _count(db, Organization) == 0


async def test_sign_up_with_a_taken_email_says_so(client, make_actor):
    actor = await make_actor("buyer")
    response = await sign_up(client, "supplier", email=actor.email)
    assert response.status_code == 409
    assert "An account with this e-mail address already exists" in response.text


async def test_login_with_wrong_password_shows_the_form_again(client, make_actor):
    actor = await make_actor("supplier")
    response = await submit_form(client, "/login", "/login", {"email": actor.email, "password": "wrong password"})
    assert response.status_code == 401
    assert "E-mail or password is wrong" in response.text
    assert f'value="{actor.email}"' in response.text
    assert SESSION_COOKIE not in response.cookies


async def test_login_goes_to_the_start_page_of_the_role_or_back_to_next(client, make_actor):
    buyer = await make_actor("buyer")
    response = await submit_form(client, "/login", "/login", {"email": buyer.email, "password": buyer.password})
    assert response.status_code == 303
    assert response.headers["location"] == "/my/rfqs"

    login_page = await client.get("/login?next=/rfqs/7")
    assert '<input type="hidden" name="next" value="/rfqs/7">' in login_page.text
    again = await client.post("/login", data={"email": buyer.email, "password": buyer.password, "next": "/rfqs/7",
                                              "csrf_token": csrf_token(login_page.text)})
    assert again.headers["location"] == "/rfqs/7"


async def test_login_never_redirects_to_another_site(client, make_actor):
    supplier = await make_actor("supplier")
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "/\t/evil.example"):
        response = await submit_form(client, "/login", "/login",
                                     {"email": supplier.email, "password": supplier.password, "next": target})
        assert response.headers["location"] == "/my/listings", target


async def test_too_many_failed_logins_are_refused_with_a_message(client, make_actor, settings):
    actor = await make_actor("supplier")
    for _ in range(settings.login_max_failures):
        failed = await submit_form(client, "/login", "/login", {"email": actor.email, "password": "wrong password"})
        assert failed.status_code == 401
    response = await submit_form(client, "/login", "/login", {"email": actor.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed logins; wait before trying again" in response.text
    assert SESSION_COOKIE not in response.cookies


async def test_logout_clears_the_session(client):
    await sign_up(client, "supplier")
    home = await client.get("/")
    assert 'action="/logout"' in home.text

    response = await client.post("/logout", data={"csrf_token": csrf_token(home.text)})

    assert response.status_code == 303
    assert response.headers["location"] == "/"
    assert (await client.get("/my/listings")).status_code == 303
    assert 'href="/login"' in (await client.get("/")).text
    assert (await client.get("/logout")).status_code == 405


async def test_forms_posted_without_a_valid_csrf_token_are_refused_and_store_nothing(client, db):
    await client.get("/register")
    data = {"email": "mei@example.com", "password": PASSWORD, "name": "Mei", "organization_name": "Lin Trading",
            "organization_role": "supplier", "country": "CN"}
    for token in (None, "forged-token"):
        response = await client.post("/register", data=data if token is None else {**data, "csrf_token": token})
        assert response.status_code == 403
        assert "The form expired or did not come from this site" in response.text
    assert await _count(db, User) == 0


async def test_csrf_token_of_another_browser_is_refused(client, app):
    import httpx

    from tests.conftest import BASE_URL
    other_page = await client.get("/login")
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as other_browser:
        await other_browser.get("/login")
        response = await other_browser.post("/logout", data={"csrf_token": csrf_token(other_page.text)})
    assert response.status_code == 403
