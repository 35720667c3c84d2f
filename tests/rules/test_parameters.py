"""Dated parameters: values by day, sources, assumptions, and clear errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from refusjon.rules.parameters import (
    PARAMETER_DIR,
    ParameterError,
    ParameterMissing,
    Parameters,
    default_parameters,
    load_directory,
)
from refusjon.rules.schemes import language


def test_a_value_holds_from_its_date_until_the_next_one() -> None:
    params = default_parameters()
    assert params.value("sio.threshold_gp", date(2025, 12, 31)) == Decimal("350")
    assert params.value("sio.threshold_gp", date(2026, 1, 1)) == Decimal("490")
    assert params.value("common.exemption_card_limit", date(2019, 6, 1)) == Decimal("2205")
    assert params.value("common.exemption_card_limit", date(2024, 6, 1)) == Decimal("3165")


def test_asking_back_and_forth_across_the_dates_gives_each_day_its_own_value() -> None:
    # The engine remembers the value it found last for each parameter: days on either side of
    # a change, and before the first value, must still get their own answers in any order.
    days = [date(2025, 12, 31), date(2026, 1, 1), date(2025, 12, 31), date(2016, 1, 1)]
    days += [date(2026, 1, 1), date(1, 1, 1), date(9999, 12, 31), date(2025, 12, 31)]
    shipped = default_parameters()
    for name in shipped.names:
        for day in days:
            fresh = Parameters({name: shipped.history(name)})  # nothing remembered: a search
            try:
                expected = fresh.at(name, day)
            except ParameterMissing:
                with pytest.raises(ParameterMissing):
                    shipped.at(name, day)
            else:
                assert shipped.at(name, day) is expected, (name, day)


def test_a_day_before_the_first_value_is_an_error_naming_parameter_and_day() -> None:
    with pytest.raises(ParameterMissing) as error:
        default_parameters().at("helfo_abroad.user_fee_limit", date(2023, 12, 31))
    assert str(error.value) == (
        "parameter helfo_abroad.user_fee_limit has no value in force on 2023-12-31"
    )


def test_which_categories_are_covered_is_not_dated_so_it_holds_on_an_earlier_day() -> None:
    params = default_parameters()
    assert "gp" in params.value("sio.covered_categories", date(2016, 12, 31))
    assert "hospital_stay" in params.value("helfo_abroad.full_categories", date(2023, 12, 31))
    assert "dentist" in params.value("ssn.pot_dental_categories", date(1999, 1, 1))


@pytest.mark.parametrize(
    "name", ["sio.eligible_campuses", "ssn.institutions", "common.eea_countries"]
)
def test_who_is_eligible_stays_dated(name: str) -> None:
    with pytest.raises(ParameterMissing):
        default_parameters().at(name, date(2000, 1, 1))


def test_every_value_has_a_source_and_labels_in_both_languages() -> None:
    params = default_parameters()
    for name in params.names:
        for value in params.history(name):
            assert value.source.strip(), name
            assert value.label["en"] and value.label["nb"], name


@pytest.mark.parametrize(
    "name, day",
    [
        ("common.exemption_card_limit", date(2026, 1, 1)),
        ("ssn.deductible_user_fees", date(2026, 1, 1)),
        ("ssn.deductible_dental", date(2026, 1, 1)),
        ("ssn.refund_rate", date(2026, 1, 1)),
        ("helfo_abroad.user_fee_treatment", date(2024, 1, 1)),
    ],
)
def test_figures_without_a_source_are_marked_assumed(name: str, day: date) -> None:
    assert default_parameters().at(name, day).assumed


def test_sourced_figures_are_not_marked_assumed() -> None:
    params = default_parameters()
    assert not params.at("sio.threshold_gp", date(2026, 1, 1)).assumed
    assert not params.at("common.exemption_card_limit", date(2025, 1, 1)).assumed


def _write(directory: Path, text: str) -> Path:
    group = directory / "demo"
    group.mkdir(parents=True)
    (group / "figure.yaml").write_text(text)
    return directory


def test_an_unquoted_amount_is_refused_so_no_float_sneaks_in(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "label: {en: a, nb: b}\nunit: NOK\nvalues:\n"
        "- {from: '2026-01-01', value: 0.1, source: x}\n",
    )
    with pytest.raises(ParameterError, match="quoted strings"):
        load_directory(tmp_path)


def test_a_value_without_source_is_refused(tmp_path: Path) -> None:
    _write(
        tmp_path, "label: {en: a, nb: b}\nunit: NOK\nvalues:\n- {from: '2026-01-01', value: '1'}\n"
    )
    with pytest.raises(ParameterError, match="source"):
        load_directory(tmp_path)


def test_the_shipped_files_are_the_ones_loaded() -> None:
    """The parameter files, and the figures of the schemes written as files."""
    files = sorted(PARAMETER_DIR.glob("*/*.yaml"))
    figures = [
        f"{definition.scheme}.{name}"
        for definition in language.builtin().values()
        for name in definition.figures
    ]
    names = default_parameters().names
    assert len(files) + len(figures) == len(names)
    assert set(figures) <= set(names)
