# RFQ -> top-20 suppliers latency at 100k listings on both engines, and at 1M on OpenSearch (included from the
# Makefile). The OpenSearch runs need TRADELEADS_OPENSEARCH_URL (make opensearch starts a local one).
#   make bench-matching                        # 100,000 listings, both engines
#   make bench-matching-1m                     # 1,000,000 listings on OpenSearch (about 10 minutes)
BENCH_MATCHING_LISTINGS ?= 100000
BENCH_MATCHING_RFQS ?= 300

.PHONY: bench-matching bench-matching-1m
bench-matching:
	.venv/bin/python bench/matching_bench.py --listings $(BENCH_MATCHING_LISTINGS) --rfqs $(BENCH_MATCHING_RFQS) --backend embedded
	@if [ -n "$$TRADELEADS_OPENSEARCH_URL" ]; then \
	  .venv/bin/python bench/matching_bench.py --listings $(BENCH_MATCHING_LISTINGS) --rfqs $(BENCH_MATCHING_RFQS) --backend opensearch; \
	else echo "bench-matching: set TRADELEADS_OPENSEARCH_URL to also measure OpenSearch"; fi

bench-matching-1m:
	@test -n "$$TRADELEADS_OPENSEARCH_URL" || { echo "bench-matching-1m: set TRADELEADS_OPENSEARCH_URL (make opensearch)"; exit 2; }
	.venv/bin/python bench/matching_bench.py --listings 1000000 --rfqs $(BENCH_MATCHING_RFQS) --backend opensearch --target-ms 250
