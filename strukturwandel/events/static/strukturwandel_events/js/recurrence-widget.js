/* Start django-recurrence's rule editor on every rule field, without jQuery, and make it fit
   Wagtail's editor: labels that toggle their checkbox or radio, a calendar that opens on screen
   with weeks starting on the locale's first day (Monday in German), and an extra meeting date
   told apart from a date on which the rule's meeting is cancelled, which starts on the rule's
   next planned date; dates shown and typed the German way (21.12.2026). */
(function () {
  'use strict';

  var widget = recurrence.widget;
  var labels = recurrence.display.labels;

  labels.add_date = gettext('Add an extra meeting date');
  labels.exclude_date = gettext('No meeting on this date');
  recurrence.display.mode.exclusion = gettext('No meeting:');
  // A limit by count reads as a number of meetings (django-recurrence's German says
  // "Bis zum [1]. Mal").
  labels.count = gettext('Ends after %(number)s meeting');
  labels.count_plural = gettext('Ends after %(number)s meetings');
  recurrence.display.tokens.count = gettext('%(number)s meeting in total');
  recurrence.display.tokens.count_plural = gettext('%(number)s meetings in total');

  widget.DateForm.prototype.get_display_text = function () {
    var text = recurrence.date.format(this.date, pgettext('date', '%l, %F %j, %Y'));
    var prefix = this.mode === widget.EXCLUSION
      ? recurrence.display.mode.exclusion
      : gettext('Extra meeting:');
    return prefix + ' ' + text;
  };

  // The calendar's first column is the locale's first day of the week (0 is Sunday).
  var firstDay = parseInt(get_format('FIRST_DAY_OF_WEEK'), 10) || 0;
  widget.Calendar.prototype.get_month_grid = function (year, month) {
    var calendar = this;
    var dt = new Date(year, month, 1);
    var start = (dt.getDay() - firstDay + 7) % 7;
    var days = recurrence.date.days_in_month(dt);
    var grid = new widget.Grid(7, Math.ceil((days + start) / 7) + 1);
    var number = 1;
    grid.cells.forEach(function (cell, i) {
      if (i < 7) {
        // recurrence numbers weekdays from Monday (0), JavaScript from Sunday (0).
        cell.innerHTML = recurrence.display.weekdays_oneletter[(firstDay + i + 6) % 7];
        widget.add_class(cell, 'header');
      } else if (i - 7 < start || number > days) {
        widget.add_class(cell, 'empty');
      } else {
        widget.add_class(cell, 'day');
        if (calendar.date.getDate() === number && calendar.date.getFullYear() === year &&
            calendar.date.getMonth() === month) {
          widget.add_class(cell, 'active');
        }
        cell.innerHTML = number;
        number += 1;
        cell.onclick = function () {
          calendar.set_date(calendar.year, calendar.month, parseInt(this.innerHTML, 10));
        };
      }
    });
    return grid;
  };

  // Below its button, moved up or left as far as needed to stay inside the viewport.
  widget.DateSelector.prototype.set_calendar_position = function () {
    var button = this.elements.calendar_button.getBoundingClientRect();
    var root = this.calendar.elements.root;
    var x = Math.max(0, Math.min(button.left, window.innerWidth - root.offsetWidth));
    var y = button.bottom;
    if (y + root.offsetHeight > window.innerHeight) {
      y = Math.max(0, window.innerHeight - root.offsetHeight);
    }
    this.calendar.set_position(x + window.scrollX, y + window.scrollY);
  };

  // A date field shows its date as the admin's date format does ("21.12.2026") and takes it
  // typed so; django-recurrence's own ISO form (2026-12-21) is still understood.
  var DATE_DISPLAY = '%d.%m.%Y';

  function isoDate(text) {
    var match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text || '');
    return match ? match[3] + '-' + match[2] + '-' + match[1] : text;
  }

  widget.DateSelector.prototype.show_date = function () {
    if (this.date && this.elements.date_field.value !== '') {
      this.elements.date_field.value = recurrence.date.format(this.date, DATE_DISPLAY);
    }
  };

  var initDateSelector = widget.DateSelector.prototype.init_dom;
  widget.DateSelector.prototype.init_dom = function () {
    initDateSelector.call(this);
    this.show_date();
  };

  var setDate = widget.DateSelector.prototype.set_date;
  widget.DateSelector.prototype.set_date = function (text) {
    setDate.call(this, isoDate(text));
    this.show_date();
  };

  function sameDay(a, b) {
    return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() &&
      a.getDate() === b.getDate();
  }

  // The first of the rule's next planned dates (the form lists them, see forms.py) that is
  // not excluded yet; today when the rule plans none.
  function nextPlannedDate(field, editor) {
    var planned = JSON.parse(field.dataset.plannedDates || '[]').map(function (day) {
      var parts = day.split('-');
      return new Date(parseInt(parts[0], 10), parseInt(parts[1], 10) - 1, parseInt(parts[2], 10));
    });
    var open = planned.filter(function (day) {
      return !editor.data.exdates.some(function (excluded) {
        return sameDay(excluded, day);
      });
    });
    return open.length ? open[0] : widget.date_today();
  }

  function addExclusionButton(field, editor) {
    var button = new widget.AddButton(gettext('Exclude a date'), {
      onclick: function () {
        var date = nextPlannedDate(field, editor);
        editor.data.exdates.push(date);
        editor.add_date_panel(widget.EXCLUSION, date).expand();
      }
    });
    widget.add_class(button.elements.root, 'add-exclusion');
    editor.elements.control.appendChild(button.elements.root);
  }

  // A click on a checkbox's or radio's label text toggles it, as a <label> would.
  function labelClick(event) {
    var text = event.target.closest('.recurrence-label');
    if (!text || !text.parentNode) {
      return;
    }
    var input = text.parentNode.firstElementChild;
    if (input && input.tagName === 'INPUT' && (input.type === 'checkbox' || input.type === 'radio')) {
      input.click();
    }
  }

  function start() {
    document
      .querySelectorAll('textarea.recurrence-widget:not([id*="__prefix__"])')
      .forEach(function (field) {
        if (field.dataset.recurrenceStarted) {
          return;
        }
        field.dataset.recurrenceStarted = 'true';
        var editor = new widget.Widget(field.id, {});
        addExclusionButton(field, editor);
        editor.elements.root.addEventListener('click', labelClick);
      });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
