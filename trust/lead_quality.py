"""How likely an RFQ is a real buying lead, 0-100, with the reasons: suppliers pay for leads (quotes a month, leads a
day), so a fake or careless RFQ costs them. Pure scoring over plain facts that the rfqs domain gathers from SQL
(LeadSignals); the points table below is the documentation, and VERSION is stored with every score so that a score
can be explained by the table that made it.

The points table (version 1) is POINTS_TABLE below, shown to suppliers on /terms; a perfect lead reaches 100,
penalties subtract, and the result is clamped to 0-100.
"""

from dataclasses import dataclass
from decimal import Decimal

VERSION = 1
IMPLAUSIBLE_FACTOR = Decimal(10)  # a target price this many times below or above the heading's median

# (group, signal, points): what score_lead does, for people.
POINTS_TABLE: tuple[tuple[str, str, str], ...] = (
    ("Who asks", "The buyer confirmed their e-mail address", "+10"),
    ("Who asks", "The buyer's account is at least 30 days old (at least 7 days: +5)", "+10"),
    ("Who asks", "The buyer's organisation is verified", "+10"),
    ("What is asked", "The RFQ's completeness (0-100), times 0.4", "0 to +40"),
    ("Plausibility", "Target price within a tenth and ten times the median listing price of its HS heading", "+10"),
    ("Plausibility", "No target price, or no listing in its HS heading to compare it with", "+5"),
    ("History", "The buyer awarded an earlier RFQ", "+20"),
    ("History", "An earlier RFQ of the buyer received quotes (none awarded yet)", "+10"),
    ("History", "The buyer's first RFQ", "+5"),
    ("Penalty", "Each RFQ of the buyer confirmed fake by an admin", "-40"),
    ("Penalty", "Nearly the same text as another buyer's open RFQ", "-25"),
    ("Penalty", "The buyer's e-mail address is at a disposable domain", "-30"),
    ("Penalty", "Contact details or links in the RFQ's text", "-15"),
)


@dataclass(frozen=True)
class LeadSignals:
    """The facts the score reads, gathered when the RFQ is submitted and again when one of them changes."""

    email_confirmed: bool
    account_age_days: int
    organization_verified: bool
    completeness: int  # the RFQ's completeness score, 0-100 (app.rfqs.completeness)
    target_price_usd: Decimal | None
    heading_median_price_usd: Decimal | None  # of published listings in the RFQ's HS heading, None without any
    awards_made: int  # the buyer's earlier RFQs that ended in an award
    earlier_rfqs_quoted: int  # the buyer's earlier RFQs that received at least one quote
    confirmed_fakes: int  # reports of fake RFQs against the buyer that an admin confirmed
    near_duplicate: bool  # nearly the same text as another buyer's open RFQ
    disposable_email: bool
    contact_details: tuple[str, ...]  # the kinds found in the text: "e-mail address", "web address", ...


@dataclass(frozen=True)
class Reason:
    code: str
    points: int
    text: str


@dataclass(frozen=True)
class LeadQuality:
    score: int
    version: int
    reasons: tuple[Reason, ...]


def _identity(signals: LeadSignals) -> list[Reason]:
    age = signals.account_age_days
    return [
        Reason("email_confirmed", 10, "The buyer confirmed their e-mail address") if signals.email_confirmed else
        Reason("email_not_confirmed", 0, "The buyer has not confirmed their e-mail address"),
        Reason("account_age", 10 if age >= 30 else 5 if age >= 7 else 0,
               f"The buyer's account is {age} day{'s' if age != 1 else ''} old"),
        Reason("organization_verified", 10, "The buyer's organisation is verified") if signals.organization_verified
        else Reason("organization_not_verified", 0, "The buyer's organisation is not verified"),
    ]


def _plausibility(signals: LeadSignals) -> Reason:
    price, median = signals.target_price_usd, signals.heading_median_price_usd
    if price is None or median is None or median <= 0:
        return Reason("price_not_compared", 5, "No target price, or no listing in its HS heading to compare it with")
    if median / IMPLAUSIBLE_FACTOR <= price <= median * IMPLAUSIBLE_FACTOR:
        return Reason("price_plausible", 10, "The target price is in line with listings of its HS heading")
    return Reason("price_implausible", 0, "The target price is far from every listing of its HS heading "
                                          f"(median {median:.2f} USD)")


def _history(signals: LeadSignals) -> Reason:
    if signals.awards_made:
        return Reason("buyer_awarded", 20, f"The buyer awarded {signals.awards_made} earlier RFQ"
                                           f"{'s' if signals.awards_made != 1 else ''}")
    if signals.earlier_rfqs_quoted:
        return Reason("buyer_quoted", 10, "Earlier RFQs of the buyer received quotes, none awarded yet")
    return Reason("first_rfq", 5, "The buyer's first RFQ here")


def _penalties(signals: LeadSignals) -> list[Reason]:
    found = []
    if signals.confirmed_fakes:
        found.append(Reason("confirmed_fakes", -40 * signals.confirmed_fakes,
                            f"{signals.confirmed_fakes} RFQ{'s' if signals.confirmed_fakes != 1 else ''} of the buyer "
                            "confirmed fake"))
    if signals.near_duplicate:
        found.append(Reason("near_duplicate", -25, "Nearly the same text as another buyer's open RFQ"))
    if signals.disposable_email:
        found.append(Reason("disposable_email", -30, "The buyer's e-mail address is at a disposable domain"))
    if signals.contact_details:
        found.append(Reason("contact_details", -15, "Its text holds contact details: "
                                                    + ", ".join(signals.contact_details)))
    return found


def score_lead(signals: LeadSignals) -> LeadQuality:
    """The score and every reason that moved it, in the table's order."""
    completeness = max(0, min(100, signals.completeness))
    reasons = [*_identity(signals),
               Reason("completeness", round(completeness * 0.4), f"The RFQ is {completeness}% complete"),
               _plausibility(signals), _history(signals), *_penalties(signals)]
    score = max(0, min(100, sum(reason.points for reason in reasons)))
    return LeadQuality(score, VERSION, tuple(reasons))
