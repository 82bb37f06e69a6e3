"""`tradeleads billing run` from the command line."""

from datetime import date, timedelta

from tests.billing.conftest import paid_subscription
from tests.cli.conftest import RunCli, count_rows, run_cli
from tests.support.actors import Cast

__all__ = ["count_rows", "run_cli"]


async def test_billing_run_renews_and_reports(cast: Cast, run_cli: RunCli) -> None:
    subscription = await paid_subscription(cast, "silver")
    end = date.fromisoformat(subscription["current_period_end"])

    early = await run_cli("billing", "run", "--at", (end - timedelta(days=1)).isoformat())
    due = await run_cli("billing", "run", "--at", f"{end.isoformat()}T06:00")

    assert early.exit_code == 0, early.output
    assert "│ renewed                       │     0 │" in early.output
    assert due.exit_code == 0, due.output
    assert "│ renewed                       │     1 │" in due.output
    owner = await cast.owner()
    invoices = (await owner.client.get("/api/v1/billing/invoices")).json()["items"]
    started = subscription["current_period_start"]
    assert [(i["purpose"], i["period_start"]) for i in invoices] == [("renewal", end.isoformat()),
                                                                   ("subscription", started)]


async def test_a_bad_moment_is_a_usage_error(run_cli: RunCli) -> None:
    result = await run_cli("billing", "run", "--at", "next tuesday")

    assert result.exit_code == 2
    assert "--at must be an ISO 8601 date" in result.output
