"""Part numbers as both engines see them (search.normalise is shared by the index and the query side)."""

import pytest

from search.normalise import code_forms


@pytest.mark.parametrize("written", ["DSC-W120P", "dscw120p", "dsc w120p", "Dsc W-120P"])
def test_a_part_number_meets_itself_however_it_is_written(written: str) -> None:
    assert "dscw120p" in code_forms(written)


def test_a_colour_suffix_and_a_long_number_inside_a_code_are_variants_too() -> None:
    assert code_forms("yamaha ysp-4000bk") == ["ysp4000bk", "ysp4000"]
    assert code_forms("ge tv24746 antenna") == ["getv24746", "24746", "tv24746"]


def test_long_numbers_and_units_are_codes_but_plain_words_and_small_counts_are_not() -> None:
    assert code_forms("garmin mount 010-10613-00") == ["0101061300"]
    assert code_forms("washer 10lb capacity 2 wash options 500 ml") == ["10lb", "500ml"]
    assert code_forms("white switch cable with 2 ports") == []


FULL_WIDTH_PART_NUMBER = "\uff24\uff33\uff23\uff0d\uff37\uff11\uff12\uff10\uff30"  # DSC-W120P, East Asian input


@pytest.mark.parametrize(("written", "code"), [(FULL_WIDTH_PART_NUMBER, "dscw120p"), ("Crème 500 ml", "500ml"),
                                               ("DSC-W120P", "dscw120p")])
def test_full_width_and_accented_text_folds_to_the_same_codes(written: str, code: str) -> None:
    assert code in code_forms(written)


def test_text_without_digits_has_no_codes() -> None:
    assert code_forms("Crème brûlée torch, stainless steel") == []
