"""A supplier's "Quotes sent": every quote its organisation sent, with the RFQ it answers and where it stands, by
status, in the API (GET /api/v1/quotes) and on /my/quotes; nobody else's."""

import re

from tests.conftest import Actor
from tests.support.actors import Cast
from tests.support.pages import text_of
from tests.support.problems import assert_problem
from tests.support.quotes import open_rfq, submit


async def test_the_supplier_sees_its_quotes_latest_changed_first_and_by_status(cast: Cast, supplier: Actor,
                                                                               rival: Actor) -> None:
    coffee = await open_rfq(cast, title="Green coffee beans")
    cocoa = await open_rfq(cast, title="Cocoa butter")
    first = await submit(supplier.client, coffee, lead_time_days=30)
    second = await submit(supplier.client, cocoa, unit_price="99.5", currency="USD")
    await submit(rival.client, coffee)
    assert (await supplier.client.post(f"/api/v1/quotes/{first['id']}/withdraw")).status_code == 200

    sent = (await supplier.client.get("/api/v1/quotes")).json()
    assert sent["total"] == 2
    assert [(q["id"], q["rfq_title"], q["status"]) for q in sent["items"]] == [
        (first["id"], "Green coffee beans", "withdrawn"), (second["id"], "Cocoa butter", "submitted")]
    assert sent["items"][1]["unit_price"] == "99.5" and sent["items"][1]["currency"] == "USD"
    withdrawn = (await supplier.client.get("/api/v1/quotes?status=withdrawn")).json()
    assert [q["id"] for q in withdrawn["items"]] == [first["id"]]
    assert [q["rfq_title"] for q in (await rival.client.get("/api/v1/quotes")).json()["items"]] == [
        "Green coffee beans"]

    page = text_of(await supplier.client.get("/my/quotes"))
    rows = re.findall(r'<tr data-id="(\d+)">.*?<a href="/rfqs/(\d+)">([^<]+)</a>.*?badge status-(\w+)', page, re.S)
    assert rows == [(str(first["id"]), str(coffee["id"]), "Green coffee beans", "withdrawn"),
                    (str(second["id"]), str(cocoa["id"]), "Cocoa butter", "submitted")]
    assert "99.5 USD" in page and "30 days" in page
    only_open = text_of(await supplier.client.get("/my/quotes?status=submitted"))
    assert "Cocoa butter" in only_open and "Green coffee beans" not in only_open
    assert "No quote is in this status." in text_of(await supplier.client.get("/my/quotes?status=awarded"))


async def test_quotes_sent_are_a_suppliers_and_a_bad_filter_is_refused(cast: Cast, supplier: Actor) -> None:
    buyer = await cast.owner()
    assert_problem(await buyer.client.get("/api/v1/quotes"), 403, "not_a_supplier")
    assert (await buyer.client.get("/my/quotes")).status_code == 403
    assert_problem(await cast.anonymous.get("/api/v1/quotes"), 401, "not_authenticated")
    assert (await cast.anonymous.get("/my/quotes")).status_code == 303  # to the login form
    assert_problem(await supplier.client.get("/api/v1/quotes?status=lost"), 422, "validation_failed")
    assert (await supplier.client.get("/api/v1/quotes?per_page=1000")).status_code == 422
    empty = text_of(await supplier.client.get("/my/quotes?status=nonsense"))  # an unknown tab shows them all
    assert "You have not sent a quote yet." in empty
