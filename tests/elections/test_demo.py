import pytest
from django.core.management import call_command

from elections import comparison, guide_checks
from elections.demo import seed
from elections.models import Correction, ElectionComparisonPage, Party, Position, Statement
from website.seeding import Seeder

# Committed transactions, as `manage.py seed_demo` runs (see tests/website/test_seed_demo.py).
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWS = ["", "?parties=gh,pvi,vbv", "?theme=terugkeer", "?party=lbv", "open-data/json/"]


@committed
def test_demo_has_a_fictional_comparison_and_guide_in_both_languages(client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    pages = {page.locale.language_code: page for page in ElectionComparisonPage.objects.select_related("locale")}
    assert set(pages) == {"nl", "en"}
    assert Party.objects.filter(locale__language_code="nl").count() == 5
    assert Position.objects.filter(locale__language_code="en").count() == 30
    assert Statement.objects.filter(locale__language_code="nl").count() == 10
    assert Correction.objects.exists()
    for language, page in pages.items():
        for view in [*VIEWS, "stemhulp/" if language == "nl" else "guide/"]:
            assert client.get(page.url + view).status_code == 200, (language, view)
    assert "Voorbeeldstad" in client.get(pages["nl"].url).content.decode()

    # The demo guide can tell every party apart and has no statement everyone answers alike.
    source = pages["nl"]
    found = guide_checks.check(
        comparison.guide_input(comparison.load(source.election, source.locale, with_statements=True))
    )
    assert found == {"indistinguishable": [], "unanimous": [], "missing": []}

    seeder = Seeder(log=lambda message: None)
    seed(seeder)
    assert seeder.created == 0
