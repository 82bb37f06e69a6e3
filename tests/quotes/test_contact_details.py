"""The rule that holds a quote for review: which messages have contact details, and which only look like it."""

import pytest

from app.core.contact_details import contact_details_in


@pytest.mark.parametrize(("message", "kinds"), [
    ("Write to sales@acme-trading.cn for the catalogue", ["e-mail address"]),
    ("Call +86 138-0013-8000 any time", ["phone number"]),
    ("Office (021) 555 1234", ["phone number"]),
    ("tel 0049 30 1234567", ["phone number"]),
    ("Specs on https://acme.example/pdf", ["web address"]),
    ("see www.acme.com/coffee", ["web address"]),
    ("catalogue at acme-trading.com", ["web address"]),
    ("WhatsApp: acmesales", ["messenger id"]),
    ("add me on WeChat id acme_sales", ["messenger id"]),
    ("Skype: live:john.smith", ["messenger id"]),
    ("Telegram @acme2024", ["messenger id"]),
    ("WhatsApp +86 138 0013 8000 or jo@acme.io", ["e-mail address", "messenger id", "phone number"]),
])
def test_contact_details_are_found(message: str, kinds: list[str]) -> None:
    assert contact_details_in(message) == kinds


@pytest.mark.parametrize("message", [
    "5000 pcs at 12.50",
    "Washed arabica, screen 17. 20 tons at 3150.50 EUR per ton",
    "Shipment 2026-12-31, offer valid until 2027-01-15",
    "MOQ 1 000 000 pcs, total 1,250,000.00 USD",
    "HS code 0901.11, lead time 30 45 days",
    "We use WhatsApp with our other customers",
    "We chat with buyers through this platform only",
    "Node.js based tracking, version 1.2.3",
    "",
])
def test_prices_quantities_dates_and_plain_words_are_not_contact_details(message: str) -> None:
    assert contact_details_in(message) == []
