"""Exchange rates from a CSV file with the header base,quote,rate,as_of: every row is checked before any is
stored, and each bad row is reported with its line number.

REFERENCE_RATES is the dated file shipped with the code (USD per unit of 37 currencies, the same rounded figures
as app.core.currency.USD_PER_UNIT, dated the day they stand for): the demo seed loads it so quotes in different
currencies can be compared out of the box; an operator loads real rates with `tradeleads fx load`."""

import csv
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from app.core.schemas import field_errors
from app.fx.schemas import FxRateIn

COLUMNS = ("base", "quote", "rate", "as_of")
REFERENCE_RATES = Path(__file__).parent / "data" / "reference-rates.csv"


@dataclass
class ParsedFile:
    rows: list[FxRateIn] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def parse_rates_file(path: Path) -> ParsedFile:
    parsed = ParsedFile()
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            parsed.errors.append(f"the header must name {', '.join(COLUMNS)}; missing {', '.join(missing)}")
            return parsed
        for line, record in enumerate(reader, start=2):
            try:
                parsed.rows.append(FxRateIn.model_validate({name: record[name] for name in COLUMNS}))
            except ValidationError as exc:
                problems = "; ".join(f"{error.field}: {error.message}" for error in field_errors(exc.errors()))
                parsed.errors.append(f"line {line}: {problems}")
    if not parsed.rows and not parsed.errors:
        parsed.errors.append("the file has no rates")
    return parsed
