"""/admin/invoices: open invoices with their organization, amount and due date, each with a "Mark paid" form (the
payment reference required) and a "Void" form, through the service functions of the API's mark-paid and void."""

import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from tests.billing.admin_pages import logged_in, login_redirect
from tests.billing.conftest import mark_paid, subscribe
from tests.conftest import ActorFactory
from tests.http.test_valid_html import parse_errors
from tests.support.actors import Cast
from tests.support.pages import csrf_token, submit_form, text_of

INVOICES = "/admin/invoices"


@pytest.fixture
async def admin(app: FastAPI, make_actor: ActorFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with logged_in(app, make_actor, admin=True) as client:
        yield client


@pytest.fixture
async def invoice(cast: Cast) -> dict[str, Any]:
    """The open invoice of the Silver plan the owner just bought."""
    body: dict[str, Any] = (await subscribe((await cast.owner()).client, "silver"))["invoice"]
    return body


async def _stored(cast: Cast, invoice_id: int) -> dict[str, Any]:
    response = await (await cast.admin()).client.get(f"/api/v1/billing/invoices/{invoice_id}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _row(page: str, invoice_id: int) -> str:
    found = re.search(rf'<tr data-invoice="{invoice_id}">.*?</tr>', page, re.S)
    return found.group(0) if found else ""


async def test_open_invoices_are_listed_with_their_forms(admin: httpx.AsyncClient, invoice: dict[str, Any],
                                                         cast: Cast) -> None:
    paid = (await subscribe((await cast.stranger()).client, "gold"))["invoice"]
    await mark_paid(cast, paid["id"])

    page = await admin.get(INVOICES)

    assert page.status_code == 200
    assert parse_errors(page.text) == []
    row = _row(text_of(page), invoice["id"])
    assert f'<a href="/billing/invoices/{invoice["id"]}">{invoice["number"]}</a>' in row
    assert "<td>Supplier Company " in row and "<td>49 USD</td>" in row and f"<td>{invoice['due_on']}" in row
    assert f'<label for="reference-{invoice["id"]}">Payment reference</label>' in row
    assert f'action="/admin/invoices/{invoice["id"]}/mark-paid"' in row
    assert f'action="/admin/invoices/{invoice["id"]}/void"' in row
    assert _row(page.text, paid["id"]) == ""  # paid: nothing to do
    assert "Open invoices (1)" in page.text


async def test_marking_an_invoice_paid_through_the_page(admin: httpx.AsyncClient, invoice: dict[str, Any],
                                                        cast: Cast) -> None:
    done = await submit_form(admin, INVOICES, f"{INVOICES}/{invoice['id']}/mark-paid", {"reference": " BANK-77 "})

    assert (done.status_code, done.headers["location"]) == (303, f"{INVOICES}?done=paid")
    after = await admin.get(done.headers["location"])
    assert "Invoice marked paid" in text_of(after) and _row(after.text, invoice["id"]) == ""
    stored = await _stored(cast, invoice["id"])
    assert (stored["status"], stored["payment_reference"]) == ("paid", "BANK-77")
    membership = (await (await cast.owner()).client.get("/api/v1/billing/membership")).json()
    assert membership["tier"]["code"] == "silver"  # the plan it bought took effect


async def test_marking_paid_without_a_reference_is_refused_by_the_field(admin: httpx.AsyncClient,
                                                                        invoice: dict[str, Any], cast: Cast) -> None:
    refused = await submit_form(admin, INVOICES, f"{INVOICES}/{invoice['id']}/mark-paid", {"reference": "  "})

    assert refused.status_code == 422
    assert parse_errors(refused.text) == []
    assert f'<p class="field-error" id="e-reference-{invoice["id"]}">Field required</p>' in refused.text
    assert (await _stored(cast, invoice["id"]))["status"] == "open"


async def test_voiding_an_invoice_through_the_page(admin: httpx.AsyncClient, invoice: dict[str, Any],
                                                   cast: Cast) -> None:
    done = await submit_form(admin, INVOICES, f"{INVOICES}/{invoice['id']}/void", {})

    assert (done.status_code, done.headers["location"]) == (303, f"{INVOICES}?done=void")
    assert "Invoice void" in text_of(await admin.get(done.headers["location"]))
    assert (await _stored(cast, invoice["id"]))["status"] == "void"
    membership = (await (await cast.owner()).client.get("/api/v1/billing/membership")).json()
    assert membership["tier"]["code"] == "free" and membership["pending_payment"] is None


async def test_voiding_a_paid_invoice_shows_the_conflict(admin: httpx.AsyncClient, invoice: dict[str, Any],
                                                         cast: Cast) -> None:
    token = csrf_token((await admin.get(INVOICES)).text)  # the page as it was: the invoice still open
    await mark_paid(cast, invoice["id"])

    refused = await admin.post(f"{INVOICES}/{invoice['id']}/void", data={"csrf_token": token})

    assert refused.status_code == 409
    assert parse_errors(refused.text) == []
    assert f"Invoice {invoice['number']} is paid and cannot be voided" in text_of(refused)
    assert (await _stored(cast, invoice["id"]))["status"] == "paid"


async def test_marking_a_void_invoice_paid_shows_the_conflict(admin: httpx.AsyncClient, invoice: dict[str, Any],
                                                              cast: Cast) -> None:
    token = csrf_token((await admin.get(INVOICES)).text)
    voided = await (await cast.admin()).client.post(f"/api/v1/billing/invoices/{invoice['id']}/void")
    assert voided.status_code == 200

    refused = await admin.post(f"{INVOICES}/{invoice['id']}/mark-paid",
                               data={"reference": "BANK-1", "csrf_token": token})

    assert refused.status_code == 409
    assert f"Invoice {invoice['number']} is void and cannot be paid" in text_of(refused)
    assert (await _stored(cast, invoice["id"]))["status"] == "void"


async def test_someone_not_an_admin_is_refused(app: FastAPI, make_actor: ActorFactory, client: httpx.AsyncClient,
                                               invoice: dict[str, Any], cast: Cast) -> None:
    actions = [f"{INVOICES}/{invoice['id']}/mark-paid", f"{INVOICES}/{invoice['id']}/void"]
    async with logged_in(app, make_actor, admin=False) as someone:
        token = csrf_token((await someone.get("/plans")).text)
        answers = [await someone.get(INVOICES)] + [
            await someone.post(action, data={"reference": "BANK-1", "csrf_token": token}) for action in actions]
    owner = (await cast.owner()).client  # the invoice's own organization, by API token
    owner_token = csrf_token((await owner.get("/plans")).text)
    answers += [await owner.post(action, data={"reference": "BANK-1", "csrf_token": owner_token}) for action in actions]

    assert [answer.status_code for answer in answers] == [403] * 5
    assert login_redirect(await client.get(INVOICES))
    anonymous_token = csrf_token((await client.get("/plans")).text)
    assert login_redirect(await client.post(actions[1], data={"csrf_token": anonymous_token}))
    assert (await _stored(cast, invoice["id"]))["status"] == "open"
