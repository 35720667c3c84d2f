"""Pages made ready for OCR: ruled lines go, writing stays, and light writing on a dark band is
turned dark on light."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from refusjon.intake.reading import pixels

PLAIN = pixels.Preparation(deskew=False, denoise="none")


def page() -> pixels.Grey:
    """A landscape screenshot's paper, 2400 × 1400 pixels."""
    return np.full((1400, 2400), 245, dtype=np.uint8)


def test_a_ruled_line_is_painted_over_but_the_stem_of_a_large_bold_letter_is_not() -> None:
    grey = page()
    grey[300:303, 100:2300] = 40  # a table's rule, three pixels thick
    grey[500:560, 400:412] = 20  # a heading's "l": 60 pixels tall, 12 wide

    prepared = pixels.prepared(grey, PLAIN)

    assert prepared[301, 100:2300].min() > 200
    assert prepared[500:560, 400:412].max() < 60


def test_light_writing_on_a_dark_bar_is_turned_dark_on_light() -> None:
    grey = page()
    grey[900:1000, 100:2300] = 15  # the bar
    grey[930:970, 200:206] = 250  # a white stroke of its writing

    prepared = pixels.prepared(grey, PLAIN)

    assert prepared[950, 1000] > 200  # the bar is paper now
    assert prepared[930:970, 200:206].max() < 60  # and its writing ink


def test_a_dark_border_round_a_photographed_sheet_is_left_as_it_is() -> None:
    grey = page()
    # The table the sheet lay on, along the picture's top edge: as wide, dark and solid as a
    # bar, so only its touching the edge tells it from one.
    grey[:150, :] = 30

    prepared = pixels.prepared(
        grey, pixels.Preparation(deskew=False, remove_lines=False, denoise="none")
    )

    assert prepared[75, 1200] < 60


def test_two_screenshots_side_by_side_are_parted_at_the_dark_gutter_between_them() -> None:
    grey = page()
    grey[:, 1180:1220] = 60  # the gutter, from the top of the picture to its bottom

    assert pixels.gutters(grey) == pytest.approx((0.5,), abs=0.01)


def test_a_table_s_rule_and_a_white_margin_part_no_panels() -> None:
    grey = page()
    grey[200:1200, 1199:1203] = 40  # a rule down the table, which stops where the table does

    assert pixels.gutters(grey) == ()


def test_a_thin_light_rule_and_an_edge_between_two_grounds_down_the_picture_are_dividers() -> None:
    grey = page()
    grey[:, :600] = 235  # a navigation rail, a little darker than the panes
    grey[60:1300, 1600:1603] = 220  # a pane's rule, stopping above the system's bars
    grey[100:130, 300:500] = 30  # the rail's writing does not break its edge
    grey[100:130, 1590:1650] = 30  # nor a word over the rule, where it crosses it

    assert pixels.dividers(grey) == pytest.approx((0.25, 2 / 3), abs=0.004)


def test_a_rule_down_part_of_the_page_and_a_faint_shade_are_no_dividers() -> None:
    grey = page()
    grey[200:900, 1199:1202] = 40  # a table's rule, down half the page
    grey[:, 1800:] = 241  # a shade too faint to be a pane's ground
    grey[:, 5:8] = 40  # a rule along the picture's edge

    assert pixels.dividers(grey) == ()


def test_a_sheet_photographed_at_an_angle_is_warped_flat_where_it_stands() -> None:
    grey = np.full((1400, 1000), 70, dtype=np.uint8)  # a dark table
    # The sheet: its top edge drops to the right more steeply than its foot does.
    corners = np.array([[130, 100], [870, 160], [900, 1300], [100, 1280]], dtype=np.int32)
    cv2.fillPoly(grey, [corners], 235)
    cv2.line(grey, (200, 180), (800, 229), 20, 5)  # a line of print along the top edge
    cv2.line(grey, (200, 1200), (800, 1215), 20, 5)  # and one along the foot

    flat = pixels._flattened(grey)

    def line_at(x: int, rows: slice) -> float:
        return rows.start + float(np.median(np.flatnonzero(flat[rows, x] < 40)))

    top = [line_at(x, slice(150, 700)) for x in (250, 750)]
    foot = [line_at(x, slice(700, 1300)) for x in (250, 750)]
    assert abs(top[0] - top[1]) <= 3  # both lines level now, not one turn for the two
    assert abs(foot[0] - foot[1]) <= 3
    assert 170 < top[0] < 230  # and about where they stood on the photo (at 184 and 225)


def test_a_scan_or_a_screenshot_whose_page_meets_the_picture_s_edges_is_not_warped() -> None:
    grey = page()
    grey[300:303, 100:2300] = 40
    assert pixels._flattened(grey) is grey
    grey[:, :40] = 90  # a scanner's grey bed along one side
    assert pixels._flattened(grey) is grey


def test_a_grey_band_a_scan_made_of_a_coloured_heading_is_left_as_it_is() -> None:
    grey = page()
    grey[900:1000, 100:2300] = 105  # Tesseract reads the white writing on it as it stands
    grey[930:970, 200:206] = 250

    prepared = pixels.prepared(
        grey, pixels.Preparation(deskew=False, remove_lines=False, denoise="none")
    )

    assert prepared[950, 1000] < 130
    assert prepared[930:970, 200:206].min() > 200


def test_a_large_bold_digit_is_not_taken_for_a_dark_band() -> None:
    grey = page()
    grey[600:720, 1000:1090] = 20  # as dark and as solid as a bar, but no wider than tall

    prepared = pixels.prepared(
        grey, pixels.Preparation(deskew=False, remove_lines=False, denoise="none")
    )

    assert prepared[660, 1045] < 60


def test_an_app_s_bar_from_side_to_side_above_its_tabs_is_turned_too() -> None:
    grey = page()
    grey[1100:1250, :] = 15  # the year's total fixed at the foot, the tabs under it
    grey[1150:1200, 200:206] = 250

    prepared = pixels.prepared(grey, PLAIN)

    assert prepared[1175, 1200] > 200
    assert prepared[1150:1200, 200:206].max() < 60


def test_a_dark_strip_along_the_picture_s_foot_is_left_as_it_is() -> None:
    grey = page()
    grey[1250:, :] = 30  # the scanner's bed below a short sheet

    prepared = pixels.prepared(
        grey, pixels.Preparation(deskew=False, remove_lines=False, denoise="none")
    )

    assert prepared[1325, 1200] < 60


def phone_with_text(size: int) -> pixels.Grey:
    """A phone's screenshot, 1170 × 2532, of rows of letters ``size`` pixels high."""
    image = Image.new("L", (1170, 2532), 250)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("DejaVuSans.ttf", size)
    for row in range(40, 2400, size * 3):
        draw.text((40, row), "Fastlege 12.03.2025 Legesenteret 179,00 Kr", fill=20, font=font)
    return np.asarray(image, dtype=np.uint8)


def test_a_phone_s_desktop_site_with_small_letters_is_read_at_twice_its_size() -> None:
    small = phone_with_text(13)  # a site's desktop layout, shrunk to the phone's width
    assert pixels.letter_height(small) < pixels.SMALL_LETTERS
    assert pixels.prepared(small, PLAIN).shape == (2532 * 2, 1170 * 2)


def test_a_phone_app_s_large_letters_are_read_as_they_are() -> None:
    large = phone_with_text(34)
    assert pixels.letter_height(large) >= pixels.SMALL_LETTERS
    assert pixels.prepared(large, PLAIN).shape == (2532, 1170)


def test_a_long_scroll_capture_is_never_enlarged_whatever_its_letters() -> None:
    long = np.full((14000, 1170), 250, dtype=np.uint8)
    long[100:110, 100:106] = 20  # one small mark
    assert pixels.prepared(long, PLAIN).shape == (14000, 1170)


def test_an_app_s_dark_header_block_with_its_title_and_sum_is_turned_dark_on_light() -> None:
    grey = np.full((1560, 750), 245, dtype=np.uint8)
    grey[40:349, :] = 69  # the header block, 750 × 309: wider than tall, though not by much
    grey[180:240, 40:46] = 250  # a white stroke of its sum

    prepared = pixels.prepared(grey, PLAIN)

    assert prepared[100, 400] > 200
    assert prepared[180:240, 40:46].max() < 60


def test_a_coloured_band_is_turned_only_where_its_writing_is_light() -> None:
    teal = np.full((1400, 2400), 245, dtype=np.uint8)
    teal[300:400, 100:2300] = 90  # a teal bar, lighter than black
    grey_heading = np.full((1400, 2400), 245, dtype=np.uint8)
    grey_heading[300:400, 100:2300] = 90  # a grey band as dark
    for left in range(200, 2200, 40):  # rows of writing's strokes
        for top in (330, 340, 350):
            teal[top : top + 4, left : left + 20] = 250  # white on the teal bar
            grey_heading[top : top + 4, left : left + 20] = 10  # black on the grey band

    turned, kept = pixels.prepared(teal, PLAIN), pixels.prepared(grey_heading, PLAIN)

    assert turned[330:334, 200:220].max() < 60  # the white writing is ink now
    assert turned[345, 1030] > 200  # on paper
    assert kept[345, 1030] < 120  # the grey band is left as it is
    assert kept[330:334, 200:220].max() < 60
