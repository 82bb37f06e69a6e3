# Local OpenSearch for development/CI; included from the main Makefile.
# See scripts/opensearch.sh (install|start|stop|status).
OPENSEARCH_SH := $(dir $(lastword $(MAKEFILE_LIST)))opensearch.sh

.PHONY: opensearch opensearch-stop opensearch-status

opensearch: ## start local OpenSearch on http://127.0.0.1:9200 (installs on first run)
	bash $(OPENSEARCH_SH) start

opensearch-stop: ## stop local OpenSearch
	bash $(OPENSEARCH_SH) stop

opensearch-status: ## show local OpenSearch status
	bash $(OPENSEARCH_SH) status
