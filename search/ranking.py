"""The bounded tier boost: a multiplier that can reorder near-ties, never lift a weak match over a strong one."""

MAX_TIER_BOOST = 0.05


def rank_multiplier(tier_boost: float) -> float:
    """score * (1 + boost), the boost clamped to [0, MAX_TIER_BOOST]."""
    return 1.0 + min(max(tier_boost, 0.0), MAX_TIER_BOOST)
