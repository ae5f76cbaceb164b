import datetime

import pytest
from django.core.exceptions import ValidationError

from projects.models import ProjectIndexPage, ProjectPage, ProjectStatus, RelatedProject
from website.caching import purge_all
from website.models import HomePage


def test_projects_live_only_under_a_project_index():
    assert ProjectPage.allowed_parent_page_models() == [ProjectIndexPage]
    assert ProjectIndexPage.allowed_parent_page_models() == [HomePage]
    assert ProjectPage.allowed_subpage_models() == []


@pytest.mark.parametrize(
    "path, texts",
    [
        (
            "/nl/projecten/servie/",
            [
                "De situatie in Servië.",
                "Belgrade Centre for Human Rights",
                "Matra-fonds",
                "Partner in Servië.",
                "Servië",
            ],
        ),
        (
            "/en/projects/servie-en/",
            [
                "The situation in Serbia.",
                "Belgrade Centre for Human Rights",
                "Matra fund",
                "Partner in Serbia.",
                "Serbia",
            ],
        ),
    ],
)
def test_project_page_renders_in_both_languages_with_translated_partners(client, projects, path, texts):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    for text in texts:
        assert text in html


def test_project_status_follows_the_end_date(projects):
    assert projects["serbia"].current_status == ProjectStatus.CURRENT
    assert projects["macedonia"].current_status == ProjectStatus.COMPLETED


def test_project_status_without_dates_is_the_editors_choice(projects):
    project = projects["kenya"]
    project.status = ProjectStatus.COMPLETED
    assert project.current_status == ProjectStatus.COMPLETED


def test_project_end_before_start_is_rejected(projects):
    project = projects["serbia"]
    project.end_date = datetime.date(2019, 1, 1)
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "end_date" in error.value.message_dict


def test_related_projects_show_in_the_visitors_language(client, projects, english, django_capture_on_commit_callbacks):
    serbia = projects["serbia"]
    serbia.related_projects.add(RelatedProject(project=projects["kenya"]))
    serbia.save_revision().publish()
    english_serbia = serbia.get_translation(english)
    english_serbia.related_projects.add(RelatedProject(project=projects["kenya"]))
    english_serbia.save_revision().publish()
    html = client.get("/en/projects/servie-en/").content.decode()
    assert 'href="/en/projects/kenia-en/"' in html
    assert 'href="/nl/projecten/kenia/"' not in html


@pytest.mark.parametrize("path, budget", [("/nl/projecten/servie/", 17), ("/en/projects/servie-en/", 19)])
def test_project_page_renders_within_query_budget(client, projects, path, budget, django_assert_max_num_queries):
    client.get(path)
    purge_all()  # measure a render, not the page cache
    with django_assert_max_num_queries(budget):
        assert client.get(path).status_code == 200
