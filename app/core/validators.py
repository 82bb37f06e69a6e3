"""Validators for the codes of international trade: ISO 3166-1 countries, ISO 4217 currencies, HS codes."""

import re
from typing import Annotated

import pycountry
from pydantic import AfterValidator, Field, StringConstraints

from app.core.i18n import N_

HS_CODE_PATTERN = re.compile(r"^\d{4}(\d{2})?$")
HS_EDITION = "HS 2022"
"""The edition of the Harmonized System whose codes the stored table holds."""
HS_CODE_REFUSAL = N_("must be a 4-digit heading or a 6-digit subheading of HS 2022, such as 8517 or 8517.62")
assert HS_EDITION in HS_CODE_REFUSAL  # a literal, so the catalogs can hold it


def normalise_country(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(N_("must be an ISO 3166-1 alpha-2 country code, such as DE or CN"))
    return code


def normalise_currency(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 3 or pycountry.currencies.get(alpha_3=code) is None:
        raise ValueError(N_("must be an ISO 4217 currency code, such as USD or EUR"))
    return code


def normalise_hs_code(value: str) -> str:
    """Accepts 8517.62, 851762 or 8517; the existence check against the table happens in the service."""
    code = value.strip().replace(".", "").replace(" ", "")
    if not HS_CODE_PATTERN.match(code):
        raise ValueError(HS_CODE_REFUSAL)
    return code


def normalise_tags(values: list[str]) -> list[str]:
    """Trimmed, de-duplicated (case-insensitively), order kept, empty entries dropped."""
    seen: set[str] = set()
    result = []
    for value in values:
        tag = " ".join(value.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            result.append(tag)
    return result


# The patterns document the accepted forms in the OpenAPI document; the validators are what decides (a code must also
# exist: ISO 3166-1, ISO 4217, the HS table).
CountryCode = Annotated[str, AfterValidator(normalise_country), Field(json_schema_extra={
    "pattern": r"^\s*[A-Za-z]{2}\s*$", "description": "ISO 3166-1 alpha-2 country code", "examples": ["DE"]})]
CurrencyCode = Annotated[str, AfterValidator(normalise_currency), Field(json_schema_extra={
    "pattern": r"^\s*[A-Za-z]{3}\s*$", "description": "ISO 4217 currency code", "examples": ["USD"]})]
HsCodeText = Annotated[str, AfterValidator(normalise_hs_code), Field(json_schema_extra={
    "pattern": r"^\s*\d{4}([ .]?\d{2})?\s*$",
    "description": "HS 2022 heading (4 digits) or subheading (6), dots or a space allowed", "examples": ["8517.62"]})]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, max_length=80)]
Tags = Annotated[list[Tag], AfterValidator(normalise_tags)]


COUNTRY_CODES: tuple[str, ...] = tuple(country.alpha_2 for country in pycountry.countries)


def country_name(code: str | None) -> str:
    """ISO code to its English name, such as CN -> China; unknown codes are shown as they are."""
    country = pycountry.countries.get(alpha_2=code) if code else None
    return str(getattr(country, "common_name", None) or country.name) if country else (code or "")
