# RFQ -> top-20 suppliers latency at 100k listings on both engines (included from the Makefile).
# The OpenSearch run needs TRADELEADS_OPENSEARCH_URL (make opensearch starts a local one).
BENCH_MATCHING_LISTINGS ?= 100000
BENCH_MATCHING_RFQS ?= 300

.PHONY: bench-matching
bench-matching:
	.venv/bin/python bench/matching_bench.py --listings $(BENCH_MATCHING_LISTINGS) --rfqs $(BENCH_MATCHING_RFQS) --backend embedded
	@if [ -n "$$TRADELEADS_OPENSEARCH_URL" ]; then \
	  .venv/bin/python bench/matching_bench.py --listings $(BENCH_MATCHING_LISTINGS) --rfqs $(BENCH_MATCHING_RFQS) --backend opensearch; \
	else echo "bench-matching: set TRADELEADS_OPENSEARCH_URL to also measure OpenSearch"; fi
