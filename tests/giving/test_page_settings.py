"""What editors set on a donate page is checked before it is saved."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from giving.models import DonatePage, parse_suggested


@pytest.mark.parametrize("text", ["", "5, tien", "5, -10", "0", "1, 2, 3, 4, 5, 6, 7", "2.50"])
def test_suggested_amounts_must_be_one_to_six_whole_euros(text):
    with pytest.raises(ValidationError):
        parse_suggested(text)


def test_suggested_amounts_are_read_in_their_order():
    assert parse_suggested(" 25; 5,10 ") == [25, 5, 10]


@pytest.mark.parametrize(
    ("suggested", "minimum", "maximum", "field"),
    [
        ("5, 10", "20", "10", "maximum_amount"),
        ("1, 10", "2", "100", "suggested_amounts"),
        ("5, 500", "2", "100", "suggested_amounts"),
    ],
)
@pytest.mark.django_db
def test_limits_and_suggestions_must_agree(suggested, minimum, maximum, field):
    page = DonatePage(
        title="Doneer", slug="doneer", intro="-", suggested_amounts=suggested,
        minimum_amount=Decimal(minimum), maximum_amount=Decimal(maximum),
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert field in error.value.message_dict
