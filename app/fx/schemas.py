"""Pydantic input and output of exchange rates."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from app.core.schemas import DecimalOut
from app.core.validators import CurrencyCode

RateValue = Annotated[Decimal, Field(gt=0, max_digits=24, decimal_places=10)]
MAX_ROWS = 5000


class FxRateIn(BaseModel):
    """1 `base` = `rate` `quote` on `as_of`."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    base: CurrencyCode
    quote: CurrencyCode
    rate: RateValue
    as_of: date

    @model_validator(mode="after")
    def two_currencies(self) -> Any:
        if self.base == self.quote:
            raise PydanticCustomError("same_currency", "base and quote must be different currencies",
                                      {"field": "quote"})
        return self


class FxRatesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rates: list[FxRateIn] = Field(min_length=1, max_length=MAX_ROWS)


class FxRateOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    base: str
    quote: str
    rate: DecimalOut
    as_of: date


class FxLoadOut(BaseModel):
    loaded: int
    rates: list[FxRateOut]
