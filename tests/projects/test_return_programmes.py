import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from projects.models import ReturnProgrammeIndexPage, ReturnProgrammePage
from website.caching import purge_all


def test_return_programmes_live_under_their_index():
    assert ReturnProgrammePage.allowed_parent_page_models() == [ReturnProgrammeIndexPage]


@pytest.mark.parametrize(
    "path, texts",
    [
        (
            "/nl/terugkeer/nieuw-hoofdstuk/",
            [
                "Afgewezen asielzoekers.",
                "Eigen besluit",
                "Stap 3",
                "Terugkeerteam",
                "Advies voor vertrek",
                "Belgrade Centre for Human Rights",
            ],
        ),
        (
            "/en/return/new-chapter/",
            [
                "Rejected asylum seekers.",
                "Independent decision",
                "Step 3",
                "Return team",
                "Pre-departure counselling",
                "Belgrade Centre for Human Rights",
            ],
        ),
    ],
)
def test_return_programme_renders_in_both_languages(client, return_programme, path, texts):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    for text in texts:
        assert text in html


def test_method_steps_are_an_ordered_list(client, return_programme):
    html = client.get("/en/return/new-chapter/").content.decode()
    steps = html.split('<ol class="steps">')[1].split("</ol>")[0]
    assert steps.index("Step 1") < steps.index("Step 2") < steps.index("Step 3")


def test_review_dates_are_shown_on_the_page(client, return_programme):
    html = client.get("/en/return/new-chapter/").content.decode()
    assert "Last reviewed on" in html and "next review" in html
    assert "due for review" not in html


def test_overdue_programme_warns_visitors(client, return_programme, english):
    english_page = return_programme.get_translation(english)
    ReturnProgrammePage.objects.filter(pk=english_page.pk).update(
        last_reviewed=datetime.date(2020, 1, 1), next_review=datetime.date(2020, 6, 1)
    )
    html = client.get("/en/return/new-chapter/").content.decode()
    assert "This information is due for review" in html


def test_next_review_must_follow_the_last(return_programme):
    return_programme.next_review = return_programme.last_reviewed
    with pytest.raises(ValidationError) as error:
        return_programme.full_clean()
    assert "next_review" in error.value.message_dict


def test_index_lists_programmes_and_principles(client, return_programme):
    html = client.get("/en/return/").content.decode()
    assert 'href="/en/return/new-chapter/"' in html
    assert "Safe" in html and "Without persecution." in html


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    return client


def test_admin_lists_programmes_past_their_review_date(admin_client, return_programme):
    ReturnProgrammePage.objects.filter(pk=return_programme.pk).update(next_review=datetime.date(2020, 6, 1))
    html = admin_client.get("/admin/reports/overdue-reviews/").content.decode()
    assert "Een nieuw hoofdstuk" in html
    assert "A New Chapter" not in html  # the English copy is not overdue


def test_admin_report_is_empty_when_everything_is_reviewed(admin_client, return_programme):
    response = admin_client.get("/admin/reports/overdue-reviews/")
    assert response.status_code == 200
    assert "op tijd gecontroleerd" in response.content.decode()  # the admin speaks Dutch by default


@pytest.mark.parametrize(
    "path, budget",
    [
        ("/nl/terugkeer/nieuw-hoofdstuk/", 15),
        ("/en/return/new-chapter/", 17),
        ("/nl/terugkeer/", 14),
        ("/en/return/", 16),
    ],
)
def test_return_pages_render_within_query_budget(client, return_programme, path, budget, django_assert_max_num_queries):
    client.get(path)
    purge_all()  # measure a render, not the page cache
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200
