"""API shapes of the ad balance."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from app.core.schemas import DecimalOut
from app.http.ids import MAX_ID
from app.models.enums import ClickVerdict, InvoiceStatus, KeywordMatch, PaymentProviderName
from membership.ad_credit import MAX_TOP_UP, MIN_TOP_UP
from promotion.campaigns import CampaignStatus


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


MIN_BID = Decimal("0.10")
"""The reserve price: the smallest bid, and what a click costs with nobody bidding below it."""
MAX_BID = Decimal("100")
MIN_DAILY_BUDGET = Decimal("1")
MAX_DAILY_BUDGET = Decimal("100000")
Bid = Annotated[Decimal, Field(ge=MIN_BID, le=MAX_BID, decimal_places=2,
                               description="The most a click may cost, in the platform's currency")]
Budget = Annotated[Decimal, Field(ge=MIN_DAILY_BUDGET, le=MAX_DAILY_BUDGET, decimal_places=2,
                                  description="The most the campaign spends in a day (UTC)")]
CampaignName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
ListingIds = Annotated[list[Annotated[int, Field(ge=1, le=MAX_ID)]], Field(min_length=1, max_length=50)]


class KeywordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phrase: Phrase
    match: KeywordMatch = Field(default=KeywordMatch.BROAD, description="exact: the query is the keyword; phrase: "
                                "its words together and in order; broad: all its words in any order")
    max_cpc: Bid


Keywords = Annotated[list[KeywordIn], Field(min_length=1, max_length=200)]


class CampaignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: CampaignName
    daily_budget: Budget
    starts_on: date | None = Field(default=None, description="Today when left out")
    ends_on: date | None = Field(default=None, description="Runs until paused when left out")
    paused: bool = False
    listing_ids: ListingIds = Field(description="Your published listings the ads show")
    keywords: Keywords


class CampaignPatch(BaseModel):
    """Only the fields sent change; `keywords` and `listing_ids` replace the campaign's lists when sent."""

    model_config = ConfigDict(extra="forbid")

    name: CampaignName | None = None
    daily_budget: Budget | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    paused: bool | None = None
    listing_ids: ListingIds | None = None
    keywords: Keywords | None = None


class KeywordOut(BaseModel):
    id: int
    phrase: str
    match: KeywordMatch
    max_cpc: DecimalOut


class CampaignOut(BaseModel):
    id: int
    name: str
    status: CampaignStatus
    daily_budget: DecimalOut
    spent_today: DecimalOut
    starts_on: date
    ends_on: date | None
    paused: bool
    listing_ids: list[int]
    keywords: list[KeywordOut]


class ClickOut(BaseModel):
    at: datetime
    keyword: str
    listing_id: int | None
    position: int
    price: DecimalOut = Field(description="What the auction priced the click at")
    charged: DecimalOut = Field(description="What it cost: 0 unless the verdict is charged")
    verdict: ClickVerdict
    country: str | None = Field(description="The clicking member's organisation's country; null for visitors")


class SponsoredOut(BaseModel):
    position: int
    keyword: str
    click_url: str = Field(description="Open this to visit the listing: the click is recorded (and charged once)")


class ReportRowOut(BaseModel):
    day: date
    campaign_id: int
    keyword: str
    impressions: int
    clicks: int = Field(description="Charged clicks")
    invalid_clicks: int = Field(description="Clicks recorded but not charged (repeats, robots, your own staff...)")
    ctr: float | None = Field(description="Charged clicks over impressions; null without impressions")
    spend: DecimalOut
    average_position: float | None
    average_cpc: DecimalOut | None = Field(description="Spend over charged clicks; null without one")


class ReportDayOut(BaseModel):
    day: date
    impressions: int
    clicks: int
    invalid_clicks: int
    spend: DecimalOut


class ReportOut(BaseModel):
    currency: str
    since: date
    until: date
    rows: list[ReportRowOut] = Field(description="Per day, campaign and keyword")
    days: list[ReportDayOut] = Field(description="Every day of the period, the keywords summed")


class RevenueDayOut(BaseModel):
    day: date
    revenue: DecimalOut
    clicks: int
    invalid_clicks: int


class RevenueMonthOut(BaseModel):
    month: str = Field(description="YYYY-MM")
    revenue: DecimalOut


class TopKeywordOut(BaseModel):
    keyword: str
    clicks: int
    revenue: DecimalOut


class PlatformAdsOut(BaseModel):
    currency: str
    days: list[RevenueDayOut] = Field(description="Ad revenue per day with clicks, the last 30 days")
    months: list[RevenueMonthOut] = Field(description="Ad revenue per month, newest first, the last year")
    invalid_share: float | None = Field(description="Share of the last 30 days' clicks not charged")
    top_keywords: list[TopKeywordOut]


class EstimateOut(BaseModel):
    keyword: str
    max_cpc: DecimalOut
    position: int | None = Field(description="The sponsored slot a search of the keyword would show you in now; "
                                 "null: outbid, or none of your listings relevant enough to the keyword")
    cost_per_click: DecimalOut | None = Field(description="What a click would cost at that position (at most the "
                                              "bid)")
    competitors: int = Field(description="Other advertisers bidding on keywords this search matches")
    relevant: bool = Field(description="Whether one of your published listings is relevant enough to show")
    searches_per_day: float | None = Field(description="From the last week's impressions of this keyword's words "
                                           "(null: no history yet)")
    clicks_per_day: float | None


class FeaturedIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    chapter: Annotated[str, StringConstraints(pattern=r"^\d{2}$")] = Field(
        description="The HS chapter (two digits) whose pages show you; one you have published products in")
    provider: PaymentProviderName | None = Field(default=None, description="How to pay; the platform's default "
                                                 "when left out")


class FeaturedOut(BaseModel):
    chapter: str
    invoice_id: int
    invoice_status: InvoiceStatus
    starts_on: date | None = Field(description="Set when the invoice is paid")
    ends_on: date | None = Field(description="The first day it no longer shows")
    live: bool
