"""Offline relevance evaluation: `tradeleads eval search` over a labelled product-matching benchmark."""
