from django.urls import path

from . import views

app_name = "coalitions"

urlpatterns = [
    path("petitions/<str:petition_key>/share/<str:channel>/", views.share_redirect, name="share"),
    path("petitions/<str:petition_key>/embed/", views.embed_petition, name="embed_petition"),
    path("donations/<str:ad_key>/embed/", views.embed_ad, name="embed_ad"),
]
