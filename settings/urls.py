from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

handler500 = "home.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("kalender/", include("strukturwandel.events.urls")),
    path("anmeldung/", include("strukturwandel.registration.urls")),
    path("suche/", home_views.search, name="search"),
    # Wagtail's page-password form, in front of Wagtail's own URL (same path and name).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        home_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("sitemap.xml", sitemap),
    # Crawlers read the public pages (the sitemap lists them), not the admin, the e-mails'
    # confirmation links or the search's endless result pages.
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
    ),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Not django.conf.urls.static.static(): it serves nothing once DEBUG is off, and the demo
    # runs without DEBUG so that visitors see the real error pages.
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
