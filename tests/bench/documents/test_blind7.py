"""The seventh blind set: made only of what none of the other eight sets has, and true to
itself (checked without the reader, which is never run on it here)."""

from __future__ import annotations

from collections import Counter

from bench.documents import blind7_layouts, content, generate, render, sets
from tests.bench.documents.pdfs import printed, text_of


def blind7_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind7"], count=count, renditions=renditions)


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} >= set(content.BLIND7_OVERVIEW_LAYOUTS)
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        text = printed(text_of(document.path.read_bytes()))
        flat = " ".join(text.split())
        assert truth.name in flat
        assert printed(blind7_layouts.money(truth.total, body.amount_style)) in text
        rows = text.splitlines()
        pairs = Counter((line.date, line.amount) for line in truth.lines)
        for (when, amount), times in pairs.items():
            shown_day = printed(blind7_layouts.day(when, body.date_style, body.language))
            shown_amount = printed(blind7_layouts.money(amount, body.amount_style))
            if isinstance(body, content.Receipt):
                assert shown_day in flat and shown_amount in text
                continue
            if body.layout == "two_column":
                # Two fees share a text row, one in each column.
                found = sum(row.count(shown_day) for row in rows if shown_amount in row)
                assert found >= times
                continue
            assert sum(shown_day in row and shown_amount in row for row in rows) >= times


def test_a_phone_overview_shows_every_fee_upright_or_sideways() -> None:
    for spec in blind7_plan(90):
        body = spec.body
        if spec.rendition != "screenshot" or not isinstance(body, content.Overview):
            continue
        page = spec.html()
        for fee in body.fees:
            assert blind7_layouts.money(fee.amount, body.amount_style) in page
            assert f"<div class='d'>{fee.day.day}</div>" in page
        assert page.count("class='item'") == len(body.fees)
        assert render.page_count(render.pdf(page)) == 1


def test_every_receipt_fits_on_one_page() -> None:
    specs = blind7_plan(300)
    for layout in content.BLIND7_RECEIPT_LAYOUTS:
        longest = max(
            (spec for spec in specs if spec.body.layout == layout),
            key=lambda spec: len(getattr(spec.body, "items", ())),
        )
        assert render.page_count(render.pdf(longest.html())) == 1


def test_the_renditions_mix_highlighters_screens_sideways_phones_and_messengers() -> None:
    specs = blind7_plan(60)
    variants = Counter(spec.variant for spec in specs)
    assert variants["highlighted"] == variants["screen_photo"] == 10
    assert variants["landscape"] >= 3 and variants["messenger"] >= 3
    assert all(spec.variant == "" for spec in specs if spec.rendition == "pdf")
    assert {spec.body.layout for spec in specs} == blind7_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert 14 <= kinds[True] <= 26
