"""What the blind sets' tests share: the order a document prints its lines in, where a PDF
prints a text and whether a picture shows it, the variations a set draws from, the specs of
every set made before a set, and how the sets print a day and an amount."""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

import numpy as np
import pypdfium2 as pdfium

from bench.documents import (
    blind4_layouts,
    blind5_layouts,
    blind6_layouts,
    blind7_layouts,
    blind8_layouts,
    blind9_layouts,
    blind12_layouts,
    content,
    generate,
    layouts,
    render,
    sets,
)
from tests.bench.documents.pdfs import in_pixels, printed

Box = tuple[float, float, float, float]


def in_order(body: content.Overview | content.Receipt) -> list[tuple[date, Decimal]]:
    """The lines' dates and amounts in the order the document prints them."""
    if isinstance(body, content.Receipt):
        return [(body.day, body.total)]
    fees = sorted(body.fees, key=lambda fee: fee.day, reverse=body.newest_first)
    return [(fee.day, fee.amount) for fee in fees]


def occurrences(pdf: bytes, text: str) -> list[tuple[int, list[Box], set[int]]]:
    """Where ``text`` is printed in the PDF: the page, the boxes (PDF points) of its letters
    and their indices on the page (a space in ``text`` stands for any run of spaces)."""
    wanted = r"\s+".join(re.escape(part) for part in printed(text).split())
    found = []
    document = pdfium.PdfDocument(pdf)
    try:
        for number in range(len(document)):
            page = document[number].get_textpage()
            letters = page.get_text_range().replace("\u00a0", " ")
            assert len(letters) == page.count_chars()
            for match in re.finditer(wanted, letters):
                indices = {i for i in range(match.start(), match.end()) if not letters[i].isspace()}
                found.append((number, [page.get_charbox(i) for i in sorted(indices)], indices))
    finally:
        document.close()
    return found


def media_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's width and height as its content is drawn (before the page's rotation)."""
    document = pdfium.PdfDocument(pdf)
    try:
        sizes = []
        for number in range(len(document)):
            left, bottom, right, top = document[number].get_mediabox()
            sizes.append((right - left, top - bottom))
        return sizes
    finally:
        document.close()


def overlaps(box: Box, others: np.ndarray, inset: float = 0.4) -> np.ndarray:
    """Which of the other boxes (rows of left, bottom, right, top) overlap the box, each made a
    little smaller first (glyph boxes of neighbours touch)."""
    if not len(others):
        return np.zeros(0, dtype=bool)
    return (
        (box[0] + inset < others[:, 2] - inset)
        & (others[:, 0] + inset < box[2] - inset)
        & (box[1] + inset < others[:, 3] - inset)
        & (others[:, 1] + inset < box[3] - inset)
    )


def seen(
    boxes: list[Box], height: float, where: render.Placed, picture: np.ndarray
) -> tuple[bool, str]:
    """Whether the letters (``boxes``, PDF points of a page ``height`` tall) are seen whole in
    the picture: inside it, under nothing, dark on light; and if not, why."""
    corners = []
    for box in boxes:
        left, top, right, bottom = in_pixels(box, height, where.scale)
        for hidden in where.covered:
            if left < hidden[2] and hidden[0] < right and top < hidden[3] and hidden[1] < bottom:
                return False, "covered"
        corners += [where.where(x, y) for x in (left, right) for y in (top, bottom)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    slack = where.slack + 1
    if min(xs) - slack < 0 or max(xs) + slack > where.size[0]:
        return False, "cut at the side"
    if min(ys) - slack < 0 or max(ys) + slack > where.size[1]:
        return False, "cut at the top or foot"
    region = picture[int(min(ys)) : int(max(ys)) + 1, int(min(xs)) : int(max(xs)) + 1]
    if not region.size:
        return False, "no pixels"
    dark, light = np.percentile(region, 3), np.percentile(region, 97)
    if dark >= 125 or light <= 140:
        return False, f"faint ({dark:.0f}, {light:.0f})"
    return True, ""


def variations(specs: list[generate.Spec]) -> set[str]:
    found = set()
    for spec in specs:
        body = spec.body
        found |= {f"layout:{body.layout}", f"amount:{body.amount_style}"}
        found.add(f"date:{body.date_style}")
        if isinstance(body, content.Overview):
            found.add(f"wording:{body.wording}")
        else:
            found.add(f"profession:{body.profession}")
    return found


def specs_before(name: str, count: int = 300) -> list[generate.Spec]:
    """The plans of every set made before the set ``name``."""
    return [
        spec for corpus_set in sets.before(name) for spec in generate.plan(corpus_set, count=count)
    ]


def assert_nothing_seen(
    own: list[generate.Spec], seen: list[generate.Spec], places: Iterable[str] | None
) -> None:
    """That a blind set shares with the sets ``seen`` no variation (layout, notation, wording,
    profession, rendition variant), no name nor a word of one. A set with ``places`` of its
    own (from the tenth) shares no word of a name whatever its case, no provider, and none of
    its places is among the words of their providers and addresses."""
    assert not variations(own) & variations(seen)
    variants = {spec.variant for spec in own} - {""}
    assert variants and not variants & {spec.variant for spec in seen}
    names = {spec.truth("x", 1).name for spec in own}
    seen_names = {spec.truth("x", 1).name for spec in seen}
    assert not names & seen_names
    if places is None:
        seen_words = {word for name in seen_names for word in name.split()}
        assert not {word for name in names for word in name.split()} & seen_words
        return
    seen_words = {word.casefold() for name in seen_names for word in name.split()}
    assert not {word.casefold() for name in names for word in name.split()} & seen_words
    seen_providers = {line.provider for spec in seen for line in spec.truth("x", 1).lines}
    seen_texts = " ".join(
        sorted(seen_providers | {getattr(spec.body, "address", "") for spec in seen})
    )
    assert not set(places) & set(re.findall(r"\w+", seen_texts))
    providers = {line.provider for spec in own for line in spec.truth("x", 1).lines}
    assert not providers & seen_providers


def sets_from(first: str, stop: str) -> list[str]:
    """The sets from ``first`` up to ``stop`` (not included), in the order they were made."""
    names = list(sets.SETS)
    return names[names.index(first) : names.index(stop)]


LANGUAGES = ("nb", "nn", "en")
EARLY_LAYOUTS = (layouts, *(sets.SETS[name].layouts for name in sets_from("blind4", "blind14")))
"""The first sets' layouts and the fourth to thirteenth sets', whose styles are read off their
``day`` and ``money`` (every ``case``, and the default)."""
LAYOUTS_MONEY_STYLES = (
    "nok", "nok_space", "kr_dots", "bare", "nok_trim", "nok_after", "kr_lead_trim", "column_kr",
    "kr_trim", "kr_period", "nok_comma", "kr_after", "kr_before", "dash", "",
)  # fmt: skip


def plain(text: str) -> str:
    return re.sub(r"\s", " ", text)


@functools.cache
def _cases(function: Callable[..., str]) -> tuple[str, ...]:
    """The styles a layouts module's ``day`` or ``money`` has: every ``case``, and any other."""
    return (*re.findall(r'case "([a-z_]+)"', inspect.getsource(function)), "any other")


@functools.cache
def _early_days(value: date) -> frozenset[str]:
    found = set()
    for module in EARLY_LAYOUTS:
        for style in _cases(module.day):
            for language in LANGUAGES:
                try:
                    found.add(module.day(value, style, language))
                except TypeError:
                    found.add(module.day(value, style))
    return frozenset(plain(text) for text in found)


@functools.cache
def _early_money(amount: Decimal) -> frozenset[str]:
    found = set()
    for module in EARLY_LAYOUTS:
        found |= {module.money(amount, style) for style in _cases(module.money)}
    return frozenset(plain(text) for text in found)


@functools.cache
def day_prints(name: str, value: date) -> frozenset[str]:
    """How the set ``name`` (the fourteenth or a later one) prints a day, in every style and
    language it has (white space made plain)."""
    module = sets.SETS[name].layouts
    styles = getattr(content, f"{name.upper()}_DATE_STYLES").values()
    return frozenset(
        plain(module.day(value, style, language)) for style in styles for language in LANGUAGES
    )


@functools.cache
def money_prints(name: str, amount: Decimal) -> frozenset[str]:
    """How the set ``name`` (the fourteenth or a later one) prints an amount, in every style
    that prints it (a set of whole kroner refuses øre)."""
    module = sets.SETS[name].layouts
    found = set()
    for styles in getattr(content, f"{name.upper()}_AMOUNT_STYLES").values():
        for style in styles.values():
            try:
                found.add(plain(module.money(amount, style)))
            except ValueError:
                continue
    return frozenset(found)


def earlier_days(name: str, value: date) -> frozenset[str]:
    """How the sets before ``name`` print a day, in every style they have."""
    return _early_days(value).union(
        *(day_prints(later, value) for later in sets_from("blind14", name))
    )


def earlier_money(name: str, amount: Decimal) -> frozenset[str]:
    """How the sets before ``name`` print an amount, in every style they have; from the
    seventeenth set on, in every style of ``layouts.money`` too (the fifteenth set prints
    "179.00 NOK" as one of them does, so the sets before the seventeenth are not held to it)."""
    later = sets_from("blind14", name)
    found = _early_money(amount).union(*(money_prints(other, amount) for other in later))
    if name not in sets_from("dev", "blind17"):
        found |= {plain(layouts.money(amount, style)) for style in LAYOUTS_MONEY_STYLES}
    return found


LISTED_DAY_STYLES = (
    (layouts, ("numeric", "long", "slash", "iso", "weekday", "short", "abbreviated")),
    (blind4_layouts, ("day_month", "numeric_trim", "day_month_name")),
    (blind5_layouts, ("dotted_iso", "dashed")),
    (blind6_layouts, ("dash_month", "short_slash", "long_weekday")),
    (blind7_layouts, ("excel_month", "spaced_month", "unpadded_short", "tile", "dot_time")),
    (blind8_layouts, ("day_abbr", "slash_dash", "weekday_short", "numeric")),
    (blind9_layouts, ("day_month_dot", "full_weekday", "short_month", "dash_year", "dash_yy")),
)
"""The date styles of the sets before the tenth, as the tenth to thirteenth sets' tests list
them (the fifth set's ``day`` takes no language)."""
LISTED_MONEY_STYLES = (
    (layouts, ("nok", "nok_space", "kr_dots", "bare", "nok_trim", "nok_after", "kr_lead_trim",
               "column_kr", "kr_trim", "kr_period", "nok_comma", "kr_after", "kr_before", "dash",
               "plain")),
    (blind4_layouts, ("nok_dots", "dots_kr")),
    (blind5_layouts, ("dash_bare", "narrow_kr", "nok_narrow")),
    (blind6_layouts, ("kroner_word", "kr_capital", "kr_point")),
    (blind7_layouts, ("nok_dash", "point_kr", "bare_point")),
    (blind8_layouts, ("kr_thin", "endash_kr", "kr_thin_point", "nok_endash")),
    (blind9_layouts, ("nkr", "upper_kr_dots", "kr_nok", "nkr_point")),
)  # fmt: skip
"""The amount styles of the sets before the tenth, as the tenth to thirteenth sets' tests list
them."""


def clocked_day_prints(name: str, value: date, clock: str) -> set[str]:
    """How the set ``name`` (the tenth to thirteenth) prints a day at ``clock``, in every style
    and language it has (the twelfth's machine-translated page's too)."""
    module = sets.SETS[name].layouts
    styles = {style for table in getattr(content, f"{name.upper()}_DATE_STYLES").values()
              for style in table}  # fmt: skip
    if name == "blind12":
        styles.add(content.BLIND12_TRANSLATED_DATE_STYLE)
    return {module.day(value, style, language, clock) for style in styles for language in LANGUAGES}


def table_money_prints(name: str, amount: Decimal) -> set[str]:
    """How the set ``name`` (from the tenth) prints an amount, in every style it has."""
    module = sets.SETS[name].layouts
    styles = getattr(content, f"{name.upper()}_AMOUNT_STYLES").values()
    return {module.money(amount, style) for table in styles for style in table.values()}


def listed_earlier_days(name: str, value: date) -> set[str]:
    """How the sets before ``name`` (the tenth to thirteenth) print a day: in the listed styles
    of the sets before the tenth, and from the tenth in every style (at 14:32; the twelfth's
    machine-translated page also at its own time)."""
    found: set[str] = set()
    for module, styles in LISTED_DAY_STYLES:
        for style in styles:
            for language in LANGUAGES:
                try:
                    found.add(module.day(value, style, language))
                except TypeError:
                    found.add(module.day(value, style))
    for earlier in sets_from("blind10", name):
        found |= clocked_day_prints(earlier, value, "14:32")
    if "blind12" in sets_from("blind10", name):
        style = content.BLIND12_TRANSLATED_DATE_STYLE
        found |= {blind12_layouts.day(value, style, language) for language in LANGUAGES}
    return found


def listed_earlier_money(name: str, amount: Decimal) -> set[str]:
    """How the sets before ``name`` (the tenth to thirteenth) print an amount: in the listed
    styles of the sets before the tenth, and from the tenth in every style."""
    found = {module.money(amount, style) for module, styles in LISTED_MONEY_STYLES
             for style in styles}  # fmt: skip
    for earlier in sets_from("blind10", name):
        found |= table_money_prints(earlier, amount)
    return found
