"""Similar listings under a listing's page: other published products the search engine finds for its title and
keywords, best first, in its HS chapter when it has a code (a charger's "PD" finds no tea)."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Listing, Organization
from search.backend import SearchBackend
from search.errors import SearchUnavailable
from search.loader import load_listings
from search.types import DocType, Filters, SearchQuery

SIMILAR_SHOWN = 4
MAX_QUERY_CHARS = 500


async def similar_listings(session: AsyncSession, backend: SearchBackend,
                           listing: Listing) -> list[tuple[Listing, Organization]]:
    """Up to SIMILAR_SHOWN; none while the search engine cannot be reached (the page shows without them)."""
    text = "\n".join([listing.title, *listing.keywords])[:MAX_QUERY_CHARS]
    same_chapter = Filters(terms={"hs_chapter": (listing.hs_code[:2],)}) if listing.hs_code else Filters()
    query = SearchQuery(DocType.LISTINGS, text, same_chapter, size=SIMILAR_SHOWN + 1, facets=False, highlight=False,
                        for_reranking=True)
    try:
        hits = (await backend.search(query)).hits
    except SearchUnavailable:
        return []
    ids = [hit.id for hit in hits if hit.id != listing.id][:SIMILAR_SHOWN]
    return await load_listings(session, ids)
