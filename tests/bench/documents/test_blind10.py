"""The tenth blind set: made only of what none of the other eleven sets has, true to itself and
readable in every rendered file (checked without the reader, which is never run on it here)."""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from bench.documents import (
    blind10_layouts,
    content,
    generate,
    planners,
    render,
    sets,
)
from tests.bench.documents.pdfs import every_letter, flat, in_pixels, pictures, printed, text_of

Box = tuple[float, float, float, float]


def blind10_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind10"], count=count, renditions=renditions)


def truth_texts(spec: generate.Spec) -> list[str]:
    """What a careful person reads off the document for its truth: the name, each line's date
    and amount, and the total, as the document prints them."""
    body, truth = spec.body, spec.truth("x", 1)
    shown = [truth.name, blind10_layouts.money(truth.total, body.amount_style)]
    for line in truth.lines:
        shown.append(blind10_layouts.shown_date(body, line.date))
        shown.append(blind10_layouts.money(line.amount, body.amount_style))
    return shown


def occurrences(pdf: bytes, text: str) -> list[tuple[int, list[Box], set[int]]]:
    """Where ``text`` is printed in the PDF: the page, the boxes (PDF points) of its letters
    and their indices on the page."""
    wanted = printed(text)
    found = []
    document = pdfium.PdfDocument(pdf)
    try:
        for number in range(len(document)):
            page = document[number].get_textpage()
            letters = page.get_text_range().replace("\u00a0", " ")
            assert len(letters) == page.count_chars()
            for match in re.finditer(re.escape(wanted), letters):
                indices = {i for i in range(match.start(), match.end()) if letters[i] != " "}
                found.append((number, [page.get_charbox(i) for i in sorted(indices)], indices))
    finally:
        document.close()
    return found


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[number].get_size() for number in range(len(document))]
    finally:
        document.close()


def overlaps(box: Box, others: np.ndarray, inset: float = 0.4) -> np.ndarray:
    """Which of the other boxes (rows of left, bottom, right, top in points) overlap the box,
    each made a little smaller first (glyph boxes of neighbours touch)."""
    return (
        (box[0] + inset < others[:, 2] - inset)
        & (others[:, 0] + inset < box[2] - inset)
        & (box[1] + inset < others[:, 3] - inset)
        & (others[:, 1] + inset < box[3] - inset)
    )


def meets(first: Box, second: Box) -> bool:
    return (
        first[0] < second[2]
        and second[0] < first[2]
        and first[1] < second[3]
        and second[1] < first[3]
    )


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} >= set(content.BLIND10_OVERVIEW_LAYOUTS)
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        assert document.path.suffix == ".pdf"
        text = flat(text_of(document.path.read_bytes()))
        assert truth.name in text
        assert flat(blind10_layouts.money(truth.total, body.amount_style)) in text
        # Each fee's date and amount, in the document's order, one after the other.
        rest = text
        for line in sorted(
            truth.lines, key=lambda line: line.date, reverse=getattr(body, "newest_first", False)
        ):
            shown_day = flat(blind10_layouts.shown_date(body, line.date))
            shown_amount = flat(blind10_layouts.money(line.amount, body.amount_style))
            assert shown_day in rest
            rest = rest[rest.index(shown_day) + len(shown_day) :]
            assert shown_amount in rest
            if isinstance(body, content.Overview):
                rest = rest[rest.index(shown_amount) + len(shown_amount) :]


def test_a_text_message_shows_the_patient_the_date_each_price_and_the_total() -> None:
    specs = [spec for spec in blind10_plan(300) if spec.body.layout == "sms_receipt"]
    assert specs and {spec.rendition for spec in specs} == {"screenshot"}
    for spec in specs[:10]:
        body = spec.body
        assert isinstance(body, content.Receipt)
        data = render.pdf(spec.html())
        assert render.page_count(data) == 1
        text = flat(text_of(data))
        assert body.patient in text
        assert f"{flat(blind10_layouts.shown_date(body, body.day))} " in text
        for item in body.items:
            price = flat(blind10_layouts.money(item.amount, body.amount_style))
            assert f"{item.text}: {price}" in text
        assert flat(blind10_layouts.money(body.total, body.amount_style)) in text
        # The next appointment, in the second message, is weeks after the visit.
        assert blind10_layouts.next_visit(body) > body.day + timedelta(days=7)


def test_a_phone_page_shows_every_fee_on_one_page_and_bold_text_only_when_set() -> None:
    for spec in blind10_plan(90):
        if spec.rendition != "screenshot":
            continue
        body = spec.body
        page = spec.html()
        assert render.page_count(render.pdf(page)) == 1
        assert (blind10_layouts.BOLD_CSS in page) == (spec.variant == "bold_text")
        assert blind10_layouts.money(body.total, body.amount_style) in page
        if isinstance(body, content.Receipt):
            assert body.layout == "sms_receipt"
            continue
        if spec.variant == "desktop_site":
            assert body.layout == content.BLIND10_DESKTOP_LAYOUT
            assert f"size: {blind10_layouts.DESKTOP_WIDTH}px" in page
            rows = [
                f"<tr><td class='d'>{blind10_layouts.shown_date(body, fee.day)}</td>"
                for fee in body.fees
            ]
        else:
            assert body.layout == content.BLIND10_PHONE_LAYOUT
            rows = [
                f"<div class='when'>{blind10_layouts.shown_date(body, fee.day)}</div>"
                for fee in body.fees
            ]
        for row, fee in zip(rows, body.fees, strict=True):
            assert row in page
            assert blind10_layouts.money(fee.amount, body.amount_style) in page


def rendered(spec: generate.Spec) -> tuple[bytes, str, list[render.Placed]]:
    """The document's file as the set writes it, and where its pages went in it."""
    placed: list[render.Placed] = []
    own = planners.blind10_file(spec, placed)
    if own is None:
        data = render.pdf(spec.html())
        return data, "pdf", []
    return own[0], own[1], placed


@pytest.mark.parametrize("first", range(0, 60, 10))
def test_every_value_of_the_truth_is_visible_in_the_rendered_file(first: int) -> None:
    """Each name, date, amount and total a careful person reads is printed on the page (not off
    its edge), on no other print, under no note, thumb or bar, inside the picture made of it
    and dark on light there: every document of the sixty, ten at a time."""
    for spec in blind10_plan(60)[first : first + 10]:
        source = render.pdf(spec.html())
        sizes = page_sizes(source)
        letters = every_letter(source)
        data, extension, placed = rendered(spec)
        shots = pictures(data, extension) if placed else []
        if placed:
            assert len(placed) == len(shots) == len(sizes)
        for where in placed:
            # Nothing covers any print at all, values or not.
            height = sizes[where.page][1]
            for _, box in letters[where.page]:
                for cover in where.covered:
                    assert not meets(in_pixels(box, height, where.scale), cover), spec.stem
        for text in truth_texts(spec):
            found = occurrences(source, text)
            assert found, (spec.stem, text)
            for number, boxes, indices in found:
                width, height = sizes[number]
                # No other print (but the letters either side, whose boxes may touch) on it.
                page_indices = np.array([index for index, _ in letters[number]])
                page_boxes = np.array([box for _, box in letters[number]])
                apart = (page_indices < min(indices) - 1) | (page_indices > max(indices) + 1)
                for box in boxes:
                    assert box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
                    assert not overlaps(box, page_boxes[apart]).any(), (spec.stem, text)
                if not placed:
                    continue
                where = placed[number]
                picture = np.asarray(shots[number].convert("L"), dtype=np.float32)
                corners = []
                for box in boxes:
                    left, top, right, bottom = in_pixels(box, height, where.scale)
                    for cover in where.covered:
                        assert not meets((left, top, right, bottom), cover), (spec.stem, text)
                    corners += [where.where(x, y) for x in (left, right) for y in (top, bottom)]
                xs, ys = [x for x, _ in corners], [y for _, y in corners]
                slack = where.slack + 1
                assert min(xs) - slack >= 0 and max(xs) + slack <= where.size[0], spec.stem
                assert min(ys) - slack >= 0 and max(ys) + slack <= where.size[1], spec.stem
                region = picture[int(min(ys)) : int(max(ys)) + 1, int(min(xs)) : int(max(xs)) + 1]
                assert region.size, (spec.stem, text)
                assert np.percentile(region, 3) < 125, (spec.stem, text, np.percentile(region, 3))
                assert np.percentile(region, 97) > 140, (spec.stem, text)


def test_the_scans_are_a_note_on_a_colour_scan_a_grey_page_showing_through_or_a_hand_held_photo(
    tmp_path: Path,
) -> None:
    specs = blind10_plan(60)
    chosen = {}
    for spec in specs:
        chosen.setdefault(spec.variant, spec)
    note = generate.render_document(chosen["sticky_note"], tmp_path)
    picture = pictures(note.path.read_bytes(), note.path.suffix[1:])[0].convert("RGB")
    pixels = np.asarray(picture, dtype=np.int16)
    yellow = (pixels[:, :, 0] > 200) & (pixels[:, :, 1] > 180) & (pixels[:, :, 2] < 140)
    assert yellow.sum() > 20_000
    through = generate.render_document(chosen["show_through"], tmp_path)
    assert pictures(through.path.read_bytes(), through.path.suffix[1:])[0].mode == "L"
    held = generate.render_document(chosen["held_photo"], tmp_path)
    assert held.path.suffix in (".jpg", ".pdf")
    # Every note found room on a page, and a thumb holds every photographed document.
    for spec in specs:
        if spec.variant in ("sticky_note", "held_photo"):
            placed: list[render.Placed] = []
            planners.blind10_file(spec, placed)
            assert any(where.covered for where in placed), spec.stem
    rolls = [spec for spec in specs if spec.body.layout == "terminal_roll"]
    assert {spec.variant for spec in rolls if spec.rendition == "scan"} == {"held_photo"}


def test_a_cropped_screenshot_loses_only_the_bars_and_the_empty_screen() -> None:
    spec = next(spec for spec in blind10_plan(60) if spec.variant == "cropped")
    whole = Image.open(io.BytesIO(render.screenshot(spec.html())))
    placed: list[render.Placed] = []
    data = planners.blind10_file(spec, placed)
    assert data is not None and data[1:] == ("png", 1)
    kept = Image.open(io.BytesIO(data[0]))
    assert kept.width == whole.width and kept.height < whole.height
    top = -placed[0].matrix[5] / render.PHONE_SCALE
    assert top in blind10_layouts.top_chrome(spec.body)
    shift = int(-placed[0].matrix[5])
    assert (
        whole.crop((0, shift, whole.width, shift + kept.height)).tobytes()
        == kept.convert(whole.mode).tobytes()
    )


def test_every_receipt_and_phone_page_fits_on_one_page() -> None:
    specs = blind10_plan(300)
    for layout in content.BLIND10_RECEIPT_LAYOUTS:
        longest = max(
            (spec for spec in specs if spec.body.layout == layout),
            key=lambda spec: len(getattr(spec.body, "items", ())),
        )
        assert render.page_count(render.pdf(longest.html())) == 1
    for variant in ("desktop_site", "cropped", "bold_text"):
        longest = max(
            (spec for spec in specs if spec.variant == variant),
            key=lambda spec: len(getattr(spec.body, "fees", ())),
        )
        assert render.page_count(render.pdf(longest.html())) == 1


def test_the_renditions_are_as_designed() -> None:
    specs = blind10_plan(60)
    variants = Counter(spec.variant for spec in specs)
    assert variants["sticky_note"] >= 3 and variants["show_through"] >= 3
    assert variants["held_photo"] >= 3
    assert variants["cropped"] >= 4 and variants["desktop_site"] >= 4 and variants["bold_text"] >= 4
    assert all(spec.variant == "" for spec in specs if spec.rendition == "pdf")
    assert Counter(spec.rendition for spec in specs) == {"pdf": 20, "scan": 20, "screenshot": 20}
    for spec in specs:
        if spec.body.layout in content.BLIND10_PHONE_RECEIPT_LAYOUTS:
            assert spec.rendition == "screenshot"
        if spec.rendition == "screenshot" and isinstance(spec.body, content.Overview):
            desktop = spec.variant == "desktop_site"
            expected = content.BLIND10_DESKTOP_LAYOUT if desktop else content.BLIND10_PHONE_LAYOUT
            assert spec.body.layout == expected
        if spec.variant == "desktop_site":
            assert isinstance(spec.body, content.Overview)
    assert {spec.body.layout for spec in blind10_plan(300)} == blind10_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert 14 <= kinds[True] <= 26
    assert {spec.body.language for spec in specs} == {"nb", "nn", "en"}


def test_the_distractors_never_equal_what_they_stand_beside() -> None:
    """What is left before the card, the limit, the next appointment, the VAT and the balance
    are never the document's own total or date."""
    for spec in blind10_plan(300):
        body = spec.body
        if isinstance(body, content.Overview):
            assert blind10_layouts.left(body) != body.total
            assert body.limit != body.total
            # The certificate's date of issue is none of the fees' days.
            assert body.printed_at not in {fee.day for fee in body.fees}
            continue
        assert body.total != Decimal("0.00")
        if body.layout == "sms_receipt":
            later = blind10_layouts.shown_date(body, blind10_layouts.next_visit(body))
            assert later != blind10_layouts.shown_date(body, body.day)
        if body.layout == "surgery_receipt":
            assert blind10_layouts.tooth(body) in content.BLIND10_WISDOM_TEETH
