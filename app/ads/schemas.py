"""API shapes of the ad balance."""

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from app.core.schemas import DecimalOut
from app.http.ids import MAX_ID
from app.models.enums import PaymentProviderName
from membership.ad_credit import MAX_TOP_UP, MIN_TOP_UP


class TopUpIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: Annotated[Decimal, Field(ge=MIN_TOP_UP, le=MAX_TOP_UP, decimal_places=2,
                                     description="Credit to buy, in the platform's currency")]
    provider: PaymentProviderName | None = Field(default=None, description="How to pay; the platform's default "
                                                 "when left out")


class AdjustmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    organization_id: int = Field(ge=1, le=MAX_ID)
    amount: Annotated[Decimal, Field(ge=-MAX_TOP_UP, le=MAX_TOP_UP, decimal_places=2,
                                     description="Credit (positive) or debit (negative); never below zero")]
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=500)]

    @field_validator("amount")
    @classmethod
    def _not_zero(cls, amount: Decimal) -> Decimal:
        if amount == 0:
            raise ValueError("An adjustment moves money: enter an amount other than 0")
        return amount


class BalanceLineOut(BaseModel):
    at: datetime
    kind: str = Field(description="ad_top_up (a paid top-up invoice) or adjustment (by an administrator)")
    amount: DecimalOut = Field(description="Positive: credited; negative: charged")
    memo: str = Field(description="The invoice's number, or the administrator's reason")


class AdBalanceOut(BaseModel):
    organization_id: int
    currency: str
    balance: DecimalOut = Field(description="The sum of the lines: never stored apart from them")
    lines: list[BalanceLineOut] = Field(description="The latest 100 movements, newest first")
