"""Queries of campaigns, keywords, impressions and clicks."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import case, delete, func, insert, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import AdCampaign, AdClick, AdImpressions, AdKeyword, Listing, ad_campaign_listings
from app.models.enums import ClickVerdict, KeywordMatch, ListingStatus
from promotion.quality import PositionStats

STATS_DAYS = 30
"""Click-through rates are read over this many recent days."""


async def campaigns_of(session: AsyncSession, organization_id: int) -> list[AdCampaign]:
    rows = await session.scalars(select(AdCampaign).where(AdCampaign.organization_id == organization_id)
                                 .order_by(AdCampaign.id.desc()))
    return list(rows)


async def published_listings(session: AsyncSession, organization_id: int) -> list[Listing]:
    """What a campaign may promote: the organisation's published listings, newest first."""
    rows = await session.scalars(select(Listing).where(Listing.organization_id == organization_id,
                                                       Listing.status == ListingStatus.PUBLISHED)
                                 .order_by(Listing.published_at.desc(), Listing.id.desc()))
    return list(rows)


async def listing_ids_of(session: AsyncSession, campaign_ids: Collection[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {campaign_id: [] for campaign_id in campaign_ids}
    rows = await session.execute(select(ad_campaign_listings.c.campaign_id, ad_campaign_listings.c.listing_id)
                                 .where(ad_campaign_listings.c.campaign_id.in_(found))
                                 .order_by(ad_campaign_listings.c.listing_id))
    for campaign_id, listing_id in rows:
        found[campaign_id].append(listing_id)
    return found


async def set_listings(session: AsyncSession, campaign_id: int, listing_ids: Sequence[int]) -> None:
    await session.execute(delete(ad_campaign_listings).where(ad_campaign_listings.c.campaign_id == campaign_id))
    await session.execute(insert(ad_campaign_listings),
                          [{"campaign_id": campaign_id, "listing_id": listing_id} for listing_id in listing_ids])


async def matching_keywords(session: AsyncSession, phrase_keys: Collection[str], broad_keys: Collection[str],
                            today: date) -> list[tuple[AdKeyword, AdCampaign]]:
    """The keywords of running campaigns whose terms are among the keys (the engine then checks each match)."""
    rows = await session.execute(
        select(AdKeyword, AdCampaign).join(AdCampaign, AdCampaign.id == AdKeyword.campaign_id)
        .where(or_(AdKeyword.terms.in_(phrase_keys) & AdKeyword.match.in_([KeywordMatch.EXACT, KeywordMatch.PHRASE]),
                   AdKeyword.term_set.in_(broad_keys) & (AdKeyword.match == KeywordMatch.BROAD)),
               AdCampaign.paused.is_(False), AdCampaign.starts_on <= today,
               or_(AdCampaign.ends_on.is_(None), AdCampaign.ends_on >= today)))
    return [(keyword, campaign) for keyword, campaign in rows]


async def published_listings_of(session: AsyncSession, campaign_ids: Collection[int]) -> dict[int, list[int]]:
    """Each campaign's promoted listings that are published now."""
    found: dict[int, list[int]] = {campaign_id: [] for campaign_id in campaign_ids}
    # EXISTS, a look-up by key per promoted listing: a join let SQLite walk every published listing first.
    published = select(Listing.id).where(Listing.id == ad_campaign_listings.c.listing_id,
                                         Listing.status == ListingStatus.PUBLISHED).exists()
    rows = await session.execute(
        select(ad_campaign_listings.c.campaign_id, ad_campaign_listings.c.listing_id)
        .where(ad_campaign_listings.c.campaign_id.in_(found), published))
    for campaign_id, listing_id in rows:
        found[campaign_id].append(listing_id)
    return found


async def spent_on(session: AsyncSession, campaign_ids: Collection[int], day: date) -> dict[int, Decimal]:
    """What each campaign's charged clicks cost on `day` (UTC)."""
    rows = await session.execute(
        select(AdClick.campaign_id, func.sum(AdClick.charged))
        .where(AdClick.campaign_id.in_(campaign_ids), AdClick.day == day, AdClick.verdict == ClickVerdict.CHARGED)
        .group_by(AdClick.campaign_id))
    spent = {campaign_id: Decimal(0) for campaign_id in campaign_ids}
    spent.update({campaign_id: Decimal(total or 0) for campaign_id, total in rows if campaign_id is not None})
    return spent


async def position_totals(session: AsyncSession, since: date) -> dict[int, PositionStats]:
    """Impressions and charged clicks per position, every ad together: the prior of the click factor."""
    shown = await session.execute(select(AdImpressions.position, func.sum(AdImpressions.count))
                                  .where(AdImpressions.day >= since).group_by(AdImpressions.position))
    clicked = {p: int(n) for p, n in await session.execute(
        select(AdClick.position, func.count()).where(AdClick.day >= since, AdClick.verdict == ClickVerdict.CHARGED)
        .group_by(AdClick.position))}
    return {position: PositionStats(int(count), clicked.get(position, 0)) for position, count in shown}


async def keyword_stats(session: AsyncSession, since: date,
                        keyword_ids: Collection[int]) -> dict[int, dict[int, PositionStats]]:
    """Impressions and charged clicks per position of each of these keywords."""
    shown = await session.execute(
        select(AdImpressions.keyword_id, AdImpressions.position, func.sum(AdImpressions.count))
        .where(AdImpressions.day >= since, AdImpressions.keyword_id.in_(keyword_ids))
        .group_by(AdImpressions.keyword_id, AdImpressions.position))
    clicked = {(k, p): int(n) for k, p, n in await session.execute(
        select(AdClick.keyword_id, AdClick.position, func.count())
        .where(AdClick.day >= since, AdClick.verdict == ClickVerdict.CHARGED, AdClick.keyword_id.in_(keyword_ids))
        .group_by(AdClick.keyword_id, AdClick.position))}
    stats: dict[int, dict[int, PositionStats]] = {}
    for keyword_id, position, count in shown:
        stats.setdefault(keyword_id, {})[position] = PositionStats(int(count), clicked.get((keyword_id, position), 0))
    return stats


async def add_impressions(session: AsyncSession, day: date, counts: dict[tuple[int, int], int]) -> None:
    """Adds counts of (keyword id, position) shown on `day`, one statement for the lot."""
    existing = set(await session.scalars(select(AdKeyword.id).where(
        AdKeyword.id.in_({keyword_id for keyword_id, _ in counts}))))
    counts = {key: count for key, count in counts.items() if key[0] in existing}  # a keyword removed meanwhile
    if not counts:
        return
    insert_of = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert_of(AdImpressions).values(
        [{"day": day, "keyword_id": keyword_id, "position": position, "count": count}
         for (keyword_id, position), count in counts.items()])
    await session.execute(statement.on_conflict_do_update(
        index_elements=["day", "keyword_id", "position"],
        set_={"count": AdImpressions.count + statement.excluded.count}))


async def impressions_of_terms(session: AsyncSession, terms: str, since: date) -> int:
    """The most impressions one keyword of these (joined) terms had since `since`."""
    per_keyword = (select(func.sum(AdImpressions.count).label("shown"))
                   .join(AdKeyword, AdKeyword.id == AdImpressions.keyword_id)
                   .where(AdKeyword.terms == terms, AdImpressions.day >= since)
                   .group_by(AdImpressions.keyword_id).subquery())
    return int(await session.scalar(select(func.max(per_keyword.c.shown))) or 0)


async def clicked_recently(session: AsyncSession, client: str, listing_id: int, since: datetime) -> bool:
    """Whether this client clicked an ad of this listing since `since`, charged or not."""
    found = await session.scalar(select(AdClick.id).where(
        AdClick.client == client, AdClick.listing_id == listing_id, AdClick.at >= since).limit(1))
    return found is not None


async def clicks_of(session: AsyncSession, campaign_id: int, limit: int = 200) -> list[AdClick]:
    rows = await session.scalars(select(AdClick).where(AdClick.campaign_id == campaign_id)
                                 .order_by(AdClick.id.desc()).limit(limit))
    return list(rows)


@dataclass(frozen=True)
class KeywordDay:
    day: date
    campaign_id: int
    keyword_id: int | None
    keyword: str
    impressions: int = 0
    position_sum: int = 0
    clicks: int = 0
    invalid_clicks: int = 0
    spend: Decimal = Decimal(0)


async def keyword_days(session: AsyncSession, campaign_ids: Collection[int], since: date,
                       until: date) -> list[KeywordDay]:
    """Per day, campaign and keyword: impressions, the sum of their positions, clicks charged and not, spend."""
    shown = await session.execute(
        select(AdImpressions.day, AdKeyword.campaign_id, AdKeyword.id, AdKeyword.phrase,
               func.sum(AdImpressions.count), func.sum(AdImpressions.position * AdImpressions.count))
        .join(AdKeyword, AdKeyword.id == AdImpressions.keyword_id)
        .where(AdKeyword.campaign_id.in_(campaign_ids), AdImpressions.day.between(since, until))
        .group_by(AdImpressions.day, AdKeyword.campaign_id, AdKeyword.id, AdKeyword.phrase))
    charged = AdClick.verdict == ClickVerdict.CHARGED
    clicked = await session.execute(
        select(AdClick.day, AdClick.campaign_id, AdClick.keyword_id, AdClick.keyword,
               func.sum(case((charged, 1), else_=0)), func.sum(case((charged, 0), else_=1)), func.sum(AdClick.charged))
        .where(AdClick.campaign_id.in_(campaign_ids), AdClick.day.between(since, until))
        .group_by(AdClick.day, AdClick.campaign_id, AdClick.keyword_id, AdClick.keyword))
    found: dict[tuple[date, int, int | None], KeywordDay] = {}
    for day, campaign_id, keyword_id, phrase, count, positions in shown:
        found[(day, campaign_id, keyword_id)] = KeywordDay(day, campaign_id, keyword_id, phrase, int(count),
                                                           int(positions))
    for day, campaign_id, keyword_id, phrase, valid, invalid, spend in clicked:
        before = found.get((day, campaign_id, keyword_id), KeywordDay(day, campaign_id, keyword_id, phrase))
        found[(day, campaign_id, keyword_id)] = replace(before, clicks=int(valid), invalid_clicks=int(invalid),
                                                        spend=Decimal(spend or 0))
    return sorted(found.values(), key=lambda row: (row.day, row.campaign_id, row.keyword))


@dataclass(frozen=True)
class RevenueDay:
    day: date
    revenue: Decimal
    clicks: int
    invalid_clicks: int


async def revenue_days(session: AsyncSession, since: date) -> list[RevenueDay]:
    """Every advertiser's clicks per day: what the charged ones earned, and how many were not charged."""
    charged = AdClick.verdict == ClickVerdict.CHARGED
    rows = await session.execute(
        select(AdClick.day, func.sum(AdClick.charged), func.sum(case((charged, 1), else_=0)),
               func.sum(case((charged, 0), else_=1)))
        .where(AdClick.day >= since).group_by(AdClick.day).order_by(AdClick.day))
    return [RevenueDay(day, Decimal(revenue or 0), int(valid), int(invalid)) for day, revenue, valid, invalid in rows]


async def top_keywords(session: AsyncSession, since: date, limit: int = 10) -> list[tuple[str, int, Decimal]]:
    """The keywords that earned most since `since`: (keyword, charged clicks, revenue)."""
    rows = await session.execute(
        select(AdClick.keyword, func.count(), func.sum(AdClick.charged))
        .where(AdClick.day >= since, AdClick.verdict == ClickVerdict.CHARGED)
        .group_by(AdClick.keyword).order_by(func.sum(AdClick.charged).desc(), AdClick.keyword).limit(limit))
    return [(keyword, int(count), Decimal(total or 0)) for keyword, count, total in rows]
