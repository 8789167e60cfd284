"""Tasks of the participation app (Django's tasks framework, see core.tasks_compat)."""

from strukturwandel.core.tasks_compat import task

from . import mail


@task()
def send_participation_mail(mail_id):
    """Send one stored participation e-mail; a failure is recorded for a later retry."""
    return mail.deliver(mail_id)
