"""Where a bid on a keyword would show and what a click would cost: the auction run now for a search of the keyword,
against the bids that match it today (other advertisers', as they stand), with the advertiser's best listing for it;
and the traffic to expect, from the impressions stored for keywords of the same words over the last week."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.ads import repository
from app.ads.campaigns import ad_terms
from app.ads.priors import PRIORS
from app.ads.sponsored import matched, relevance, rules
from app.auth.viewer import Viewer, require_seller
from app.core import clock
from app.core.config import Settings
from promotion import auction, quality
from search.backend import SearchBackend

TRAFFIC_DAYS = 7


@dataclass(frozen=True)
class Estimate:
    position: int | None
    """None: the bid would not show (outbid, or no listing relevant enough to the keyword)."""
    cost_per_click: Decimal | None
    competitors: int
    relevant: bool
    """Whether one of the advertiser's listings is relevant enough to the keyword to show at all."""
    searches_per_day: float | None
    clicks_per_day: float | None


async def estimate(session: AsyncSession, backend: SearchBackend, settings: Settings, viewer: Viewer | None,
                   phrase: str, max_cpc: Decimal) -> Estimate:
    """A search of exactly the keyword (each match type matches it): how often it is searched is the traffic part."""
    viewer = require_seller(viewer)
    query = ad_terms(phrase)
    now = clock.utcnow()
    rows = [(keyword, campaign) for keyword, campaign in await matched(session, query, now) if
            campaign.organization_id != viewer.organization_id] if query else []
    own = [listing.id for listing in await repository.published_listings(session, viewer.organization_id)]
    others = await repository.published_listings_of(session, {campaign.id for _, campaign in rows})
    relevant = await relevance(backend, phrase, {*own, *(i for ids in others.values() for i in ids)}) if query else {}
    stats = await repository.keyword_stats(session, now.date() - timedelta(days=repository.STATS_DAYS),
                                           {keyword.id for keyword, _ in rows})
    ctrs = await PRIORS.ctrs(session)
    bids = [auction.Bid(keyword.id, listing_id, campaign.organization_id, keyword.max_cpc,
                        relevant.get(listing_id, 0.0), quality.click_factor(stats.get(keyword.id, {}), ctrs))
            for keyword, campaign in rows for listing_id in others[campaign.id]]
    best_own = max(own, key=lambda listing_id: relevant.get(listing_id, 0.0), default=None)
    mine = auction.Bid(0, best_own or 0, viewer.organization_id, max_cpc, relevant.get(best_own or 0, 0.0))
    placed = next((p for p in auction.run([*bids, mine], rules(settings)) if p.bid is mine), None)
    searches = await _searches_per_day(session, " ".join(query), now.date())
    position = placed.position if placed else None
    clicks = searches * ctrs.get(position, quality.DEFAULT_POSITION_CTR) if searches is not None and position else None
    return Estimate(position, placed.price if placed else None, len({c.organization_id for _, c in rows}),
                    mine.relevance >= settings.ads_relevance_floor, searches, clicks)


async def _searches_per_day(session: AsyncSession, terms: str, today: date) -> float | None:
    """The most impressions any keyword of these words had per day over the last week: a floor on the searches."""
    shown = await repository.impressions_of_terms(session, terms, today - timedelta(days=TRAFFIC_DAYS))
    return shown / TRAFFIC_DAYS if shown else None
