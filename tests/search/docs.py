"""Plain builders of search documents for the contract suite (the engine sees nothing else)."""

from typing import Any

from search.types import Document


def listing(doc_id: int, title: str, organization_id: int = 1, **fields: Any) -> Document:
    document: Document = {
        "id": doc_id, "organization_id": organization_id, "rank_multiplier": 1.0, "title": title,
        "keywords": [], "specs": "", "description": "", "hs_description": "",
        "supplier_name": f"Supplier {organization_id}", "translated_titles": [], "translated_descriptions": [],
        "hs_chapter": None, "hs_heading": None, "hs_subheading": None, "origin_country": None,
        "supplier_country": "CN", "certifications": [], "tier": None, "verified": False, "price_usd": None,
        "moq": 1.0, "lead_time_days": None, "published": 1_700_000_000 + doc_id,
    }
    document.update(fields)
    return document
