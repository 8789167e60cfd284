"""A meeting published as cancelled tells its participants (once)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from strukturwandel.events.models import MeetingPage, MeetingStatus

from .models import MeetingRegistrations


@receiver(page_published, sender=MeetingPage)
def meeting_published(sender, instance, **kwargs):
    if instance.status != MeetingStatus.CANCELLED:
        return
    if not MeetingRegistrations.objects.filter(meeting_id=instance.pk).exists():
        return
    from . import services

    services.announce_cancellation(instance)
