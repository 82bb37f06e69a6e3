"""Exchange rates: loaded by an admin over the API or from a CSV file with the CLI; a later load replaces a day."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.currency import Rate, rate_between
from app.fx.repository import latest_rates
from app.models import FxRate
from tests.cli.conftest import RunCli, run_cli
from tests.support.actors import Cast, cast_fixture
from tests.support.problems import assert_invalid, assert_problem

__all__ = ["run_cli"]
cast = cast_fixture("buyer")
ROW = {"base": "eur", "quote": "USD", "rate": "1.0825", "as_of": "2026-03-02"}


async def stored(db: AsyncSession) -> list[tuple[str, str, Decimal, date]]:
    rows = await db.execute(select(FxRate.base, FxRate.quote, FxRate.rate, FxRate.as_of).order_by(FxRate.id))
    await db.rollback()
    return [tuple(row) for row in rows]  # type: ignore[misc]


async def test_an_admin_loads_rates_and_a_second_load_of_the_same_day_replaces_it(cast: Cast,
                                                                                 db: AsyncSession) -> None:
    admin = await cast.admin()

    first = await admin.client.post("/api/v1/admin/fx-rates", json={"rates": [ROW]})
    second = await admin.client.post("/api/v1/admin/fx-rates", json={"rates": [ROW | {"rate": "1.09"}]})

    assert (first.status_code, first.json()) == (201, {"loaded": 1, "rates": [
        {"base": "EUR", "quote": "USD", "rate": "1.0825", "as_of": "2026-03-02"}]})
    assert second.json()["rates"][0]["rate"] == "1.09"
    assert await stored(db) == [("EUR", "USD", Decimal("1.09"), date(2026, 3, 2))]


@pytest.mark.parametrize(("role", "status", "code"), [
    ("anonymous", 401, "not_authenticated"), ("owner", 403, "admin_only")])
async def test_only_admins_load_rates(cast: Cast, db: AsyncSession, role: str, status: int, code: str) -> None:
    client = await cast.client(role)

    assert_problem(await client.post("/api/v1/admin/fx-rates", json={"rates": [ROW]}), status, code)
    assert await stored(db) == []


async def test_bad_rates_are_422_and_nothing_is_stored(cast: Cast, db: AsyncSession) -> None:
    admin = await cast.admin()
    rows = [ROW, {"base": "EUR", "quote": "EUR", "rate": "-1", "as_of": "yesterday"}]

    assert_invalid(await admin.client.post("/api/v1/admin/fx-rates", json={"rates": rows}),
                   **{"rates.1.rate": "greater_than", "rates.1.as_of": "date_from_datetime_parsing"})
    assert await stored(db) == []


async def test_the_latest_rate_on_or_before_a_day_is_used(cast: Cast, db: AsyncSession) -> None:
    admin = await cast.admin()
    await admin.client.post("/api/v1/admin/fx-rates", json={"rates": [
        ROW, ROW | {"rate": "1.1", "as_of": "2026-03-05"}, ROW | {"rate": "1.2", "as_of": "2026-03-09"}]})

    assert await latest_rates(db, date(2026, 3, 8)) == {("EUR", "USD"): Decimal("1.1")}
    assert await latest_rates(db, date(2026, 3, 1)) == {}


def test_rates_are_found_direct_inverse_and_crossed() -> None:
    table = {("EUR", "USD"): Decimal("1.25"), ("USD", "JPY"): Decimal("150")}

    assert rate_between(table, "EUR", "USD") == Rate(Decimal("1.25"))
    assert rate_between(table, "USD", "EUR") == Rate(Decimal(1), Decimal("1.25"))
    assert rate_between(table, "EUR", "JPY") == Rate(Decimal("187.5"))
    assert rate_between(table, "JPY", "EUR") == Rate(Decimal(1), Decimal("187.5"))
    assert rate_between(table, "GBP", "USD") is None
    assert rate_between(table, "GBP", "GBP") == Rate(Decimal(1))
    assert Rate(Decimal(1), Decimal(3)).apply(Decimal(300)) == Decimal(100)


async def test_the_cli_loads_a_csv_file(app: object, run_cli: RunCli, tmp_path: Path, db: AsyncSession) -> None:
    good = tmp_path / "rates.csv"
    good.write_text("base,quote,rate,as_of\nEUR,USD,1.0825,2026-03-02\nUSD,CNY,7.2345,2026-03-02\n")

    result = await run_cli("fx", "load", str(good))

    assert result.exit_code == 0, result.output
    assert "Loaded 2 exchange rates" in result.output
    assert await stored(db) == [("EUR", "USD", Decimal("1.0825"), date(2026, 3, 2)),
                                ("USD", "CNY", Decimal("7.2345"), date(2026, 3, 2))]


async def test_a_bad_csv_row_loads_nothing_and_names_the_line(app: object, run_cli: RunCli, tmp_path: Path,
                                                              db: AsyncSession) -> None:
    bad = tmp_path / "rates.csv"
    bad.write_text("base,quote,rate,as_of\nEUR,USD,1.0825,2026-03-02\nUSD,XXQ,abc,2026-03-02\n")

    result = await run_cli("fx", "load", str(bad))
    missing_header = tmp_path / "header.csv"
    missing_header.write_text("from,to,rate\nEUR,USD,1\n")
    header_result = await run_cli("fx", "load", str(missing_header))

    assert result.exit_code == 1
    assert "line 3: quote: must be an ISO 4217 currency code" in result.output
    assert "nothing was loaded" in result.output
    assert header_result.exit_code == 1
    assert "missing base, quote, as_of" in header_result.output
    assert await stored(db) == []
