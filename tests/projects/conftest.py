import datetime

import pytest

from projects.models import (
    Funder,
    PartnerOrganisation,
    ProjectFunder,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    ReturnProgrammeIndexPage,
    ReturnProgrammePage,
    ReturnProgrammePartner,
)
from website.seeding import rich


@pytest.fixture
def partner(seeder, django_capture_on_commit_callbacks):
    def build(t):
        return {
            "name": "Belgrade Centre for Human Rights",
            "country": "RS",
            "description": t("Partner in Servië.", "Partner in Serbia."),
        }

    with django_capture_on_commit_callbacks(execute=True):
        return seeder.snippet(PartnerOrganisation, build, {"name": "Belgrade Centre for Human Rights"})


@pytest.fixture
def funder(seeder, django_capture_on_commit_callbacks):
    def build(t):
        return {"name": t("Matra-fonds", "Matra fund")}

    with django_capture_on_commit_callbacks(execute=True):
        return seeder.snippet(Funder, build, {"name": "Matra-fonds"})


@pytest.fixture
def project_index(seeder, home, django_capture_on_commit_callbacks):
    def build(t):
        return {
            "title": t("Projecten", "Projects"),
            "slug": t("projecten", "projects"),
            "intro": t("Ons werk buiten Nederland.", "Our work abroad."),
        }

    with django_capture_on_commit_callbacks(execute=True):
        return seeder.page(home, ProjectIndexPage, build)


def make_project(
    seeder,
    index,
    capture,
    *,
    nl,
    en,
    slug,
    country,
    region="western-balkans",
    partner=None,
    funder=None,
    end_date=None,
    start_date=datetime.date(2020, 1, 1),
):
    def build(t):
        return {
            "title": t(nl, en),
            "slug": t(slug, slug + "-en"),
            "summary": t(f"Samenvatting {nl}.", f"Summary {en}."),
            "countries": [country],
            "region": region,
            "start_date": start_date,
            "end_date": end_date,
            "situation": [("paragraph", rich(t(f"De situatie in {nl}.", f"The situation in {en}.")))],
            "what_we_do": [("paragraph", rich(t("Wij trainen juristen.", "We train lawyers.")))],
            "partners": [ProjectPartner(partner=partner)] if partner else [],
            "funders": [ProjectFunder(funder=funder)] if funder else [],
        }

    with capture(execute=True):
        return seeder.page(index, ProjectPage, build)


@pytest.fixture
def projects(seeder, project_index, partner, funder, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    return {
        "serbia": make_project(
            seeder,
            project_index,
            capture,
            nl="Servië",
            en="Serbia",
            slug="servie",
            country="RS",
            partner=partner,
            funder=funder,
        ),
        "kenya": make_project(
            seeder, project_index, capture, nl="Kenia", en="Kenya", slug="kenia", country="KE", region="east-africa"
        ),
        "macedonia": make_project(
            seeder,
            project_index,
            capture,
            nl="Macedonië",
            en="Macedonia",
            slug="macedonie",
            country="MK",
            end_date=datetime.date(2019, 12, 31),
            start_date=datetime.date(2018, 1, 1),
        ),
    }


@pytest.fixture
def return_index(seeder, home, django_capture_on_commit_callbacks):
    def build(t):
        return {
            "title": t("Terugkeer", "Return"),
            "slug": t("terugkeer", "return"),
            "intro": t("Begeleiding bij terugkeer.", "Support with return."),
            "principles": [
                (
                    "principle",
                    {"title": t("Veilig", "Safe"), "description": t("Zonder vervolging.", "Without persecution.")},
                )
            ],
        }

    with django_capture_on_commit_callbacks(execute=True):
        return seeder.page(home, ReturnProgrammeIndexPage, build)


@pytest.fixture
def return_programme(seeder, return_index, partner, django_capture_on_commit_callbacks):
    def build(t):
        return {
            "title": t("Een nieuw hoofdstuk", "A New Chapter"),
            "slug": t("nieuw-hoofdstuk", "new-chapter"),
            "summary": t("Een goed geïnformeerde keuze.", "A well-informed choice."),
            "target_group": t("Afgewezen asielzoekers.", "Rejected asylum seekers."),
            "offers": [("offer", {"title": t("Advies voor vertrek", "Pre-departure counselling"), "description": ""})],
            "principles": [
                (
                    "principle",
                    {
                        "title": t("Eigen besluit", "Independent decision"),
                        "description": t("Jij beslist.", "You decide."),
                    },
                )
            ],
            "method": [("step", {"title": t(f"Stap {i}", f"Step {i}"), "description": ""}) for i in range(1, 4)],
            "partners": [ReturnProgrammePartner(partner=partner)],
            "contact_name": t("Terugkeerteam", "Return team"),
            "contact_email": "terugkeer@example.org",
            "last_reviewed": datetime.date(2026, 9, 1),
            "next_review": datetime.date(2027, 3, 1),
        }

    with django_capture_on_commit_callbacks(execute=True):
        return seeder.page(return_index, ReturnProgrammePage, build)
