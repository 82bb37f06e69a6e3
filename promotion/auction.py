"""The keyword auction: a generalised second-price auction ranked by bid x quality.

Quality is the listing's text relevance to the query (normalised by the best match of that query, so 0..1 and
comparable across queries) times its position-normalised click-through factor (promotion.quality). A listing below
the relevance floor is not shown at any price. Each advertiser holds at most one slot, with its best-ranked ad.

A slot's price per click is the smallest bid that keeps it: the next ad's bid x the next quality / the own quality,
plus the increment, rounded up to the cent; never above the own maximum bid, never below the reserve. The last ad
shown (nobody below it) pays the reserve."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_UP, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Rules:
    slots: int = 3
    relevance_floor: float = 0.3
    reserve: Decimal = Decimal("0.10")
    increment: Decimal = Decimal("0.01")


@dataclass(frozen=True)
class Bid:
    keyword_id: int
    listing_id: int
    organization_id: int
    max_cpc: Decimal
    relevance: float
    """Text relevance to the query, 0..1 (1: as relevant as the query's best match)."""
    click_factor: float = 1.0
    """Clicks over the clicks expected at the positions shown (1: average; a new ad starts at 1)."""

    @property
    def quality(self) -> Decimal:
        return Decimal(str(round(self.relevance * self.click_factor, 6)))

    @property
    def rank_score(self) -> Decimal:
        return self.max_cpc * self.quality


@dataclass(frozen=True)
class Placement:
    bid: Bid
    position: int
    """1 is the top sponsored slot."""
    price: Decimal


def _order(bid: Bid) -> tuple[Decimal, Decimal, int, int]:
    """Best first; ties go to the higher bid, then to the older listing and keyword (smaller ids): deterministic."""
    return (-bid.rank_score, -bid.max_cpc, bid.listing_id, bid.keyword_id)


def eligible(bids: Iterable[Bid], rules: Rules) -> list[Bid]:
    return [bid for bid in bids
            if bid.relevance >= rules.relevance_floor and bid.max_cpc >= rules.reserve and bid.quality > 0]


def _one_per_advertiser(ranked: Sequence[Bid]) -> list[Bid]:
    seen: set[int] = set()
    kept = []
    for bid in ranked:
        if bid.organization_id not in seen:
            seen.add(bid.organization_id)
            kept.append(bid)
    return kept


def price(own: Bid, below: Bid | None, rules: Rules) -> Decimal:
    if below is None:
        return rules.reserve
    needed = (below.rank_score / own.quality + rules.increment).quantize(CENT, rounding=ROUND_UP)
    return min(own.max_cpc, max(rules.reserve, needed))


def run(bids: Iterable[Bid], rules: Rules = Rules()) -> list[Placement]:
    """The slots, top first. The ad just below the last slot still sets that slot's price."""
    ranked = _one_per_advertiser(sorted(eligible(bids, rules), key=_order))
    shown = ranked[:rules.slots]
    return [Placement(bid, position, price(bid, ranked[position] if position < len(ranked) else None, rules))
            for position, bid in enumerate(shown, start=1)]
