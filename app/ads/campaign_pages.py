"""/my/ads/campaigns: a supplier's keyword campaigns, a form to create or change one (keywords as rows of phrase,
match type and bid), and its clicks; and /c/{token}, where a sponsored result's link records the click."""

from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from app.ads import campaigns, clicks, estimates, reports, repository
from app.ads.chart import chart
from app.ads.reports import keyword_totals
from app.ads.schemas import MAX_BID, MIN_BID, CampaignIn, CampaignOut
from app.core.errors import AppError, not_found
from app.core.i18n import N_
from app.core.schemas import as_validation_failed
from app.http.deps import AppSettings, DbSession, OptionalViewer, SearchEngine, client_address
from app.http.forms import filled, refused
from app.http.ids import ObjectId
from app.http.locale import activate, format_number, gettext
from app.http.locale import lazy_gettext as _l
from app.http.page_deps import CheckedForm, PageUser, SignedInUser
from app.http.templating import render
from app.models.enums import ClickVerdict, KeywordMatch
from membership.policy import Action, Decision, decide, denial_error

router = APIRouter()
PAGE = "ads/campaign.html"
FIELDS = ("name", "daily_budget", "starts_on", "ends_on", "paused")
BLANK_ROWS = 3
MAX_ROWS = 200
Token = Annotated[str, Path(max_length=1000)]
# Translated when the page renders (lazy), as the select shows them.
MATCHES = [(KeywordMatch.BROAD.value, _l("broad: all its words, any order")),
           (KeywordMatch.PHRASE.value, _l("phrase: its words together, in order")),
           (KeywordMatch.EXACT.value, _l("exact: the search is the keyword"))]
VERDICTS = {ClickVerdict.CHARGED: N_("charged"), ClickVerdict.REPEAT: N_("not charged: repeat within 10 min"),
            ClickVerdict.BOT: N_("not charged: robot"),
            ClickVerdict.OWN_ORGANIZATION: N_("not charged: your own organisation"),
            ClickVerdict.EXPIRED: N_("not charged: results page over an hour old"),
            ClickVerdict.FORGED: N_("not charged: forged link"),
            ClickVerdict.BUDGET_SPENT: N_("not charged: daily budget spent"),
            ClickVerdict.BALANCE_TOO_LOW: N_("not charged: balance too low"),
            ClickVerdict.CAMPAIGN_STOPPED: N_("not charged: campaign not running")}


def _rows(form: FormData) -> list[dict[str, str]]:
    """The keyword rows filled in, in the form's order (a row without a phrase is left out)."""
    rows = []
    for index in range(MAX_ROWS + BLANK_ROWS):
        phrase = str(form.get(f"keywords.{index}.phrase") or "").strip()
        if phrase:
            rows.append({"phrase": phrase, "match": str(form.get(f"keywords.{index}.match") or "broad"),
                         "max_cpc": str(form.get(f"keywords.{index}.max_cpc") or "").strip()})
    return rows


def _values(form: FormData) -> dict[str, str]:
    """The form as the page shows it again: the plain fields, the ticked listings and the rows renumbered."""
    values = filled(form, (*FIELDS, "listing_ids"))
    for index, row in enumerate(_rows(form)):
        values.update({f"keywords.{index}.{name}": value for name, value in row.items()})
    return values


def _parsed(form: FormData) -> CampaignIn:
    values = filled(form, FIELDS)
    data: dict[str, Any] = {**values, "paused": "paused" in values,
                            "listing_ids": [value for value in form.getlist("listing_ids") if isinstance(value, str)],
                            "keywords": [{name: value for name, value in row.items() if value} for row in _rows(form)]}
    try:
        return CampaignIn.model_validate(data)
    except ValidationError as exc:
        raise as_validation_failed(exc) from exc


def _values_of(campaign: CampaignOut) -> dict[str, str]:
    values = {"name": campaign.name, "daily_budget": f"{campaign.daily_budget:.2f}",
              "starts_on": campaign.starts_on.isoformat(), "ends_on": campaign.ends_on.isoformat()
              if campaign.ends_on else "", "listing_ids": ", ".join(str(i) for i in campaign.listing_ids)}
    if campaign.paused:
        values["paused"] = "on"
    for index, keyword in enumerate(campaign.keywords):
        values.update({f"keywords.{index}.phrase": keyword.phrase, f"keywords.{index}.match": keyword.match.value,
                       f"keywords.{index}.max_cpc": f"{keyword.max_cpc:.2f}"})
    return values


async def _context(session: AsyncSession, user: PageUser, campaign_id: int | None,
                   values: dict[str, str]) -> dict[str, Any]:
    rows = sum(1 for key in values if key.endswith(".phrase"))
    listings = await repository.published_listings(session, user.viewer.organization_id)
    return {"campaign_id": campaign_id, "values": values, "rows": range(rows + BLANK_ROWS), "matches": MATCHES,
            "listings": listings, "listing_options": [(str(listing.id), listing.title) for listing in listings],
            "min_bid": MIN_BID,
            "max_bid": MAX_BID, "verdicts": VERDICTS,
            **_plan_refusal(await decide(session, user.viewer.organization_id, Action.BID_ON_KEYWORDS))}


def _plan_refusal(decision: Decision) -> dict[str, Any]:
    """On a plan without bidding the page says why, with the plan that has it, instead of a form."""
    return {"allowed": decision.allowed, "error": None if decision.allowed else denial_error(decision)}


@router.get("/my/ads/campaigns/new", response_class=HTMLResponse)
async def new_campaign(request: Request, user: SignedInUser, session: DbSession) -> HTMLResponse:
    return render(request, PAGE, await _context(session, user, None, {}))


@router.get("/my/ads/campaigns/{campaign_id}", response_class=HTMLResponse)
async def campaign_page(request: Request, campaign_id: ObjectId, user: SignedInUser,
                        session: DbSession) -> HTMLResponse:
    campaign = await campaigns.campaign_out(session, await campaigns.my_campaign(session, user.viewer, campaign_id))
    context = await _context(session, user, campaign_id, _values_of(campaign))
    found = await reports.report(session, user.viewer, campaign_id, None, None)
    return render(request, PAGE, {**context, "campaign": campaign,
                                  "clicks": await campaigns.clicks(session, user.viewer, campaign_id),
                                  "saved": request.query_params.get("saved") == "1",
                                  "keyword_totals": keyword_totals(found.stats), "chart": chart(found.out.days)})


async def _save(request: Request, form: FormData, user: PageUser, session: AsyncSession,
                campaign_id: int | None) -> Response:
    if campaign_id is not None:  # whose it is comes before what the form says
        await campaigns.my_campaign(session, user.viewer, campaign_id)
    try:
        data = _parsed(form)
        if campaign_id is None:
            campaign_id = (await campaigns.create(session, user.viewer, data)).id
        else:
            await campaigns.update(session, user.viewer, campaign_id, campaigns.as_patch(data))
    except AppError as error:
        values = _values(form)
        refusal = await refused(session, error, values)
        context = await _context(session, user, campaign_id, values)
        return render(request, PAGE, {**context, **refusal}, status_code=error.status)
    return RedirectResponse(f"/my/ads/campaigns/{campaign_id}?saved=1", status_code=303)


@router.post("/my/ads/campaigns")
async def create_campaign(request: Request, form: CheckedForm, user: SignedInUser, session: DbSession) -> Response:
    return await _save(request, form, user, session, None)


@router.post("/my/ads/campaigns/{campaign_id}")
async def update_campaign(request: Request, campaign_id: ObjectId, form: CheckedForm, user: SignedInUser,
                          session: DbSession) -> Response:
    return await _save(request, form, user, session, campaign_id)


@router.get("/c/{token}")
async def sponsored_click(request: Request, token: Token, session: DbSession, settings: AppSettings,
                          viewer: OptionalViewer) -> Response:
    """A sponsored result's link: the click is recorded (charged at most once) and leads to the listing."""
    clicker = clicks.Clicker(viewer, client_address(request), request.headers.get("user-agent", ""))
    outcome = await clicks.record(session, settings, token, clicker)
    if outcome.listing_id is None:
        await session.commit()
        raise not_found("Sponsored link")
    return RedirectResponse(f"/listings/{outcome.listing_id}", status_code=302)


@router.get("/my/ads/estimate", response_class=PlainTextResponse)
async def bid_estimate(request: Request, user: SignedInUser, session: DbSession, settings: AppSettings,
                       engine: SearchEngine, keyword: Annotated[str, Query(max_length=100)] = "",
                       max_cpc: Annotated[str, Query(max_length=20)] = "") -> PlainTextResponse:
    """One line under a keyword row while its bid is edited (static/bid_estimate.js); empty until both are valid."""
    try:
        bid = Decimal(max_cpc)
    except ArithmeticError:
        return PlainTextResponse("")
    if not keyword.strip() or not bid.is_finite() or not MIN_BID <= bid <= MAX_BID:
        return PlainTextResponse("")
    found = await estimates.estimate(session, engine, settings, user.viewer, keyword, bid)
    activate(request)
    return PlainTextResponse(estimate_line(found))


def estimate_line(found: estimates.Estimate) -> str:
    if not found.relevant:
        return gettext("Would not show: none of your published listings is relevant enough to this keyword.")
    if found.position is None or found.cost_per_click is None:
        return gettext("Would not show now: other advertisers' bids and quality rank higher.")
    said = gettext("Now: position %(position)s at %(price)s per click (%(others)s other advertisers).") % {
        "position": found.position, "price": format_number(found.cost_per_click), "others": found.competitors}
    if found.searches_per_day is not None and found.clicks_per_day is not None:
        said += " " + gettext("About %(searches)s searches and %(clicks)s clicks a day.") % {
            "searches": f"{found.searches_per_day:.0f}", "clicks": f"{found.clicks_per_day:.1f}"}
    return said
