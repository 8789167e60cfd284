"""English admin: Django's English formats, plus the German input the admin's pickers write."""

from django.conf.locale.en import formats as english

DATE_INPUT_FORMATS = ["%d.%m.%Y", *english.DATE_INPUT_FORMATS]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M", *english.DATETIME_INPUT_FORMATS]
FIRST_DAY_OF_WEEK = 1
