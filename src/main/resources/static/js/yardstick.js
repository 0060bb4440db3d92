/* Yardstick's browser behaviour: charts from data attributes, forms that submit on change.
   No inline scripts (the Content-Security-Policy forbids them). */
(function () {
  'use strict';

  /** A period code as a number on a time line: 2015, 2015Q3 → 2015.5, 2015-03 → 2015.17. */
  function periodNumber(code) {
    var m = /^(\d{4})(?:Q([1-4])|-(\d{2}))?$/.exec(code);
    if (!m) { return null; }
    var year = Number(m[1]);
    if (m[2]) { return year + (Number(m[2]) - 1) / 4; }
    if (m[3]) { return year + (Number(m[3]) - 1) / 12; }
    return year;
  }

  /** The time axis the server computed from the data: from its first period to its last, never beyond. */
  function timeAxis(axis) {
    return { type: 'value', min: axis ? axis.min : 'dataMin', max: axis ? axis.max : 'dataMax', minInterval: 1,
      axisLabel: { hideOverlap: true, formatter: function (v) { return Number.isInteger(v) ? String(v) : ''; } } };
  }

  /** Yearly points with a missing year between them get an empty point there, so the line breaks at the gap. */
  function withGaps(points) {
    var out = [];
    points.forEach(function (p, i) {
      var prev = i > 0 ? points[i - 1] : null;
      if (prev && Number.isInteger(prev[0]) && Number.isInteger(p[0]) && p[0] - prev[0] > 1) {
        out.push([prev[0] + 1, null, '']);
      }
      out.push(p);
    });
    return out;
  }

  function seriesChart(el, data) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var series = data.series.map(function (s) {
      return {
        name: s.name, type: 'line', symbolSize: 8, connectNulls: false,
        data: withGaps(s.points.map(function (p) { return [periodNumber(p[0]), Number(p[1]), p[0]]; }))
      };
    });
    data.targets.forEach(function (t) {
      if (t.high !== null && t.high !== undefined) {
        /* a range: its two ends joined at the target year */
        series.push({ name: el.dataset.targetLabel || 'target', type: 'line', symbol: 'none', silent: true,
          lineStyle: { color: '#b03a2e', width: 6, opacity: 0.35 },
          data: [[periodNumber(t.period), Number(t.value), t.period], [periodNumber(t.period), Number(t.high), t.period]] });
      }
    });
    if (data.targets.length) {
      series.push({
        name: el.dataset.targetLabel || 'target', type: 'scatter', symbol: 'diamond', symbolSize: 14,
        itemStyle: { color: '#b03a2e' },
        data: data.targets.map(function (t) { return { value: [periodNumber(t.period), Number(t.value), t.period], label: t.label }; }),
        tooltip: { formatter: function (p) { return p.data.label; } }
      });
    }
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) { return p.seriesName + '<br>' + p.value[2] + ': ' + p.value[1]; } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 60, right: 30, top: 40, bottom: 30, containLabel: true },
      xAxis: timeAxis(data.axis),
      yAxis: { type: 'value', name: data.unit, scale: true },
      series: series
    });
    el.dataset.rendered = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  var BAR_COLOURS = { computed: '#2c6fbb', published: '#6c757d', derived: '#b0b7bf' };

  /** Horizontal bars, one per item: {items: [{label, value, kind}], legend: {kind: text}}; the kind
      (computed / published / derived) gives the colour, named in the legend. */
  function barsChart(el, data) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var items = data.items.slice().reverse();
    var kindsUsed = [];
    items.forEach(function (i) { if (kindsUsed.indexOf(i.kind) < 0) { kindsUsed.push(i.kind); } });
    var series = kindsUsed.map(function (k) {
      return {
        name: (data.legend && data.legend[k]) || k, type: 'bar', stack: 'one', barMaxWidth: 28,
        itemStyle: { color: BAR_COLOURS[k] || '#2c6fbb' },
        label: { show: true, position: 'right', formatter: function (p) { return p.value === '-' ? '' : formatNumber(p.value); } },
        data: items.map(function (i) { return i.kind === k ? Number(i.value) : '-'; })
      };
    });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) { return p.name + '<br>' + p.seriesName + ': ' + formatNumber(p.value); } },
      legend: { top: 0 },
      grid: { left: 10, right: 60, top: 30, bottom: 10, containLabel: true },
      xAxis: { type: 'value', scale: false },
      yAxis: { type: 'category', data: items.map(function (i) { return i.label; }) },
      series: series
    });
    el.dataset.rendered = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  /** A waterfall: {start: {label, value}, parts: [{label, value}], end: {label, value}}; the parts
      are drawn from the start score, each from where the previous one ended, up to the end score. */
  function waterfallChart(el, data) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var labels = [data.start.label];
    var base = [0];
    var rise = [Number(data.start.value)];
    var fall = ['-'];
    var level = Number(data.start.value);
    data.parts.forEach(function (p) {
      var v = Number(p.value);
      labels.push(p.label);
      base.push(v >= 0 ? level : level + v);
      rise.push(v >= 0 ? v : '-');
      fall.push(v < 0 ? -v : '-');
      level += v;
    });
    labels.push(data.end.label);
    base.push(0);
    rise.push(Number(data.end.value));
    fall.push('-');
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (ps) {
        var i = ps[0].dataIndex;
        var v = i === 0 ? data.start.value : i === labels.length - 1 ? data.end.value : data.parts[i - 1].value;
        return labels[i] + ': ' + formatNumber(v, i > 0 && i < labels.length - 1);
      } },
      grid: { left: 10, right: 20, top: 20, bottom: 10, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', scale: true },
      series: [
        { type: 'bar', stack: 'w', itemStyle: { color: 'transparent' }, emphasis: { disabled: true }, data: base },
        { type: 'bar', stack: 'w', itemStyle: { color: '#2c6fbb' }, data: rise },
        { type: 'bar', stack: 'w', itemStyle: { color: '#b03a2e' }, data: fall }
      ]
    });
    el.dataset.rendered = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  function formatNumber(v, signed) {
    var n = Number(v);
    if (!isFinite(n)) { return ''; }
    var s = Math.abs(n) >= 100 ? n.toFixed(1) : n.toFixed(2);
    return signed && n > 0 ? '+' + s : s;
  }

  /* Progress charts (kinds statusCounts, sectionStack, progress, comparison, gap): the data comes
     from the server with its labels already in the page's language. */
  var STATUS_COLOURS = { ACHIEVED: '#1e7b4f', ON_TRACK: '#3b8f5a', AT_RISK: '#d08a12', OFF_TRACK: '#b03a2e',
    INSUFFICIENT_DATA: '#8a949e', NOT_ASSESSED: '#b6bec6', NOT_ACHIEVED: '#7d1f16', CANNOT_BE_JUDGED: '#5f6b76' };
  var QUARTILE_COLOURS = ['#1e7b4f', '#6aa870', '#d9a441', '#b03a2e'];

  function done(el, chart) {
    el.dataset.rendered = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  function statusCountsChart(el, data) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      grid: { left: 110, right: 30, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: data.bars.map(function (b) { return b.label; }) },
      series: [{ type: 'bar', barMaxWidth: 22, label: { show: true, position: 'right' },
        data: data.bars.map(function (b) { return { value: b.count, itemStyle: { color: STATUS_COLOURS[b.status] } }; }) }]
    });
    return done(el, chart);
  }

  function sectionStackChart(el, data) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 170, right: 20, top: 50, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: data.categories,
        axisLabel: { width: 160, overflow: 'truncate' } },
      series: data.series.map(function (s) {
        return { name: s.label, type: 'bar', stack: 'status', barMaxWidth: 22, data: s.data,
          itemStyle: { color: STATUS_COLOURS[s.status] } };
      })
    });
    return done(el, chart);
  }

  function progressChart(el, data) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var L = data.labels;
    var series = [];
    if (data.band) {
      var band = data.band;
      /* the band's corners are the custom series' data, so that the axes take them in; the polygon is drawn once */
      series.push({ name: L.range, type: 'custom', silent: true, z: 1, data: band, encode: { x: 0, y: 1 },
        itemStyle: { color: 'rgba(47, 111, 176, 0.35)' },
        renderItem: function (params, api) {
          if (params.dataIndex !== 0) { return null; }
          return { type: 'polygon', shape: { points: band.map(function (p) { return api.coord(p); }) },
            style: { fill: 'rgba(47, 111, 176, 0.15)', stroke: 'rgba(47, 111, 176, 0.3)' } };
        } });
    }
    if (data.path) {
      series.push({ name: L.path, type: 'line', data: data.path, symbol: 'none', lineStyle: { type: 'dashed', color: '#b03a2e' },
        itemStyle: { color: '#b03a2e' } });
    }
    if (data.pathHigh) {
      series.push({ name: L.path, type: 'line', data: data.pathHigh, symbol: 'none', lineStyle: { type: 'dashed', color: '#b03a2e' },
        itemStyle: { color: '#b03a2e' } });
    }
    if (data.linear) {
      series.push({ name: L.linear, type: 'line', data: data.linear, symbol: 'none', lineStyle: { type: 'dotted', width: 2, color: '#2f6fb0' },
        itemStyle: { color: '#2f6fb0' } });
    }
    if (data.compound) {
      series.push({ name: L.compound, type: 'line', data: data.compound, symbol: 'none', smooth: true,
        lineStyle: { type: 'dotted', width: 2, color: '#6f42c1' }, itemStyle: { color: '#6f42c1' } });
    }
    if (data.comparator && data.comparator.length) {
      series.push({ name: L.comparator, type: 'line', data: data.comparator, symbolSize: 6, lineStyle: { color: '#8a949e' },
        itemStyle: { color: '#8a949e' } });
    }
    series.push({ name: L.observed, type: 'line', data: withGaps(data.observed), connectNulls: false, symbolSize: 9, z: 5, lineStyle: { width: 3, color: '#1d2b3a' },
      itemStyle: { color: '#1d2b3a' } });
    if (data.target) {
      var points = [[data.target.year, data.target.value]];
      if (data.target.high !== null && data.target.high !== undefined) { points.push([data.target.year, data.target.high]); }
      series.push({ name: L.target, type: 'scatter', symbol: 'diamond', symbolSize: 16, z: 6, data: points, itemStyle: { color: '#b03a2e' } });
    }
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) {
        return p.value && p.value.length ? p.seriesName + '<br>' + p.value[0] + ': ' + Number(p.value[1]).toLocaleString() : p.seriesName; } },
      legend: { top: 0, data: [L.observed, L.path, L.linear, L.compound, L.range, L.target, L.comparator] },
      grid: { left: 70, right: 30, top: 50, bottom: 30, containLabel: true },
      xAxis: timeAxis(data.axis),
      yAxis: { type: 'value', name: data.unit, scale: true },
      series: series
    });
    return done(el, chart);
  }

  function comparisonChart(el, data) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var many = data.bars.length > 40;
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) {
        return p.name + '<br>' + Number(p.value).toLocaleString() + ' ' + (data.unit || '') + '<br>' + data.quartileLabels[p.data.quartile - 1]; } },
      grid: { left: 60, right: 20, top: 30, bottom: many ? 60 : 80 },
      xAxis: { type: 'category', data: data.bars.map(function (b) { return b.name; }),
        axisLabel: { rotate: 45, interval: many ? 'auto' : 0 } },
      yAxis: { type: 'value', name: data.unit },
      dataZoom: many ? [{ type: 'slider', bottom: 5, start: 0, end: Math.min(100, 4000 / data.bars.length) }] : [],
      series: [{ type: 'bar', large: many, data: data.bars.map(function (b) {
        return { value: b.value, quartile: b.quartile, itemStyle: { color: QUARTILE_COLOURS[b.quartile - 1] } }; }) }]
    });
    return done(el, chart);
  }

  function gapChart(el, data) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 50, bottom: 30 },
      xAxis: { type: 'category', data: data.years.map(String) },
      yAxis: { type: 'value', name: data.unit, scale: true },
      series: [
        { name: data.labels.best, type: 'line', data: data.best, itemStyle: { color: QUARTILE_COLOURS[0] } },
        { name: data.labels.worst, type: 'line', data: data.worst, itemStyle: { color: QUARTILE_COLOURS[3] } },
        { name: data.labels.difference, type: 'line', data: data.difference, lineStyle: { type: 'dashed' }, itemStyle: { color: '#2f6fb0' } }
      ]
    });
    return done(el, chart);
  }

  /* the self-assessment's dimension scores against peer medians (the page's table carries the same figures) */
  function radarChart(el, data) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      radar: { indicator: data.indicators, radius: '62%' },
      series: [{ type: 'radar', data: data.series.map(function (s) { return { name: s.name, value: s.values.map(Number) }; }) }]
    });
    return done(el, chart);
  }

  var kinds = { radar: radarChart, series: seriesChart, bars: barsChart, waterfall: waterfallChart, statusCounts: statusCountsChart, sectionStack: sectionStackChart,
    progress: progressChart, comparison: comparisonChart, gap: gapChart };
  window.yardstickCharts = kinds;

  /* ECharts is fetched only by pages that have a chart, after the page's first paint, so that the page and its
     tables are usable while the charts arrive (issue 15, a 1.6 Mbit/s county link). Two builds of the same web jar,
     their addresses in meta elements: "common" (line, bar, scatter, legend, tooltip, dataZoom: 218 KB gzipped)
     draws every kind but two; "full" (332 KB) is needed for a map (map series, visualMap) and for a progress chart
     with a range band (custom series). The full build replaces the common one when a page comes to need it. */
  var builds = {};
  function loadBuild(build) {
    if (!builds[build]) {
      builds[build] = new Promise(function (resolve, reject) {
        var src = document.querySelector('meta[name="echarts-' + build + '-src"]') || document.querySelector('meta[name="echarts-src"]');
        if (!src) { reject(new Error('no ECharts address')); return; }
        var script = document.createElement('script');
        script.src = src.content;
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error(src.content)); };
        document.head.appendChild(script);
      });
    }
    return builds[build];
  }
  /** The common build, unless the full one is wanted (from then on, for every chart); the full one after a common one
      already on its way, so that the full one is the one left defined. */
  var wantFull = false;
  function noop() {}
  function withEcharts(build, then) {
    var ready;
    if (build === 'full' || wantFull) {
      wantFull = true;
      ready = builds.full || (builds.common ? builds.common.catch(noop).then(function () { return loadBuild('full'); }) : loadBuild('full'));
    } else {
      ready = loadBuild('common');
    }
    ready.then(then, noop);
  }

  function needsFull(el) {
    var kind = el.dataset.chartKind || 'series';
    if (kind === 'map') { return true; }
    return kind === 'progress' && el.dataset.chart.indexOf('"band"') >= 0;
  }

  function draw(charts) {
    var full = charts.some(needsFull);
    withEcharts(full ? 'full' : 'common', function () {
      charts.forEach(function (el) {
        if (el.dataset.rendered === 'true') { return; }
        var render = kinds[el.dataset.chartKind || 'series'];
        if (!render) { return; }
        render(el, JSON.parse(el.dataset.chart));
      });
    });
  }

  /** A map's script (map.js) loads when the map comes into view, then its boundaries and figures. */
  var mapScript = null;
  function withMapScript(section, then) {
    if (kinds.map) { then(); return; }
    if (!mapScript) {
      mapScript = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = section.dataset.mapScript;
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error(section.dataset.mapScript)); };
        document.head.appendChild(script);
      });
    }
    mapScript.then(then, function () {});
  }

  var lazyMaps = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (!e.isIntersecting) { return; }
      lazyMaps.unobserve(e.target);
      delete e.target.dataset.lazy;
      drawMap(e.target);
    });
  }) : null;

  function drawMap(el) {
    var section = el.closest('.ys-map');
    if (section && section.dataset.mapScript) {
      withMapScript(section, function () { draw([el]); });
    } else {
      draw([el]);
    }
  }

  function renderCharts(root) {
    var charts = Array.prototype.slice.call((root || document).querySelectorAll('[data-chart]'))
      .filter(function (el) { return el.dataset.rendered !== 'true' && el.dataset.lazy !== 'waiting'; });
    if (!charts.length) { return; }
    var maps = charts.filter(function (el) { return el.dataset.chartKind === 'map'; });
    var others = charts.filter(function (el) { return el.dataset.chartKind !== 'map'; });
    /* a map already on the screen is drawn now, with the build it needs (one download, not two) */
    var visibleMaps = maps.filter(function (el) { return !lazyMaps || el.getBoundingClientRect().top < window.innerHeight; });
    if (visibleMaps.length) { withEcharts('full', function () {}); }
    if (others.length) { draw(others); }
    visibleMaps.forEach(drawMap);
    maps.filter(function (el) { return visibleMaps.indexOf(el) < 0; }).forEach(function (el) {
      el.dataset.lazy = 'waiting';
      lazyMaps.observe(el);
    });
  }

  /** After the first paint: two animation frames after the document is parsed. */
  function afterPaint(then) {
    requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(then, 0); }); });
  }

  /* a table wider than a phone scrolls inside itself (yardstick.css): it takes the keyboard's focus then, so that it can
     be scrolled without a mouse (WCAG 2.1.1, axe's scrollable-region-focusable) */
  function scrollableTables(root) {
    (root || document).querySelectorAll('main table, main .table-responsive').forEach(function (t) {
      if (t.scrollWidth > t.clientWidth + 1) {
        if (!t.hasAttribute('tabindex')) { t.setAttribute('tabindex', '0'); t.dataset.ysScrolls = 'true'; }
      } else if (t.dataset.ysScrolls === 'true') {
        t.removeAttribute('tabindex');
        delete t.dataset.ysScrolls;
      }
    });
  }
  var resizing = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () { scrollableTables(); }, 200);
  });

  function autosubmit(root) {
    (root || document).querySelectorAll('select[data-autosubmit]').forEach(function (el) {
      el.addEventListener('change', function () { el.form.submit(); });
    });
  }

  /* htmx requests carry the CSRF token like forms do */
  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });

  /* the menu of a narrow screen opens and closes with its button (Bootstrap's CSS, without its script) */
  function menuToggle() {
    document.querySelectorAll('[data-ys-toggle]').forEach(function (button) {
      button.addEventListener('click', function () {
        var menu = document.getElementById(button.dataset.ysToggle);
        var open = menu.classList.toggle('show');
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
    });
  }

  /* a menu's dropdown (管理): opens with its button, closes on Escape or a click elsewhere (Bootstrap's CSS, without its script) */
  function dropdowns() {
    var buttons = document.querySelectorAll('[data-ys-dropdown]');
    function close(except) {
      buttons.forEach(function (b) {
        if (b === except) { return; }
        document.getElementById(b.dataset.ysDropdown).classList.remove('show');
        b.setAttribute('aria-expanded', 'false');
      });
    }
    buttons.forEach(function (button) {
      button.addEventListener('click', function (e) {
        e.stopPropagation();
        close(button);
        var open = document.getElementById(button.dataset.ysDropdown).classList.toggle('show');
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
    });
    document.addEventListener('click', function () { close(null); });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { close(null); } });
  }

  document.addEventListener('DOMContentLoaded', function () { autosubmit(); menuToggle(); dropdowns(); scrollableTables(); afterPaint(renderCharts); });
  document.addEventListener('htmx:afterSwap', function (e) { renderCharts(e.target); autosubmit(e.target); scrollableTables(); });
})();
