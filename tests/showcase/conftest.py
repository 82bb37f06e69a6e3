from tests.search_api.conftest import engine  # an empty index per test that asks for it (search reads the showcase)

__all__ = ["engine"]
