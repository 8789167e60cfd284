"""Django's tasks framework on both supported Django versions: ``django.tasks`` from Django 6,
the ``django-tasks`` backport (a dependency of Wagtail) on Django 5.2. Import from here."""

try:
    from django.tasks import default_task_backend, task
except ImportError:  # Django 5.2
    from django_tasks import default_task_backend, task

__all__ = ["default_task_backend", "task"]
