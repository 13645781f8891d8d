from vigil.names import from_parts, name_keys, parse_name


def test_forms_of_address_are_not_read_as_names() -> None:
    assert parse_name("гр. Иванов Иван Иванович").given == "Иван"
    assert parse_name("Sir Thomas Clifford").surname == "Clifford"
    rev = parse_name("Rev. John Smith")
    assert (rev.given, rev.surname) == ("John", "Smith")
    # a table column holding only a title leaves that part empty rather than wrong
    parts = from_parts("Clifford", "sir", None)
    assert parts.surname == "Clifford" and parts.given is None and parts.given_initial is None
    assert name_keys(from_parts("Baronet", "Thomas", None)).surname_key is None


def test_surnames_that_look_like_titles_stay() -> None:
    lord = parse_name("Lord Arthur")
    assert "Lord" in (lord.surname, lord.given)
    assert from_parts("Baron", "Ivan", None).surname == "Baron"
