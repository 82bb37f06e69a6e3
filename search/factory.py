"""Picks the search engine from configuration: OpenSearch when a URL is set, the embedded index otherwise."""

from opensearchpy import AsyncOpenSearch

from app.core.config import Settings
from search.backend import SearchBackend
from search.embedded import EmbeddedBackend
from search.opensearch import OpenSearchBackend


def opensearch_hosts(url: str) -> list[str]:
    """The nodes of TRADELEADS_OPENSEARCH_URL: one URL, or several separated by commas (a cluster's nodes)."""
    return [host.strip() for host in url.split(",") if host.strip()]


def opensearch_client(settings: Settings) -> AsyncOpenSearch:
    """A request that cannot reach a node (or gets 502/503/504) goes to the next one: with the nodes of a cluster
    listed, losing one of them costs a retry, not an error."""
    auth = (settings.opensearch_user, settings.opensearch_password or "") if settings.opensearch_user else None
    hosts = opensearch_hosts(settings.opensearch_url or "")
    return AsyncOpenSearch(
        hosts=hosts, http_auth=auth, verify_certs=settings.opensearch_verify_certs,
        ca_certs=str(settings.opensearch_ca_file) if settings.opensearch_ca_file else None,
        ssl_show_warn=False, timeout=10, max_retries=max(1, len(hosts)), retry_on_timeout=False,
    )


def create_backend(settings: Settings) -> SearchBackend:
    if settings.opensearch_url:
        return OpenSearchBackend(opensearch_client(settings), settings.search_index_prefix)
    return EmbeddedBackend(settings.embedded_index_path)


def is_embedded(settings: Settings) -> bool:
    return not settings.opensearch_url
