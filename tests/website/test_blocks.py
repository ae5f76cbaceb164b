import pytest
from django.core.exceptions import ValidationError

from website.blocks import CallToActionBlock, VideoBlock, video_embed_url


@pytest.mark.parametrize(
    "url, embed",
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/123456", "https://player.vimeo.com/video/123456?dnt=1"),
        ("https://example.org/video.mp4", None),
        ("javascript:alert(1)", None),
    ],
)
def test_video_links_become_privacy_friendly_players(url, embed):
    assert video_embed_url(url) == embed


def test_video_block_rejects_other_hosts():
    block = VideoBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"url": "https://example.org/film", "title": "Film", "transcript": ""}))


def test_call_to_action_needs_a_page_or_a_link():
    block = CallToActionBlock()
    value = block.to_python({"title": "Doe mee", "text": "", "page": None, "url": "", "button_label": "Ja"})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_call_to_action_with_a_link_is_valid():
    block = CallToActionBlock()
    value = block.to_python(
        {"title": "Doe mee", "text": "", "page": None, "url": "https://example.org/", "button_label": "Ja"}
    )
    assert block.clean(value)["url"] == "https://example.org/"
