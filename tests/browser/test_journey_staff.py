"""Journey 4: campaign staff correct a municipality's response in the Wagtail admin (in Dutch); the
public tracker shows it in both languages; the signers from that municipality who asked to be told
get one email each, in their language; the CSV export and the handover PDF are Dutch throughout.

The admin is Wagtail's own: axe runs on the public pages only.
"""

import csv
import io
import re

import pypdf
import pytest
from playwright.sync_api import expect

from .conftest import check_accessibility, screenshot

PASSWORD = "journey-staff-Pa55word!"
CAMPAIGN = {"nl": "/nl/campagnes/500kinderen/", "en": "/en/campaigns/500-children/"}
NOTE = {"nl": "Twaalf kinderen hebben een plek gekregen.", "en": "Twelve children have found a place."}

# A staff member who reads the admin in Dutch, and three confirmed signers in a municipality whose
# response is about to change: two asked to be told (one Dutch, one English), one did not.
SETUP = """
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.users.models import UserProfile
from petitions.models import ConsentVersion, Petition, Signature, TargetResponse
from petitions.counting import update_counts
from django.contrib.auth import get_user_model

user, _ = get_user_model().objects.get_or_create(username="journey.staff", defaults={"email": "staff@example.org"})
user.set_password(PASSWORD)
user.save()
user.groups.add(Group.objects.get(name="Campaign staff"))
UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="nl")
petition = Petition.objects.get(locale__language_code="nl", title__startswith="Burgemeesters")
response = (
    TargetResponse.objects.filter(petition_key=petition.petition_key)
    .exclude(status__in=["acted", "said_yes"]).select_related("municipality").order_by("municipality__name").first()
)
consent = ConsentVersion.objects.filter(petition_key=petition.petition_key).first()
for name, email, language, notify, newsletter in [
    ("Journey Inwoner", "journey.nl@example.org", "nl", True, True),
    ("Journey Resident", "journey.en@example.org", "en", True, False),
    ("Journey Stil", "journey.quiet@example.org", "nl", False, False),
]:
    Signature.objects.update_or_create(
        petition_key=petition.petition_key, email=email,
        defaults=dict(
            name=name, email_normalised=email, municipality=response.municipality, language=language,
            consent=consent, notify_on_response=notify, newsletter_opt_in=newsletter,
            status="confirmed", confirmed_at=timezone.now(),
        ),
    )
update_counts()
result = {
    "petition_key": str(petition.petition_key), "response": response.pk, "status": response.status,
    "municipality": response.municipality.name, "cbs_code": response.municipality.cbs_code,
    "petition_title": petition.title,
}
"""

# What the worker does: run every queued task (here: the notification that the admin's save queued).
RUN_WORKER = """
from django.core.management import call_command
mail.outbox = []
call_command("db_worker", "--batch", "--queue-name", "*", "--no-reload", "--no-startup-delay", "-v0")
result = [
    {"to": m.to, "subject": m.subject, "body": m.body, "language": m.extra_headers.get("Content-Language")}
    for m in mail.outbox
]
"""


@pytest.fixture(scope="module")
def staff(site_shell):
    return site_shell.run(f"PASSWORD = {PASSWORD!r}\n{SETUP}")


def log_in(page):
    page.goto("/admin/login/")
    page.fill("#id_username", "journey.staff")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.wait_for_url(re.compile(r"/admin/$"))


def tracker_row(page, municipality):
    page.fill("[data-table-filter]", municipality)
    return page.locator(".tracker__table tbody tr:not([hidden])").filter(
        has=page.get_by_role("rowheader", name=municipality, exact=True)
    )


def test_staff_correct_a_response_and_the_signers_hear_of_it(page, site_shell, staff):
    site_shell.run(RUN_WORKER)  # an empty queue: only what this journey queues is sent below
    municipality = staff["municipality"]
    log_in(page)

    # Petitions → municipality responses → the municipality → edit: status, a note in each language, save.
    page.goto("/admin/petitions/responses/")
    expect(page.locator("h1")).to_contain_text("Reacties van gemeenten")
    page.fill("#id_q", municipality)
    page.keyboard.press("Enter")
    # The row of this petition's response (another petition may track the same municipality).
    page.locator("tbody tr", has_text=staff["petition_title"]).get_by_role(
        "link", name=municipality, exact=True
    ).click()
    page.wait_for_url(re.compile(rf"/admin/petitions/responses/edit/{staff['response']}/$"))
    page.select_option("#id_status", "acted")
    page.fill("#id_note_nl", NOTE["nl"])
    page.fill("#id_note_en", NOTE["en"])
    screenshot(page, "journey-staff-edit-response-nl")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".messages .success, .w-message--success, [role=status]").first).to_be_visible()
    assert "/edit/" not in page.url or page.locator(".error-message").count() == 0

    # The worker sends the notification: one email per signer who asked, in their language; none to the other.
    # (Demo signers from there who asked get theirs too.)
    sent = [message for message in site_shell.run(RUN_WORKER) if message["to"][0].startswith("journey.")]
    assert sorted(message["to"][0] for message in sent) == ["journey.en@example.org", "journey.nl@example.org"], sent
    sent = {message["to"][0]: message for message in sent}
    dutch, english = sent["journey.nl@example.org"], sent["journey.en@example.org"]
    assert dutch["language"] == "nl" and english["language"] == "en"
    assert dutch["subject"] == f"Nieuws van de gemeente {municipality}: In actie gekomen", dutch["subject"]
    assert english["subject"] == f"News from {municipality}: Acted", english["subject"]
    assert NOTE["nl"] in dutch["body"] and NOTE["en"] in english["body"]
    assert site_shell.run(RUN_WORKER) == []  # once

    # The public tracker shows the correction, in each language.
    for language, label in [("nl", "In actie gekomen"), ("en", "Acted")]:
        page.goto(CAMPAIGN[language])
        page.locator(".tracker__more a").click()  # the summary links to the table of every municipality
        row = tracker_row(page, municipality)
        expect(row).to_have_count(1)
        expect(row.locator(".response")).to_have_text(label)
        expect(row).to_contain_text(NOTE[language])
        row.scroll_into_view_if_needed()
        screenshot(page, f"journey-staff-tracker-{language}")
        check_accessibility(page, f"campaign tracker after the correction ({language})")


def test_the_export_is_dutch(page, staff):
    log_in(page)
    page.goto(f"/admin/petitions/{staff['petition_key']}/export/")
    expect(page.locator("h1")).to_contain_text("Handtekeningen exporteren")
    page.get_by_label(re.compile(r"CRM \(nieuwsbrief\)")).check()
    page.get_by_label("CSV", exact=True).check()
    page.select_option("#id_municipality", staff["cbs_code"])
    with page.expect_download() as download:
        page.get_by_role("button", name="Downloaden").click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["Naam", "E-mail"], header
    names = [row[0] for row in body]
    assert "Journey Inwoner" in names and "Journey Resident" not in names, names  # only who opted in
    assert {row[header.index("Aanmelding nieuwsbrief")] for row in body} == {"ja"}, body
    text = " ".join(" ".join(row) for row in rows).lower()
    for english in ("name", "yes", "no", "true", "false", "confirmed", "language"):
        assert english not in re.findall(r"[a-z]+", text), f"{english!r} in the Dutch export: {rows}"


def test_the_handover_pdf_is_dutch(page, staff):
    log_in(page)
    page.goto(f"/admin/petitions/{staff['petition_key']}/")
    pdf = page.get_by_role("link", name=f"PDF om te overhandigen in {staff['municipality']}")
    with page.expect_download() as download:
        pdf.click()
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"%PDF"), data[:20]
    text = " ".join(sheet.extract_text() for sheet in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert staff["municipality"] in text and "Journey Inwoner" in text
    for english in ("Addressed to", "signatures", "Petition", "Municipality"):
        assert english not in text, f"{english!r} in the Dutch handover: {text[:500]}"
