"""Recording a municipality's response; signers who asked are told when it changes."""

from django.db import transaction

from .models import TargetResponse


def save_response(response):
    """Save a TargetResponse; queue the notification when its status changed."""
    previous = (
        TargetResponse.objects.filter(pk=response.pk).values_list("status", flat=True).first() if response.pk else None
    )
    response.save()
    if previous != response.status:
        from .tasks import notify_response_change

        transaction.on_commit(lambda: notify_response_change.enqueue(response.pk))
    return response
