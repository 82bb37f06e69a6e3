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

# Mixed HTTP load (pages, search, logins, a few writes) at several client counts, on each setup bench/load_setup.py
# builds: embedded (SQLite + embedded search, one process) and production (PostgreSQL + OpenSearch, 2 uvicorn workers
# + `tradeleads worker`). Prints req/s, p50/p95/p99, errors; never pass/fail. BENCH_LOAD_URL loads a running server.
#   make bench-load BENCH_SECONDS=10 BENCH_LOAD_LEVELS=1,50 BENCH_SETUPS=embedded
BENCH_SECONDS ?= 60
BENCH_LOAD_LEVELS ?= 1,50,200
BENCH_SETUPS ?= embedded,production
BENCH_LOAD_URL ?=

.PHONY: bench-load
bench-load:
	@if [ -n "$(BENCH_LOAD_URL)" ]; then \
	  .venv/bin/python bench/load.py run --base-url $(BENCH_LOAD_URL) --levels $(BENCH_LOAD_LEVELS) --seconds $(BENCH_SECONDS); \
	else .venv/bin/python bench/load.py setups --setups $(BENCH_SETUPS) --levels $(BENCH_LOAD_LEVELS) --seconds $(BENCH_SECONDS); fi

# Server time of every main page on the demo data (in-process, as a visitor, the demo supplier and buyer):
# p50/p95 per page against issue 15's 50 ms. Figures, never pass/fail.
#   make bench-pages BENCH_PAGES_ROUNDS=30
BENCH_PAGES_ROUNDS ?= 60

.PHONY: bench-pages
bench-pages:
	.venv/bin/python bench/pages_bench.py --rounds $(BENCH_PAGES_ROUNDS)

# Sponsored results at scale (issue 12): search p50/p95 with the auction on and off (100,000 listings, 2,000 active
# keyword bids) on the embedded engine and, when TRADELEADS_OPENSEARCH_URL is set, on OpenSearch; click endpoint
# p50/p95 on SQLite and, when BENCH_ADS_DATABASE_URL names a scratch PostgreSQL database, on PostgreSQL. Figures only.
#   make bench-ads BENCH_ADS_LISTINGS=5000 BENCH_ADS_QUERIES=100
BENCH_ADS_LISTINGS ?= 100000
BENCH_ADS_QUERIES ?= 300
BENCH_ADS_ARGS = --listings $(BENCH_ADS_LISTINGS) --queries $(BENCH_ADS_QUERIES) --seed $(BENCH_SEARCH_SEED)

.PHONY: bench-ads
bench-ads:
	cd bench && ../.venv/bin/python ads_bench.py $(BENCH_ADS_ARGS) --backend embedded
	@if [ -n "$$TRADELEADS_OPENSEARCH_URL" ]; then \
	  cd bench && ../.venv/bin/python ads_bench.py $(BENCH_ADS_ARGS) --backend opensearch; \
	else echo "bench-ads: set TRADELEADS_OPENSEARCH_URL (make opensearch) to also measure OpenSearch"; fi
