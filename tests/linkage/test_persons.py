from vigil.linkage.persons import assign_ids


def test_a_person_that_gains_records_keeps_its_id() -> None:
    previous = {1: 7, 2: 7, 3: 9}
    person_of, next_id = assign_ids({1: [1, 2, 4], 3: [3]}, previous, next_id=10)
    assert person_of == {1: 7, 2: 7, 4: 7, 3: 9}
    assert next_id == 10


def test_a_split_leaves_the_id_with_the_larger_part_and_new_clusters_get_new_ids() -> None:
    previous = {1: 7, 2: 7, 3: 7}
    person_of, next_id = assign_ids({1: [1, 2], 3: [3], 5: [5]}, previous, next_id=10)
    assert person_of[1] == person_of[2] == 7
    assert {person_of[3], person_of[5]} == {10, 11}
    assert next_id == 12


def test_a_merge_keeps_the_lower_id_of_equal_parts() -> None:
    person_of, _ = assign_ids({1: [1, 2]}, {1: 8, 2: 5}, next_id=10)
    assert person_of == {1: 5, 2: 5}
