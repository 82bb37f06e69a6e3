"""The lead-quality points table (trust.lead_quality): each signal moves the score by what the table says, the
reasons say why, and the score stays within 0-100."""

from dataclasses import replace
from decimal import Decimal

from trust.lead_quality import VERSION, LeadSignals, score_lead

REAL = LeadSignals(email_confirmed=True, account_age_days=400, organization_verified=True, completeness=100,
                   target_price_usd=Decimal("2.30"), heading_median_price_usd=Decimal("2.80"), awards_made=3,
                   earlier_rfqs_quoted=5, confirmed_fakes=0, near_duplicate=False, disposable_email=False,
                   contact_details=())
NEWCOMER = LeadSignals(email_confirmed=False, account_age_days=0, organization_verified=False, completeness=35,
                       target_price_usd=None, heading_median_price_usd=None, awards_made=0, earlier_rfqs_quoted=0,
                       confirmed_fakes=0, near_duplicate=False, disposable_email=False, contact_details=())


def _points(signals: LeadSignals) -> dict[str, int]:
    return {reason.code: reason.points for reason in score_lead(signals).reasons}


def test_a_complete_lead_from_an_established_verified_buyer_scores_100() -> None:
    quality = score_lead(REAL)
    assert (quality.score, quality.version) == (100, VERSION)
    assert _points(REAL) == {"email_confirmed": 10, "account_age": 10, "organization_verified": 10,
                             "completeness": 40, "price_plausible": 10, "buyer_awarded": 20}


def test_a_newcomers_first_sketchy_rfq_scores_low_and_says_why() -> None:
    quality = score_lead(NEWCOMER)
    assert quality.score == 0 + 0 + 0 + 14 + 5 + 5
    assert [reason.text for reason in quality.reasons] == [
        "The buyer has not confirmed their e-mail address", "The buyer's account is 0 days old",
        "The buyer's organisation is not verified", "The RFQ is 35% complete",
        "No target price, or no listing in its HS heading to compare it with",
        "The buyer's first RFQ here"]


def test_the_account_age_steps_at_7_and_30_days() -> None:
    assert [_points(replace(NEWCOMER, account_age_days=days))["account_age"] for days in (6, 7, 29, 30)] == [
        0, 5, 5, 10]


def test_a_target_price_far_from_the_headings_listings_earns_nothing() -> None:
    median = Decimal("100")
    for price, code in ((Decimal("9.99"), "price_implausible"), (Decimal("10"), "price_plausible"),
                        (Decimal("1000"), "price_plausible"), (Decimal("1000.01"), "price_implausible")):
        signals = replace(REAL, target_price_usd=price, heading_median_price_usd=median)
        assert code in _points(signals), price
    assert score_lead(replace(REAL, target_price_usd=Decimal("0.01"))).score == 90


def test_penalties_subtract_and_the_score_never_goes_below_zero() -> None:
    faked = replace(REAL, confirmed_fakes=1, near_duplicate=True)
    assert score_lead(faked).score == 100 - 40 - 25
    assert _points(replace(REAL, contact_details=("e-mail address", "phone number")))["contact_details"] == -15
    assert "Its text holds contact details: e-mail address, phone number" in [
        reason.text for reason in score_lead(replace(REAL, contact_details=("e-mail address", "phone number"))).reasons]
    worst = replace(NEWCOMER, confirmed_fakes=3, near_duplicate=True, disposable_email=True, contact_details=("x",))
    assert score_lead(worst).score == 0


def test_history_counts_awards_above_quotes_above_a_first_rfq() -> None:
    assert _points(replace(NEWCOMER, awards_made=1))["buyer_awarded"] == 20
    assert _points(replace(NEWCOMER, earlier_rfqs_quoted=2))["buyer_quoted"] == 10
    assert _points(NEWCOMER)["first_rfq"] == 5
