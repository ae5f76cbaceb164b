"""Imported election data reaches the translation workflow, and English pages mark what is still Dutch."""

import pytest
from wagtail_localize.models import TranslationSource

from elections import importing
from elections.models import Correction, Position
from tests.elections.test_comparison_page import PAGE_EN, PAGE_NL, html

MARK = "(not yet translated)"


def run_import(election, rows, header=("party", "theme", "stance", "summary", "quote", "correction")):
    result = importing.apply(
        "positions", election, list(header), [(n, dict(zip(header, row, strict=True))) for n, row in enumerate(rows, 2)]
    )
    assert result.can_import, [row.errors for row in result.rows]
    return result


@pytest.fixture
def imported(comparison_page, english_page, django_capture_on_commit_callbacks):
    """Gamma Partij's new position on return (no English yet) and a changed summary of Alpha's on reception."""
    election = comparison_page.election
    with django_capture_on_commit_callbacks(execute=True):
        run_import(
            election,
            [
                ("CP", "terugkeer", "less", "Gamma wil minder hulp bij terugkeer.", "Minder hulp.", ""),
                ("AP", "opvang", "much_more", "Alpha wil opvang in elke gemeente.", "Iedereen welkom in Testdorp.", ""),
            ],
        )
    return election


def test_imported_positions_get_a_translation_source(imported):
    new = Position.objects.get(locale__language_code="nl", party__abbreviation="CP", theme__slug="terugkeer")
    source = TranslationSource.objects.get(object_id=new.translation_key, locale=new.locale)
    assert "Gamma wil minder hulp bij terugkeer." in {segment.string.data for segment in source.stringsegment_set.all()}


def test_a_position_without_english_is_shown_marked_in_dutch(client, imported):
    content = html(client.get(PAGE_EN + "?party=cp"))
    assert (
        f'<span lang="nl">Gamma wil minder hulp bij terugkeer.</span> <span class="untranslated">{MARK}</span>'
        in content
    )


def test_a_changed_dutch_summary_is_marked_on_the_english_page_until_translated(client, imported):
    content = html(client.get(PAGE_EN + "?party=ap"))
    assert '<span lang="nl">Alpha wil opvang in elke gemeente.</span>' in content
    assert content.count(MARK) == 1  # the other position of Alpha is translated: not marked


def test_the_dutch_page_marks_nothing(client, imported):
    assert MARK not in html(client.get(PAGE_NL + "?party=cp"))
    assert "niet vertaald" not in html(client.get(PAGE_NL + "?party=cp"))


def test_translated_positions_are_not_marked(client, comparison_page, english_page):
    assert MARK not in html(client.get(PAGE_EN))
    assert MARK not in html(client.get(PAGE_EN + "?party=bp"))


def test_a_correction_imported_in_dutch_is_marked_on_the_english_page(
    client, comparison_page, english_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run_import(
            comparison_page.election,
            [
                (
                    "BP",
                    "terugkeer",
                    "less",
                    "Samenvatting.",
                    "Terugkeer alleen met hulp.",
                    "De partij stuurde een nieuwe versie.",
                )
            ],
        )
    assert (
        Correction.objects.filter(note="De partij stuurde een nieuwe versie.").count() == 2
    )  # Dutch and the English copy
    content = html(client.get(PAGE_EN + "?party=bp"))
    assert (
        f'<span lang="nl">De partij stuurde een nieuwe versie.</span> <span class="untranslated">{MARK}</span>'
        in content
    )


def test_an_imported_statement_without_english_is_marked_in_the_english_guide(
    client, comparison_page, english_page, django_capture_on_commit_callbacks
):
    header = ("code", "theme", "statement", "party", "answer")
    rows = [
        ("S01", "opvang", "Meer opvang in Testdorp.", "AP", "agree"),
        ("S02", "terugkeer", "Bed, bad en brood blijft.", "AP", "agree"),
        ("S09", "opvang", "Elke gemeente vangt asielzoekers op.", "AP", "agree"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        result = importing.apply(
            "statements",
            comparison_page.election,
            list(header),
            [(n, dict(zip(header, row, strict=True))) for n, row in enumerate(rows, 2)],
        )
    assert result.can_import, [row.errors for row in result.rows]
    content = html(client.get(PAGE_EN + "guide/"))
    assert (
        f'<span class="statement__text" lang="nl">Elke gemeente vangt asielzoekers op.</span> <span class="untranslated">{MARK}</span>'
        in content
    )
    assert '<span class="statement__text">More reception in Testville.</span>' in content
    assert MARK not in html(client.get(PAGE_NL + "stemhulp/"))


def test_a_themes_slug_cannot_be_overridden_in_english(comparison_page):
    from wagtail_localize.segments import OverridableSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    from elections.models import Theme

    theme = Theme.objects.filter(locale__language_code="nl").first()
    overridable = [segment.path for segment in extract_segments(theme) if isinstance(segment, OverridableSegmentValue)]
    assert "slug" not in overridable
