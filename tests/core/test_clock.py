"""The services' one clock: moved by `pytest --clock` or the `travel` fixture, read by every rule and timestamp."""

from datetime import UTC, datetime, timedelta

import pytest

from app.core import clock
from tests.conftest import ActorFactory
from tests.support.clock import Travel
from tests.support.problems import assert_problem
from tests.support.rfqs import create_rfq, rfq_payload
from tests.support.timestamps import parse_utc


async def test_what_the_services_store_is_stamped_with_the_moved_clock(make_actor: ActorFactory,
                                                                       travel: Travel) -> None:
    buyer = await make_actor("buyer")
    travel(datetime(2027, 12, 31, 23, 59, 30, tzinfo=UTC))

    rfq = await create_rfq(buyer.client, valid_until="2027-12-31")

    assert timedelta(0) <= parse_utc(rfq["created_at"]) - datetime(2027, 12, 31, 23, 59, 30, tzinfo=UTC) \
        < timedelta(minutes=1)


async def test_the_day_rules_count_from_the_moved_clock(make_actor: ActorFactory, travel: Travel) -> None:
    buyer = await make_actor("buyer")
    travel(datetime(2028, 3, 1, 0, 0, 5, tzinfo=UTC))

    refused = await buyer.client.post("/api/v1/rfqs", json=rfq_payload(valid_until="2028-02-29"))

    assert_problem(refused, 422, "validation_failed")


def test_the_clock_runs_on_from_the_moment_it_was_moved_to() -> None:
    before = clock.offset()
    try:
        clock.shift_to(datetime(2028, 2, 29, 23, 59, 59, tzinfo=UTC))
        first = clock.utcnow()
        assert datetime(2028, 2, 29, 23, 59, 59, tzinfo=UTC) <= first < datetime(2028, 3, 1, 0, 0, 1, tzinfo=UTC)
        assert clock.utcnow() >= first
        with pytest.raises(ValueError, match="time zone"):
            clock.shift_to(datetime(2028, 1, 1))
    finally:
        clock.set_offset(before)
