# Search at scale (included from the Makefile): indexing docs/s against raw opensearch-py bulk, API vs raw search
# p50/p95, on the embedded engine and, when TRADELEADS_OPENSEARCH_URL is set, on OpenSearch. Figures, not tests.
#   make bench-search                          # 100,000 listings
#   make bench-search BENCH_SEARCH_LISTINGS=5000 BENCH_SEARCH_QUERIES=100
BENCH_SEARCH_LISTINGS ?= 100000
BENCH_SEARCH_QUERIES ?= 300
BENCH_SEARCH_SEED ?= 7
BENCH_SEARCH_ARGS = --listings $(BENCH_SEARCH_LISTINGS) --queries $(BENCH_SEARCH_QUERIES) --seed $(BENCH_SEARCH_SEED)

.PHONY: bench-search
bench-search:
	.venv/bin/python bench/search_bench.py $(BENCH_SEARCH_ARGS) --backend embedded
	@if [ -n "$$TRADELEADS_OPENSEARCH_URL" ]; then \
	  .venv/bin/python bench/search_bench.py $(BENCH_SEARCH_ARGS) --backend opensearch; \
	else echo "bench-search: set TRADELEADS_OPENSEARCH_URL (make opensearch) to also measure OpenSearch"; fi
