from django.apps import apps
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("kalender/", include("strukturwandel.events.urls")),
]
if apps.is_installed("strukturwandel.registration"):
    urlpatterns.append(path("anmeldung/", include("strukturwandel.registration.urls")))
urlpatterns.append(path("", include(wagtail_urls)))
