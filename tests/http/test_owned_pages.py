"""My listings and My RFQs: create drafts through the forms, move them through review, and who may see the pages."""

import re

from sqlalchemy import select

from app.models import Listing, Rfq
from tests.support.pages import EN_DASH, T_SHIRT, csrf_token, sign_up, submit_form, text_of

LISTING_FORM = {"title": "Bamboo cutting boards", "description": "Food safe, oiled.", "hs_code": "4419.11",
                "moq": "200", "moq_unit": "piece", "price_min": "3.10", "price_max": "4.50", "currency": "usd",
                "incoterm": "FOB", "country_of_origin": "VN"}
RFQ_FORM = {"title": "Stainless steel bolts M8", "hs_code": "7318.15", "quantity": "50000", "unit": "piece",
            "target_unit_price": "0.04", "currency": "EUR", "incoterm": "DAP", "destination_country": "PL",
            "valid_until": "2099-06-30"}


def _row(page: str, item_id: int) -> str:
    match = re.search(rf'<tr data-id="{item_id}">(.*?)</tr>', page, re.S)
    assert match, f"no row for {item_id}"
    return match.group(1)


async def _stored(db, model):
    return list(await db.scalars(select(model)))


async def test_create_listing_through_the_form_then_submit_and_archive_it(client, db):
    await sign_up(client, "supplier")

    created = await submit_form(client, "/my/listings", "/my/listings", LISTING_FORM)

    assert created.status_code == 303
    assert created.headers["location"] == "/my/listings"
    [listing] = await _stored(db, Listing)
    assert (listing.title, listing.currency, listing.country_of_origin, listing.hs_code) == (
        "Bamboo cutting boards", "USD", "VN", "441911")
    page = await client.get("/my/listings")
    row = _row(page.text, listing.id)
    assert f'<a href="/listings/{listing.id}">Bamboo cutting boards</a>' in row
    assert '<span class="badge status-draft">draft</span>' in row
    assert f"USD 3.1 {EN_DASH} 4.5" in text_of(page)

    submitted = await client.post(f"/my/listings/{listing.id}/submit", data={"csrf_token": csrf_token(page.text)})
    assert submitted.status_code == 303
    page = await client.get("/my/listings")
    row = _row(page.text, listing.id)
    assert '<span class="badge status-pending_review">pending review</span>' in row
    assert "Submit for review" not in row

    await client.post(f"/my/listings/{listing.id}/archive", data={"csrf_token": csrf_token(page.text)})
    row = _row((await client.get("/my/listings")).text, listing.id)
    assert '<span class="badge status-archived">archived</span>' in row
    assert "<button" not in row


async def test_create_rfq_through_the_form_then_submit_and_close_it(client, db):
    await sign_up(client, "buyer")

    created = await submit_form(client, "/my/rfqs", "/my/rfqs", RFQ_FORM)

    assert created.status_code == 303
    [rfq] = await _stored(db, Rfq)
    page = await client.get("/my/rfqs")
    row = _row(page.text, rfq.id)
    assert '<span class="badge status-draft">draft</span>' in row
    assert "50,000 piece" in row and "Poland" in row and "2099-06-30" in row
    await client.post(f"/my/rfqs/{rfq.id}/submit", data={"csrf_token": csrf_token(page.text)})
    assert "status-pending_review" in _row((await client.get("/my/rfqs")).text, rfq.id)
    await client.post(f"/my/rfqs/{rfq.id}/close", data={"csrf_token": csrf_token(page.text)})
    assert '<span class="badge status-closed">closed</span>' in _row((await client.get("/my/rfqs")).text, rfq.id)


async def test_invalid_listing_form_is_shown_again_with_messages_and_nothing_is_stored(client, db):
    await sign_up(client, "supplier")

    response = await submit_form(client, "/my/listings", "/my/listings",
                                 {**LISTING_FORM, "title": "Ok", "moq": "-5", "price_min": "9", "price_max": "4"})

    assert response.status_code == 422
    page = text_of(response)
    assert "String should have at least 3 characters" in page
    assert "Input should be greater than 0" in page
    assert 'value="Ok"' in page and 'value="-5"' in page
    assert '<option value="VN" selected>' in page
    assert await _stored(db, Listing) == []


async def test_unknown_hs_code_is_a_field_message(client, db):
    await sign_up(client, "supplier")
    response = await submit_form(client, "/my/listings", "/my/listings", {**LISTING_FORM, "hs_code": "0101.99"})
    assert response.status_code == 422
    assert ('<p class="field-error" id="e-hs_code">HS code 010199 does not exist in HS 2022, the edition of the HS '
            'codes used here; heading 0101 does: choose it or one of its subheadings</p>') in response.text
    assert await _stored(db, Listing) == []


async def test_rfq_with_a_past_date_is_refused_with_a_message(client, db):
    await sign_up(client, "buyer")
    response = await submit_form(client, "/my/rfqs", "/my/rfqs", {**RFQ_FORM, "valid_until": "2001-01-01"})
    assert response.status_code == 422
    assert "must be today or a later date" in response.text
    assert await _stored(db, Rfq) == []


async def test_create_without_csrf_token_is_refused_and_stores_nothing(client, db):
    await sign_up(client, "supplier")
    response = await client.post("/my/listings", data=LISTING_FORM)
    assert response.status_code == 403
    assert "reload the page and try again" in response.text
    assert await _stored(db, Listing) == []


async def test_row_buttons_need_the_csrf_token_too(client, db, make_actor):
    await sign_up(client, "supplier")
    await submit_form(client, "/my/listings", "/my/listings", LISTING_FORM)
    [listing] = await _stored(db, Listing)
    response = await client.post(f"/my/listings/{listing.id}/submit")
    assert response.status_code == 403
    await db.refresh(listing)
    assert listing.status.value == "draft"


async def test_anonymous_visitors_are_sent_to_login(client):
    for url in ("/my/rfqs", "/my/listings?page=2"):
        response = await client.get(url)
        assert response.status_code == 303
    assert (await client.get("/my/rfqs")).headers["location"] == "/login?next=%2Fmy%2Frfqs"
    assert (await client.get("/my/listings?page=2")).headers["location"] == "/login?next=%2Fmy%2Flistings%3Fpage%3D2"


async def test_buyer_only_org_gets_an_explanation_on_my_listings(client):
    await sign_up(client, "buyer")
    response = await client.get("/my/listings")
    assert response.status_code == 403
    assert "Your organization is registered as a buyer only" in response.text
    assert 'Post what you want to buy on <a href="/my/rfqs">My RFQs</a> instead.' in response.text


async def test_supplier_only_org_gets_an_explanation_on_my_rfqs(client):
    await sign_up(client, "supplier")
    response = await client.get("/my/rfqs")
    assert response.status_code == 403
    assert "Your organization is registered as a supplier only" in response.text


async def test_members_cannot_change_another_organizations_listing(client, db, make_actor):
    other = await make_actor("supplier")
    listing_id = (await other.client.post("/api/v1/listings", json=T_SHIRT)).json()["id"]
    await sign_up(client, "supplier")
    page = await client.get("/my/listings")
    response = await client.post(f"/my/listings/{listing_id}/archive", data={"csrf_token": csrf_token(page.text)})
    assert response.status_code == 404
    listing = await db.get(Listing, listing_id)
    assert listing.status.value == "draft"
    assert "Organic cotton T-shirts" not in page.text


async def test_unknown_row_action_is_not_found(client, db):
    await sign_up(client, "supplier")
    await submit_form(client, "/my/listings", "/my/listings", LISTING_FORM)
    [listing] = await _stored(db, Listing)
    page = await client.get("/my/listings")
    response = await client.post(f"/my/listings/{listing.id}/publish", data={"csrf_token": csrf_token(page.text)})
    assert response.status_code == 404
