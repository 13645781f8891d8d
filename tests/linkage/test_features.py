from datetime import date

from vigil.linkage.features import (
    document_key,
    feature_row,
    feature_table,
    place_keys,
    residence_keys,
)


def test_places_are_keyed_narrowest_and_broadest_across_scripts() -> None:
    village, region = place_keys("Тверская губ., Кашинский у., д. Поповка")
    assert village == place_keys("Popovka")[0]
    assert region == place_keys("Tverskaya gub., Popovka")[1]
    assert place_keys("Kiev") == (place_keys("Киев")[0], None)
    assert place_keys("") == (None, None)


def test_residence_keeps_the_whole_address_and_its_widest_part() -> None:
    assert residence_keys("SK23 7AX") == ("sk 23 7ax", "sk23")
    assert residence_keys("г. Москва, ул. Арбат, д. 5") == ("москва арбат 5", "москва")
    assert residence_keys("Москва")[1] == residence_keys("г. Москва")[1] == "москва"


def test_document_numbers_ignore_layout_and_leading_zeros() -> None:
    assert document_key("№ 0123-45") == document_key("12345") == "12345"
    assert document_key(None) is None and document_key("№") is None


def test_partial_birth_dates_keep_their_bounds_and_only_a_sure_year() -> None:
    row = feature_row({"id": 1, "birth_lower": "1901-01-01", "birth_upper": "1901-12-31"})
    assert (row["birth_lo"], row["birth_hi"]) == (
        date(1901, 1, 1).toordinal(),
        date(1901, 12, 31).toordinal(),
    )
    assert row["birth_year"] == 1901
    decade = feature_row({"id": 2, "birth_lower": "1900-01-01", "birth_upper": "1909-12-31"})
    assert decade["birth_year"] is None and decade["birth_lo"] < decade["birth_hi"]


def test_the_table_has_one_row_per_record_even_when_empty() -> None:
    rows = [{"id": i, "surname_key": "ivanov"} for i in range(5)]
    table = feature_table(iter(rows), batch=2)
    assert table.num_rows == 5 and table.column("surname_key").to_pylist() == ["ivanov"] * 5
    assert feature_table(iter([])).num_rows == 0


def test_block_sizes_count_records_sharing_a_combination() -> None:
    rows = [
        {"id": 1, "surname_key": "ivanov", "given_key": "ivan"},
        {"id": 2, "surname_key": "ivanov", "given_key": "ivan"},
        {"id": 3, "surname_key": "ivanov", "given_key": "pyotr"},
        {"id": 4, "surname_key": None, "given_key": "ivan"},
    ]
    table = feature_table(iter(rows))
    assert table.column("unique_id").to_pylist() == [1, 2, 3, 4]
    assert table.column("n__surname_key__given_key").to_pylist() == [2, 2, 1, None]
