"""Sponsored results for a listing search: the keywords the query matches, the campaigns that may serve (running,
within budget and balance, paced over the day), each ad's relevance to the query from the search engine, and the
auction (promotion.auction). Each ad shown links through a signed click token (app.ads.clicks)."""

import random
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from app.ads import repository
from app.ads.campaigns import ad_terms
from app.ads.impressions import PENDING
from app.ads.priors import PRIORS
from app.ads.schemas import MIN_BID
from app.core import clock
from app.core.config import Settings
from app.models import AdCampaign, AdKeyword, Listing, Organization
from ledger import accounts, journal
from promotion import auction, keywords, pacing, quality
from promotion.clicks import ClickToken
from search.backend import SearchBackend
from search.loader import load_listings
from search.types import DocType, Filters, SearchQuery

CLICK_PATH = "/c/"


@dataclass(frozen=True)
class SponsoredAd:
    listing: Listing
    organization: Organization
    position: int
    keyword: str
    click_url: str


async def matched(session: AsyncSession, query: list[str], now: datetime) -> list[tuple[AdKeyword, AdCampaign]]:
    """The keywords of running campaigns that the query's terms match."""
    rows = await repository.matching_keywords(session, keywords.phrase_keys(query), keywords.broad_keys(query),
                                              now.date())
    return [(keyword, campaign) for keyword, campaign in rows
            if keywords.matches(keyword.terms.split(), keyword.match, query)]


async def _serving(session: AsyncSession, rows: list[tuple[AdKeyword, AdCampaign]], now: datetime,
                   chance: random.Random) -> list[tuple[AdKeyword, AdCampaign]]:
    """The keywords whose campaign can pay one more click at the keyword's bid and whose pacing lets it take part."""
    campaign_ids = {campaign.id for _, campaign in rows}
    spent = await repository.spent_on(session, campaign_ids, now.date())
    held = await journal.balances(session, {accounts.ad_balance(campaign.organization_id) for _, campaign in rows})
    taking_part = {campaign.id: chance.random() < pacing.serve_chance(campaign.daily_budget, spent[campaign.id], now)
                   for _, campaign in rows}
    return [(keyword, campaign) for keyword, campaign in rows
            if taking_part[campaign.id] and pacing.can_pay(campaign.daily_budget, spent[campaign.id],
                                                           held[accounts.ad_balance(campaign.organization_id)],
                                                           keyword.max_cpc)]


def _query(text: str, size: int, filters: Filters | None = None) -> SearchQuery:
    """Scored as the organic results are (so that their best score can be reused), without facets or snippets."""
    return SearchQuery(DocType.LISTINGS, text, filters or Filters(), size=size, facets=False, highlight=False)


async def relevance(backend: SearchBackend, text: str, listing_ids: Collection[int],
                    best: float | None = None) -> dict[int, float]:
    """Each listing's text relevance to the query over the query's best match (`best`, the organic results' top
    score when the caller has it): 0..1, comparable across queries."""
    chosen = _query(text, len(listing_ids), Filters(ids=tuple(sorted(listing_ids))))
    if best is None:
        top, found = await backend.search_many([_query(text, 1), chosen])
        best = top.hits[0].score if top.hits else 0.0
    else:
        found = await backend.search(chosen)
    if best <= 0:
        return {}
    return {hit.id: min(1.0, hit.score / best) for hit in found.hits}


async def _bids(session: AsyncSession, backend: SearchBackend, text: str,
                rows: list[tuple[AdKeyword, AdCampaign]], now: datetime, best: float | None) -> list[auction.Bid]:
    listings = await repository.published_listings_of(session, {campaign.id for _, campaign in rows})
    candidates = {listing_id for ids in listings.values() for listing_id in ids}
    if not candidates:
        return []
    relevant = await relevance(backend, text, candidates, best)
    stats = await repository.keyword_stats(session, now.date() - timedelta(days=repository.STATS_DAYS),
                                           {keyword.id for keyword, _ in rows})
    ctrs = await PRIORS.ctrs(session)
    return [auction.Bid(keyword.id, listing_id, campaign.organization_id, keyword.max_cpc,
                        relevant.get(listing_id, 0.0), quality.click_factor(stats.get(keyword.id, {}), ctrs))
            for keyword, campaign in rows for listing_id in listings[campaign.id]]


def rules(settings: Settings) -> auction.Rules:
    return auction.Rules(slots=settings.ads_sponsored_slots, relevance_floor=settings.ads_relevance_floor,
                         reserve=MIN_BID)


async def sponsored_for(session: AsyncSession, backend: SearchBackend, settings: Settings, text: str,
                        best: float | None = None, chance: random.Random | None = None) -> list[SponsoredAd]:
    """The sponsored results of a search for `text`, top first; none when no ad may show. `best`: the score of the
    search's best match, when the caller searched by relevance already."""
    query = ad_terms(text)
    if settings.ads_sponsored_slots == 0 or not query:
        return []
    now = clock.utcnow()
    rows = await _serving(session, await matched(session, query, now), now, chance or random.Random())
    if not rows:
        return []
    placements = auction.run(await _bids(session, backend, text, rows, now, best), rules(settings))
    if not placements:
        return []
    phrases = {keyword.id: keyword.phrase for keyword, _ in rows}
    PENDING.add(now.date(), [(placement.bid.keyword_id, placement.position) for placement in placements])
    if PENDING.due():
        await PENDING.flush(session)
    return await _hydrated(session, settings, placements, phrases)


async def _hydrated(session: AsyncSession, settings: Settings, placements: list[auction.Placement],
                    phrases: dict[int, str]) -> list[SponsoredAd]:
    loaded = {listing.id: (listing, organization)
              for listing, organization in await load_listings(session, [p.bid.listing_id for p in placements])}
    impression = uuid4().hex
    ads = []
    for placement in placements:
        if placement.bid.listing_id not in loaded:
            continue
        listing, organization = loaded[placement.bid.listing_id]
        token = ClickToken(impression, placement.bid.keyword_id, phrases[placement.bid.keyword_id], listing.id,
                           placement.position, placement.price)
        ads.append(SponsoredAd(listing, organization, placement.position, token.keyword,
                               CLICK_PATH + token.signed(settings.secret_key)))
    return ads
