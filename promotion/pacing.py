"""Budget pacing: a campaign's daily budget is spread over the day, not spent by 9 a.m.

While a campaign has spent a larger share of its budget than the share of the day gone, it takes part in only some
auctions: the chance is the share of budget left over the share of day left (so a campaign on schedule or behind
always takes part). A campaign stops entirely when its budget left or its advertiser's balance cannot pay one more
click at its highest bid."""

from datetime import datetime, time, timedelta
from decimal import Decimal


def share_of_day_left(now: datetime) -> float:
    midnight = datetime.combine(now.date(), time(), now.tzinfo) + timedelta(days=1)
    return max((midnight - now).total_seconds() / 86400, 1e-6)


def can_pay(budget: Decimal, spent: Decimal, balance: Decimal, max_cpc: Decimal) -> bool:
    return budget - spent >= max_cpc and balance >= max_cpc


def serve_chance(budget: Decimal, spent: Decimal, now: datetime) -> float:
    if budget <= 0:
        return 0.0
    left = float(max(budget - spent, Decimal(0)) / budget)
    return min(1.0, left / share_of_day_left(now))
