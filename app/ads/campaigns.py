"""Keyword campaigns: a supplier on a plan with keyword bidding promotes its published listings on the keywords it
bids on, within a daily budget. The auction and its rules are promotion's; the money is the ledger's."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.ads import repository
from app.ads.schemas import CampaignIn, CampaignOut, CampaignPatch, ClickOut, KeywordIn, KeywordOut
from app.auth.viewer import Viewer, require_seller
from app.core import clock
from app.core.errors import FieldError, not_found, validation_failed
from app.core.i18n import N_
from app.core.repository import by_id
from app.models import AdCampaign, AdKeyword, Listing
from app.models.enums import ListingStatus
from matching.words import STOPWORDS
from membership.policy import Action, ensure_allowed
from promotion import campaigns, keywords
from search.normalise import terms

NOT_YOURS = N_("Pick your own published listings.")
STOP_WORDS_ONLY = N_("A keyword needs a word that says what buyers look for, not only small words like “for”.")
REPEATED = N_("This keyword is in the campaign already with the same match type.")
ENDS_BEFORE_START = N_("The campaign cannot end before it starts.")


def ad_terms(text: str) -> list[str]:
    """The terms ads match on: the words search matches on, less stop words."""
    return [term for term in terms(text) if term not in STOPWORDS]


async def _own_published(session: AsyncSession, organization_id: int, listing_ids: Sequence[int]) -> list[int]:
    found = await by_id(session, Listing, listing_ids)
    for index, listing_id in enumerate(listing_ids):
        listing = found.get(listing_id)
        if listing is None or listing.organization_id != organization_id or listing.status != ListingStatus.PUBLISHED:
            raise validation_failed([FieldError(f"listing_ids.{index}", NOT_YOURS, "not_your_published_listing")])
    return list(dict.fromkeys(listing_ids))


def _keyword_rows(wanted: Sequence[KeywordIn]) -> list[AdKeyword]:
    rows: list[AdKeyword] = []
    errors: list[FieldError] = []
    seen: set[tuple[str, str]] = set()
    for index, keyword in enumerate(wanted):
        words = ad_terms(keyword.phrase)
        key = (keywords.joined(words), keyword.match.value)
        if not words:
            errors.append(FieldError(f"keywords.{index}.phrase", STOP_WORDS_ONLY, "stop_words_only"))
        elif key in seen:
            errors.append(FieldError(f"keywords.{index}.phrase", REPEATED, "repeated_keyword"))
        seen.add(key)
        rows.append(AdKeyword(phrase=keyword.phrase, terms=keywords.joined(words), term_set=keywords.term_set(words),
                              match=keyword.match, max_cpc=keyword.max_cpc))
    if errors:
        raise validation_failed(errors)
    return rows


def _check_dates(starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise validation_failed([FieldError("ends_on", ENDS_BEFORE_START, "ends_before_start")])


async def _advertiser(session: AsyncSession, viewer: Viewer | None) -> Viewer:
    viewer = require_seller(viewer)
    await ensure_allowed(session, viewer.organization_id, Action.BID_ON_KEYWORDS)
    return viewer


async def create(session: AsyncSession, viewer: Viewer | None, data: CampaignIn) -> AdCampaign:
    viewer = await _advertiser(session, viewer)
    starts_on = data.starts_on or clock.today()
    _check_dates(starts_on, data.ends_on)
    listing_ids = await _own_published(session, viewer.organization_id, data.listing_ids)
    campaign = AdCampaign(organization_id=viewer.organization_id, name=data.name, daily_budget=data.daily_budget,
                          starts_on=starts_on, ends_on=data.ends_on, paused=data.paused,
                          keywords=_keyword_rows(data.keywords))
    session.add(campaign)
    await session.flush()
    await repository.set_listings(session, campaign.id, listing_ids)
    return campaign


async def _own_campaign(session: AsyncSession, viewer: Viewer, campaign_id: int) -> AdCampaign:
    campaign = await session.get(AdCampaign, campaign_id)
    if campaign is None or campaign.organization_id != viewer.organization_id:
        raise not_found("Campaign")
    return campaign


async def update(session: AsyncSession, viewer: Viewer | None, campaign_id: int, data: CampaignPatch) -> AdCampaign:
    viewer = require_seller(viewer)
    campaign = await _own_campaign(session, viewer, campaign_id)
    await ensure_allowed(session, viewer.organization_id, Action.BID_ON_KEYWORDS)
    sent = data.model_fields_set
    starts_on = data.starts_on if "starts_on" in sent and data.starts_on else campaign.starts_on
    _check_dates(starts_on, data.ends_on if "ends_on" in sent else campaign.ends_on)
    if data.listing_ids is not None:
        await repository.set_listings(session, campaign.id,
                                      await _own_published(session, viewer.organization_id, data.listing_ids))
    if data.keywords is not None:
        await _replace_keywords(session, campaign, _keyword_rows(data.keywords))
    for name in ("name", "daily_budget", "paused"):
        if name in sent and getattr(data, name) is not None:
            setattr(campaign, name, getattr(data, name))
    campaign.starts_on = starts_on
    if "ends_on" in sent:
        campaign.ends_on = data.ends_on
    await session.flush()
    return campaign


async def _replace_keywords(session: AsyncSession, campaign: AdCampaign, rows: list[AdKeyword]) -> None:
    """Keeps the rows (and their click history) of keywords that stay, with their new bids; adds and drops others."""
    kept = {(row.terms, row.match): row for row in campaign.keywords}
    wanted = {(row.terms, row.match): row for row in rows}
    for key, row in kept.items():
        if key not in wanted:
            campaign.keywords.remove(row)
    for key, row in wanted.items():
        if key in kept:
            kept[key].phrase, kept[key].max_cpc = row.phrase, row.max_cpc
        else:
            campaign.keywords.append(row)
    await session.flush()


def as_patch(data: CampaignIn) -> CampaignPatch:
    """A whole campaign (the page's form) as a change of every field; a start left blank keeps the campaign's."""
    return CampaignPatch.model_validate(data.model_dump(exclude={"starts_on"} if data.starts_on is None else set()))


async def campaign_out(session: AsyncSession, campaign: AdCampaign) -> CampaignOut:
    return (await campaigns_out(session, [campaign]))[0]


async def campaigns_out(session: AsyncSession, rows: Sequence[AdCampaign]) -> list[CampaignOut]:
    today = clock.today()
    ids = [campaign.id for campaign in rows]
    listings = await repository.listing_ids_of(session, ids)
    spent = await repository.spent_on(session, ids, today)
    return [CampaignOut(id=c.id, name=c.name, status=campaigns.status(c.paused, c.starts_on, c.ends_on, today),
                        daily_budget=c.daily_budget, spent_today=spent[c.id], starts_on=c.starts_on,
                        ends_on=c.ends_on, paused=c.paused, listing_ids=listings[c.id],
                        keywords=[KeywordOut(id=k.id, phrase=k.phrase, match=k.match, max_cpc=k.max_cpc)
                                  for k in c.keywords])
            for c in rows]


async def my_campaigns(session: AsyncSession, viewer: Viewer | None) -> list[CampaignOut]:
    viewer = require_seller(viewer)
    return await campaigns_out(session, await repository.campaigns_of(session, viewer.organization_id))


async def my_campaign(session: AsyncSession, viewer: Viewer | None, campaign_id: int) -> AdCampaign:
    return await _own_campaign(session, require_seller(viewer), campaign_id)


async def clicks(session: AsyncSession, viewer: Viewer | None, campaign_id: int) -> list[ClickOut]:
    campaign = await my_campaign(session, viewer, campaign_id)
    return [ClickOut(at=click.at, keyword=click.keyword, listing_id=click.listing_id, position=click.position,
                     price=click.price, charged=click.charged, verdict=click.verdict, country=click.country)
            for click in await repository.clicks_of(session, campaign.id)]
