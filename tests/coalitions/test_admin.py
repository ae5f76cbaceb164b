"""Coalition partners in the admin: campaign staff add them; each partner's export permission can be granted."""

import pytest
from django.contrib.auth.models import Group, User

from coalitions.models import CoalitionPartner
from projects.models import PartnerOrganisation


def login(client, group):
    user = User.objects.create_user(group.lower().replace(" ", "-"), password="not-used")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def test_campaign_staff_add_a_partner_to_a_petition_and_its_export_permission_appears(client, petition, locales):
    organisation = PartnerOrganisation.objects.create(name="Voorbeeldpartner", locale=locales["nl"])
    login(client, "Campaign staff")
    assert client.get("/admin/snippets/coalitions/coalitionpartner/add/").status_code == 200
    response = client.post(
        "/admin/snippets/coalitions/coalitionpartner/add/",
        {
            "petition": petition.pk,
            "organisation": organisation.pk,
            "opt_in_text": "Ja, mail mij.",
            "sort_order": "0",
            "locale": locales["nl"].pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    partner = CoalitionPartner.objects.get()
    assert (partner.petition, partner.organisation) == (petition, organisation)
    group = Group.objects.get(name="Campaign staff")
    admin = User.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    html = client.get(f"/admin/groups/edit/{group.pk}/").content.decode()
    assert partner.export_codename in html or "Can export the opt-ins of Voorbeeldpartner" in html


@pytest.mark.parametrize("garbage", ["nope", "", "999999", "9" * 40, "１２", "1; DROP TABLE x"])
def test_a_partner_needs_a_petition_and_an_organisation(client, locales, garbage):
    login(client, "Campaign staff")
    response = client.post(
        "/admin/snippets/coalitions/coalitionpartner/add/",
        {
            "petition": garbage,
            "organisation": garbage,
            "opt_in_text": "x",
            "sort_order": "-3",
            "locale": locales["nl"].pk,
        },
    )
    assert response.status_code == 200  # the form again, with its errors
    assert not CoalitionPartner.objects.exists()


def test_editors_may_not_add_partners(client, locales):
    login(client, "Editors")
    assert client.get("/admin/snippets/coalitions/coalitionpartner/add/").status_code in (302, 403)


def test_an_organisation_that_is_a_partner_cannot_be_deleted_and_the_admin_says_so(client, partners):
    client.force_login(User.objects.create_superuser("root", "root@example.org", "pw"))
    organisation = partners[0].organisation
    url = f"/admin/snippets/projects/partnerorganisation/delete/{organisation.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code < 500
    assert CoalitionPartner.objects.filter(organisation=organisation).exists()
