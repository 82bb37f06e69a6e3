"""The matches domain's tests use the matching fixtures: the app's search engine emptied, an admin and a buyer."""

from tests.matching.conftest import admin, buyer, engine

__all__ = ["admin", "buyer", "engine"]
