"""Demo organizations: each has one owner whose account fields follow RegisterInput (the password is shared)."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DemoOrganization:
    key: str
    account: dict[str, Any]


SUPPLIERS = [
    DemoOrganization("brightway", {
        "email": "brightway@example.com", "name": "Chen Wei", "organization_role": "supplier",
        "organization_name": "Shenzhen Brightway Electronics Co., Ltd.", "country": "CN", "city": "Shenzhen",
        "business_type": "manufacturer", "year_established": 2009, "employee_range": "201-500",
        "export_markets": ["US", "DE", "GB", "AE", "BR"], "certifications": ["ISO 9001", "BSCI"],
        "website": "https://brightway-electronics.example.com",
        "description": "OEM/ODM maker of LED lighting, chargers, audio and solar products; 12 SMT lines in Bao'an.",
    }),
    DemoOrganization("mekong", {
        "email": "mekong@example.com", "name": "Nguyen Thi Lan", "organization_role": "supplier",
        "organization_name": "Mekong Harvest Export JSC", "country": "VN", "city": "Ho Chi Minh City",
        "business_type": "trading_company", "year_established": 2012, "employee_range": "51-200",
        "export_markets": ["DE", "NL", "US", "AE", "JP"], "certifications": ["HACCP", "BRCGS"],
        "description": "Exporter of cashew kernels, robusta coffee, pepper, rice and seafood from the Mekong delta.",
    }),
    DemoOrganization("coromandel", {
        "email": "coromandel@example.com", "name": "Priya Raman", "organization_role": "supplier",
        "organization_name": "Coromandel Textiles Pvt. Ltd.", "country": "IN", "city": "Tiruppur",
        "business_type": "manufacturer", "year_established": 1998, "employee_range": "501-1000",
        "export_markets": ["US", "GB", "DE", "AE"], "certifications": ["GOTS", "OEKO-TEX Standard 100"],
        "description": "Vertically integrated spinning, weaving and home-textile unit; also trades rice and spices.",
    }),
    DemoOrganization("anatolia", {
        "email": "anatolia@example.com", "name": "Mehmet Yilmaz", "organization_role": "supplier",
        "organization_name": "Anatolia Kitchen & Food A.S.", "country": "TR", "city": "Izmir",
        "business_type": "manufacturer", "year_established": 2004, "employee_range": "201-500",
        "export_markets": ["DE", "FR", "US", "SA", "AE"], "certifications": ["ISO 9001", "IFS Food"],
        "description": "Stainless cookware and porcelain plant with an Aegean dried fruit, nut and olive oil line.",
    }),
    DemoOrganization("rheinwerk", {
        "email": "rheinwerk@example.com", "name": "Katrin Vogel", "organization_role": "supplier",
        "organization_name": "Rheinwerk Antriebstechnik GmbH", "country": "DE", "city": "Stuttgart",
        "business_type": "manufacturer", "year_established": 1976, "employee_range": "201-500",
        "export_markets": ["AT", "CH", "PL", "US", "AE", "CN"], "certifications": ["ISO 9001", "ISO 14001"],
        "website": "https://rheinwerk.example.com",
        "description": "Pumps, valves, bearings and gearboxes for process industry and water treatment.",
    }),
    DemoOrganization("jalisco", {
        "email": "jalisco@example.com", "name": "Alejandro Ramirez", "organization_role": "supplier",
        "organization_name": "Agroindustrias Jalisco S.A. de C.V.", "country": "MX", "city": "Guadalajara",
        "business_type": "manufacturer", "year_established": 2001, "employee_range": "51-200",
        "export_markets": ["US", "CA", "JP", "ES"], "certifications": ["GLOBALG.A.P.", "SENASICA"],
        "description": "Grower-packer of avocados, limes and tomatoes; tequila, honey and brake components.",
    }),
    DemoOrganization("dhaka", {
        "email": "dhaka@example.com", "name": "Rahim Uddin", "organization_role": "supplier",
        "organization_name": "Dhaka Apparel Works Ltd.", "country": "BD", "city": "Gazipur",
        "business_type": "manufacturer", "year_established": 2007, "employee_range": "1001+",
        "export_markets": ["US", "DE", "GB", "ES", "CA"], "certifications": ["BSCI", "WRAP", "OEKO-TEX Standard 100"],
        "description": "Knit and woven garment factory with 40 sewing lines, in-house washing and jute sacks.",
    }),
]

BUYERS = [
    DemoOrganization("greatlakes", {
        "email": "greatlakes@example.com", "name": "Sarah Miller", "organization_role": "buyer",
        "organization_name": "Great Lakes Home Goods Inc.", "country": "US", "city": "Chicago",
        "business_type": "wholesaler", "year_established": 1994, "employee_range": "51-200",
        "description": "Wholesaler of apparel basics and kitchenware to Midwest retail chains.",
    }),
    DemoOrganization("hanse", {
        "email": "hanse@example.com", "name": "Jan Petersen", "organization_role": "buyer",
        "organization_name": "Hanse Handelskontor GmbH", "country": "DE", "city": "Hamburg",
        "business_type": "distributor", "year_established": 1988, "employee_range": "11-50",
        "description": "Importer of nuts, dried fruit and industrial components for German distributors.",
    }),
    DemoOrganization("gulfgateway", {
        "email": "gulfgateway@example.com", "name": "Omar Al Farsi", "organization_role": "buyer",
        "organization_name": "Gulf Gateway Trading LLC", "country": "AE", "city": "Dubai",
        "business_type": "trading_company", "year_established": 2010, "employee_range": "11-50",
        "description": "Re-exporter of foodstuffs and solar equipment to the GCC and East Africa.",
    }),
    # A throwaway address and a thin request: the low end of lead quality, held for moderation.
    DemoOrganization("quickdeal", {
        "email": "quickdeal@yopmail.com", "name": "Alex Wong", "organization_role": "buyer",
        "organization_name": "Quick Deal Sourcing", "country": "HK", "city": "Hong Kong",
    }),
]

ADMIN = DemoOrganization("admin", {
    "email": "admin@example.com", "name": "Platform Admin", "organization_role": "buyer",
    "organization_name": "Tradeleads Operations", "country": "NL", "city": "Rotterdam",
})
