"""Routes outside the language prefix: Stripe's webhook, and one canvas URL per ad (one cache entry)."""

from django.urls import path

from . import views

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
    path("<str:ad_key>/canvas.json", views.canvas_json, name="donation_canvas"),
]
