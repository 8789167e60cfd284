/* Start django-recurrence's rule editor on every rule field, without jQuery. */
(function () {
  'use strict';

  function start() {
    document
      .querySelectorAll('textarea.recurrence-widget:not([id*="__prefix__"])')
      .forEach(function (field) {
        if (field.dataset.recurrenceStarted) {
          return;
        }
        field.dataset.recurrenceStarted = 'true';
        new recurrence.widget.Widget(field.id, {});
      });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
