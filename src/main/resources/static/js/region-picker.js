// The region picker (fragments/region-picker.html, issue 15 item 6): a search box over a tree of regions.
// Plain script, no build: lines come from the server as HTML (/regions/picker?q= or ?parent=), the newest
// request wins (an older answer arriving late is dropped), and the tree is a WAI-ARIA tree for the keyboard.
(function () {
  'use strict';
  if (window.ysRegionPicker) { return; }
  window.ysRegionPicker = true;

  function setUp(root) {
    if (root.dataset.ready) { return; }
    root.dataset.ready = '1';
    var codeInput = root.querySelector('.ys-rp-code-input');
    var search = root.querySelector('.ys-rp-search');
    var tree = root.querySelector('.ys-rp-tree');
    var url = root.dataset.lines;
    var go = root.dataset.go;
    var timer = null;
    var seq = 0;

    // with script: the code travels hidden, the person types names
    codeInput.type = 'hidden';
    codeInput.removeAttribute('aria-label');
    search.classList.remove('d-none');

    function open() { tree.hidden = false; search.setAttribute('aria-expanded', 'true'); }
    function close() { tree.hidden = true; search.setAttribute('aria-expanded', 'false'); }

    function load(params, into, then) {
      var mine = ++seq;
      var nested = into !== tree;
      fetch(url + '?' + new URLSearchParams(params), { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (html) {
          if (!nested && mine !== seq) { return; } // a newer search was sent meanwhile
          into.innerHTML = html;
          if (then) { then(); }
        });
    }

    function items() {
      return Array.prototype.filter.call(tree.querySelectorAll('[role=treeitem]'), function (li) {
        return li.offsetParent !== null;
      });
    }

    function focusItem(li) {
      items().forEach(function (x) { x.tabIndex = -1; });
      li.tabIndex = 0;
      li.focus();
    }

    function expand(li) {
      if (li.getAttribute('aria-expanded') !== 'false') { return; }
      li.setAttribute('aria-expanded', 'true');
      li.querySelector('.ys-rp-twist').textContent = '▾';
      var group = li.querySelector(':scope > [role=group]');
      if (group) { group.hidden = false; return; }
      group = document.createElement('ul');
      group.setAttribute('role', 'group');
      group.className = 'list-unstyled ps-3';
      li.appendChild(group);
      load({ parent: li.dataset.code }, group);
    }

    function collapse(li) {
      if (li.getAttribute('aria-expanded') !== 'true') { return false; }
      li.setAttribute('aria-expanded', 'false');
      li.querySelector('.ys-rp-twist').textContent = '▸';
      var group = li.querySelector(':scope > [role=group]');
      if (group) { group.hidden = true; }
      return true;
    }

    function pick(li) {
      if (go) { window.location.href = go + encodeURIComponent(li.dataset.code); return; }
      codeInput.value = li.dataset.code;
      search.value = li.dataset.name;
      tree.querySelectorAll('[aria-selected=true]').forEach(function (x) { x.setAttribute('aria-selected', 'false'); });
      li.setAttribute('aria-selected', 'true');
      close();
      search.focus();
      codeInput.dispatchEvent(new Event('change', { bubbles: true }));
    }

    search.addEventListener('input', function () {
      clearTimeout(timer);
      if (search.value.trim() === '') { codeInput.value = ''; }
      timer = setTimeout(function () { load({ q: search.value.trim() }, tree, open); }, 250);
    });
    search.addEventListener('focus', function () {
      if (tree.children.length === 0) { load({ q: '' }, tree); }
    });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        var show = function () { var first = items()[0]; if (first) { focusItem(first); } };
        if (tree.hidden) { open(); }
        if (tree.children.length === 0) { load({ q: search.value.trim() }, tree, show); } else { show(); }
      } else if (e.key === 'Escape') {
        close();
      } else if (e.key === 'Enter' && !tree.hidden) {
        e.preventDefault(); // Enter in the search box does not submit a half-chosen form
        var first = items()[0];
        if (first) { pick(first); }
      }
    });
    tree.addEventListener('click', function (e) {
      var li = e.target.closest('[role=treeitem]');
      if (!li) { return; }
      if (e.target.classList.contains('ys-rp-twist')) {
        if (!collapse(li)) { expand(li); }
      } else {
        pick(li);
      }
    });
    tree.addEventListener('keydown', function (e) {
      var li = e.target.closest('[role=treeitem]');
      if (!li) { return; }
      var list = items();
      var at = list.indexOf(li);
      if (e.key === 'ArrowDown' && at < list.length - 1) { e.preventDefault(); focusItem(list[at + 1]); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); if (at > 0) { focusItem(list[at - 1]); } else { search.focus(); } }
      else if (e.key === 'ArrowRight') { e.preventDefault(); expand(li); }
      else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        if (!collapse(li)) { var up = li.parentElement.closest('[role=treeitem]'); if (up) { focusItem(up); } }
      }
      else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(li); }
      else if (e.key === 'Escape') { close(); search.focus(); }
    });
    document.addEventListener('click', function (e) {
      if (!root.contains(e.target)) { close(); }
    });
  }

  function all() { document.querySelectorAll('[data-ys-region-picker]').forEach(setUp); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', all); } else { all(); }
  document.addEventListener('htmx:afterSettle', all);
})();
