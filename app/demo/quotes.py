"""Demo quotes: suppliers answering the demo buyers' open RFQs (QuoteCreate fields), so the comparison, award and
"Quotes sent" pages have something to show from the start. The RFQ is named by its title in app.demo.rfqs."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DemoQuote:
    supplier: str
    rfq_title: str
    fields: dict[str, Any]


T_SHIRTS = "Men's crew-neck cotton T-shirts, 180 GSM, private label"
COOKWARE = "Stainless steel cookware sets for a retail promotion"
CASHEWS = "Cashew kernels W320, two 20ft containers per quarter"
SOLAR = "Monocrystalline solar modules 540-550 W for a 2 MW rooftop project"

QUOTES = [
    DemoQuote("coromandel", T_SHIRTS, {
        "unit_price": "2.25", "currency": "USD", "quantity": "20000", "unit": "piece", "incoterm": "FOB",
        "lead_time_days": 45, "sample_offer": "free", "sample_days": 7,
        "message": "Combed ring-spun cotton, OEKO-TEX certified fabric mill, BSCI audit from March. Five colours from "
                   "stock yarn; private label and polybag included."}),
    DemoQuote("dhaka", T_SHIRTS, {
        "unit_price": "2.05", "currency": "USD", "quantity": "20000", "unit": "piece", "incoterm": "FOB",
        "lead_time_days": 60, "sample_offer": "paid", "sample_price": "35", "sample_days": 10,
        "message": "Carded cotton 180 GSM, BSCI audited factory. Price holds for the 1-2-3-3-1 size ratio."}),
    DemoQuote("anatolia", COOKWARE, {
        "unit_price": "36.50", "currency": "USD", "quantity": "3000", "unit": "set", "incoterm": "FOB",
        "lead_time_days": 40, "sample_offer": "free", "sample_days": 12,
        "message": "10-piece 18/10 stainless sets with encapsulated induction bases, colour gift box and UPC."}),
    DemoQuote("mekong", CASHEWS, {
        "unit_price": "6250", "currency": "EUR", "quantity": "30", "unit": "metric_ton", "incoterm": "CIF",
        "lead_time_days": 30, "sample_offer": "free", "sample_days": 14,
        "message": "W320 from the new crop, HACCP and BRCGS certified plant, aflatoxin tested before each shipment."}),
    DemoQuote("brightway", SOLAR, {
        "unit_price": "58.50", "currency": "USD", "quantity": "3700", "unit": "piece", "incoterm": "CIF",
        "lead_time_days": 25, "sample_offer": "paid", "sample_price": "120", "sample_days": 5,
        "message": "550 W half-cut PERC modules, IEC 61215 and IEC 61730, flash reports per pallet, two lots."}),
]
