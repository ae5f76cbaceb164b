import datetime

import pytest
from django.contrib.auth.models import Group, User

from campaigns.models import CampaignIndexPage, CampaignPage
from coalitions.models import CoalitionPartner
from donations.models import DonationAd
from projects.models import PartnerOrganisation
from tests.donations.conftest import ad_values
from tests.petitions.conftest import (  # noqa: F401 (fixtures)
    amsterdam,
    english_petition,
    module_petition,
    new_signature,
    petition,
)


def organisation_values(name):
    return lambda t: {"name": name, "website": f"https://{name.split()[0].lower()}.example.org"}


def partner_values(of_petition, organisation, order, nl, en):
    return lambda t: {
        "petition": of_petition,
        "organisation": organisation,
        "opt_in_text": t(nl, en),
        "sort_order": order,
    }


@pytest.fixture(scope="module")
def module_partners(module_seeder, building, module_petition):  # noqa: F811 (the imported fixture)
    """Two partners of the petition, each with its own opt-in text in both languages."""
    partners = []
    for order, name in enumerate(["Vluchtelingenwerk Voorbeeld", "Kinderrechten Voorbeeld"]):
        with building():
            organisation = module_seeder.snippet(PartnerOrganisation, organisation_values(name), {"name": name})
        with building():
            partners.append(
                module_seeder.snippet(
                    CoalitionPartner,
                    partner_values(
                        module_petition,
                        organisation,
                        order,
                        f"Ja, {name} mag mij mailen.",
                        f"Yes, {name} may email me.",
                    ),
                    {"organisation": organisation},
                )
            )
    return partners


@pytest.fixture
def partners(module_partners, fresh):
    return fresh(module_partners)


@pytest.fixture(scope="module")
def module_ad(module_seeder, building):
    with building():
        return module_seeder.snippet(DonationAd, ad_values, {"title": "Gelijke nood"})


@pytest.fixture(scope="module")
def module_campaign(module_seeder, building, module_home, module_petition, module_ad):  # noqa: F811
    """A campaign page that carries the petition and an open ad."""
    with building():
        index = module_seeder.page(
            module_home,
            CampaignIndexPage,
            lambda t: {"title": t("Campagnes", "Campaigns"), "slug": t("campagnes", "campaigns")},
        )

    def build(t):
        return {
            "title": t("Kinderen", "Children"),
            "slug": t("kinderen", "children"),
            "ask": t("Teken", "Sign"),
            "summary": t("Over kinderen.", "About children."),
            "status": "active",
            "start_date": datetime.date(2026, 1, 1),
            "body": [
                ("petition", {"petition": module_petition, "show_tracker": False}),
                ("donation_ad", {"ad": module_ad}),
            ],
        }

    with building():
        return module_seeder.page(index, CampaignPage, build)


@pytest.fixture
def campaign(module_campaign, fresh):
    return fresh(module_campaign)


@pytest.fixture
def ad(module_ad, fresh):
    return fresh(module_ad)


@pytest.fixture
def staff(db):
    """A member of the admin who may see the admin but export nothing."""
    user = User.objects.create_user("staff", "staff@example.org", "pw", is_staff=True)
    group = Group.objects.create(name="Partner staff")
    from django.contrib.auth.models import Permission

    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user
