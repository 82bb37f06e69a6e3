"""`tradeleads verifications remind`, the daily job of expiry reminders."""

from datetime import timedelta
from typing import Any

from app.core.clock import today
from tests.conftest import ActorFactory
from tests.support.verifications import verified


async def test_the_daily_command_reminds(make_actor: ActorFactory, run_cli: Any) -> None:
    supplier, admin = await make_actor("supplier"), await make_actor("buyer", admin=True)
    expiry = today() + timedelta(days=20)
    await verified(supplier.client, admin.client, expires_on=expiry.isoformat())

    result = await run_cli("verifications", "remind")
    refused = await run_cli("verifications", "remind", "--on", "tomorrow")

    assert (result.exit_code, result.output.split(" as of")[0]) == (0, "Reminded 1 verifications and refreshed 0 "
                                                                        "organisations")
    assert refused.exit_code != 0 and "--on must be a date" in refused.output
