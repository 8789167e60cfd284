from django import template

from strukturwandel.topics.models import TopicField

register = template.Library()


@register.simple_tag(takes_context=True)
def topic_url(context, topic: TopicField):
    """The public page of a topic field, or "" when the site has no topic-field index.

    The index page is looked up once per request, so a list of links costs one query.
    """
    return topic.get_url(context.get("request"))


@register.inclusion_tag("strukturwandel_topics/includes/topic_links.html", takes_context=True)
def topic_links(context, topics, label=""):
    """Topic fields, each linking to its page.

    ``{% topic_links meeting.topic_fields.all %}``
    """
    request = context.get("request")
    return {
        "links": [(topic, topic.get_url(request)) for topic in topics],
        "label": label,
    }
