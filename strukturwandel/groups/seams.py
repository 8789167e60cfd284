"""What apps above groups (documentation, …) plug into.

``strukturwandel_working_group_page_sections`` — ``fn(group, *, request)`` returns
    ``strukturwandel.core.sections.Section``\\ s shown on a working group's page (slot "main",
    after its meetings), e.g. the updates on the group from alliance reports.
"""

from strukturwandel.core import sections

GROUP_PAGE_SECTIONS_HOOK = "strukturwandel_working_group_page_sections"


def page_sections(group, *, request):
    return sections.collect(GROUP_PAGE_SECTIONS_HOOK, group=group, request=request)
