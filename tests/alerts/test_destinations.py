"""Which webhook destinations count as private: names and literal addresses at once, resolved names before sending;
and a delivery goes to the address that was checked, named by its host (no second resolution to rebind)."""

import pytest

from app.alerts.destinations import plainly_private, target


@pytest.mark.parametrize(("url", "private"), [
    ("https://hooks.example.com/tradeleads", False), ("http://93.184.215.14/hook", False),
    ("http://[2606:4700::6810:84e5]/", False), ("http://LOCALHOST./", True), ("http://db.local/", True),
    ("http://172.16.5.4/", True), ("http://100.64.0.1/", True), ("http://[fe80::1%25eth0]/", True),
    ("http://[fd00::1]/", True), ("http://224.0.0.1/", True),
])
def test_plainly_private(url: str, private: bool) -> None:
    assert plainly_private(url) is private


def _dns(answers: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    """DNS, the edge these tests cannot reach: fixed answers per name."""

    async def resolve(host: str, port: int) -> list[str]:
        return answers[host]

    return resolve


async def test_a_name_is_judged_by_the_addresses_it_resolves_to() -> None:
    assert (await target("http://localhost/")).refused == "localhost"
    assert (await target("http://127.0.0.2:8080/")).refused == "127.0.0.2"
    assert (await target("http://93.184.215.14/")).refused is None
    one_private = _dns({"hooks.partner.test": ["93.184.215.14", "10.0.0.7"]})
    assert (await target("https://hooks.partner.test/x", resolve=one_private)).refused == "10.0.0.7"


async def test_the_delivery_connects_to_the_checked_address_and_names_the_host() -> None:
    public = _dns({"hooks.partner.test": ["93.184.215.14"], "v6.partner.test": ["2606:4700::6810:84e5"]})

    plain = await target("http://hooks.partner.test:8080/in?x=1", resolve=public)
    secure = await target("https://hooks.partner.test/in", resolve=public)
    six = await target("https://v6.partner.test/in", resolve=public)

    assert (plain.url, plain.headers, plain.extensions) == (
        "http://93.184.215.14:8080/in?x=1", {"Host": "hooks.partner.test:8080", "Connection": "close"}, {})
    assert (secure.url, secure.headers, secure.extensions) == (
        "https://93.184.215.14/in", {"Host": "hooks.partner.test", "Connection": "close"},
        {"sni_hostname": "hooks.partner.test"})
    assert six.url == "https://[2606:4700::6810:84e5]/in"


async def test_the_pinned_url_keeps_its_user_and_password_and_every_checked_address() -> None:
    many = _dns({"hooks.partner.test": ["93.184.215.14", "93.184.215.15", "93.184.215.14", "2606:4700::1"]})

    found = await target("https://hook:s3cret@hooks.partner.test:8443/in", resolve=many)

    assert found.url == "https://hook:s3cret@93.184.215.14:8443/in"
    assert found.alternatives == ("https://hook:s3cret@93.184.215.15:8443/in",
                                  "https://hook:s3cret@[2606:4700::1]:8443/in")


async def test_a_name_that_does_not_resolve_is_not_sent_unpinned() -> None:
    async def failing(host: str, port: int) -> list[str]:
        raise OSError("no answer")

    async def empty(host: str, port: int) -> list[str]:
        return []

    for resolve in (failing, empty):
        found = await target("https://hooks.partner.test/in", resolve=resolve)
        assert (found.unresolved, found.refused) == (True, None)
