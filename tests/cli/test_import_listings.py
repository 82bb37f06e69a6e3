import json
import re
from decimal import Decimal

from sqlalchemy import select

from app.models import Listing

HEADER = "title,hs_code,moq,moq_unit,price_min,price_max,currency,keywords,specs,certifications\n"
ROW_OF_TABLE = re.compile(r"^│\s*(\d+)\s*│\s*(\S+)\s*│", re.MULTILINE)


def reported(output: str) -> list[tuple[int, str]]:
    """(line, field) of each row of the 'Rows not imported' table."""
    return [(int(line), field) for line, field in ROW_OF_TABLE.findall(output)]


def write_csv(tmp_path, rows: list[str], name: str = "listings.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def valid_rows(count: int) -> list[str]:
    return [f"Bamboo cutting board no. {number},441919,500,piece,,,,,," for number in range(1, count + 1)]


async def titles_of(app, organization_id: int) -> list[str]:
    async with app.state.sessionmaker() as session:
        rows = await session.scalars(select(Listing.title).where(Listing.organization_id == organization_id)
                                     .order_by(Listing.id))
        return list(rows)


async def test_csv_imports_the_valid_rows_and_reports_the_bad_ones_by_line(app, run_cli, make_actor, tmp_path):
    supplier = await make_actor("supplier")
    path = write_csv(tmp_path, [
        'Bamboo cutting board set,4419.19,500,set,3.5,5,usd,bamboo;kitchen|cutting board,'
        'size=30x20 cm;finish=oiled,FSC',                                   # line 2
        "Unknown code,999999,10,piece,,,,,,",                               # line 3
        "Negative minimum,441919,-5,piece,,,,,,",                           # line 4
        "Made-up currency,441919,5,piece,1,2,XYZ,,,",                       # line 5
        "Prices swapped,441919,5,piece,9,2,USD,,,",                         # line 6
        ",441919,5,piece,,,,,,",                                            # line 7: no title
        'Bamboo skewers,441990,10000,piece,,,,,"{""length"": ""25 cm""}",',  # line 8
    ])

    result = await run_cli("import", "listings", str(path), "--org", supplier.organization_slug)

    assert result.exit_code == 1, result.output
    assert f"Imported 2 of 7 rows into {supplier.organization_slug}; 5 failed." in result.output
    assert reported(result.output) == [(3, "hs_code"), (4, "moq"), (5, "currency"), (6, "price_min"),
                                       (7, "title")]
    assert "HS code 999999 does not exist" in result.output
    listings = (await supplier.client.get("/api/v1/listings", params={"organization": supplier.organization_slug})
                ).json()["items"]
    by_title = {listing["title"]: listing for listing in listings}
    assert set(by_title) == {"Bamboo cutting board set", "Bamboo skewers"}
    board = by_title["Bamboo cutting board set"]
    assert (board["hs_code"], Decimal(board["moq"]), board["moq_unit"], board["status"]) == ("441919", Decimal(500),
                                                                                              "set", "draft")
    assert (Decimal(board["price_min"]), Decimal(board["price_max"]), board["currency"]) == (Decimal("3.5"),
                                                                                             Decimal(5), "USD")
    assert board["keywords"] == ["bamboo", "kitchen", "cutting board"]
    assert board["specs"] == {"size": "30x20 cm", "finish": "oiled"}
    assert board["certifications"] == ["FSC"]
    assert by_title["Bamboo skewers"]["specs"] == {"length": "25 cm"}


async def test_unreadable_cells_fail_their_row(app, run_cli, make_actor, tmp_path):
    supplier = await make_actor("supplier")
    path = write_csv(tmp_path, ["Bamboo trays,441919,5,piece,,,,,thickness 2 cm,", *valid_rows(1)])

    result = await run_cli("import", "listings", str(path), "--org", supplier.organization_slug)

    assert result.exit_code == 1
    assert reported(result.output) == [(2, "specs")]
    assert await titles_of(app, supplier.organization_id) == ["Bamboo cutting board no. 1"]


async def test_jsonl_rows_are_imported_and_submitted(app, run_cli, make_actor, tmp_path):
    supplier = await make_actor("supplier")
    path = tmp_path / "listings.jsonl"
    rows = [{"title": "Oak veneer sheets", "hs_code": "440810", "moq": 100, "moq_unit": "square_metre",
             "keywords": ["oak", "veneer"], "specs": {"thickness": "0.6 mm"}, "price_min": "4.2",
             "currency": "EUR"},
            {"title": "Beech plywood 18 mm", "moq": "50", "moq_unit": "piece"}]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")

    result = await run_cli("import", "listings", str(path), "--org", supplier.organization_slug, "--submit")

    assert result.exit_code == 0, result.output
    assert f"Imported 2 of 2 rows into {supplier.organization_slug}; 0 failed." in result.output
    listings = (await supplier.client.get("/api/v1/listings", params={"organization": supplier.organization_slug})
                ).json()["items"]
    assert sorted((item["title"], item["status"], item["specs"]) for item in listings) == [
        ("Beech plywood 18 mm", "pending_review", {}),
        ("Oak veneer sheets", "pending_review", {"thickness": "0.6 mm"}),
    ]


async def test_jsonl_lines_that_are_not_objects_are_reported(app, run_cli, make_actor, tmp_path):
    supplier = await make_actor("supplier")
    path = tmp_path / "listings.jsonl"
    path.write_text('{"title": "Teak decking", "moq": 20, "moq_unit": "square_metre"}\n\n[1, 2]\n{oops\n',
                    encoding="utf-8")

    result = await run_cli("import", "listings", str(path), "--org", supplier.organization_slug)

    assert result.exit_code == 1
    assert reported(result.output) == [(3, "row"), (4, "row")]
    assert await titles_of(app, supplier.organization_id) == ["Teak decking"]


async def test_batches_of_two_land_all_five_valid_rows(app, run_cli, make_actor, tmp_path):
    supplier = await make_actor("supplier")
    path = write_csv(tmp_path, valid_rows(5))

    result = await run_cli("import", "listings", str(path), "--org", supplier.organization_slug,
                           "--batch-size", "2")

    assert result.exit_code == 0, result.output
    assert await titles_of(app, supplier.organization_id) == [f"Bamboo cutting board no. {n}" for n in range(1, 6)]


async def test_unknown_organization_is_a_usage_error_and_writes_nothing(app, run_cli, count_rows, tmp_path):
    result = await run_cli("import", "listings", str(write_csv(tmp_path, valid_rows(2))), "--org", "no-such-org")

    assert result.exit_code == 2
    assert "Organization 'no-such-org' not found" in result.output
    assert await count_rows(Listing) == 0


async def test_buyer_organization_cannot_import_listings(app, run_cli, make_actor, count_rows, tmp_path):
    buyer = await make_actor("buyer")

    result = await run_cli("import", "listings", str(write_csv(tmp_path, valid_rows(1))), "--org",
                           buyer.organization_slug)

    assert result.exit_code == 2
    assert "is registered as a buyer only" in result.output
    assert await count_rows(Listing) == 0


async def test_file_problems_are_usage_errors(app, run_cli, make_actor, count_rows, tmp_path):
    supplier = await make_actor("supplier")
    unknown_extension = tmp_path / "listings.txt"
    unknown_extension.write_text(HEADER, encoding="utf-8")
    unknown_column = tmp_path / "columns.csv"
    unknown_column.write_text("title,colour\nBamboo tray,green\n", encoding="utf-8")
    cases = {
        str(tmp_path / "missing.csv"): "Cannot read",
        str(unknown_extension): "Cannot tell the format of listings.txt",
        str(unknown_column): "Unknown columns: colour",
    }

    for path, message in cases.items():
        result = await run_cli("import", "listings", path, "--org", supplier.organization_slug)
        assert (result.exit_code, message in result.output) == (2, True), result.output
    assert await count_rows(Listing) == 0
