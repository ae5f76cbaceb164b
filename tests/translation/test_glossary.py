import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from translation import glossary
from translation.checks import check_glossary


def test_the_repository_glossary_holds_the_organisations_terms(settings):
    entries = dict(glossary.load(settings.TRANSLATION_GLOSSARY).entries)
    assert entries["terugkeer"] == "return"
    assert entries["gemeente"] == "municipality"
    assert entries["asielzoeker"] == "asylum seeker"
    assert check_glossary() == []


def test_comments_and_blank_lines_are_skipped():
    parsed = glossary.parse("# terms\n\nopvang\treception\n")
    assert parsed.entries == (("opvang", "reception"),)
    assert parsed.as_tsv() == "opvang\treception"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("opvang reception\n", "line 1: expected “Dutch<TAB>English”, found 1 column(s)"),
        ("opvang\treception\textra\n", "line 1: expected “Dutch<TAB>English”, found 3 column(s)"),
        ("\treception\n", "line 1: the Dutch term is empty"),
        ("opvang\t\n", "line 1: the English term is empty"),
        ("opvang \treception\n", "line 1: the Dutch term “opvang” has spaces around it"),
        ("opvang\treception\nOpvang\tshelter\n", "line 2: “Opvang” is already on line 1"),
        ("# nothing\n", "the glossary has no entries"),
        ("opvang\t" + "x" * 1025 + "\n", "line 1: the English term is longer than 1024 bytes"),
    ],
)
def test_a_bad_glossary_is_refused_with_the_line(text, error):
    with pytest.raises(glossary.GlossaryError) as refused:
        glossary.parse(text)
    assert error in refused.value.errors


def test_every_bad_line_is_reported_not_only_the_first():
    with pytest.raises(glossary.GlossaryError) as refused:
        glossary.parse("a\tb\nbad\n\tc\n")
    assert len(refused.value.errors) == 2


def test_a_changed_glossary_gets_another_name():
    assert glossary.parse("a\tb").digest != glossary.parse("a\tc").digest


@pytest.mark.django_db
def test_the_system_check_refuses_a_glossary_with_errors(settings, tmp_path):
    path = tmp_path / "glossary.tsv"
    path.write_text("terugkeer\treturn\nterugkeer\tcomeback\n", encoding="utf-8")
    settings.TRANSLATION_GLOSSARY = path
    errors = check_glossary()
    assert [error.id for error in errors] == ["translation.E001"]
    assert "line 2" in errors[0].msg
    with pytest.raises(SystemCheckError):
        call_command("check")


def test_the_system_check_refuses_a_missing_or_unreadable_glossary(settings, tmp_path):
    settings.TRANSLATION_GLOSSARY = tmp_path / "missing.tsv"
    assert "cannot read" in check_glossary()[0].msg
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    settings.TRANSLATION_GLOSSARY = binary
    assert check_glossary()[0].id == "translation.E001"
