from website.models import CustomImage, HomePage
from website.references import pages_showing


def publish_with(page, **values):
    page = type(page).objects.get(pk=page.pk)
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_the_pages_showing_an_object_are_found_in_the_reference_index(home, about):
    publish_with(home, cta_page=about)
    assert list(pages_showing(about)) == [home]
    assert isinstance(pages_showing(about).first(), HomePage)  # specific pages


def test_a_translatable_object_is_shown_by_the_pages_in_its_own_language(home, english_home, about):
    publish_with(english_home, cta_page=about)  # an English page still pointing at the Dutch page
    publish_with(home, cta_page=about)
    assert list(pages_showing(about)) == [home]
    assert set(pages_showing(about, all_languages=True)) == {home, english_home}


def test_pages_that_are_not_live_do_not_count(home, english_home, about):
    publish_with(english_home, cta_page=about)
    english_home.unpublish()
    assert list(pages_showing(about, all_languages=True)) == []


def test_an_object_without_languages_is_shown_by_pages_in_every_language(home, english_home):
    image = CustomImage.objects.create(title="Horizon", file="original_images/horizon.jpg", width=10, height=10)
    publish_with(home, hero_image=image)
    publish_with(english_home, hero_image=image)
    assert set(pages_showing(image)) == {home, english_home}
