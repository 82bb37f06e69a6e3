"""When a campaign runs: not paused, started, not ended (days in UTC, as budgets are)."""

from datetime import date
from enum import StrEnum


class CampaignStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    SCHEDULED = "scheduled"
    ENDED = "ended"


def status(paused: bool, starts_on: date, ends_on: date | None, today: date) -> CampaignStatus:
    if ends_on is not None and ends_on < today:
        return CampaignStatus.ENDED
    if paused:
        return CampaignStatus.PAUSED
    if starts_on > today:
        return CampaignStatus.SCHEDULED
    return CampaignStatus.ACTIVE
