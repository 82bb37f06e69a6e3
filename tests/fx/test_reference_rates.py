"""The dated reference rates shipped with the code: a valid rates file, the same figures as the reference table
search and matching use, loaded by the demo seed so the quote comparison converts currencies from the start."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from fastapi import FastAPI
from sqlalchemy import select

from app.core.clock import today
from app.core.currency import USD_PER_UNIT, rate_between
from app.fx.csv_file import REFERENCE_RATES, parse_rates_file
from app.fx.repository import latest_dated_rates
from app.models import FxRate
from tests.cli.conftest import CountRows, RunCli, count_rows, run_cli

__all__ = ["count_rows", "run_cli"]
AS_OF = date(2025, 1, 2)


def test_the_shipped_file_is_dated_and_agrees_with_the_reference_table() -> None:
    parsed = parse_rates_file(REFERENCE_RATES)

    assert parsed.errors == []
    assert {row.as_of for row in parsed.rows} == {AS_OF}
    assert {row.base: row.rate for row in parsed.rows if row.quote == "USD"} == {
        code: Decimal(repr(usd)) for code, usd in USD_PER_UNIT.items() if code != "USD"}


async def test_the_demo_seed_loads_them_so_eur_and_jpy_convert(app: FastAPI, run_cli: RunCli,
                                                               count_rows: CountRows) -> None:
    result = await run_cli("seed", "--demo")

    assert result.exit_code == 0, result.output
    assert "37 reference exchange rates" in result.output
    assert await count_rows(FxRate) == 37
    async with app.state.sessionmaker() as session:
        dated = await latest_dated_rates(session, today())
        assert set(await session.scalars(select(FxRate.as_of))) == {AS_OF}
    rates = {pair: rate for pair, (rate, _) in dated.items()}
    eur_to_jpy = rate_between(rates, "EUR", "JPY")
    assert eur_to_jpy is not None and eur_to_jpy.apply(Decimal(100)) == Decimal("1.08") * 100 / Decimal("0.0067")


async def test_fx_load_replaces_a_shipped_rate_for_its_day(app: FastAPI, run_cli: RunCli, count_rows: CountRows,
                                                           tmp_path: Path) -> None:
    mine = tmp_path / "rates.csv"
    mine.write_text("base,quote,rate,as_of\nEUR,USD,1.0412,2025-01-02\n", encoding="utf-8")

    assert (await run_cli("fx", "load", str(REFERENCE_RATES))).exit_code == 0
    loaded = await run_cli("fx", "load", str(mine))

    assert loaded.exit_code == 0 and "Loaded 1 exchange rates" in loaded.output
    assert await count_rows(FxRate) == 37
    assert await count_rows(FxRate, FxRate.base == "EUR", FxRate.rate == Decimal("1.0412")) == 1
