"""/admin/plans: every tier's prices and limits, and the edit form of one tier, which goes through the PATCH API's
service function: a refused value is shown by its field (422) and nothing is stored; a saved one is on /plans."""

from collections.abc import AsyncIterator
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.billing.schemas import TierUpdate
from tests.accounts.test_account_pages import message_beside
from tests.billing.admin_pages import logged_in, login_redirect, tiers_restored
from tests.conftest import ActorFactory
from tests.http.test_valid_html import parse_errors
from tests.support.pages import csrf_token, text_of

SILVER = "/admin/plans/silver"
# Silver as migration 0003 seeds it
SILVER_AS_SEEDED = {"name": "Silver", "price_monthly": "49", "price_yearly": "490", "max_published_listings": "100",
                    "quotes_per_month": "50", "rfqs_per_month": "50", "leads_per_day": "25", "max_members": "3",
                    "showcase_slots": "1", "badge": "Silver Supplier", "ranking_boost": "0.01"}


@pytest.fixture(autouse=True)
async def _tiers_as_seeded(app: FastAPI) -> AsyncIterator[None]:
    async with tiers_restored(app):
        yield


@pytest.fixture
async def admin(app: FastAPI, make_actor: ActorFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with logged_in(app, make_actor, admin=True) as client:
        yield client


class _FormReader(HTMLParser):
    """What a browser sends of one form: its inputs' values, ticked checkboxes only."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action, self.inside, self.values = action, False, {}  # type: tuple[str, bool, dict[str, str]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.inside = found.get("action") == self.action
        elif tag == "input" and self.inside and (found.get("type") != "checkbox" or "checked" in found):
            self.values[found["name"]] = found.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False


def form_of(page: str, action: str) -> dict[str, str]:
    reader = _FormReader(action)
    reader.feed(page)
    return reader.values


async def _submit(admin: httpx.AsyncClient, changes: dict[str, str], untick: tuple[str, ...] = ()) -> httpx.Response:
    """Opens Silver's edit form, changes what `changes` says, and sends it as a browser would."""
    page = await admin.get(SILVER)
    assert page.status_code == 200, page.text
    values = {name: value for name, value in form_of(page.text, SILVER).items() if name not in untick}
    return await admin.post(SILVER, data={**values, **changes})


async def _silver(client: httpx.AsyncClient) -> dict[str, Any]:
    plans = (await client.get("/api/v1/billing/plans")).json()
    silver: dict[str, Any] = next(plan for plan in plans if plan["code"] == "silver")
    return silver


async def test_the_plan_table_lists_every_tier_with_its_prices_and_limits(admin: httpx.AsyncClient) -> None:
    page = await admin.get("/admin/plans")

    assert page.status_code == 200
    assert parse_errors(page.text) == []
    text = text_of(page)
    for code in ("free", "silver", "gold", "platinum"):
        assert f'<tr data-plan="{code}">' in text and f'href="/admin/plans/{code}"' in text
    silver = text.split('<tr data-plan="silver">')[1].split("</tr>")[0]
    cells = [cell.split("</td>")[0] for cell in silver.split("<td>")[1:]]
    assert cells[:12] == ["49 USD", "490 USD", "100", "50", "50", "25", "3", "No", "No", "1", "Silver Supplier", "0.01"]
    platinum = text.split('<tr data-plan="platinum">')[1].split("</tr>")[0]
    assert platinum.count("<td>Unlimited</td>") == 5  # listings, quotes, RFQs, lead views, users


async def test_the_edit_form_has_every_field_the_api_takes_filled_in_and_labelled(admin: httpx.AsyncClient) -> None:
    page = await admin.get(SILVER)

    assert page.status_code == 200
    assert parse_errors(page.text) == []
    form = form_of(page.text, SILVER)
    assert set(form) == {"csrf_token", *SILVER_AS_SEEDED}  # both boxes are unticked on Silver
    assert {name: form[name] for name in SILVER_AS_SEEDED} == SILVER_AS_SEEDED
    for name in TierUpdate.model_fields:
        assert f'<label for="f-{name}">' in page.text or f'id="f-{name}" name="{name}"' in page.text, name
    assert page.text.count("Empty = unlimited") == 5
    assert "Price per month (USD)" in page.text


async def test_a_saved_change_is_on_the_plans_page(admin: httpx.AsyncClient, client: httpx.AsyncClient) -> None:
    saved = await _submit(admin, {"price_monthly": "59.50", "max_published_listings": "", "badge": "",
                                  "contact_details_visible": "true", "name": "Silver Plus"})

    assert (saved.status_code, saved.headers["location"]) == (303, "/admin/plans?saved=silver")
    notice = await admin.get(saved.headers["location"])
    assert "Silver Plus saved: the plans page shows the new values." in text_of(notice)
    silver = await _silver(client)
    assert (silver["name"], silver["price_monthly"], silver["price_yearly"]) == ("Silver Plus", "59.5", "490")
    assert (silver["max_published_listings"], silver["badge"], silver["contact_details_visible"]) == (None, None, True)
    assert silver["keyword_bidding"] is False and silver["ranking_boost"] == "0.01"
    plans = text_of(await client.get("/plans"))
    assert '<th scope="col">Silver Plus</th>' in plans
    assert '<th scope="row">Monthly</th><td>0 USD</td><td>59.5 USD</td><td>149 USD</td>' in plans


async def test_unticking_a_box_takes_the_feature_away(admin: httpx.AsyncClient, client: httpx.AsyncClient) -> None:
    await _submit(admin, {"keyword_bidding": "true"})
    assert (await _silver(client))["keyword_bidding"] is True

    saved = await _submit(admin, {}, untick=("keyword_bidding",))

    assert saved.status_code == 303
    assert (await _silver(client))["keyword_bidding"] is False


async def test_refused_values_are_shown_by_their_fields_and_nothing_is_stored(admin: httpx.AsyncClient,
                                                                           client: httpx.AsyncClient) -> None:
    refused = await _submit(admin, {"price_monthly": "12.345", "max_members": "-1", "ranking_boost": "0.5",
                                    "price_yearly": "", "name": "Silver Plus", "quotes_per_month": "many"})

    assert refused.status_code == 422
    assert parse_errors(refused.text) == []
    page = text_of(refused)
    assert message_beside(page, "price_monthly") == "Decimal input should have no more than 2 decimal places"
    assert message_beside(page, "max_members") == "Input should be greater than or equal to 0"
    assert message_beside(page, "ranking_boost") == "Input should be less than or equal to 0.05"
    assert message_beside(page, "quotes_per_month") == ("Input should be a valid integer, unable to parse string as "
                                                        "an integer")
    assert message_beside(page, "name") == ""
    assert "Some fields are not valid" in page
    assert 'value="12.345"' in page and 'value="Silver Plus"' in page  # what was typed, to correct
    silver = await _silver(client)
    assert (silver["name"], silver["price_monthly"], silver["max_members"]) == ("Silver", "49", 3)


async def test_a_blank_required_value_is_refused_by_the_service_rule_of_the_api(admin: httpx.AsyncClient,
                                                                              client: httpx.AsyncClient) -> None:
    refused = await _submit(admin, {"price_yearly": "", "name": "  ", "showcase_slots": "", "leads_per_day": "7"})

    assert refused.status_code == 422
    for field in ("price_yearly", "name", "showcase_slots"):
        assert message_beside(refused.text, field) == "may not be null", field
    silver = await _silver(client)
    assert (silver["price_yearly"], silver["showcase_slots"], silver["leads_per_day"]) == ("490", 1, 25)


async def test_an_unknown_plan_is_not_found(admin: httpx.AsyncClient) -> None:
    token = csrf_token((await admin.get(SILVER)).text)

    assert (await admin.get("/admin/plans/diamond")).status_code == 404
    assert (await admin.post("/admin/plans/diamond", data={**SILVER_AS_SEEDED, "csrf_token": token})).status_code == 404


async def test_a_form_without_the_csrf_token_changes_nothing(admin: httpx.AsyncClient,
                                                            client: httpx.AsyncClient) -> None:
    forged = await admin.post(SILVER, data={**SILVER_AS_SEEDED, "price_monthly": "1"})

    assert forged.status_code == 403
    assert (await _silver(client))["price_monthly"] == "49"


async def test_someone_not_an_admin_is_refused(app: FastAPI, make_actor: ActorFactory,
                                               client: httpx.AsyncClient) -> None:
    async with logged_in(app, make_actor, admin=False) as owner:
        token = csrf_token((await owner.get("/plans")).text)
        table, form = await owner.get("/admin/plans"), await owner.get(SILVER)
        posted = await owner.post(SILVER, data={**SILVER_AS_SEEDED, "price_monthly": "1", "csrf_token": token})

    assert (table.status_code, form.status_code, posted.status_code) == (403, 403, 403)
    assert "Only platform administrators may do this" in text_of(posted)
    assert login_redirect(await client.get("/admin/plans")) and login_redirect(await client.get(SILVER))
    anonymous_token = csrf_token((await client.get("/plans")).text)
    assert login_redirect(await client.post(SILVER, data={**SILVER_AS_SEEDED, "csrf_token": anonymous_token}))
    assert (await _silver(client))["price_monthly"] == "49"
