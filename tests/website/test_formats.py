"""One date and number style per language (website/formats), whatever Django's defaults are."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

DAY = datetime.date(2020, 3, 23)
MOMENT = datetime.datetime(2026, 9, 1, 14, 5)


@pytest.mark.parametrize(
    "language, expected",
    [
        ("nl", "23 maart 2020 | 23 mrt 2020 | maart 2020 | 1 september 2026, 14:05 | 21.000 | 12,5"),
        ("en", "23 March 2020 | 23 Mar 2020 | March 2020 | 1 September 2026, 14:05 | 21,000 | 12.5"),
    ],
)
def test_dates_and_numbers_follow_the_language(language, expected, settings):
    settings.USE_TZ = False
    template = Template(
        '{% load humanize %}{{ day|date:"DATE_FORMAT" }} | {{ day|date:"SHORT_DATE_FORMAT" }} | '
        '{{ day|date:"YEAR_MONTH_FORMAT" }} | {{ moment|date:"DATETIME_FORMAT" }} | {{ 21000|intcomma }} | {{ 12.5 }}'
    )
    with translation.override(language):
        assert template.render(Context({"day": DAY, "moment": MOMENT})) == expected


def test_public_templates_use_the_named_formats_only():
    """A hard-coded "j M Y" capitalises Dutch months; "N j, Y" is American: templates name a format."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "templates"
    found = [
        f"{path.relative_to(root)}: {match}"
        for path in root.rglob("*.*")
        if "admin" not in path.parts
        for match in re.findall(r'\|date:"([^"]+)"', path.read_text())
        if not match.endswith("_FORMAT")
    ]
    assert found == []
