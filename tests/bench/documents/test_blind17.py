"""The seventeenth blind set: made only of what none of the other eighteen sets has, true to
itself and readable in every rendered file (checked without the reader, which is never run on
it here)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from html import escape
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from bench.documents import (
    blind17_layouts,
    content,
    generate,
    planners,
    render,
    sets,
)
from tests.bench.documents import blind_sets, pdfs
from tests.bench.documents.blind_sets import in_order
from tests.bench.documents.pdfs import flat, text_of


def blind17_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind17"], count=count, renditions=renditions)


def truth_texts(spec: generate.Spec) -> list[str]:
    """What a careful person reads off the document for its truth: the name, each line's date
    (and, on the statement, its month's heading) and amount, and the total, as printed."""
    body, truth = spec.body, spec.truth("x", 1)
    shown = [truth.name, blind17_layouts.money(truth.total, body.amount_style)]
    for line in truth.lines:
        shown.append(blind17_layouts.shown_date(body, line.date))
        shown.append(blind17_layouts.money(line.amount, body.amount_style))
        if body.layout == content.BLIND17_PAPER_LAYOUT:
            shown.append(blind17_layouts.month_heading(line.date, body.language))
    return shown


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} == {
        content.BLIND17_PAPER_LAYOUT,
        content.BLIND17_RECEIPT_LAYOUT,
    }
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        assert document.path.suffix == ".pdf"
        assert truth.pages == render.page_count(document.path.read_bytes())
        text = flat(text_of(document.path.read_bytes()))
        assert truth.name in text
        assert flat(blind17_layouts.money(truth.total, body.amount_style)) in text
        rest = text
        for day, amount in in_order(body):
            if body.layout == content.BLIND17_PAPER_LAYOUT:
                heading = flat(blind17_layouts.month_heading(day, body.language))
                assert heading in text, (spec.stem, heading)
                # The line's month is the last heading printed above it.
                above = (
                    text[: len(text) - len(rest)]
                    + rest.split(flat(blind17_layouts.shown_date(body, day)))[0]
                )
                headings = re.findall(r"[^\W\d_]+ \d{4}", above)
                assert headings and headings[-1] == heading, (spec.stem, heading)
            shown_day = flat(blind17_layouts.shown_date(body, day))
            shown_amount = flat(blind17_layouts.money(amount, body.amount_style))
            assert shown_day in rest, (spec.stem, shown_day)
            rest = rest[rest.index(shown_day) + len(shown_day) :]
            assert shown_amount in rest, (spec.stem, shown_amount)
            if isinstance(body, content.Overview):
                rest = rest[rest.index(shown_amount) + len(shown_amount) :]


def test_the_app_shows_every_value_on_one_wide_screen() -> None:
    for spec in blind17_plan(60):
        if spec.rendition != "screenshot":
            continue
        body = spec.body
        assert isinstance(body, content.Overview) and spec.variant == "fold_screen"
        assert body.layout == content.BLIND17_PHONE_LAYOUT
        page = spec.html()
        assert render.page_count(render.pdf(page)) == 1
        assert f"size: {blind17_layouts.SCREEN[0]}px {blind17_layouts.SCREEN[1]}px" in page
        assert len(body.fees) <= max(planners.BLIND17_PHONE_COUNTS)
        assert blind17_layouts.money(body.total, body.amount_style) in page
        assert f"{blind17_layouts.WORDS[body.language]['a_title']} {body.year}" in page
        assert escape(body.name) in page
        for fee in body.fees:
            assert f"<div class='d'>{blind17_layouts.shown_date(body, fee.day)}</div>" in page
            assert blind17_layouts.money(fee.amount, body.amount_style) in page


def rendered(spec: generate.Spec) -> tuple[bytes, bytes, str, list[render.Placed]]:
    """The PDF whose text the document's file shows, the file as the set writes it, its
    extension, and where the PDF's pages went in the file's pictures."""
    placed: list[render.Placed] = []
    own = planners.blind17_file(spec, placed)
    if own is None:
        data = render.pdf(spec.html())
        return data, data, "pdf", []
    return render.pdf(spec.html()), own[0], own[1], placed


def sample() -> list[generate.Spec]:
    """The document with the most lines of each layout, rendition and variant of the sixty."""
    chosen: dict[tuple[str, str, str], generate.Spec] = {}

    def size(spec: generate.Spec) -> int:
        return len(getattr(spec.body, "fees", getattr(spec.body, "items", ())))

    for spec in blind17_plan(60):
        key = (spec.body.layout, spec.rendition, spec.variant)
        if key not in chosen or size(spec) > size(chosen[key]):
            chosen[key] = spec
    return sorted(chosen.values(), key=lambda spec: spec.index)


@pytest.mark.parametrize("part", range(2))
def test_every_value_of_the_truth_is_visible_in_the_rendered_file(part: int) -> None:
    """Each name, date, amount and total a careful person reads is printed on the page, on no
    other print, and in the pictures made of it inside the picture, under nothing (no tape,
    no streak) and dark on light; the longest of each kind of the sixty, half at a time."""
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


def smallest(variant: str) -> generate.Spec:
    found = [spec for spec in blind17_plan(60) if spec.variant == variant]
    return min(found, key=lambda spec: len(spec.truth("x", 1).lines) + spec.index / 1000)


def test_each_variant_makes_the_file_it_says(tmp_path: Path) -> None:
    streaked = generate.render_document(smallest("streaked"), tmp_path)
    assert streaked.path.suffix == ".jpg"
    with Image.open(streaked.path) as image:
        assert image.mode == "L"
        grey = np.asarray(image, np.float32)
    # A streak runs down the page: even where nothing is printed (the foot of the page),
    # every row has a dark pixel.
    foot = grey[grey.shape[0] * 3 // 4 : grey.shape[0] - 40, 20:-20]
    assert (foot.min(axis=1) < 170).mean() > 0.95
    taped = generate.render_document(smallest("taped"), tmp_path)
    assert taped.path.suffix == ".jpg"
    with Image.open(taped.path) as image:
        assert image.mode == "RGB"
        width, height = image.size
        rgb = np.asarray(image, np.float32)
    assert abs(width / height - 210 / 297) < 0.01  # the A4 sheet, not the A5 receipt
    placed: list[render.Placed] = []
    planners.blind17_file(smallest("taped"), placed)
    assert len(placed[0].covered) == 2  # the two strips of tape, each on a margin
    for left, top, right, bottom in placed[0].covered:
        x, y = placed[0].where((left + right) / 2, (top + bottom) / 2)
        tape = rgb[int(y) - 5 : int(y) + 5, int(x) - 5 : int(x) + 5].reshape(-1, 3).mean(axis=0)
        assert tape[2] < tape[0] - 5  # a little yellow
    fold = generate.render_document(smallest("fold_screen"), tmp_path)
    with Image.open(fold.path) as image:
        assert image.format == "PNG" and image.size == (1812, 2175)


def test_the_renditions_are_as_designed() -> None:
    specs = blind17_plan(60)
    variants = Counter(spec.variant for spec in specs)
    assert variants == {"": 20, "streaked": 10, "taped": 10, "fold_screen": 20}
    assert Counter(spec.rendition for spec in specs) == {"pdf": 20, "scan": 20, "screenshot": 20}
    for spec in specs:
        phone = spec.body.layout == content.BLIND17_PHONE_LAYOUT
        assert phone == (spec.rendition == "screenshot")
        assert (spec.variant == "taped") == (
            spec.rendition == "scan" and isinstance(spec.body, content.Receipt)
        )
    assert {spec.body.layout for spec in blind17_plan(300)} == blind17_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert 20 <= kinds[True] <= 30
    for receipt in (True, False):
        languages = Counter(
            spec.body.language
            for spec in specs
            if isinstance(spec.body, content.Receipt) == receipt
        )
        assert set(languages) == {"nb", "nn", "en"} and min(languages.values()) >= 5
    for rendition in generate.RENDITIONS:
        languages = Counter(spec.body.language for spec in specs if spec.rendition == rendition)
        assert languages == {"nb": 7, "nn": 7, "en": 6}


def test_the_set_prints_whole_kroner_only() -> None:
    with pytest.raises(ValueError):
        blind17_layouts.money(Decimal("84.50"), "kr_dot_dash")


def test_every_seventeenth_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind17_plan(300):
        body, truth = spec.body, spec.truth("x", 1)
        assert all(line.amount == line.amount.to_integral_value() for line in truth.lines)
        if isinstance(body, content.Overview):
            assert len({fee.day for fee in body.fees}) == len(body.fees)
            if body.layout == content.BLIND17_PAPER_LAYOUT:
                assert len({fee.provider for fee in body.fees}) == 1
            continue
