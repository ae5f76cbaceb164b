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

# Built once per test module (see `module_db` in tests/conftest.py); each fixture gives the test
# its own copies.


@pytest.fixture(scope="module")
def module_partner(module_seeder, building):
    def build(t):
        return {
            "name": "Belgrade Centre for Human Rights",
            "country": "RS",
            "description": t("Partner in Servië.", "Partner in Serbia."),
        }

    with building():
        return module_seeder.snippet(PartnerOrganisation, build, {"name": "Belgrade Centre for Human Rights"})


@pytest.fixture
def partner(module_partner, fresh):
    return fresh(module_partner)


@pytest.fixture(scope="module")
def module_funder(module_seeder, building):
    def build(t):
        return {"name": t("Matra-fonds", "Matra fund")}

    with building():
        return module_seeder.snippet(Funder, build, {"name": "Matra-fonds"})


@pytest.fixture
def funder(module_funder, fresh):
    return fresh(module_funder)


@pytest.fixture(scope="module")
def module_project_index(module_seeder, building, module_home):
    def build(t):
        return {
            "title": t("Projecten", "Projects"),
            "slug": t("projecten", "projects"),
            "intro": t("Ons werk buiten Nederland.", "Our work abroad."),
        }

    with building():
        return module_seeder.page(module_home, ProjectIndexPage, build)


@pytest.fixture
def project_index(module_project_index, fresh):
    return fresh(module_project_index)


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


@pytest.fixture(scope="module")
def module_projects(module_seeder, building, module_project_index, module_partner, module_funder):
    seeder, project_index, partner, funder = module_seeder, module_project_index, module_partner, module_funder

    def capture(execute):  # what make_project expects from django_capture_on_commit_callbacks
        return building()

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
def projects(module_projects, fresh):
    return fresh(module_projects)


@pytest.fixture(scope="module")
def module_return_index(module_seeder, building, module_home):
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

    with building():
        return module_seeder.page(module_home, ReturnProgrammeIndexPage, build)


@pytest.fixture
def return_index(module_return_index, fresh):
    return fresh(module_return_index)


@pytest.fixture(scope="module")
def module_return_programme(module_seeder, building, module_return_index, module_partner):
    partner = module_partner

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

    with building():
        return module_seeder.page(module_return_index, ReturnProgrammePage, build)


@pytest.fixture
def return_programme(module_return_programme, fresh):
    return fresh(module_return_programme)
