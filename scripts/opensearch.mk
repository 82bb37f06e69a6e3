# Local OpenSearch for development/CI; included from the main Makefile.
# See scripts/opensearch.sh (install|start|stop|status).
OPENSEARCH_SH := $(dir $(lastword $(MAKEFILE_LIST)))opensearch.sh

.PHONY: opensearch opensearch-stop opensearch-status opensearch-cluster opensearch-cluster-stop

opensearch: ## start local OpenSearch on http://127.0.0.1:9200 (installs on first run)
	bash $(OPENSEARCH_SH) start

opensearch-stop: ## stop local OpenSearch
	bash $(OPENSEARCH_SH) stop

opensearch-status: ## show local OpenSearch status
	bash $(OPENSEARCH_SH) status

opensearch-cluster: ## start a three-node OpenSearch cluster on ports 9201-9203 (prints the URLs, comma-separated)
	bash $(dir $(OPENSEARCH_SH))opensearch_cluster.sh start

opensearch-cluster-stop: ## stop the three-node cluster
	bash $(dir $(OPENSEARCH_SH))opensearch_cluster.sh stop
