"""Documentation of single meetings, reports of alliance meetings, and their index."""

import datetime
from dataclasses import dataclass

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection, models
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    When,
)
from django.db.models.functions import Cast, Coalesce, ExtractYear, Substr, TruncDate
from django.db.models.lookups import Exact, In
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.search import index

from strukturwandel.conf import app_settings
from strukturwandel.core.cache import kept_until_changed
from strukturwandel.core.models import BelowSiteRootMixin
from strukturwandel.core.pages import (
    SharedRestrictionCheckMixin,
    first_in_site,
    is_public,
    private_q,
    route_url,
)
from strukturwandel.core.search import search_query
from strukturwandel.events.models import MeetingFormat, MeetingPage, MeetingStatus
from strukturwandel.groups.models import WorkingGroupPage

from .blocks import DocumentationStreamBlock, ReportStreamBlock


@dataclass
class Section:
    """One block of the body in reading order; numbered when it opens a section."""

    block: object
    number: int | None
    anchor: str
    title: str | None


class BaseReportPage(SharedRestrictionCheckMixin, Page):
    """What documentation and reports share: a numbered body, a table of contents, next dates."""

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("Two or three sentences for listings and search.")
    )

    class Meta:
        abstract = True

    parent_page_types = ["strukturwandel_documentation.DocumentationIndexPage"]
    subpage_types = []

    @cached_property
    def sections(self):
        sections = []
        number = 0
        for block in self.body:
            section_title = getattr(block.block, "section_title", None)
            title = section_title(block.value) if section_title else None
            if title:
                number += 1
            anchor = f"abschnitt-{block.id}" if block.id else f"abschnitt-{len(sections) + 1}"
            sections.append(Section(block, number if title else None, anchor, title))
        return sections

    @cached_property
    def table_of_contents(self):
        """The numbered sections, shown when there are enough to need an overview."""
        numbered = [section for section in self.sections if section.number]
        return numbered if len(numbered) >= app_settings.DOCUMENTATION_TOC_MIN_SECTIONS else []

    def next_meetings_after(self):
        return timezone.now()

    def default_meetings(self):
        """The meetings the next-dates block lists when it names no series."""
        return None

    def next_meetings(self, series=None):
        """Public planned meetings after this page's date, read live; two queries per series."""
        cache = self.__dict__.setdefault("_next_meetings", {})
        key = series.pk if series else None
        if key not in cache:
            meetings = (
                MeetingPage.objects.live().exclude(private_q()).child_of(series)
                if series
                else self.default_meetings()
            )
            cache[key] = (
                []
                if meetings is None
                else list(
                    meetings.exclude(status=MeetingStatus.CANCELLED)
                    .filter(start__gt=self.next_meetings_after())
                    .order_by("start")[:12]
                )
            )
        return cache[key]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections
        context["table_of_contents"] = self.table_of_contents
        return context


def sort_year():
    """The year of an index entry's ``sort_date``, for ``annotate()``.

    SQLite works out a date in the site's time zone in Python, for each row (the index counts
    its entries per year over all of them): there the year is read from the stored UTC text,
    and converted only for a time on 31 December or 1 January, the days on which the local
    year can differ from UTC's (an offset is less than a day)."""
    if connection.vendor != "sqlite":
        return ExtractYear("sort_date")

    def year(name, *, aware=True):
        text = Cast(name, CharField())
        stored_year = Cast(Substr(text, 1, 4), IntegerField())
        if not aware:
            return stored_year
        near_new_year = In(Substr(text, 6, 5), ["12-31", "01-01"])
        return Case(When(near_new_year, then=ExtractYear(TruncDate(name))), default=stored_year)

    return Coalesce(
        year("documentationpage__meeting__start"),
        year("reportpage__date", aware=False),
        year("first_published_at"),
        output_field=IntegerField(),
    )


class DocumentationIndexPage(
    SharedRestrictionCheckMixin, BelowSiteRootMixin, RoutablePageMixin, Page
):
    """All documentation and reports, newest first, with filters and search; their Atom feeds
    (``feed/``, ``feed/<topic slug>/``)."""

    head_template = "strukturwandel_documentation/head/documentation_index_page.html"

    page_description = _(
        "Lists all meeting documentation and alliance reports, with filters and search."
    )

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    subpage_types = [
        "strukturwandel_documentation.DocumentationPage",
        "strukturwandel_documentation.ReportPage",
    ]

    class Meta:
        verbose_name = _("documentation index")
        verbose_name_plural = _("documentation indexes")

    KIND_DOCUMENTATION = "dokumentation"
    KIND_REPORT = "bericht"

    def entries(self):
        """Public child pages with the date they are sorted by (the meeting's, or the report's).

        Pages in a private (view-restricted) section are left out: their titles and summaries
        must not show on the public index.
        """
        return (
            Page.objects.live()
            .exclude(private_q())
            .child_of(self)
            .type(DocumentationPage, ReportPage)
            .annotate(
                sort_date=Coalesce(
                    TruncDate("documentationpage__meeting__start"),
                    F("reportpage__date"),
                    TruncDate("first_published_at"),
                    output_field=DateField(),
                )
            )
        )

    def get_context(self, request, *args, **kwargs):
        from strukturwandel.topics.models import TopicField

        context = super().get_context(request, *args, **kwargs)
        entries = self.entries()
        # The years in the database and how many pages each has: one row per year, however
        # many pages there are; their sum is the unfiltered count.
        per_year = list(
            entries.annotate(year=sort_year())
            .values("year")
            .annotate(count=Count("pk"))
            .order_by("-year")
        )
        years = [row["year"] for row in per_year if row["year"] is not None]
        topics = list(TopicField.objects.all())

        # A filter value no form offers (year "0000" or "²⁰²¹", an unknown topic field or
        # type, typed into the address) filters nothing rather than failing.
        topic_slug, year, kind = (request.GET.get(name, "") for name in ("thema", "jahr", "art"))
        if topic_slug not in {topic.slug for topic in topics}:
            topic_slug = ""
        if not (len(year) == 4 and year.isascii() and year.isdigit() and int(year) >= 1):
            year = ""
        if kind not in (self.KIND_DOCUMENTATION, self.KIND_REPORT):
            kind = ""
        query = search_query(request.GET.get("q"))
        if topic_slug:
            entries = entries.filter(
                Q(documentationpage__topic_fields__slug=topic_slug)
                | Q(reportpage__topic_fields__slug=topic_slug)
            ).distinct()
        if year:
            entries = entries.filter(sort_date__year=int(year))
        if kind == self.KIND_DOCUMENTATION:
            entries = entries.type(DocumentationPage)
        elif kind == self.KIND_REPORT:
            entries = entries.type(ReportPage)
        if query:
            # Sorted by date below: no ranking needed.
            matches = (
                Page.objects.live().child_of(self).search(query.parsed(), order_by_relevance=False)
            )
            entries = entries.filter(pk__in=[match.pk for match in matches])

        ids = entries.order_by("-sort_date", "-pk").values_list("pk", "content_type")
        paginator = Paginator(ids, app_settings.REPORTS_PER_PAGE)
        is_filtered = bool(topic_slug or year or kind or query)
        if not is_filtered:
            paginator.count = sum(row["count"] for row in per_year)  # no count query
        page_obj = paginator.get_page(request.GET.get("page"))
        if not is_filtered:
            page_obj.object_list = self._page_from_years(ids, page_obj, per_year)
        shown = list(page_obj.object_list)
        context.update(
            page_obj=page_obj,
            items=self.specific_items(
                [pk for pk, _type in shown], content_types={type_pk for _pk, type_pk in shown}
            ),
            topics=topics,
            years=years,
            selected={"thema": topic_slug, "jahr": year, "art": kind, "q": query.text},
            search_notice=query.notice,
            is_filtered=is_filtered,
        )
        return context

    @staticmethod
    def _page_from_years(ids, page_obj, per_year):
        """The unfiltered page's ids, sorted among the entries of the years it reaches back to
        (from the per-year counts) rather than among all: the sort date is worked out for
        those alone. They are found by the dates they are stored with, from the start of the
        first such year in the site's time zone: a documentation's meeting, else a report's
        date, else when the page was first published, as its sort date."""
        if any(row["year"] is None for row in per_year):
            return page_obj.object_list  # undated entries sort apart
        offset = (page_obj.number - 1) * page_obj.paginator.per_page
        reached = 0
        for row in per_year:  # newest year first
            reached += row["count"]
            if reached >= offset + page_obj.paginator.per_page:
                break
        else:
            return page_obj.object_list  # the page reaches back to the first year
        first_day = datetime.date(row["year"], 1, 1)
        moment = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time()))
        # sort_date >= first_day, on the stored values (its Coalesce, without converting
        # each date to the time zone: SQLite does that in Python, for every row it sorts).
        no_meeting = Q(documentationpage__meeting__start__isnull=True)
        recent = (
            Q(documentationpage__meeting__start__gte=moment)
            | no_meeting & Q(reportpage__date__gte=first_day)
            | no_meeting & Q(reportpage__date__isnull=True, first_published_at__gte=moment)
        )
        return ids.filter(recent)[offset : offset + page_obj.paginator.per_page]

    @path("feed/")
    def feed(self, request):
        from .feeds import DocumentationFeed

        return DocumentationFeed(self)(request)

    @path("feed/<slug:slug>/")
    def topic_feed(self, request, slug):
        from strukturwandel.topics.models import TopicField

        from .feeds import DocumentationFeed

        return DocumentationFeed(self, get_object_or_404(TopicField, slug=slug))(request)

    def feed_url(self, topic=None, request=None):
        """The Atom feed of this index, or of its pages on ``topic``; "" without a URL."""
        base = self.get_url(request)
        if base is None:
            return ""
        if topic is None:
            return route_url(base, self.reverse_subpage("feed"))
        return route_url(base, self.reverse_subpage("topic_feed", kwargs={"slug": topic.slug}))

    @classmethod
    def for_request(cls, request):
        """The live, public documentation index of the request's site: read once per change of
        the content (kept in the shared cache, and on the request)."""
        if hasattr(request, "_strukturwandel_documentation_index"):
            return request._strukturwandel_documentation_index
        site = Site.find_for_request(request)

        def find():
            index_page = first_in_site(cls.objects.live(), site)
            return index_page if is_public(index_page, request) else None

        index_page = kept_until_changed("documentation-index", find, site.pk if site else 0)
        request._strukturwandel_documentation_index = index_page
        return index_page

    @staticmethod
    def specific_items(ids, content_types=None):
        """The pages with what a listing shows, in a fixed number of queries: for each type,
        the pages and their topic fields. ``content_types``: the pks of the pages' content
        types, when known; a type none of them has is not asked for."""

        def wanted(model):
            return content_types is None or (
                ContentType.objects.get_for_model(model).pk in content_types
            )

        pages = []
        if wanted(DocumentationPage):
            pages += (
                DocumentationPage.objects.filter(pk__in=ids)
                .defer_streamfields()
                .select_related("meeting")
                .prefetch_related("topic_fields")
            )
        if wanted(ReportPage):
            pages += (
                ReportPage.objects.filter(pk__in=ids)
                .defer_streamfields()
                .prefetch_related("topic_fields")
            )
        by_pk = {page.pk: page for page in pages}
        return [by_pk[pk] for pk in ids if pk in by_pk]


class DocumentationPage(BaseReportPage):
    """The write-up of one meeting; its date and topic are read from the meeting."""

    page_description = _(
        "The write-up of one meeting: impulses, discussion points, results. Date and "
        "topic come from the meeting."
    )

    meeting = models.ForeignKey(
        MeetingPage,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documentation_pages",
        help_text=_("The meeting documented here; its page then links to this one."),
    )
    topic_fields = ParentalManyToManyField(
        "strukturwandel_topics.TopicField",
        verbose_name=_("topic fields"),
        blank=True,
        related_name="documentation_pages",
    )
    body = StreamField(DocumentationStreamBlock(), blank=True, verbose_name=_("documentation"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("meeting"),
        FieldPanel("summary"),
        FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("meeting", [index.SearchField("topic")]),
        index.RelatedFields("topic_fields", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("meeting documentation")
        verbose_name_plural = _("meeting documentation")

    kind = DocumentationIndexPage.KIND_DOCUMENTATION
    head_template = "strukturwandel_documentation/head/documentation_page.html"

    @property
    def date(self):
        return timezone.localdate(self.meeting.start) if self.meeting else None

    @property
    def topic(self):
        return self.meeting.topic if self.meeting else ""

    def clean(self):
        super().clean()
        if self.meeting_id:
            # Its translations (which Wagtail copies with the same meeting) are not others.
            others = DocumentationPage.objects.filter(meeting_id=self.meeting_id).exclude(
                translation_key=self.translation_key
            )
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {"meeting": _("This meeting already has a documentation page.")}
                )

    def next_meetings_after(self):
        return self.meeting.start if self.meeting else timezone.now()

    def default_meetings(self):
        if self.meeting is None:
            return None
        return (
            MeetingPage.objects.live()
            .exclude(private_q())
            .sibling_of(self.meeting, inclusive=False)
        )


class ReportPage(BaseReportPage):
    """The report of an alliance meeting (Bündnistreffen, Auftaktveranstaltung)."""

    page_description = _(
        "The report of an alliance meeting such as a Bündnistreffen, with updates of the "
        "working groups."
    )

    date = models.DateField(_("date of the meeting"))
    format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.ONLINE
    )
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    topic_fields = ParentalManyToManyField(
        "strukturwandel_topics.TopicField",
        verbose_name=_("topic fields"),
        blank=True,
        related_name="reports",
    )
    body = StreamField(ReportStreamBlock(), blank=True, verbose_name=_("report"))
    # Which groups the body reports on; kept in step with the live body so a group page
    # finds its updates in one query.
    updated_groups = models.ManyToManyField(
        WorkingGroupPage, blank=True, editable=False, related_name="report_updates"
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("format")])],
            heading=_("Meeting"),
        ),
        FieldPanel("intro"),
        FieldPanel("summary"),
        FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("topic_fields", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    class Meta:
        verbose_name = _("alliance report")
        verbose_name_plural = _("alliance reports")

    kind = DocumentationIndexPage.KIND_REPORT
    head_template = "strukturwandel_documentation/head/report_page.html"

    @property
    def topic(self):
        return ""

    def next_meetings_after(self):
        if self.date is None:
            return timezone.now()
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time.max))

    def working_group_ids(self):
        return {
            item["value"].get("group")
            for item in self.body.raw_data
            if item["type"] == "working_group_update" and item["value"].get("group")
        }

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        # Saving a draft revision touches other columns only; the live body stays as it was.
        if update_fields is None or "body" in update_fields:
            ids = self.working_group_ids()
            self.updated_groups.set(
                WorkingGroupPage.objects.filter(pk__in=ids).values_list("pk", flat=True)
                if ids
                else []
            )
        return result


def live_documentation_prefetch(to_attr="live_documentation", *, private=None):
    """For meeting listings: each meeting's live, public documentation in one query for all.

    ``MeetingPage.objects....prefetch_related(live_documentation_prefetch())`` then
    ``meeting.live_documentation`` is a list of zero or one page. ``private`` is
    ``strukturwandel.core.pages.private_q()`` when the listing has it already (saves its query).
    """
    return Prefetch(
        "documentation_pages",
        queryset=public_documentation(private),
        to_attr=to_attr,
    )


def documentation_of(meeting):
    """The live, public documentation of a meeting, or None.

    Uses ``meeting.live_documentation`` when a listing prefetched it
    (``live_documentation_prefetch()``), else one query.
    """
    if meeting is None or meeting.pk is None:
        return None
    prefetched = getattr(meeting, "live_documentation", None)
    if prefetched is not None:
        return prefetched[0] if prefetched else None
    return public_documentation().filter(meeting=meeting).first()


def public_documentation(private=None):
    """Live documentation outside private sections, streamfields deferred, oldest first."""
    pages = DocumentationPage.objects.live().defer_streamfields().order_by("pk")
    return pages.exclude(private if private is not None else private_q())


# Where Wagtail's reference index records the meeting a discussion point's follow-up names.
FOLLOW_UP_MODEL_PATH = "body.discussion.points.item.follow_up_meeting"


def _follow_up_source_pks():
    """Text pks of live pages whose discussion names a meeting in a follow-up, as a subquery
    of the reference index rows (filter it on ``to_object_id``).

    Whether the source is live is asked per reference row (a primary-key lookup), not by a
    list of every live page's pk: SQLite probed the index once for each of them, for every
    meeting of a listing (6 of a topic page's 7 ms for its upcoming meetings at 1000). The
    row's base type is checked there too, so that SQLite finds the rows by their target (the
    meeting) rather than by scanning every page's references for each meeting."""
    page_type = ContentType.objects.get_for_model(Page)
    live_source = Page.objects.live().filter(
        Exact(OuterRef("base_content_type"), page_type.pk),
        # The cast is reached for page rows only: their object ids are integers.
        pk=Cast(OuterRef("object_id"), IntegerField()),
    )
    return ReferenceIndex.objects.filter(
        Exists(live_source), to_content_type=page_type, model_path=FOLLOW_UP_MODEL_PATH
    )


def annotate_follow_up_source(meetings):
    """For meeting listings: ``follow_up_source_pk``, the pk of the first page (live or not)
    whose follow-up names the meeting (or None), in the listing's own query.

    Whether that page is live is asked by ``follow_up_source_of``, for the meetings that
    have one: a lighter subquery for every listing than one that checks it per row."""
    page_type = ContentType.objects.get_for_model(Page)
    sources = ReferenceIndex.objects.filter(
        # The base type compared as a value, not the indexed column: SQLite (without table
        # statistics) would otherwise find the rows by it, walking every page's references
        # for each meeting, rather than by their target (the meeting).
        Exact(Cast("base_content_type", IntegerField()), page_type.pk),
        to_content_type=page_type,
        model_path=FOLLOW_UP_MODEL_PATH,
        to_object_id=Cast(OuterRef("pk"), CharField()),
    )
    return meetings.annotate(
        follow_up_source_pk=Subquery(sources.order_by("object_id").values("object_id")[:1])
    )


def follow_up_source_of(meeting):
    """The live, public documentation or report whose discussion takes a point further at
    ``meeting`` (its follow-up names the meeting), or None.

    A listing that annotated ``follow_up_source_pk`` (``annotate_follow_up_source``) asks the
    database only for the meetings that have one.
    """
    if meeting is None or meeting.pk is None:
        return None
    if hasattr(meeting, "follow_up_source_pk"):
        if meeting.follow_up_source_pk is None:
            return None
        # Only for a meeting with a source; the view restrictions are read once per request.
        source = Page.objects.live().filter(pk=int(meeting.follow_up_source_pk)).first()
        if source is None:
            # The first source is not live: the first live one, if any.
            source_pk = (
                _follow_up_source_pks()
                .filter(to_object_id=str(meeting.pk))
                .order_by("object_id")
                .values_list("object_id", flat=True)
                .first()
            )
            if source_pk is None:
                return None
            source = Page.objects.live().filter(pk=int(source_pk)).first()
        return source if is_public(source) else None
    sources = _follow_up_source_pks().filter(to_object_id=str(meeting.pk))
    return (
        Page.objects.live()
        .exclude(private_q())
        .filter(
            pk__in=sources.annotate(source_pk=Cast("object_id", IntegerField())).values("source_pk")
        )
        .order_by("pk")
        .first()
    )
