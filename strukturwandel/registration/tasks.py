"""Tasks of the registration app (Django's tasks framework, see tasks_compat)."""

from strukturwandel.core.tasks_compat import task

from . import mail


@task()
def send_registration_mail(mail_id):
    """Send one stored registration e-mail; a failure is recorded for a later retry."""
    return mail.deliver(mail_id)
