"""Who may open a page: the one check behind links to pages that could be behind a login."""

import pytest
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from strukturwandel.core.models import ContentPage
from strukturwandel.core.pages import is_public, private_q
from tests.apps import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(root_page):
    return f.publish(root_page, ContentPage(title="Mitglieder", slug="mitglieder"))


def test_a_page_is_public_when_live_and_in_no_restricted_section(root_page, members):
    inner = f.publish(members, ContentPage(title="Protokolle", slug="protokolle"))
    draft = members.add_child(instance=ContentPage(title="Entwurf", slug="entwurf", live=False))
    assert is_public(members) and is_public(inner)
    assert not is_public(draft)
    assert not is_public(None)

    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    # The restriction on the page and on its ancestors counts; a sibling stays public.
    assert not is_public(members) and not is_public(inner)
    assert is_public(root_page)
    assert not root_page.get_children().exclude(private_q()).exists()
    assert is_public(f.publish(root_page, ContentPage(title="Offen", slug="offen")))


def test_restrictions_are_read_once_per_request(django_assert_num_queries, root_page, members):
    pages = [f.publish(members, ContentPage(title=f"Seite {i}", slug=f"s-{i}")) for i in range(3)]
    PageViewRestriction.objects.create(
        page=pages[0], restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    request = RequestFactory().get("/")
    with django_assert_num_queries(1):  # the restrictions, for every check on the request
        assert [is_public(page, request) for page in pages] == [False, True, True]
        assert is_public(members, request)
        private = private_q(request)
    with django_assert_num_queries(1):  # the listing itself
        public = root_page.get_descendants().exclude(private)
        assert list(public.values_list("pk", flat=True)) == [members.pk, pages[1].pk, pages[2].pk]


def test_while_a_request_is_served_restrictions_are_read_once_also_without_the_request(
    django_assert_num_queries, root_page, members
):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    inner = f.publish(members, ContentPage(title="Protokolle", slug="protokolle"))
    # As Django's test client does: the request's signals without closing the test's database
    # connection (PostgreSQL would lose the test's transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.send(sender=None)
    try:
        with django_assert_num_queries(1):  # the listings deep below a page have no request
            assert is_public(inner)
            assert private_q() == private_q()
        # A restriction added while the request is served is read again (signals).
        PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
        assert not is_public(inner)
    finally:
        request_finished.send(sender=None)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    # Outside a request too they are read once per change of the content: deleting a
    # restriction replaces the content version, adding one as well.
    PageViewRestriction.objects.all().delete()
    with django_assert_num_queries(1):
        assert is_public(inner)
        assert is_public(members)
    PageViewRestriction.objects.create(page=inner, restriction_type=PageViewRestriction.LOGIN)
    assert not is_public(inner)
    assert is_public(members)
