"""HS code validation messages name the edition the codes come from (HS 2022) and, for a subheading that edition
lacks, the heading it does have."""

from typing import Any

import pytest

from tests.support.listings import listing_payload
from tests.support.problems import assert_invalid
from tests.support.rfqs import rfq_payload

EDITION = "does not exist in HS 2022, the edition of the HS codes used here"


def _message(problem: dict[str, Any]) -> str:
    return str(next(error["message"] for error in problem["errors"] if error["field"] == "hs_code"))


@pytest.mark.parametrize(("kind", "payload", "role"), [("listings", listing_payload, "supplier"),
                                                        ("rfqs", rfq_payload, "buyer")])
async def test_an_unknown_code_names_the_edition_and_the_heading_it_has(make_actor: Any, kind: str, payload: Any,
                                                                        role: str) -> None:
    actor = await make_actor(role)
    # 0101.99 is no HS 2022 subheading (HS 2022 splits heading 0101 into 010121, 010129, 010130, 010190).
    problem = assert_invalid(await actor.client.post(f"/api/v1/{kind}", json=payload(hs_code="0101.99")),
                             hs_code="unknown_hs_code")
    assert _message(problem) == f"HS code 010199 {EDITION}; heading 0101 does: choose it or one of its subheadings"
    # No heading 9988 either: only the edition is named.
    problem = assert_invalid(await actor.client.post(f"/api/v1/{kind}", json=payload(hs_code="998877")),
                             hs_code="unknown_hs_code")
    assert _message(problem) == f"HS code 998877 {EDITION}"


async def test_a_malformed_code_names_the_edition(make_actor: Any) -> None:
    supplier = await make_actor("supplier")
    problem = assert_invalid(await supplier.client.post("/api/v1/listings", json=listing_payload(hs_code="85176")),
                             hs_code="value_error")
    assert "a 4-digit heading or a 6-digit subheading of HS 2022, such as 8517 or 8517.62" in _message(problem)
