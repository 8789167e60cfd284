"""Registering for meetings and the links from the e-mails. Include in the host's URLs,
before Wagtail's catch-all pattern::

    path("anmeldung/", include("strukturwandel.registration.urls")),
"""

from django.urls import path

from . import views

app_name = "strukturwandel_registration"

urlpatterns = [
    path("<int:meeting_id>/", views.register, name="register"),
    path("<int:meeting_id>/gesendet/", views.sent, name="sent"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("stornieren/<str:token>/", views.cancel, name="cancel"),
]
