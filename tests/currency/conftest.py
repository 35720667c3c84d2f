"""The fixed cast of the claims tests, and rates files in Norges Bank's CSV format."""

from __future__ import annotations

from pathlib import Path

from tests.claims.conftest import alice, bob, carol, dave  # noqa: F401

HEADER = (
    '"FREQ";"Frequency";"BASE_CUR";"Base Currency";"QUOTE_CUR";"Quote Currency";"TENOR";'
    '"Tenor";"DECIMALS";"Decimals";"CALCULATED";"Calculated";"UNIT_MULT";"Unit Multiplier";'
    '"COLLECTION";"Collection Indicator";"TIME_PERIOD";"OBS_VALUE"'
)


def row(currency: str, day: str, value: str, unit_mult: str = "0") -> str:
    unit = "Hundreds" if unit_mult == "2" else "Units"
    return (
        f'"B";"Business";"{currency}";"x";"NOK";"Norwegian krone";"SP";"Spot";"4";"4";'
        f'"false";"false";"{unit_mult}";"{unit}";"C";"ECB concertation time 14:15 CET";'
        f'"{day}";"{value}"'
    )


def rates_file(folder: Path, *rows: str, name: str = "rates.csv") -> Path:
    """A rates file as Norges Bank exports it: UTF-8 with a byte-order mark."""
    path = folder / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8-sig")
    return path
