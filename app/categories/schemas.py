"""Pydantic output of the category pages' API: HS sections, chapters, headings and subheadings with the number of
published listings under each, and one category with its listings and suppliers."""

from typing import Literal

from pydantic import BaseModel, Field

from app.core.schemas import PageOut
from app.listings.schemas import ListingOut

Level = Literal["section", "chapter", "heading", "subheading"]


class CategoryRefOut(BaseModel):
    code: str = Field(description="A section's roman numeral (XVI), or an HS code of 2, 4 or 6 digits",
                      examples=["85"])
    level: Level
    description: str
    url: str = Field(description="The category's page", examples=["/categories/85"])


class CategoryCountOut(CategoryRefOut):
    listing_count: int = Field(description="Published listings classified under it")


class SectionOut(CategoryCountOut):
    chapters: list[CategoryCountOut]


class CategoryIndexOut(BaseModel):
    sections: list[SectionOut] = Field(description="The 21 HS sections in HS order, each with its chapters")


class SupplierOut(BaseModel):
    name: str
    slug: str
    country: str
    listing_count: int = Field(description="Its published listings in the category")
    url: str = Field(examples=["/suppliers/acme-tools"])


class CategoryOut(CategoryCountOut):
    breadcrumbs: list[CategoryRefOut] = Field(description="The categories above it, the section first")
    children: list[CategoryCountOut] = Field(description="The chapters of a section, headings of a chapter, "
                                             "subheadings of a heading; none for a subheading")
    suppliers: list[SupplierOut] = Field(description="Suppliers with listings in it, most listings first")
    search_url: str = Field(description="The product search filtered to the category")
    listings: PageOut[ListingOut]
