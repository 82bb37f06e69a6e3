"""The contract every search engine keeps: the same documents and queries give the same answers."""

import pytest

from search.backend import SearchBackend
from search.errors import InvalidCursor
from search.normalise import segmented
from search.types import DocType, Filters, Range, SearchQuery, SearchResult, Sort
from tests.search.docs import listing

L = DocType.LISTINGS

CATALOGUE = [
    listing(1, "Sony Cyber-shot DSC-W120P digital camera", organization_id=1, hs_chapter="85", hs_heading="8525",
            hs_subheading="852589", origin_country="JP", supplier_country="JP", certifications=["CE", "RoHS"],
            verified=True, tier="gold", price_usd=120.0, moq=10.0, lead_time_days=5,
            description="Compact camera with 4x zoom <b>bold</b> & more"),
    listing(2, "Bluetooth headphones with noise cancelling", organization_id=2, hs_chapter="85",
            hs_heading="8518", hs_subheading="851830", origin_country="CN", certifications=["CE"], price_usd=25.0,
            moq=100.0, lead_time_days=20),
    listing(3, "Cotton t-shirts 180 gsm", organization_id=3, hs_chapter="61", hs_heading="6109",
            hs_subheading="610910", origin_country="BD", supplier_country="BD", certifications=["OEKO-TEX"],
            price_usd=2.5, moq=500.0, lead_time_days=30, keywords=["apparel"]),
    listing(4, "Organic green tea leaves", organization_id=3, hs_chapter="09", hs_heading="0902",
            origin_country="CN", verified=True, price_usd=None, moq=50.0, lead_time_days=None),
    listing(5, "Wireless bluetooth speaker", organization_id=2, hs_chapter="85", hs_heading="8518",
            origin_country="CN", price_usd=1500.0, moq=5.0, lead_time_days=10,
            description="Portable speaker for camera crews"),
]


@pytest.fixture
async def catalogue(backend: SearchBackend) -> SearchBackend:
    outcome = await backend.bulk_index(L, CATALOGUE)
    assert dict(outcome.failed) == {}
    return backend


async def search(backend: SearchBackend, text: str = "", **options: object) -> SearchResult:
    return await backend.search(SearchQuery(L, text, **options))  # type: ignore[arg-type]


def ids(result: SearchResult) -> list[int]:
    return [hit.id for hit in result.hits]


@pytest.mark.parametrize("written", ["DSC-W120P", "dscw120p", "dsc w120p", "Dsc-w120p"])
async def test_part_numbers_match_however_they_are_written(catalogue: SearchBackend, written: str) -> None:
    assert ids(await search(catalogue, written)) == [1]


async def test_a_typo_still_finds_the_product(catalogue: SearchBackend) -> None:
    assert ids(await search(catalogue, "bluetoth hedphones"))[0] == 2


async def test_stemming_and_accents_are_ignored(catalogue: SearchBackend) -> None:
    assert ids(await search(catalogue, "cameras"))[0] == 1
    assert ids(await search(catalogue, "Téa"))[0] == 4


async def test_a_title_match_outranks_a_description_match(catalogue: SearchBackend) -> None:
    assert ids(await search(catalogue, "camera")) == [1, 5]


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(terms={"hs_chapter": ("85",)}), {1, 2, 5}),
    (Filters(terms={"hs_heading": ("8518",)}), {2, 5}),
    (Filters(terms={"hs_subheading": ("610910",)}), {3}),
    (Filters(terms={"origin_country": ("JP", "BD")}), {1, 3}),
    (Filters(terms={"supplier_country": ("CN",)}), {2, 4, 5}),
    (Filters(terms={"certifications": ("CE",)}), {1, 2}),
    (Filters(terms={"verified": ("true",)}), {1, 4}),
    (Filters(terms={"tier": ("gold",)}), {1}),
    (Filters(ranges={"price_usd": Range(10, 200)}), {1, 2}),
    (Filters(ranges={"moq": Range(max=50)}), {1, 4, 5}),
    (Filters(ranges={"lead_time_days": Range(max=10)}), {1, 5}),
    (Filters(terms={"hs_chapter": ("85",), "certifications": ("CE",)}, ranges={"price_usd": Range(min=100)}), {1}),
])
async def test_each_filter_keeps_exactly_the_matching_documents(catalogue: SearchBackend, filters: Filters,
                                                                expected: set[int]) -> None:
    result = await search(catalogue, filters=filters)
    assert (set(ids(result)), result.total) == (expected, len(expected))


async def test_facets_count_the_matching_documents(catalogue: SearchBackend) -> None:
    result = await search(catalogue, "bluetooth camera")
    assert result.facet("hs_heading") == {"8518": 2, "8525": 1}
    assert result.facet("certifications") == {"CE": 2, "RoHS": 1}
    assert result.facet("verified") == {"false": 2, "true": 1}
    assert result.facet("price_usd") == {"*-10": 0, "10-100": 1, "100-1000": 1, "1000-*": 1}
    assert result.facet("lead_time_days") == {"*-7": 1, "7-30": 2, "30-*": 0}


async def test_facets_of_a_broad_query_count_the_best_matches_and_say_so(catalogue: SearchBackend) -> None:
    result = await search(catalogue, "bluetooth camera", facet_sample=2)
    assert (ids(result), result.total, result.facets_approximate) == ([5, 2, 1], 3, True)
    assert result.facet("hs_heading") == {"8518": 2}
    assert result.facet("price_usd") == {"*-10": 0, "10-100": 1, "100-1000": 0, "1000-*": 1}
    exact = await search(catalogue, "bluetooth camera", facet_sample=3)
    assert (exact.facets_approximate, exact.facet("hs_heading")) == (False, {"8518": 2, "8525": 1})


async def test_a_broad_query_counts_every_match_or_says_its_total_is_a_lower_bound(backend: SearchBackend) -> None:
    bolts = [listing(i, f"Steel hex bolt M{i}") for i in range(1, 26)]
    washers = [listing(i, "Brass bolt washer") for i in range(26, 31)]
    assert dict((await backend.bulk_index(L, bolts + washers)).failed) == {}
    result = await search(backend, "steel bolt", size=20)
    assert set(ids(result)) <= set(range(1, 26))
    # Exact: every document with either word; a lower bound: those with both (the washers share one common word).
    assert (result.total, result.total_exact) in {(30, True), (25, False)}


async def test_a_search_for_reranking_finds_the_same_page_with_a_lower_bound(catalogue: SearchBackend) -> None:
    counted = await search(catalogue, "bluetooth camera", size=2)
    uncounted = await search(catalogue, "bluetooth camera", size=2, for_reranking=True)
    assert ids(uncounted) == ids(counted) == [5, 2]
    assert (counted.total, counted.total_exact) == (3, True)
    assert len(uncounted.hits) <= uncounted.total <= 3
    assert uncounted.total == 3 or not uncounted.total_exact


async def test_given_documents_keep_the_scores_they_have_in_the_whole_search(catalogue: SearchBackend) -> None:
    """How sponsored results learn their relevance: the same query, only those documents, the same scores."""
    whole = {hit.id: hit.score for hit in (await search(catalogue, "bluetooth camera")).hits}
    chosen = await search(catalogue, "bluetooth camera", filters=Filters(ids=(1, 4, 5)))
    assert {hit.id for hit in chosen.hits} == {1, 5}  # 4 does not match the words
    assert all(hit.score == pytest.approx(whole[hit.id], rel=1e-6) for hit in chosen.hits)
    assert ids(await search(catalogue, filters=Filters(ids=(2, 3)))) == [3, 2]


async def test_facets_follow_the_filters(catalogue: SearchBackend) -> None:
    result = await search(catalogue, filters=Filters(terms={"origin_country": ("CN",)}))
    assert result.facet("hs_chapter") == {"85": 2, "09": 1}


@pytest.mark.parametrize(("sort", "expected"), [
    (Sort.PRICE_ASC, [3, 2, 1, 5, 4]),
    (Sort.PRICE_DESC, [5, 1, 2, 3, 4]),
    (Sort.NEWEST, [5, 4, 3, 2, 1]),
])
async def test_sorting(catalogue: SearchBackend, sort: Sort, expected: list[int]) -> None:
    assert ids(await search(catalogue, sort=sort)) == expected


async def test_pages_follow_each_other_without_gaps_or_repeats(catalogue: SearchBackend) -> None:
    for sort in (Sort.RELEVANCE, Sort.PRICE_ASC, Sort.NEWEST):
        text = "bluetooth camera tea cotton speaker" if sort == Sort.RELEVANCE else ""
        everything = ids(await search(catalogue, text, sort=sort, size=10))
        seen: list[int] = []
        cursor = None
        while True:
            page = await search(catalogue, text, sort=sort, size=2, cursor=cursor)
            seen += ids(page)
            cursor = page.next_cursor
            if cursor is None:
                break
        assert seen == everything and len(everything) == 5


async def test_deep_pagination_through_many_documents(backend: SearchBackend) -> None:
    await backend.bulk_index(L, [listing(n, f"Steel pipe model {n}", organization_id=n % 7 + 1)
                                 for n in range(1, 131)])
    seen: list[int] = []
    cursor = None
    for _ in range(30):
        page = await backend.search(SearchQuery(L, "steel pipe", size=9, cursor=cursor, facets=False))
        seen += ids(page)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(seen) == list(range(1, 131)) and len(seen) == 130


async def test_a_cursor_of_another_sort_is_refused(catalogue: SearchBackend) -> None:
    page = await search(catalogue, sort=Sort.NEWEST, size=2)
    with pytest.raises(InvalidCursor):
        await search(catalogue, sort=Sort.PRICE_ASC, cursor=page.next_cursor)
    with pytest.raises(InvalidCursor):
        await search(catalogue, cursor="not-a-cursor")


async def test_one_result_per_supplier(catalogue: SearchBackend) -> None:
    result = await search(catalogue, "bluetooth speaker tea cotton camera", one_per_supplier=True)
    organizations = [next(d["organization_id"] for d in CATALOGUE if d["id"] == hit) for hit in ids(result)]
    assert sorted(organizations) == [1, 2, 3] and result.total == 3
    first = await search(catalogue, one_per_supplier=True, size=2)
    second = await search(catalogue, one_per_supplier=True, size=2, cursor=first.next_cursor)
    assert ids(first) + ids(second) == [5, 4, 1] and second.next_cursor is None


async def test_several_searches_at_once_answer_as_each_alone(catalogue: SearchBackend) -> None:
    queries = [SearchQuery(L, "bluetooth"), SearchQuery(L, "camera", size=1), SearchQuery(L, "zzzz"),
               SearchQuery(L, "", filters=Filters(terms={"origin_country": ("CN",)}), facets=False)]
    together = await catalogue.search_many(queries)
    alone = [await catalogue.search(query) for query in queries]
    assert [(ids(result), result.total) for result in together] == [(ids(result), result.total) for result in alone]
    assert [sorted(ids(result)) for result in together][:3] == [[2, 5], [1], []]
    assert await catalogue.search_many([]) == []


async def test_chinese_is_found_by_any_words_inside_it(backend: SearchBackend) -> None:
    """Translated text comes segmented (search.normalise.segmented), and queries are segmented alike."""
    await backend.bulk_index(L, [
        listing(1, "Stainless steel hex bolts", translated_titles=[segmented("不锈钢六角螺栓")]),
        listing(2, "Brass ball valves", translated_titles=[segmented("黄铜球阀")],
                translated_descriptions=[segmented("全通径，适用于水和燃气。")]),  # noqa: RUF001
    ])
    assert ids(await search(backend, "螺栓")) == [1]
    assert ids(await search(backend, "不锈钢螺栓")) == [1]
    assert ids(await search(backend, "燃气 球阀")) == [2]
    assert ids(await search(backend, "铜")) == []  # one character: too short to pair, and no word of its own


async def test_suggestions_complete_the_last_word(catalogue: SearchBackend) -> None:
    assert await catalogue.suggest(L, "blue") == ["Wireless bluetooth speaker",
                                                 "Bluetooth headphones with noise cancelling"] or \
        sorted(await catalogue.suggest(L, "blue")) == ["Bluetooth headphones with noise cancelling",
                                                       "Wireless bluetooth speaker"]
    assert await catalogue.suggest(L, "organic gre") == ["Organic green tea leaves"]
    assert await catalogue.suggest(L, "zzzz") == []


async def test_highlights_mark_matches_in_escaped_text(catalogue: SearchBackend) -> None:
    [hit] = (await search(catalogue, "zoom")).hits
    assert "<mark>zoom</mark>" in hit.highlights["description"]
    assert "&lt;b&gt;bold&lt;" in hit.highlights["description"]
    assert "&amp; more" in hit.highlights["description"]
    assert "<b>" not in hit.highlights["description"]


async def test_tier_boost_reorders_near_ties_only(backend: SearchBackend) -> None:
    await backend.bulk_index(L, [
        listing(1, "Ceramic floor tiles", organization_id=1),
        listing(2, "Ceramic floor tiles", organization_id=2, rank_multiplier=1.05),
        listing(3, "Porcelain tiles", organization_id=3, rank_multiplier=1.05,
                description="Not ceramic, not for floors"),
    ])
    assert ids(await backend.search(SearchQuery(L, "ceramic floor tiles"))) == [2, 1, 3]


async def test_index_replaces_and_delete_removes(catalogue: SearchBackend) -> None:
    await catalogue.bulk_index(L, [listing(2, "Studio monitor headphones", organization_id=2)])
    assert await catalogue.count(L) == 5
    assert ids(await search(catalogue, "noise cancelling")) == []
    assert ids(await search(catalogue, "studio monitor")) == [2]
    await catalogue.bulk_delete(L, [2, 99])
    assert (await catalogue.count(L), await catalogue.ids(L)) == (4, {1, 3, 4, 5})


async def test_a_refused_document_does_not_block_the_others(backend: SearchBackend) -> None:
    outcome = await backend.bulk_index(L, [listing(1, "Good"), listing(2, "Bad", price_usd="cheap"),
                                           listing(3, "Fine")])
    assert list(outcome.failed) == [2]
    assert await backend.ids(L) == {1, 3}


async def test_fetch_returns_documents_as_indexed(catalogue: SearchBackend) -> None:
    stored = await catalogue.fetch(L, [3, 42])
    assert stored == {3: CATALOGUE[2]}


async def test_a_new_version_goes_live_at_once(catalogue: SearchBackend) -> None:
    version = await catalogue.create_version(L)
    await catalogue.bulk_index(L, [listing(7, "Bamboo cutting board")], version)
    assert await catalogue.ids(L) == {1, 2, 3, 4, 5}
    await catalogue.swap_alias(L, version)
    assert (await catalogue.ids(L), ids(await search(catalogue, "bamboo"))) == ({7}, [7])


async def test_health(backend: SearchBackend) -> None:
    assert (await backend.health()).ok
