"""The keyword auction's table: positions and prices for given bids and qualities, ties, the relevance floor, the
reserve, one slot per advertiser, and the slot count."""

from decimal import Decimal

import pytest

from promotion.auction import Bid, Rules, run

RULES = Rules(slots=3, relevance_floor=0.3, reserve=Decimal("0.10"), increment=Decimal("0.01"))


def bid(listing: int, max_cpc: str, relevance: float, click_factor: float = 1.0, organization: int = 0) -> Bid:
    return Bid(keyword_id=listing * 10, listing_id=listing, organization_id=organization or listing,
               max_cpc=Decimal(max_cpc), relevance=relevance, click_factor=click_factor)


# (what it shows, bids, the expected (listing, price) top first)
TABLE = [
    ("alone: pays the reserve", [bid(1, "2.00", 1.0)], [(1, "0.10")]),
    ("equal quality: each pays the next bid plus the increment",
     [bid(1, "2.00", 1.0), bid(2, "1.50", 1.0), bid(3, "0.50", 1.0)],
     [(1, "1.51"), (2, "0.51"), (3, "0.10")]),
    ("quality beats money: a relevant ad outranks a richer, weaker one and pays less than its bid",
     [bid(1, "3.00", 0.4), bid(2, "2.00", 1.0)],
     [(2, "1.21"), (1, "0.10")]),
    ("the price is the next rank score over the own quality: 1.00 x 0.5 / 0.8 + 0.01 = 0.635, rounded up",
     [bid(1, "2.00", 0.8), bid(2, "1.00", 0.5)],
     [(1, "0.64"), (2, "0.10")]),
    ("click factor counts in quality: same relevance, clicked twice as often",
     [bid(1, "1.00", 1.0, click_factor=2.0), bid(2, "1.50", 1.0, click_factor=1.0)],
     [(1, "0.76"), (2, "0.10")]),
    ("never above the own bid: a near tie prices at the own maximum",
     [bid(1, "1.00", 1.0), bid(2, "1.00", 0.999)],
     [(1, "1.00"), (2, "0.10")]),
    ("never below the reserve, even with a weak ad below",
     [bid(1, "1.00", 1.0), bid(2, "0.10", 0.3)],
     [(1, "0.10"), (2, "0.10")]),
    ("below the relevance floor: not shown at any price, and sets no price",
     [bid(1, "99.00", 0.29), bid(2, "0.50", 0.9)],
     [(2, "0.10")]),
    ("a bid under the reserve takes no part",
     [bid(1, "0.09", 1.0), bid(2, "0.50", 0.9)],
     [(2, "0.10")]),
    ("three slots: the fourth ad is not shown but prices the third",
     [bid(1, "4.00", 1.0), bid(2, "3.00", 1.0), bid(3, "2.00", 1.0), bid(4, "1.00", 1.0)],
     [(1, "3.01"), (2, "2.01"), (3, "1.01")]),
    ("one slot per advertiser: its best ad; the next advertiser's ad prices it",
     [bid(1, "3.00", 1.0, organization=7), bid(2, "2.00", 1.0, organization=7), bid(3, "1.00", 1.0)],
     [(1, "1.01"), (3, "0.10")]),
    ("a tie of bid x quality goes to the higher bid",
     [bid(1, "1.00", 1.0), bid(2, "2.00", 0.5)],
     [(2, "2.00"), (1, "0.10")]),
    ("a full tie goes to the older listing (smaller id), deterministically",
     [bid(5, "1.00", 1.0), bid(3, "1.00", 1.0)],
     [(3, "1.00"), (5, "0.10")]),
]


@pytest.mark.parametrize(("bids", "expected"), [(bids, expected) for _, bids, expected in TABLE],
                         ids=[name for name, _, _ in TABLE])
def test_positions_and_prices(bids: list[Bid], expected: list[tuple[int, str]]) -> None:
    placements = run(bids, RULES)
    assert [(p.bid.listing_id, str(p.price)) for p in placements] == expected
    assert [p.position for p in placements] == list(range(1, len(expected) + 1))
    for placement in placements:
        assert RULES.reserve <= placement.price <= placement.bid.max_cpc


def test_the_order_of_the_bids_given_does_not_change_the_outcome() -> None:
    bids = [bid(1, "2.00", 0.8), bid(2, "1.00", 0.5), bid(3, "1.50", 0.7)]
    assert run(bids, RULES) == run(list(reversed(bids)), RULES)


def test_fewer_slots_and_no_slots() -> None:
    bids = [bid(1, "2.00", 1.0), bid(2, "1.00", 1.0)]
    assert [(p.bid.listing_id, str(p.price)) for p in run(bids, Rules(slots=1))] == [(1, "1.01")]
    assert run(bids, Rules(slots=0)) == []
