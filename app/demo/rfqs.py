"""Demo RFQs: RfqCreate fields per buyer; `valid_for_days` becomes valid_until counted from the seeding day."""

from dataclasses import dataclass
from typing import Any

from app.models.enums import RfqStatus


@dataclass(frozen=True)
class DemoRfq:
    buyer: str
    status: RfqStatus
    valid_for_days: int
    fields: dict[str, Any]


OPEN, PENDING = RfqStatus.OPEN, RfqStatus.PENDING_REVIEW

RFQS = [
    DemoRfq("greatlakes", OPEN, 45, {
        "title": "Men's crew-neck cotton T-shirts, 180 GSM, private label", "hs_code": "610910",
        "description": "Five colours, sizes S-XXL in a 1-2-3-3-1 ratio, woven neck label and polybag per piece.",
        "quantity": "20000", "unit": "piece", "target_unit_price": "2.30", "currency": "USD", "incoterm": "FOB",
        "destination_country": "US", "destination_port": "Los Angeles",
        "required_certifications": ["OEKO-TEX Standard 100", "BSCI"],
    }),
    DemoRfq("greatlakes", OPEN, 30, {
        "title": "Stainless steel cookware sets for a retail promotion", "hs_code": "732393",
        "description": "8 to 10 piece induction-ready sets in colour gift boxes, UPC labels, 4 sets per carton.",
        "quantity": "3000", "unit": "set", "target_unit_price": "38.00", "currency": "USD", "incoterm": "FOB",
        "destination_country": "US", "destination_port": "Savannah",
    }),
    DemoRfq("hanse", OPEN, 60, {
        "title": "Cashew kernels W320, two 20ft containers per quarter", "hs_code": "080132",
        "description": "Regular supply for a German nut roaster; aflatoxin within EU limits, pre-shipment samples.",
        "quantity": "30", "unit": "metric_ton", "target_unit_price": "6300", "currency": "EUR", "incoterm": "CIF",
        "destination_country": "DE", "destination_port": "Hamburg", "required_certifications": ["HACCP", "BRCGS"],
    }),
    DemoRfq("hanse", PENDING, 40, {
        "title": "Deep groove ball bearings, 6200 series, mixed sizes", "hs_code": "848210",
        "description": "6200 to 6206, 2RS and ZZ, C3 clearance, branded or premium OEM quality.",
        "quantity": "50000", "unit": "piece", "target_unit_price": "0.85", "currency": "EUR", "incoterm": "DAP",
        "destination_country": "DE", "destination_port": "Hamburg", "required_certifications": ["ISO 9001"],
    }),
    DemoRfq("gulfgateway", OPEN, 21, {
        "title": "1121 sella basmati rice in 25 kg bags", "hs_code": "100630",
        "description": "Golden sella, average grain length 8.3 mm, Arabic-English printed bags, monthly shipments.",
        "quantity": "500", "unit": "metric_ton", "target_unit_price": "1050", "currency": "USD", "incoterm": "CFR",
        "destination_country": "AE", "destination_port": "Jebel Ali",
    }),
    DemoRfq("gulfgateway", OPEN, 35, {
        "title": "Monocrystalline solar modules 540-550 W for a 2 MW rooftop project", "hs_code": "854143",
        "description": "Tier-1 cells, 25-year power warranty, flash test reports, delivery in two lots.",
        "quantity": "3700", "unit": "piece", "target_unit_price": "60", "currency": "USD", "incoterm": "CIF",
        "destination_country": "AE", "destination_port": "Jebel Ali",
        "required_certifications": ["IEC 61215", "IEC 61730"],
    }),
    DemoRfq("quickdeal", PENDING, 7, {
        "title": "Phone cases all models cheap", "quantity": "100", "unit": "piece",
        "description": "Best price only. Catalogue to WhatsApp +852 5555 0199 or www.quickdeal-sourcing.example",
    }),
]
