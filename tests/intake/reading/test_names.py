"""The name on a document is the applicant's despite diacritics, ASCII spellings, capitals,
word order, a left-out middle name and a slip of OCR; a different person is not."""

from __future__ import annotations

import pytest

from refusjon.intake.reading.names import compare_names, levenshtein, names_match, plain_words


@pytest.mark.parametrize(
    ("on_document", "applicant"),
    [
        ("Agnieszka Łukaszewicz", "Agnieszka Lukaszewicz"),
        ("Kari Sæther", "Kari Saether"),
        ("Kari Sæther", "Kari Sather"),
        ("Kari Sæthcr", "Kari Sæther"),
        ("Ola Øverås", "Ola Oeveraas"),
        ("Jonas Müller", "Jonas Mueller"),
        ("Nguyễn Thị Lan", "Lan Nguyen Thi"),
        ("Siobhán Ó Briain", "Siobhan O Briain"),
        ("KARI SÆTHER", "Kari Sæther"),
        ("Sæther, Kari", "Kari Sæther"),
        ("Kari Marie Sæther", "Kari Sæther"),
        ("Håkon Ødegård-Lie", "Haakon Odegard Lie"),
    ],
)
def test_it_accepts_the_same_person_written_another_way(on_document: str, applicant: str) -> None:
    assert names_match(on_document, applicant)


@pytest.mark.parametrize(
    ("on_document", "applicant"),
    [
        ("Kari Sæther", "Kari Nordmann"),
        ("Ola Berg", "Ole Borg"),
        ("Kari Sæther", "Sæther"),
        ("Agnieszka Łukaszewicz", "Agnieszka Kowalczyk"),
        ("", "Kari Sæther"),
        ("Kari Sæther", ""),
        ("Johan Hansen", "Ola Johan Hansen"),  # his father, whose name is his middle name
        ("Ole Hansen", "Ola Hansen"),
        ("Jon Berg", "Jan Berg"),
        ("Anne Lie", "Anna Lie"),
    ],
)
def test_it_refuses_another_person_or_no_name(on_document: str, applicant: str) -> None:
    assert not names_match(on_document, applicant)


def test_it_tells_an_exact_match_from_a_tolerated_slip() -> None:
    assert compare_names("Kari Sæther", "kari saether").exact
    slip = compare_names("Kari Sæthcr", "Kari Sæther")
    assert slip.matches and not slip.exact and slip.edits == 1


def test_it_allows_one_slip_for_every_ten_letters_begun() -> None:
    assert compare_names("Agnieszka Łukaszewicz-Nowak", "Agnieszka Lukaszewicz Nowak").allowed == 3
    assert names_match("Agnicszka Lukaszcwicz Nowak", "Agnieszka Łukaszewicz-Nowak")
    assert not names_match("Agnicszka Lukaszcwicz Nuwck", "Agnieszka Łukaszewicz-Nowak")


def test_the_plain_form_drops_marks_and_makes_nordic_letters_one() -> None:
    assert plain_words("  Øverås-SÆTHER, Łukasz ") == ("overas", "sather", "lukasz")


def test_levenshtein_counts_added_dropped_and_changed_letters() -> None:
    assert levenshtein("sather", "sathcr") == 1
    assert levenshtein("sather", "sater") == 1
    assert levenshtein("", "abc") == 3
    assert levenshtein("kitten", "sitting") == 3
