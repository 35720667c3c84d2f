"""The ninth blind set: made only of what none of the other ten sets has, and true to itself
(checked without the reader, which is never run on it here)."""

from __future__ import annotations

import io
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

from PIL import Image

from bench.documents import (
    blind4_layouts,
    blind5_layouts,
    blind6_layouts,
    blind7_layouts,
    blind8_layouts,
    blind9_layouts,
    content,
    generate,
    layouts,
    planners,
    render,
    sets,
)
from tests.bench.documents.pdfs import printed, text_of


def blind9_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind9"], count=count, renditions=renditions)


def flat(text: str) -> str:
    return " ".join(printed(text).split())


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} >= set(content.BLIND9_OVERVIEW_LAYOUTS)
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        assert document.path.suffix == ".pdf"
        text = flat(text_of(document.path.read_bytes()))
        assert truth.name in text
        assert flat(blind9_layouts.money(truth.total, body.amount_style)) in text
        # Each fee's date and amount, in the document's order, one after the other (the saved
        # mobile page may cut a row at a page's end: the page break falls between them).
        rest = text
        for line in sorted(
            truth.lines, key=lambda line: line.date, reverse=getattr(body, "newest_first", False)
        ):
            shown_day = flat(blind9_layouts.day(line.date, body.date_style, body.language))
            shown_amount = flat(blind9_layouts.money(line.amount, body.amount_style))
            assert shown_day in rest
            rest = rest[rest.index(shown_day) + len(shown_day) :]
            assert shown_amount in rest
            if isinstance(body, content.Overview):
                rest = rest[rest.index(shown_amount) + len(shown_amount) :]


def test_a_hand_written_receipt_shows_its_name_date_and_amount_in_figures_and_words() -> None:
    specs = [spec for spec in blind9_plan(300) if spec.body.layout == "receipt_book"]
    assert specs and {spec.variant for spec in specs} == {"on_glass"}
    for spec in specs[:12]:
        body = spec.body
        assert isinstance(body, content.Receipt) and len(body.items) == 1
        text = flat(text_of(render.pdf(spec.html())))
        assert body.patient in text
        assert flat(blind9_layouts.day(body.day, body.date_style, body.language)) in text
        prefix, figures = blind9_layouts.money(body.total, body.amount_style).split("\u00a0")
        assert prefix in {"Kr.", "NKr"} and figures in text
        assert blind9_layouts.in_words(int(body.total), body.language) in text


def test_numbers_in_words_read_as_a_person_writes_them() -> None:
    assert blind9_layouts.in_words(950, "nb") == "Ni hundre og femti"
    assert blind9_layouts.in_words(1250, "nb") == "Ett tusen to hundre og femti"
    assert blind9_layouts.in_words(1250, "nn") == "Eitt tusen to hundre og femti"
    assert blind9_layouts.in_words(790, "en") == "Seven hundred and ninety"
    assert blind9_layouts.in_words(2345, "en") == "Two thousand three hundred and forty-five"


def test_a_phone_page_shows_every_fee_on_one_page_and_the_ring_only_when_marked() -> None:
    for spec in blind9_plan(90):
        if spec.rendition != "screenshot":
            continue
        body = spec.body
        page = spec.html()
        assert render.page_count(render.pdf(page)) == 1
        assert ("class='ring'" in page) == (spec.variant == "marked_up")
        assert ("* 1.3" in page) == (spec.variant == "large_text")
        total = blind9_layouts.money(body.total, body.amount_style)
        assert total in page
        if isinstance(body, content.Receipt):
            assert body.layout == "online_paid_receipt"
            continue
        for fee in body.fees:
            shown = blind9_layouts.day(fee.day, body.date_style, body.language)
            amount = blind9_layouts.money(fee.amount, body.amount_style)
            assert f"<div class='d'>{shown}</div></div><div class='a'>{amount}</div>" in page
        assert page.count("class='row'") == len(body.fees)


def test_a_notification_covers_only_the_top_of_the_screenshot() -> None:
    spec = next(spec for spec in blind9_plan(60) if spec.variant == "notification")
    plain = render.screenshot(spec.html())
    data = planners.blind9_file(spec)
    assert data is not None and data[1:] == ("png", 1)
    before = Image.open(io.BytesIO(plain)).convert("RGB")
    after = Image.open(io.BytesIO(data[0])).convert("RGB")
    assert before.size == after.size
    band = 110 * render.PHONE_SCALE
    assert (
        before.crop((0, band, before.width, before.height)).tobytes()
        == after.crop((0, band, after.width, after.height)).tobytes()
    )
    assert (
        before.crop((0, 0, before.width, band)).tobytes()
        != after.crop((0, 0, after.width, band)).tobytes()
    )


def test_the_scans_are_a_slip_on_the_glass_a_punched_pdf_or_a_crumpled_photo(
    tmp_path: Path,
) -> None:
    specs = blind9_plan(60)
    chosen = {}
    for spec in specs:
        chosen.setdefault(spec.variant, spec)
    for variant, extension in (("on_glass", "jpg"), ("punched", "pdf"), ("crumpled", None)):
        document = generate.render_document(chosen[variant], tmp_path)
        if extension:
            assert document.path.suffix == f".{extension}"
        if variant == "punched":
            assert not text_of(document.path.read_bytes()).strip()
        if variant == "on_glass":
            image = Image.open(document.path)
            assert image.size == (1654, 2339)


def test_every_receipt_fits_on_one_page() -> None:
    specs = blind9_plan(300)
    for layout in content.BLIND9_RECEIPT_LAYOUTS:
        on_paper = (spec for spec in specs if spec.rendition != "screenshot")
        longest = max(
            (spec for spec in on_paper if spec.body.layout == layout),
            key=lambda spec: len(getattr(spec.body, "items", ())),
        )
        assert render.page_count(render.pdf(longest.html())) == 1


def test_the_renditions_are_as_designed() -> None:
    specs = blind9_plan(60)
    variants = Counter(spec.variant for spec in specs)
    assert variants["on_glass"] >= 2 and variants["punched"] >= 4 and variants["crumpled"] >= 4
    assert variants["large_text"] >= 5 and variants["notification"] >= 5
    assert variants["marked_up"] >= 5
    assert all(spec.variant == "" for spec in specs if spec.rendition == "pdf")
    assert Counter(spec.rendition for spec in specs) == {"pdf": 20, "scan": 20, "screenshot": 20}
    for spec in specs:
        if spec.body.layout == "receipt_book":
            assert spec.rendition == "scan"
        if spec.rendition == "screenshot":
            assert spec.body.layout in {content.BLIND9_PHONE_LAYOUT, "online_paid_receipt"}
    assert {spec.body.layout for spec in blind9_plan(300)} == blind9_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert 14 <= kinds[True] <= 26


def test_no_date_or_amount_prints_as_another_set_prints_it() -> None:
    """The ninth set's dates and amounts differ in print from every earlier set's (a sample of
    days and amounts in each of their styles)."""
    days = [spec.body.fees[0].day for spec in blind9_plan(60) if hasattr(spec.body, "fees")]
    amounts = [Decimal("179.00"), Decimal("84.50"), Decimal("1234.50"), Decimal("3031.42")]
    ours = {
        blind9_layouts.day(value, style, language)
        for value in days
        for styles in content.BLIND9_DATE_STYLES.values()
        for style in styles
        for language in ("nb", "nn", "en")
    } | {
        blind9_layouts.money(amount, style)
        for amount in amounts
        for styles in content.BLIND9_AMOUNT_STYLES.values()
        for style in styles
    }
    theirs: set[str] = set()
    for value in days:
        for language in ("nb", "nn", "en"):
            for style in ("numeric", "long", "slash", "iso", "weekday", "short", "abbreviated"):
                theirs.add(layouts.day(value, style, language))
            for style in ("day_month", "numeric_trim", "day_month_name"):
                theirs.add(blind4_layouts.day(value, style, language))
            for style in ("dotted_iso", "dashed"):
                theirs.add(blind5_layouts.day(value, style))
            for style in ("dash_month", "short_slash", "long_weekday"):
                theirs.add(blind6_layouts.day(value, style, language))
            for style in ("excel_month", "spaced_month", "unpadded_short"):
                theirs.add(blind7_layouts.day(value, style, language))
            for style in ("day_abbr", "slash_dash", "weekday_short", "numeric"):
                theirs.add(blind8_layouts.day(value, style, language))
    money_styles = (
        (layouts, ("nok", "nok_space", "kr_dots", "bare", "nok_trim", "nok_after",
                   "kr_lead_trim", "column_kr", "kr_trim", "kr_period", "nok_comma",
                   "kr_after", "kr_before", "dash", "plain")),
        (blind4_layouts, ("nok_dots", "dots_kr")),
        (blind5_layouts, ("dash_bare", "narrow_kr", "nok_narrow")),
        (blind6_layouts, ("kroner_word", "kr_capital", "kr_point")),
        (blind7_layouts, ("nok_dash", "point_kr", "bare_point")),
        (blind8_layouts, ("kr_thin", "endash_kr", "kr_thin_point", "nok_endash")),
    )  # fmt: skip
    for module, styles in money_styles:
        for style in styles:
            theirs |= {module.money(amount, style) for amount in amounts}

    def plain(text: str) -> str:
        return re.sub(r"\s", " ", text)

    assert not {plain(text) for text in ours} & {plain(text) for text in theirs}, sorted(
        {plain(text) for text in ours} & {plain(text) for text in theirs}
    )


def test_the_distractors_never_equal_what_they_stand_beside() -> None:
    """An earlier year's total and the next appointment's date are never this document's."""
    for spec in blind9_plan(300):
        body = spec.body
        if isinstance(body, content.Overview) and body.layout == "chart_overview":
            assert blind9_layouts.earlier_total(body) != body.total
        if isinstance(body, content.Receipt) and body.layout == "online_paid_receipt":
            shown = blind9_layouts.day(body.day, body.date_style, body.language)
            assert not blind9_layouts.next_appointment(body).startswith(shown + " ")
