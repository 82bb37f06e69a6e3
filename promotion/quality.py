"""The click part of an ad's quality: clicks over expected clicks (COEC), smoothed.

An ad shown lower is clicked less whatever it is, so its clicks are compared with what an average ad would have
earned at the positions it was shown: `expected = sum(impressions at p x CTR of all ads at p)`. The factor is
`(clicks + PRIOR_STRENGTH) / (expected + PRIOR_STRENGTH)`: a new ad starts at 1 (average) and moves away from it only
as evidence accrues, so a new ad is not starved and one lucky click does not crown it."""

from collections.abc import Mapping
from dataclasses import dataclass

PRIOR_STRENGTH = 5.0
"""In expected clicks: how much evidence it takes to move the factor half way to what the ad's own record says."""
DEFAULT_POSITION_CTR = 0.02
"""The CTR assumed at a position nothing was shown at yet."""


@dataclass(frozen=True)
class PositionStats:
    impressions: int
    clicks: int


def position_ctrs(all_ads: Mapping[int, PositionStats]) -> dict[int, float]:
    """Each position's CTR over every ad shown there."""
    return {position: (stats.clicks / stats.impressions if stats.impressions else DEFAULT_POSITION_CTR)
            for position, stats in all_ads.items()}


def click_factor(own: Mapping[int, PositionStats], ctrs: Mapping[int, float]) -> float:
    expected = sum(stats.impressions * ctrs.get(position, DEFAULT_POSITION_CTR) for position, stats in own.items())
    clicks = sum(stats.clicks for stats in own.values())
    return (clicks + PRIOR_STRENGTH) / (expected + PRIOR_STRENGTH)
