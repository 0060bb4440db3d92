/* Choropleth maps (issue 14 item 4): an indicator's figures by area, drill-down by click where
   boundaries exist; where none exist for a level the note says so and the table opens. Registered as
   the chart kind "map" of yardstick.js, which loads ECharts first. */
(function () {
  var kinds = window.yardstickCharts;
  if (!kinds) { return; }
  var NO_DATA = '#d9d9d9';
  var COLOURS = ['#deebf7', '#9ecae1', '#4292c6', '#08519c'];
  var DRILLABLE = ['world', 'grouping', 'country', 'province', 'prefecture', 'corps', 'division'];
  var registered = {};

  function lang() { return (document.documentElement.lang || 'zh').indexOf('en') === 0 ? 'en' : 'zh'; }
  function nameOf(t) { return t ? (t[lang()] || t.zh || t.en || '') : ''; }
  function fmt(v) {
    if (v === null || v === undefined) { return ''; }
    return Number(v).toLocaleString(lang() === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 6 });
  }
  function fill(pattern, args) {
    return pattern.replace(/\{(\d)\}/g, function (m, i) { return args[Number(i)] === undefined ? m : args[Number(i)]; });
  }
  function text(tag, value, cls) {
    var e = document.createElement(tag);
    e.textContent = value;
    if (cls) { e.className = cls; }
    return e;
  }
  function origin(section, a) {
    if (!a.origin) { return ''; }
    var label = section.dataset[a.origin] || a.origin;
    if (a.origin === 'computed' && a.expected) { label += ' ' + fill(section.dataset.coverage, [a.covered, a.expected]); }
    return label;
  }

  function address(section, region, year) {
    var parts = section.dataset.mapSrc.split('?');
    var base = parts[0];
    // what the page asked for besides region and year (a breakdown) stays on every map it loads
    var q = (parts[1] || '').split('&').filter(function (p) { return p && !/^(region|year)=/.test(p); });
    if (region) { q.push('region=' + encodeURIComponent(region)); }
    if (year) { q.push('year=' + encodeURIComponent(year)); }
    return base + (q.length ? '?' + q.join('&') : '');
  }
  function contextPath(section) { return section.dataset.mapSrc.split('/api/v1/')[0]; }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(url + ': ' + r.status); } return r.json(); });
  }

  function show(section, el, url) {
    getJson(url).then(function (view) {
      var key = 'ys-' + view.region.code;
      if (!view.boundaries) { return view; }
      if (registered[key]) { return view; }
      return getJson(contextPath(section) + view.boundaries).then(function (geo) {
        echarts.registerMap(key, geo);
        registered[key] = true;
        return view;
      });
    }).then(function (view) {
      render(section, el, view);
    }).catch(function () {
      var note = section.querySelector('.ys-map-note');
      note.textContent = section.dataset.failed;
      note.hidden = false;
      el.dataset.rendered = 'true';
    });
  }

  function render(section, el, view) {
    path(section, el, view);
    years(section, el, view);
    table(section, view);
    var note = section.querySelector('.ys-map-note');
    var source = section.querySelector('.ys-map-source');
    var legend = section.querySelector('.ys-map-legend');
    var notes = [];
    if (!view.year) { notes.push(section.dataset.noFigures); }
    if (!view.boundaries) { notes.push(section.dataset.noBoundaries); }
    note.textContent = notes.join(' ');
    note.hidden = notes.length === 0;
    var old = echarts.getInstanceByDom(el);
    if (!view.boundaries) {
      if (old) { old.dispose(); }
      el.hidden = true;
      legend.hidden = true;
      source.textContent = '';
      section.querySelector('.ys-map-details').open = true;
      el.dataset.rendered = 'true';
      return;
    }
    el.hidden = false;
    legend.hidden = false;
    source.textContent = (view.sketch ? section.dataset.sketch + ' · ' : '') + fill(section.dataset.source, [view.attribution]);
    el.style.height = (el.clientWidth < 600 ? 360 : 480) + 'px';
    var chart = old || echarts.init(el, null, { renderer: 'svg' });
    var byCode = {};
    var values = [];
    view.areas.forEach(function (a) {
      byCode[a.code] = a;
      if (a.value !== null) { values.push(Number(a.value)); }
    });
    var min = values.length ? Math.min.apply(null, values) : 0;
    var max = values.length ? Math.max.apply(null, values) : 1;
    if (max === min) { max = min + 1; }
    var unit = nameOf(view.unit);
    chart.setOption({
      tooltip: { trigger: 'item', formatter: function (p) {
        var a = byCode[p.name];
        if (!a) { return ''; }
        var lines = ['<b>' + escapeHtml(nameOf(a.name)) + '</b>'];
        if (a.value === null) {
          lines.push(escapeHtml(section.dataset.noData));
        } else {
          lines.push(escapeHtml(fmt(a.value) + (unit ? ' ' + unit : '')));
          lines.push(escapeHtml(origin(section, a)));
        }
        if (drillable(a)) { lines.push('<span class="small">' + escapeHtml(section.dataset.drill) + '</span>'); }
        return lines.join('<br>');
      } },
      visualMap: { type: 'continuous', min: min, max: max, calculable: false, realtime: false, left: 'left', bottom: 0,
        text: [fmt(max) + (unit ? ' ' + unit : ''), fmt(min)], inRange: { color: COLOURS }, itemHeight: 100 },
      series: [{
        type: 'map', map: 'ys-' + view.region.code, nameProperty: 'code', roam: false, selectedMode: false,
        itemStyle: { areaColor: NO_DATA, borderColor: '#ffffff', borderWidth: 0.8 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#fdae6b' } },
        data: view.areas.map(function (a) { return { name: a.code, value: a.value === null ? NaN : Number(a.value) }; })
      }]
    }, true);
    chart.off('click');
    chart.on('click', function (p) {
      var a = byCode[p.name];
      if (a && drillable(a)) { show(section, el, address(section, a.code, view.year)); }
    });
    if (!el.dataset.resizes) {
      el.dataset.resizes = 'true';
      window.addEventListener('resize', function () { var c = echarts.getInstanceByDom(el); if (c) { c.resize(); } });
    }
    el.dataset.rendered = 'true';
  }

  function drillable(a) { return a.drill || DRILLABLE.indexOf(a.level) >= 0; }

  function path(section, el, view) {
    var nav = section.querySelector('.ys-map-path');
    nav.textContent = '';
    view.path.forEach(function (p) {
      var b = text('button', nameOf(p.name), 'btn btn-link btn-sm p-0 align-baseline');
      b.type = 'button';
      b.addEventListener('click', function () { show(section, el, address(section, p.code, view.year)); });
      nav.appendChild(b);
      nav.appendChild(text('span', ' › ', 'text-muted'));
    });
    nav.appendChild(text('strong', nameOf(view.region.name), 'ys-map-region'));
  }

  function years(section, el, view) {
    var select = section.querySelector('.ys-map-year');
    select.textContent = '';
    view.years.forEach(function (y) {
      var o = text('option', y);
      o.value = y;
      o.selected = y === view.year;
      select.appendChild(o);
    });
    select.disabled = view.years.length < 2;
    select.onchange = function () { show(section, el, address(section, view.region.code, select.value)); };
  }

  function table(section, view) {
    var body = section.querySelector('.ys-map-table tbody');
    body.textContent = '';
    var unit = nameOf(view.unit);
    view.areas.forEach(function (a) {
      var tr = document.createElement('tr');
      tr.appendChild(text('td', nameOf(a.name)));
      tr.appendChild(text('td', a.code));
      tr.appendChild(text('td', a.value === null ? section.dataset.noData : fmt(a.value) + (unit ? ' ' + unit : ''), 'text-end'));
      tr.appendChild(text('td', origin(section, a)));
      body.appendChild(tr);
    });
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }

  kinds.map = function (el) {
    var section = el.closest('.ys-map');
    var swatch = section.querySelector('.ys-map-swatch');
    swatch.style.width = '1em';
    swatch.style.height = '1em';
    swatch.style.background = NO_DATA;
    var year = section.dataset.mapYear;
    var src = section.dataset.mapSrc;
    show(section, el, year ? src + (src.indexOf('?') >= 0 ? '&' : '?') + 'year=' + encodeURIComponent(year) : src);
  };
})();
