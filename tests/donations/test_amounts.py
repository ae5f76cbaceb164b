import pytest

from donations.area import AmountError, format_cm2, format_euros, parse_euros, units_for_amount


@pytest.mark.parametrize(
    "text, cents",
    [
        ("12", 1200),
        ("12,50", 1250),
        ("12.5", 1250),
        ("€ 7", 700),
        ("0,05", 5),
        (" 3,00 ", 300),
        ("€\u00a02", 200),
    ],
)
def test_amounts_are_read_in_whole_cents_with_comma_or_dot(text, cents):
    assert parse_euros(text) == cents


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "empty"),
        ("-5", "not positive"),
        ("0", "not positive"),
        ("0,00", "not positive"),
        ("12,505", "fraction of a cent"),
        ("0.001", "fraction of a cent"),
        ("1.000", "fraction of a cent"),
        ("1e3", "not a number"),
        ("NaN", "not a number"),
        ("Infinity", "not a number"),
        ("12,5,0", "not a number"),
        ("1.000,00", "not a number"),
        ("9" * 13, "not a number"),
        ("twaalf", "not a number"),
        ("+5", "not a number"),
    ],
)
def test_bad_amounts_are_refused_with_a_reason(text, reason):
    with pytest.raises(AmountError) as error:
        parse_euros(text)
    assert str(error.value) == reason


def test_an_amount_buys_area_rounded_down_to_a_hundredth_of_a_cm2():
    assert units_for_amount(200, 1000) == 20  # € 2 at € 10/cm² = 0.2 cm²
    assert units_for_amount(777, 1000) == 77  # € 7.77 = 0.777 cm² -> 0.77 cm²
    assert units_for_amount(1000, 1000) == 100


def test_numbers_are_written_as_the_language_writes_them():
    from django.utils import translation

    with translation.override("nl"):
        assert format_cm2(35) == "0,35" and format_cm2(103000) == "1.030" and format_euros(1250) == "€\u00a012,50"
    with translation.override("en"):
        assert format_cm2(35) == "0.35" and format_euros(2000) == "€\u00a020"
