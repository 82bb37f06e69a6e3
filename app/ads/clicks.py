"""A click on a sponsored result: recorded always, charged at most once (promotion.clicks decides).

Charging locks the advertiser's ad balance first, so that everything the verdict reads (the day's spend, the
balance, this client's recent clicks) is what it is when the charge is written: concurrent clicks on one campaign
are charged one after the other and never spend more than the budget or the balance allows."""

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.ads import repository
from app.auth.viewer import Viewer
from app.core import clock
from app.core.config import Settings
from app.models import AdCampaign, AdClick, AdKeyword, Organization
from app.models.enums import ClickVerdict
from ledger import accounts, journal
from membership.tiers import platform_currency
from promotion import campaigns
from promotion.clicks import REPEAT_WINDOW, ClickFacts, ClickToken, client_of, is_bot, opened, verdict

KIND = "ad_click"


@dataclass(frozen=True)
class Clicker:
    viewer: Viewer | None
    address: str
    user_agent: str

    @property
    def client(self) -> str:
        return client_of(f"user:{self.viewer.user_id}" if self.viewer else None, self.address, self.user_agent)


@dataclass(frozen=True)
class ClickOutcome:
    verdict: ClickVerdict
    listing_id: int | None
    """Where the click leads; None for a forged token."""


async def record(session: AsyncSession, settings: Settings, value: str, clicker: Clicker) -> ClickOutcome:
    token = opened(settings.secret_key, value)
    if token is None:
        session.add(AdClick(impression="", day=clock.today(), verdict=ClickVerdict.FORGED, client=clicker.client))
        return ClickOutcome(ClickVerdict.FORGED, None)
    keyword = await session.get(AdKeyword, token.token.keyword_id)
    campaign = await session.get(AdCampaign, keyword.campaign_id) if keyword else None
    if keyword is None or campaign is None:
        session.add(_click(token.token, None, clicker, ClickVerdict.CAMPAIGN_STOPPED, await _country(session, clicker)))
        return ClickOutcome(ClickVerdict.CAMPAIGN_STOPPED, token.token.listing_id)
    said = await _charge(session, token.token, token.expired, campaign, clicker)
    return ClickOutcome(said, token.token.listing_id)


async def _charge(session: AsyncSession, token: ClickToken, expired: bool, campaign: AdCampaign,
                  clicker: Clicker) -> ClickVerdict:
    currency = await platform_currency(session)
    account = accounts.ad_balance(campaign.organization_id)
    await journal.lock(session, account, currency)
    now = clock.utcnow()
    spent = (await repository.spent_on(session, [campaign.id], now.date()))[campaign.id]
    facts = ClickFacts(
        expired=expired, bot=is_bot(clicker.user_agent),
        own_organization=clicker.viewer is not None and clicker.viewer.organization_id == campaign.organization_id,
        repeat=await repository.clicked_recently(session, clicker.client, token.listing_id, now - REPEAT_WINDOW),
        campaign_running=campaigns.status(campaign.paused, campaign.starts_on, campaign.ends_on, now.date())
        == campaigns.CampaignStatus.ACTIVE,
        budget_left=campaign.daily_budget - spent, balance=await journal.balance(session, account))
    said = verdict(facts, token.price)
    click = _click(token, campaign, clicker, said, await _country(session, clicker))
    session.add(click)
    await session.flush()
    if said == ClickVerdict.CHARGED:
        legs = [journal.Leg(account, -token.price), journal.Leg(accounts.PLATFORM_AD_REVENUE, token.price)]
        # No `within`: the balance the verdict read was read under the account's lock, held to the commit.
        await journal.post(session, f"click:{click.id}", KIND, currency, legs,
                           memo=f"“{token.keyword}”, position {token.position}")
    return said


def _click(token: ClickToken, campaign: AdCampaign | None, clicker: Clicker, said: ClickVerdict,
           country: str | None) -> AdClick:
    return AdClick(impression=token.impression, day=clock.today(), campaign_id=campaign.id if campaign else None,
                   keyword_id=token.keyword_id if campaign else None, listing_id=token.listing_id,
                   keyword=token.keyword, position=token.position, price=token.price,
                   charged=token.price if said == ClickVerdict.CHARGED else Decimal(0), verdict=said,
                   client=clicker.client, country=country)


async def _country(session: AsyncSession, clicker: Clicker) -> str | None:
    if clicker.viewer is None:
        return None
    organization = await session.get(Organization, clicker.viewer.organization_id)
    return organization.country if organization else None
