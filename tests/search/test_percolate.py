"""Saved searches kept by the engine (percolation): a listing matches a saved search exactly when that search
finds it, on both engines."""

import pytest

from search.backend import SearchBackend
from search.types import DocType, Filters, Range, SearchQuery
from tests.search.docs import listing
from tests.search.test_contract import CATALOGUE

L = DocType.LISTINGS
SAVED = {
    1: SearchQuery(L, "bluetooth"),
    2: SearchQuery(L, "dscw120p"),
    3: SearchQuery(L, "", Filters(terms={"hs_chapter": ("85",)}, ranges={"price_usd": Range(max=200.0)})),
    4: SearchQuery(L, "speaker", Filters(terms={"origin_country": ("CN",)})),
    5: SearchQuery(L, "blutooth headphone"),
    6: SearchQuery(L, "tractor"),
}


@pytest.fixture
async def saved(backend: SearchBackend) -> SearchBackend:
    assert dict((await backend.bulk_index(L, CATALOGUE)).failed) == {}
    for search_id, query in SAVED.items():
        await backend.store_saved_search(search_id, query)
    return backend


async def test_a_listing_matches_the_saved_searches_that_find_it(saved: SearchBackend) -> None:
    matched = {document["id"]: await saved.matching_saved_searches(document) for document in CATALOGUE}

    assert matched == {1: {2, 3}, 2: {1, 3, 5}, 3: set(), 4: set(), 5: {1, 4, 5}}
    for search_id, query in SAVED.items():
        found = {hit.id for hit in (await saved.search(query)).hits}
        assert found == {doc_id for doc_id, ids in matched.items() if search_id in ids}, search_id


async def test_a_new_listing_matches_as_the_search_finds_it_once_indexed(saved: SearchBackend) -> None:
    """Typo tolerance included: each engine percolates with its own corrections (the embedded one consults the
    words of the live index, so a known word is never 'corrected' into another)."""
    await saved.store_saved_search(7, SearchQuery(L, "speakers"))
    sneaker = listing(9, "Wireless bluetooth sneaker")
    await saved.bulk_index(L, [sneaker])

    matched = await saved.matching_saved_searches(sneaker)

    found = {search_id for search_id, query in {**SAVED, 7: SearchQuery(L, "speakers")}.items()
             if 9 in {hit.id for hit in (await saved.search(query)).hits}}
    assert {1, 5} <= matched == found


async def test_storing_again_replaces_and_forgetting_removes(saved: SearchBackend) -> None:
    tractor = listing(11, "Compact tractor 25 hp", hs_chapter="87", price_usd=9000.0)
    assert await saved.matching_saved_searches(tractor) == {6}

    await saved.store_saved_search(6, SearchQuery(L, "harvester"))
    await saved.store_saved_search(1, SearchQuery(L, "tractor"))
    await saved.forget_saved_search(2)
    await saved.forget_saved_search(404)

    assert await saved.matching_saved_searches(tractor) == {1}
    assert await saved.matching_saved_searches(CATALOGUE[0]) == {3}


async def test_only_listing_searches_can_be_saved(backend: SearchBackend) -> None:
    with pytest.raises(ValueError, match="only listings searches can be saved"):
        await backend.store_saved_search(1, SearchQuery(DocType.RFQS, "coffee"))
