"""The eighteenth blind set: made only of what none of the other nineteen sets has, true to
itself and readable in every rendered file (checked without the reader, which is never run on
it here)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from html import escape
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from bench.documents import (
    blind18_layouts,
    content,
    generate,
    planners,
    render,
    sets,
)
from tests.bench.documents import blind_sets, pdfs
from tests.bench.documents.pdfs import flat, text_of


def blind18_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind18"], count=count, renditions=renditions)


def in_order(body: content.Overview | content.Receipt) -> list[tuple[date, Decimal]]:
    """The lines' dates and amounts in the order the document prints them (a statement's by
    department, the app's by quarter, newest first)."""
    if isinstance(body, content.Receipt):
        return [(body.day, body.total)]
    return [(fee.day, fee.amount) for fee in blind18_layouts.printed_order(body)]


def truth_texts(spec: generate.Spec) -> list[str]:
    """What a careful person reads off the document for its truth: the name, each line's date
    and amount (and, on the statement, its department's heading; in the app, its quarter's),
    and the total, as printed."""
    body, truth = spec.body, spec.truth("x", 1)
    shown = [truth.name, blind18_layouts.money(truth.total, body.amount_style)]
    for line in truth.lines:
        shown.append(blind18_layouts.shown_date(body, line.date))
        shown.append(blind18_layouts.money(line.amount, body.amount_style))
        if body.layout == content.BLIND18_PAPER_LAYOUT:
            shown.append(line.service)
        if body.layout == content.BLIND18_PHONE_LAYOUT:
            words = blind18_layouts.WORDS[body.language]
            quarter = blind18_layouts.quarter(line.date)
            shown.append(words["a_quarter"].format(n=quarter, year=line.date.year))
    return shown


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} == {
        content.BLIND18_PAPER_LAYOUT,
        *content.BLIND18_RECEIPT_LAYOUTS,
    }
    departments = [texts[:3] for texts in content.BLIND18_DEPARTMENTS]
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        assert document.path.suffix == ".pdf"
        assert truth.pages == render.page_count(document.path.read_bytes()) == 1
        text = flat(text_of(document.path.read_bytes()))
        assert truth.name in text
        assert flat(blind18_layouts.money(truth.total, body.amount_style)) in text
        rest = text
        entries = (
            [(fee.day, fee.amount, fee.service) for fee in blind18_layouts.printed_order(body)]
            if isinstance(body, content.Overview)
            else [(body.day, body.total, "")]
        )
        assert [(day, amount) for day, amount, _ in entries] == in_order(body)
        for day, amount, service in entries:
            shown_day = flat(blind18_layouts.shown_date(body, day))
            shown_amount = flat(blind18_layouts.money(amount, body.amount_style))
            assert shown_day in rest, (spec.stem, shown_day)
            if body.layout == content.BLIND18_PAPER_LAYOUT:
                # The line's department is the last department named above it.
                above = text[: len(text) - len(rest)] + rest.split(shown_day)[0]
                names = [name for texts in departments for name in texts if name in above]
                last = max(names, key=above.rindex)
                assert last == service, (spec.stem, shown_day, last)
            rest = rest[rest.index(shown_day) + len(shown_day) :]
            assert shown_amount in rest, (spec.stem, shown_amount)
            if isinstance(body, content.Overview):
                rest = rest[rest.index(shown_amount) + len(shown_amount) :]


def test_the_app_shows_every_value_on_one_screen_under_its_quarter() -> None:
    for spec in blind18_plan(60):
        if spec.rendition != "screenshot":
            continue
        body = spec.body
        assert isinstance(body, content.Overview) and spec.variant == "redacted"
        assert body.layout == content.BLIND18_PHONE_LAYOUT
        page = spec.html()
        assert render.page_count(render.pdf(page)) == 1
        assert f"size: {blind18_layouts.SCREEN[0]}px {blind18_layouts.SCREEN[1]}px" in page
        assert len(body.fees) <= max(planners.BLIND18_PHONE_COUNTS)
        assert blind18_layouts.money(body.total, body.amount_style) in page
        assert escape(body.name) in page
        assert escape(blind18_layouts.birth_shown(body)) in page
        words = blind18_layouts.WORDS[body.language]
        for number, fees in blind18_layouts.quarters(body):
            heading = words["a_quarter"].format(n=number, year=body.year)
            assert page.index(heading) < page.index(blind18_layouts.shown_date(body, fees[0].day))
            for fee in fees:
                assert blind18_layouts.quarter(fee.day) == number
                shown = blind18_layouts.shown_date(body, fee.day)
                assert f"<div class='d'>{shown}</div>" in page
                assert blind18_layouts.money(fee.amount, body.amount_style) in page


def rendered(spec: generate.Spec) -> tuple[bytes, bytes, str, list[render.Placed]]:
    """The PDF whose text the document's file shows, the file as the set writes it, its
    extension, and where the PDF's pages went in the file's pictures."""
    placed: list[render.Placed] = []
    own = planners.blind18_file(spec, placed)
    if own is None:
        data = render.pdf(spec.html())
        return data, data, "pdf", []
    return render.pdf(spec.html()), own[0], own[1], placed


def sample() -> list[generate.Spec]:
    """The document with the most lines of each layout, rendition and variant of the sixty."""
    chosen: dict[tuple[str, str, str], generate.Spec] = {}

    def size(spec: generate.Spec) -> int:
        return len(getattr(spec.body, "fees", getattr(spec.body, "items", ())))

    for spec in blind18_plan(60):
        key = (spec.body.layout, spec.rendition, spec.variant)
        if key not in chosen or size(spec) > size(chosen[key]):
            chosen[key] = spec
    return sorted(chosen.values(), key=lambda spec: spec.index)


@pytest.mark.parametrize("part", range(2))
def test_every_value_of_the_truth_is_visible_in_the_rendered_file(part: int) -> None:
    """Each name, date, amount and total a careful person reads is printed on the page, on no
    other print, and in the pictures made of it inside the picture, under nothing (no slip,
    no staple, no marker) and dark on light, the phone's shadow on it or not; the longest of
    each kind of the sixty, half at a time."""
    for spec in sample()[part::2]:
        source, data, extension, placed = rendered(spec)
        sizes = blind_sets.media_sizes(source)
        letters = pdfs.every_letter(source)
        shots = pdfs.pictures(data, extension) if placed else []
        if placed:
            assert len(placed) == len(shots)
            assert {where.page for where in placed} == set(range(len(sizes)))
        greys = [np.asarray(shot.convert("L"), dtype=np.float32) for shot in shots]
        for text in truth_texts(spec):
            found = blind_sets.occurrences(source, text)
            assert found, (spec.stem, text)
            for number, boxes, indices in found:
                width, height = sizes[number]
                page_indices = np.array([index for index, _ in letters[number]])
                page_boxes = np.array([box for _, box in letters[number]])
                apart = (page_indices < min(indices) - 1) | (page_indices > max(indices) + 1)
                for box in boxes:
                    assert box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
                    assert not blind_sets.overlaps(box, page_boxes[apart]).any(), (spec.stem, text)
                for at, where in enumerate(placed):
                    if where.page == number:
                        ok, why = blind_sets.seen(boxes, height, where, greys[at])
                        assert ok, (spec.stem, spec.variant, text, why)


def smallest(variant: str, layout: str = "") -> generate.Spec:
    found = [
        spec
        for spec in blind18_plan(60)
        if spec.variant == variant and spec.body.layout.startswith(layout)
    ]
    return min(found, key=lambda spec: len(spec.truth("x", 1).lines) + spec.index / 1000)


def test_the_photo_has_the_shadow_of_the_phone_across_the_page(tmp_path: Path) -> None:
    spec = smallest("shadow_photo")
    photo = generate.render_document(spec, tmp_path)
    assert photo.path.suffix == ".jpg" and photo.truth.pages == 1
    placed: list[render.Placed] = []
    planners.blind18_file(spec, placed)
    with Image.open(photo.path) as image:
        assert image.mode == "RGB"
        grey = np.asarray(image.convert("L"), np.float32)
    # The page's paper, where nothing is printed, from the page's own pixels.
    source = render.pdf(spec.html())
    document = pdfium.PdfDocument(source)
    try:
        page = np.asarray(
            document[0].render(scale=placed[0].scale, grayscale=True).to_pil().convert("L")
        )
    finally:
        document.close()
    blank = ~render.ink(page, 4)
    inset = 40  # the page's edges lie on the table, its shadow under them
    blank[:inset], blank[-inset:], blank[:, :inset], blank[:, -inset:] = False, False, False, False
    ys, xs = np.nonzero(blank[::9, ::9])
    paper = []
    for x, y in zip(xs * 9, ys * 9, strict=True):
        px, py = placed[0].where(float(x), float(y))
        paper.append(grey[int(py), int(px)])
    light = np.array(paper)
    # A shadow: a good share of the blank paper a fifth darker than the brightest, none of it
    # too dark to read print on.
    bright = np.percentile(light, 90)
    assert (light < bright * 0.86).mean() > 0.05
    assert np.percentile(light, 0.5) > 150


def test_the_slip_is_stapled_where_the_receipt_has_no_print(tmp_path: Path) -> None:
    for layout in content.BLIND18_RECEIPT_LAYOUTS:
        spec = smallest("stapled_slip", layout)
        assert isinstance(spec.body, content.Receipt)
        stapled = generate.render_document(spec, tmp_path)
        assert stapled.path.suffix == ".jpg" and stapled.truth.pages == 1
        with Image.open(stapled.path) as image:
            assert image.mode == "RGB"
            width, height = image.size
            grey = np.asarray(image.convert("L"), np.float32)
        assert abs(width / height - 210 / 297) < 0.01  # an A4 scan, whatever the receipt's size
        placed: list[render.Placed] = []
        planners.blind18_file(spec, placed)
        ((left, top, right, bottom),) = placed[0].covered
        source = render.pdf(spec.html())
        document = pdfium.PdfDocument(source)
        try:
            page = np.asarray(
                document[0].render(scale=placed[0].scale, grayscale=True).to_pil().convert("L")
            )
        finally:
            document.close()
        # The receipt has no print under the slip; the picture has the slip's print there.
        assert page[int(top) : int(bottom), int(left) : int(right)].min() > 235
        corners = [placed[0].where(x, y) for x in (left, right) for y in (top, bottom)]
        x0, x1 = int(min(x for x, _ in corners)), int(max(x for x, _ in corners))
        y0, y1 = int(min(y for _, y in corners)), int(max(y for _, y in corners))
        assert grey[y0:y1, x0:x1].min() < 90
        slip = flat(text_of(render.pdf(blind18_layouts.slip_html(spec.body))))
        amount = f"{spec.body.total:,.2f}".replace(",", " ").replace(".", ",")
        assert f"NOK {amount}" in slip and spec.body.organisation_number in slip


def test_the_birth_date_is_blacked_out_and_nothing_else(tmp_path: Path) -> None:
    spec = smallest("redacted")
    assert isinstance(spec.body, content.Overview)
    shot = generate.render_document(spec, tmp_path)
    with Image.open(shot.path) as image:
        assert image.format == "PNG" and image.size == (1170, 2532)
        grey = np.asarray(image.convert("L"), np.float32)
    placed: list[render.Placed] = []
    planners.blind18_file(spec, placed)
    (box,) = placed[0].covered
    found = blind_sets.occurrences(render.pdf(spec.html()), blind18_layouts.birth_shown(spec.body))
    assert len(found) == 1
    _, letters, _ = found[0]
    height = blind_sets.media_sizes(render.pdf(spec.html()))[0][1]
    for letter in letters:
        left, top, right, bottom = pdfs.in_pixels(letter, height, placed[0].scale)
        assert box[0] <= left and right <= box[2] and box[1] <= top and bottom <= box[3]
        assert grey[int(top) : int(bottom), int(left) : int(right)].mean() < 40


def test_the_renditions_are_as_designed() -> None:
    specs = blind18_plan(60)
    variants = Counter(spec.variant for spec in specs)
    assert variants == {"": 20, "shadow_photo": 10, "stapled_slip": 10, "redacted": 20}
    assert Counter(spec.rendition for spec in specs) == {"pdf": 20, "scan": 20, "screenshot": 20}
    for spec in specs:
        phone = spec.body.layout == content.BLIND18_PHONE_LAYOUT
        assert phone == (spec.rendition == "screenshot")
        assert (spec.variant == "stapled_slip") == (
            spec.rendition == "scan" and isinstance(spec.body, content.Receipt)
        )
        assert (spec.variant == "shadow_photo") == (
            spec.rendition == "scan" and isinstance(spec.body, content.Overview)
        )
    assert {spec.body.layout for spec in blind18_plan(300)} == blind18_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert kinds[True] * 3 >= len(specs) and kinds[True] == 25
    for rendition in ("pdf", "scan"):
        layouts = Counter(
            spec.body.layout
            for spec in specs
            if spec.rendition == rendition and isinstance(spec.body, content.Receipt)
        )
        assert set(layouts) == set(content.BLIND18_RECEIPT_LAYOUTS)
        assert min(layouts.values()) >= 5
    for receipt in (True, False):
        languages = Counter(
            spec.body.language
            for spec in specs
            if isinstance(spec.body, content.Receipt) == receipt
        )
        assert set(languages) == {"nb", "nn", "en"} and min(languages.values()) >= 7
    for rendition in generate.RENDITIONS:
        languages = Counter(spec.body.language for spec in specs if spec.rendition == rendition)
        assert languages == {"nb": 7, "nn": 7, "en": 6}
    groups = {
        len(blind18_layouts.groups(spec.body))
        for spec in specs
        if spec.body.layout == content.BLIND18_PAPER_LAYOUT
        and isinstance(spec.body, content.Overview)
    }
    assert {1, 2} <= groups  # some statements have more than one department


def test_the_set_prints_whole_kroner_only() -> None:
    with pytest.raises(ValueError):
        blind18_layouts.money(Decimal("84.50"), "kr_endash")


def test_every_eighteenth_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind18_plan(300):
        body, truth = spec.body, spec.truth("x", 1)
        assert all(line.amount == line.amount.to_integral_value() for line in truth.lines)
        if isinstance(body, content.Overview):
            assert len({fee.day for fee in body.fees}) == len(body.fees)
            if body.layout == content.BLIND18_PAPER_LAYOUT:
                assert len({fee.provider for fee in body.fees}) == 1
                assert body.printed_at > max(blind18_layouts.paid_on(fee) for fee in body.fees)
                # Each department's sum is one amount, the total another: a sum is never a
                # line of the truth by itself unless the department has one fee.
                for _, fees in blind18_layouts.groups(body):
                    assert all(fee.service == fees[0].service for fee in fees)
            continue
        if body.layout == content.BLIND18_PERIODONTICS_LAYOUT:
            assert all(item.code and item.price and item.price > item.amount for item in body.items)
