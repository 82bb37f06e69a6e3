"""Home and detail pages, as an anonymous visitor and as members of the owning organization."""

from tests.support.membership import put_on_tier
from tests.support.pages import COFFEE_RFQ, EN_DASH, T_SHIRT, open_rfq, published_listing, text_of


async def test_home_shows_published_listings_and_open_rfqs_with_links(client, make_actor):
    supplier = await make_actor("supplier", admin=True, organization_name="Ningbo Knitwear Co")
    buyer = await make_actor("buyer", admin=True, organization_name="Hamburg Roasters GmbH")
    listing = await published_listing(supplier)
    rfq = await open_rfq(buyer)
    draft = await supplier.client.post("/api/v1/listings", json={**T_SHIRT, "title": "Unreleased hoodies"})
    assert draft.status_code == 201

    response = await client.get("/")

    assert response.status_code == 200
    page = text_of(response)
    assert f'<a href="/listings/{listing["id"]}">Organic cotton T-shirts</a>' in page
    assert "Ningbo Knitwear Co" in page
    assert "<dd>China</dd>" in page
    assert f"USD 2.5 {EN_DASH} 3.2" in page
    assert "<dd>500 piece</dd>" in page
    assert f'<a href="/rfqs/{rfq["id"]}">Green arabica coffee beans</a>' in page
    assert "<dd>1,000 kg</dd>" in page
    assert "<dd>Germany</dd>" in page
    assert "<dd>2099-12-31</dd>" in page
    assert "Unreleased hoodies" not in page
    assert "A buyer in China" in page and "Hamburg Roasters" not in page  # a list names no buyer


async def test_home_names_no_buyer_even_to_a_plan_with_buyer_contacts(client, make_actor, db):
    """The RFQ cards open no lead: who the buyer is shows on the RFQ page (tests/rfqs/test_rfq_privacy.py)."""
    buyer = await make_actor("buyer", admin=True, organization_name="Hamburg Roasters GmbH", country="DE")
    gold = await make_actor("supplier")
    await put_on_tier(db, gold.organization_id, "gold")
    await db.commit()
    await open_rfq(buyer)

    page = text_of(await gold.client.get("/"))

    assert "A buyer in Germany" in page and "Hamburg Roasters" not in page


async def test_home_when_nothing_is_published(client):
    response = await client.get("/")
    assert response.status_code == 200
    assert "No listings are published yet." in response.text
    assert "No requests for quotation are open right now." in response.text
    assert 'href="/login"' in response.text


async def test_listing_page_shows_every_field_with_hs_description_and_supplier(client, make_actor):
    supplier = await make_actor("supplier", admin=True, organization_name="Ningbo Knitwear Co")
    listing = await published_listing(supplier)

    response = await client.get(f"/listings/{listing['id']}")

    assert response.status_code == 200
    page = text_of(response)
    assert "<h1>Organic cotton T-shirts</h1>" in page
    store = f'<a href="/suppliers/{supplier.organization_slug}">'
    assert f'{store}<strong class="org-name">Ningbo Knitwear Co</strong></a> · China' in page
    assert '<span class="hs-code">610910</span>' in page
    assert "T-shirts, singlets and other vests; of cotton, knitted or crocheted" in page
    for shown in (f"USD 2.5 {EN_DASH} 3.2", "500 piece", "<dd>FOB</dd>", "<dd>Ningbo</dd>", "<dd>30 days</dd>",
                  '<span class="tag">GOTS</span>', '<span class="tag">cotton</span>', "180 gsm, combed cotton.",
                  "<th>Weight</th><td>180 gsm</td>"):
        assert shown in page, shown


async def test_rfq_page_shows_every_field_with_hs_description_but_not_who_the_buyer_is(client, make_actor):
    buyer = await make_actor("buyer", admin=True, country="DE", organization_name="Hamburg Roasters GmbH")
    rfq = await open_rfq(buyer)

    response = await client.get(f"/rfqs/{rfq['id']}")

    assert response.status_code == 200
    page = text_of(response)
    assert "<h1>Green arabica coffee beans</h1>" in page
    assert "A buyer in Germany" in page and "Hamburg Roasters" not in page  # anonymous: view_buyer_contact
    assert "Coffee; not roasted or decaffeinated" in page
    for shown in ("1,000 kg", "EUR 4.75", "<dd>CIF</dd>", "<dd>Germany</dd>", "<dd>Hamburg</dd>",
                  "<dd>2099-12-31</dd>", "up to 10", COFFEE_RFQ["description"], "status-open"):
        assert shown in page, shown


async def test_draft_of_another_organization_is_not_found_but_its_owner_sees_it(client, make_actor):
    supplier = await make_actor("supplier")
    buyer = await make_actor("buyer")
    listing = (await supplier.client.post("/api/v1/listings", json=T_SHIRT)).json()
    rfq = (await buyer.client.post("/api/v1/rfqs", json=COFFEE_RFQ)).json()

    for url in (f"/listings/{listing['id']}", f"/rfqs/{rfq['id']}"):
        response = await client.get(url)
        assert response.status_code == 404
        assert "Not found" in response.text
    assert "Listing not found" in (await client.get(f"/listings/{listing['id']}")).text
    assert "RFQ not found" in (await client.get(f"/rfqs/{rfq['id']}")).text
    assert (await buyer.client.get(f"/listings/{listing['id']}")).status_code == 404

    own = await supplier.client.get(f"/listings/{listing['id']}")
    assert own.status_code == 200
    assert '<span class="badge status-draft">draft</span>' in own.text


async def test_unknown_and_malformed_ids_get_readable_pages(client):
    missing = await client.get("/listings/424242")
    assert missing.status_code == 404
    assert "Listing not found" in missing.text
    too_large = await client.get("/rfqs/99999999999999999999")
    assert too_large.status_code == 422
    assert "Validation failed" in too_large.text
    assert (await client.get("/listings/abc")).status_code == 404
