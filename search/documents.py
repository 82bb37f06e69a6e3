"""Search documents built from SQL rows: listings, open RFQs and supplier organisations.

Each builder returns, per requested id, the document to index or None when the row must not be searchable
(drafts, pending, rejected, archived, deleted, non-open RFQs, buyer-only organisations, and everything of a suspended
organisation: its supplier document, listings and RFQs)."""

from collections import defaultdict
from collections.abc import Callable, Collection
from datetime import UTC, date, datetime, time
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.core.currency import to_usd
from app.core.text import excerpt
from app.models import HsCode, Listing, Organization, Rfq
from app.models.enums import ListingStatus, OrganizationRole, RfqStatus
from membership.ranking import tier_boosts
from promotion.showcase import listing_boost, showcased_of
from search.normalise import has_unspaced_script, segmented
from search.ranking import rank_multiplier
from search.types import DocType, Document
from trust.verification import verified_today

MAX_SUPPLIER_PRODUCTS = 50
SELLER_ROLES = (OrganizationRole.SUPPLIER, OrganizationRole.BOTH)
Built = dict[int, Document | None]


def epoch(moment: datetime | date | None) -> int | None:
    if moment is None:
        return None
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time(), tzinfo=UTC)
    return int(moment.timestamp())


def hs_fields(code: str | None) -> dict[str, str | None]:
    return {"hs_chapter": code[:2] if code else None, "hs_heading": code[:4] if code else None,
            "hs_subheading": code if code and len(code) == 6 else None}


def _hs_description(own: str | None, parent: str | None) -> str:
    return "; ".join(part for part in (parent, own) if part)


def _supplier_fields(organization: Organization, boost: float) -> dict[str, Any]:
    return {"organization_id": organization.id, "rank_multiplier": rank_multiplier(boost),
            "verified": verified_today(organization.verified_until), "tier": None}


def translated_texts(listing: Listing) -> dict[str, list[str]]:
    """The title and description in every further language the supplier gave, and the original's too when written
    in a script without spaces (Chinese), segmented for both engines (search.normalise.segmented)."""
    texts = [(text["title"], text.get("description", "")) for text in listing.translations.values()]
    if has_unspaced_script(listing.title + listing.description):
        texts.insert(0, (listing.title, listing.description))
    return {"translated_titles": [segmented(title) for title, _ in texts],
            "translated_descriptions": [segmented(description) for _, description in texts if description]}


def listing_document(listing: Listing, organization: Organization, hs_description: str, boost: float) -> Document:
    return {
        "id": listing.id, **_supplier_fields(organization, boost),
        "title": listing.title, "keywords": list(listing.keywords),
        "specs": "\n".join(f"{key}: {value}" for key, value in listing.specs.items()),
        "description": listing.description, "hs_description": hs_description, "supplier_name": organization.name,
        **translated_texts(listing),
        **hs_fields(listing.hs_code), "origin_country": listing.country_of_origin,
        "supplier_country": organization.country, "certifications": list(listing.certifications),
        "price_usd": to_usd(listing.price_min if listing.price_min is not None else listing.price_max,
                            listing.currency),
        "moq": float(listing.moq), "lead_time_days": listing.lead_time_days,
        "published": epoch(listing.published_at),
    }


BUYER_NOT_INDEXED = 0


def rfq_document(rfq: Rfq, organization: Organization, hs_description: str, boost: float) -> Document:
    """What an anonymous searcher may know of an open RFQ, and no more: never who the buyer is (no name, contact or
    organisation id: `organization_id` is BUYER_NOT_INDEXED), only the buyer's country, and the description's excerpt
    (the whole request is for suppliers who open it). Who may see the buyer and the whole request is decided when a
    supplier opens the RFQ (app.rfqs.contact)."""
    return {
        "id": rfq.id, "organization_id": BUYER_NOT_INDEXED, "rank_multiplier": rank_multiplier(boost),
        "title": rfq.title, "description": excerpt(rfq.description), "hs_description": hs_description,
        **hs_fields(rfq.hs_code), "destination_country": rfq.destination_country,
        "buyer_country": organization.country, "required_certifications": list(rfq.required_certifications),
        "unit": rfq.unit.value, "quantity": float(rfq.quantity),
        "target_price_usd": to_usd(rfq.target_unit_price, rfq.currency),
        "opened": epoch(rfq.opened_at), "valid_until": epoch(rfq.valid_until),
    }


def supplier_document(organization: Organization, products: list[tuple[str, list[str], str | None]],
                      boost: float) -> Document:
    titles = [title for title, _, _ in products[:MAX_SUPPLIER_PRODUCTS]]
    keywords = dict.fromkeys(k for _, words, _ in products[:MAX_SUPPLIER_PRODUCTS] for k in words)
    chapters = sorted({code[:2] for _, _, code in products if code})
    return {
        "id": organization.id, **_supplier_fields(organization, boost), "name": organization.name,
        "products": [*titles, *keywords], "description": organization.description or "",
        "country": organization.country,
        "business_type": organization.business_type.value if organization.business_type else None,
        "certifications": list(organization.certifications), "export_markets": list(organization.export_markets),
        "hs_chapters": chapters, "published_listings": len(products), "created": epoch(organization.created_at),
    }


async def _hs_descriptions(session: AsyncSession, codes: Collection[str | None]) -> dict[str, str]:
    wanted = {code for code in codes if code}
    if not wanted:
        return {}
    parent = aliased(HsCode)
    rows = await session.execute(
        select(HsCode.code, HsCode.description, parent.description)
        .outerjoin(parent, parent.code == HsCode.parent_code).where(HsCode.code.in_(wanted)))
    return {code: _hs_description(own, parent_text) for code, own, parent_text in rows}


Posted = TypeVar("Posted", Listing, Rfq)


async def _posted_documents(session: AsyncSession, model: type[Posted], ids: Collection[int], searchable: str,
                            to_document: Callable[[Posted, Organization, str, float], Document]) -> Built:
    """Listings or RFQs with their organisation, HS description and tier boost; None for those not searchable."""
    rows = (await session.execute(select(model, Organization).join(model.organization)
                                  .where(model.id.in_(ids)))).all()
    hs = await _hs_descriptions(session, [posted.hs_code for posted, _ in rows])
    organization_ids = {organization.id for _, organization in rows}
    boosts = await tier_boosts(session, organization_ids)
    shown = await showcased_of(session, organization_ids) if model is Listing else set()
    built: Built = dict.fromkeys(ids)
    for posted, organization in rows:
        if posted.status == searchable and organization.suspended_at is None:
            boost = listing_boost(boosts.get(organization.id, 0.0), posted.id in shown)
            built[posted.id] = to_document(posted, organization, hs.get(posted.hs_code or "", ""), boost)
    return built


async def listing_documents(session: AsyncSession, ids: Collection[int]) -> Built:
    return await _posted_documents(session, Listing, ids, ListingStatus.PUBLISHED, listing_document)


async def rfq_documents(session: AsyncSession, ids: Collection[int]) -> Built:
    return await _posted_documents(session, Rfq, ids, RfqStatus.OPEN, rfq_document)


async def supplier_documents(session: AsyncSession, ids: Collection[int]) -> Built:
    organizations = (await session.scalars(select(Organization).where(
        Organization.id.in_(ids), Organization.role.in_(SELLER_ROLES), Organization.suspended_at.is_(None)))).all()
    products: dict[int, list[tuple[str, list[str], str | None]]] = defaultdict(list)
    rows = await session.execute(
        select(Listing.organization_id, Listing.title, Listing.keywords, Listing.hs_code)
        .where(Listing.organization_id.in_([o.id for o in organizations]), Listing.status == ListingStatus.PUBLISHED)
        .order_by(Listing.organization_id, Listing.published_at.desc(), Listing.id.desc()))
    for organization_id, title, keywords, hs_code in rows:
        products[organization_id].append((title, list(keywords), hs_code))
    boosts = await tier_boosts(session, [o.id for o in organizations])
    built: Built = dict.fromkeys(ids)
    for organization in organizations:
        built[organization.id] = supplier_document(organization, products[organization.id],
                                                   boosts.get(organization.id, 0.0))
    return built


BUILDERS = {DocType.LISTINGS: listing_documents, DocType.RFQS: rfq_documents, DocType.SUPPLIERS: supplier_documents}


async def build(session: AsyncSession, doc_type: DocType, ids: Collection[int]) -> Built:
    return await BUILDERS[doc_type](session, ids)


def searchable_ids_query(doc_type: DocType) -> Any:
    """The ids that belong in the index, in id order (reindex and `search check`)."""
    active = Organization.suspended_at.is_(None)
    if doc_type == DocType.LISTINGS:
        return (select(Listing.id).join(Listing.organization)
                .where(Listing.status == ListingStatus.PUBLISHED, active).order_by(Listing.id))
    if doc_type == DocType.RFQS:
        return select(Rfq.id).join(Rfq.organization).where(Rfq.status == RfqStatus.OPEN, active).order_by(Rfq.id)
    return select(Organization.id).where(Organization.role.in_(SELLER_ROLES), active).order_by(Organization.id)


def status_counts_query(doc_type: DocType) -> Any:
    """Rows per status (or role, for suppliers), to show what the index should hold."""
    column: Any = {DocType.LISTINGS: Listing.status, DocType.RFQS: Rfq.status,
                   DocType.SUPPLIERS: Organization.role}[doc_type]
    return select(column, func.count()).group_by(column)
