/* Authoring forms: the code pickers add the chosen code as a new line of their list (the order of the
   lines is the order kept: the first responsible unit leads), then tell the form it changed so that it
   is checked again. */
(function () {
  'use strict';
  function add(button) {
    var id = button.getAttribute('data-codes-add');
    var list = document.getElementById(id);
    var picker = document.querySelector('[data-codes-picker="' + id + '"]');
    if (!list || !picker) { return; }
    var code = picker.value.trim();
    if (!code) { return; }
    var lines = list.value.split(/\r?\n/).map(function (s) { return s.trim(); }).filter(function (s) { return s; });
    if (lines.indexOf(code) < 0) { lines.push(code); }
    list.value = lines.join('\n');
    picker.value = '';
    list.dispatchEvent(new Event('change', { bubbles: true }));
  }
  /* choosing in a picker is not yet a change of the form: keep it from the form's check */
  document.addEventListener('change', function (e) {
    if (e.target.hasAttribute && e.target.hasAttribute('data-codes-picker')) { e.stopPropagation(); }
  }, true);
  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('[data-codes-add]') : null;
    if (b) { e.preventDefault(); add(b); }
  });
  document.addEventListener('keydown', function (e) {
    var p = e.target.closest ? e.target.closest('[data-codes-picker]') : null;
    if (p && e.key === 'Enter') {
      e.preventDefault();
      var b = document.querySelector('[data-codes-add="' + p.getAttribute('data-codes-picker') + '"]');
      if (b) { add(b); }
    }
  });
})();
