"""Each matching factor's value and the line a buyer reads, for the cases that decide it."""

from dataclasses import replace
from datetime import date

import pytest

from matching import factors
from matching.factors import Pair
from matching.views import ListingView, RfqView, SupplierView, text_codes

TODAY = date(2026, 3, 1)
RFQ = RfqView(id=1, organization_id=1, title="Digital camera DSC-W120P",
              text="Digital camera DSC-W120P\nbrand: Sony, 12 megapixels", hs_code="852589", quantity=2000,
              unit="piece", target_price_usd=100.0, valid_until=date(2026, 3, 31), destination="DE",
              certifications=("CE", "RoHS"), required=frozenset())
LISTING = ListingView(id=7, organization_id=3, title="Sony Cyber-shot DSC-W120P", brand="Sony", model="DSC-W120P",
                      hs_code="852589", price_min_usd=96.0, price_max_usd=96.0, moq=500, moq_unit="piece",
                      lead_time_days=20, certifications=("CE",), codes=text_codes("Sony Cyber-shot DSC-W120P"))
SUPPLIER = SupplierView(id=3, export_markets=frozenset({"DE", "FR"}), certifications=("RoHS",), verified=True,
                        response_rate=0.8, response_hours=6.0)


def pair(rfq: RfqView = RFQ, listing: ListingView = LISTING, supplier: SupplierView = SUPPLIER) -> Pair:
    return Pair(rfq, listing, supplier, 0.75, TODAY)


def test_text_relevance_names_the_buyers_words_the_listing_uses() -> None:
    listing = replace(LISTING, product_words=frozenset({"sony", "cyber", "shot", "dscw120p", "camera", "digital",
                                                       "dsc", "w120p"}))
    assert factors.text(pair(listing=listing)).text == "Its listing uses your words: camera, digital, dsc, w120p"
    listing = replace(LISTING, product_words=frozenset({"sony", "cyber", "shot", "dscw120p", "camera"}))
    found = factors.text(pair(listing=listing))
    assert (found.value, found.found) == (0.75, True)
    assert found.text == "Its listing uses your words camera; it does not say digital, dsc, w120p"
    unrelated = factors.text(pair(listing=replace(LISTING, product_words=frozenset({"honey"}))))
    assert (unrelated.text, unrelated.found) == ("Its listing shares few of your words", False)


@pytest.mark.parametrize(("listing", "value", "line"), [
    (LISTING, 1.0, "Same model as you asked: DSC-W120P"),
    (replace(LISTING, model=None, codes=text_codes("dscw120p")), 0.7, "Same part number: DSCW120P"),
    (replace(LISTING, model="HX-300", codes=frozenset({"hx300"})), 0.0,
     "No model or part number in common with your request"),
])
def test_model_agreement_after_normalisation(listing: ListingView, value: float, line: str) -> None:
    found = factors.model(pair(listing=listing))
    assert (found.value, found.text) == (value, line)


@pytest.mark.parametrize(("brand", "value", "line"), [
    ("Sony", 1.0, "Brand Sony, as in your request"), ("Canon", 0.0, "Brand Canon, not one your request names"),
    (None, 0.0, "Its listing names no brand"),
])
def test_brand_agreement(brand: str | None, value: float, line: str) -> None:
    found = factors.brand(pair(listing=replace(LISTING, brand=brand)))
    assert (found.value, found.text) == (value, line)


@pytest.mark.parametrize(("code", "value", "line"), [
    ("852589", 1.0, "Same HS code 8525.89"), ("852581", 0.6, "Same HS heading 8525"),
    ("851713", 0.3, "Only the HS chapter 85 is the same"),
    ("610910", 0.0, "Another HS code: 6109.10, you gave 8525.89"),
    (None, 0.0, "Its listing gives no HS code"),
])
def test_hs_proximity(code: str | None, value: float, line: str) -> None:
    found = factors.hs(pair(listing=replace(LISTING, hs_code=code)))
    assert (found.value, found.text) == (value, line)


@pytest.mark.parametrize(("low", "high", "line", "fails"), [
    (96.0, 96.0, "Price 4% under your target", False),
    (90.0, 110.0, "Its price range includes your target price", False),
    (112.0, 130.0, "Price 12% over your target", True),
])
def test_price_fit_against_the_target_in_usd(low: float, high: float, line: str, fails: bool) -> None:
    found = factors.price(pair(listing=replace(LISTING, price_min_usd=low, price_max_usd=high)))
    assert (found.text, found.fails) == (line, fails)


def test_price_without_a_target() -> None:
    assert factors.price(pair(rfq=replace(RFQ, target_price_usd=None))).text == "You gave no target price"


@pytest.mark.parametrize(("moq", "unit", "line", "fails"), [
    (500, "piece", "Minimum order 500 pcs, within your 2,000 pcs", False),
    (5000, "piece", "Minimum order 5,000 pcs, more than your 2,000 pcs", True),
    (1, "kg", "Minimum order in kg, your request in pcs", True),
])
def test_moq_fit_in_the_same_unit(moq: float, unit: str, line: str, fails: bool) -> None:
    found = factors.moq(pair(listing=replace(LISTING, moq=moq, moq_unit=unit)))
    assert (found.text, found.fails) == (line, fails)


@pytest.mark.parametrize(("days", "line", "fails"), [
    (20, "Lead time 20 days, within the 30 days left until your RFQ's date", False),
    (45, "Lead time 45 days, longer than the 30 days left until your RFQ's date", True),
    (None, "Its listing gives no lead time", True),
])
def test_lead_time_against_the_rfq_date(days: int | None, line: str, fails: bool) -> None:
    found = factors.lead_time(pair(listing=replace(LISTING, lead_time_days=days)))
    assert (found.text, found.fails) == (line, fails)


def test_certifications_of_listing_and_supplier_count_together() -> None:
    assert factors.certifications(pair()).text == "Holds the certifications you require: CE, RoHS"
    missing = factors.certifications(pair(supplier=replace(SUPPLIER, certifications=())))
    assert (missing.value, missing.text, missing.fails) == (0.5, "Missing the certification you require: RoHS", True)


@pytest.mark.parametrize(("markets", "line", "fails"), [
    (frozenset({"DE"}), "Exports to DE", False), (frozenset({"US"}), "DE is not among its export markets", True),
    (frozenset(), "Lists no export markets", True),
])
def test_destination_served(markets: frozenset[str], line: str, fails: bool) -> None:
    found = factors.destination(pair(supplier=replace(SUPPLIER, export_markets=markets)))
    assert (found.text, found.fails) == (line, fails)


def test_trust_from_verification_and_responses() -> None:
    found = factors.trust(pair())
    assert found.text == "Verified supplier, quotes on 80% of leads, median reply 6 h"
    assert found.value == pytest.approx(0.5 + 0.3 * 0.8 + 0.2)
    assert factors.trust(pair(supplier=SupplierView(3, frozenset(), (), False))).text == "Not verified"
