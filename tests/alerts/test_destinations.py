"""Which webhook destinations count as private: names and literal addresses at once, resolved names before sending."""

import pytest

from app.alerts.destinations import plainly_private, private_destination


@pytest.mark.parametrize(("url", "private"), [
    ("https://hooks.example.com/tradeleads", False), ("http://93.184.215.14/hook", False),
    ("http://[2606:4700::6810:84e5]/", False), ("http://LOCALHOST./", True), ("http://db.local/", True),
    ("http://172.16.5.4/", True), ("http://100.64.0.1/", True), ("http://[fe80::1%25eth0]/", True),
    ("http://[fd00::1]/", True), ("http://224.0.0.1/", True),
])
def test_plainly_private(url: str, private: bool) -> None:
    assert plainly_private(url) is private


async def test_a_name_is_judged_by_the_addresses_it_resolves_to() -> None:
    assert await private_destination("http://localhost/") == "localhost"
    assert await private_destination("http://127.0.0.2:8080/") == "127.0.0.2"
    assert await private_destination("http://93.184.215.14/") is None
