"""Every limit the platform enforces, listed once in the policy's words: the plan table (API and /plans), the
usage on /billing, and the refusal all say the same thing."""

import html
import re

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import RfqLimit
from membership import caps
from membership.policy import RULES
from tests.conftest import ActorFactory
from tests.support.clock import MID_MONTH_NOON, Travel
from tests.support.problems import assert_problem
from tests.support.rfqs import create_rfq, rfq_payload

LABELS = ["Listings published or waiting for review", "RFQs a month", "Quotes a month", "Lead views a day",
          "Buyers' contact details", "Users", "Showcase slots", "Keyword bidding", "Search ranking boost", "RFQs a day",
          "RFQs open or in review at once"]


async def test_the_plan_table_lists_every_limit_with_yes_or_no_for_features(client: httpx.AsyncClient) -> None:
    table = (await client.get("/api/v1/billing/plan-limits")).json()

    assert [plan["code"] for plan in table["plans"]] == ["free", "silver", "gold", "platinum"]
    rows = {row["label"]: row for row in table["rows"]}
    assert list(rows) == LABELS
    assert rows["Listings published or waiting for review"]["values"] == ["20", "100", "500", "Unlimited"]
    assert rows["Buyers' contact details"]["values"] == rows["Keyword bidding"]["values"] == ["No", "No", "Yes",
                                                                                               "Yes"]
    assert rows["Search ranking boost"]["values"] == ["None", "+1%", "+3%", "+5%"]
    assert rows["Showcase slots"]["values"] == ["0", "1", "3", "10"]
    assert (rows["RFQs a day"]["values"], rows["RFQs a day"]["every_plan"]) == (None, "10 on every plan")
    assert rows["RFQs open or in review at once"]["every_plan"] == "25 on every plan"
    assert rows["Lead views a day"]["note"].startswith("counted when you open a lead's buyer details or full text")
    page = (await client.get("/plans")).text
    for label in LABELS:
        assert f'<th scope="row">{html.escape(label).replace("&#x27;", "&#39;")}<span class="note">' in page
    for feature in ("Buyers&#39; contact details", "Keyword bidding"):
        row = re.search(rf'<th scope="row">{feature}<span class="note">.*?</tr>', page, re.S)
        assert row is not None and re.findall(r"<td>(.*?)</td>", row.group(0)) == ["No", "No", "Yes", "Yes"]


async def test_the_daily_rfq_refusal_uses_the_words_and_the_cap_the_plan_pages_show(
        make_actor: ActorFactory, db: AsyncSession, travel: Travel) -> None:
    travel(MID_MONTH_NOON)
    buyer = await make_actor("buyer")
    db.add(RfqLimit(organization_id=buyer.organization_id, rfqs_per_day=2, open_rfqs=25))
    await db.commit()
    for n in range(2):
        await create_rfq(buyer.client, title=f"Request {n}")

    problem = assert_problem(await buyer.client.post("/api/v1/rfqs", json=rfq_payload(title="Request 3")), 429,
                             "rfq_daily_limit")

    assert caps.RFQS_A_DAY.label in problem["detail"]
    mine = {row["label"]: row for row in (await buyer.client.get("/api/v1/billing/plan-limits")).json()["rows"]}
    assert mine["RFQs a day"]["every_plan"] == "2 on every plan"
    membership = (await buyer.client.get("/api/v1/billing/membership")).json()
    daily = next(cap for cap in membership["caps"] if cap["code"] == "rfq_daily_limit")
    assert (daily["label"], daily["usage"], daily["limit"], daily["remaining"]) == ("RFQs a day", 2, 2, 0)


async def test_usage_is_shown_under_the_policy_labels_not_action_names(make_actor: ActorFactory) -> None:
    supplier = await make_actor("supplier")

    membership = (await supplier.client.get("/api/v1/billing/membership")).json()

    shown = [(e["action"], e["label"], e["shown_limit"]) for e in membership["entitlements"]]
    assert shown == [(action.value, rule.label, rule.shown(limit)) for (action, rule), limit in zip(
        RULES.items(), (20, 20, 10, 5, 0, 1, 0, 0), strict=True)]
    assert [e["shown_limit"] for e in membership["entitlements"] if e["feature"]] == ["No", "No"]
