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

  function seriesChart(el, data) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var series = data.series.map(function (s) {
      return {
        name: s.name, type: 'line', symbolSize: 8,
        data: s.points.map(function (p) { return [periodNumber(p[0]), Number(p[1]), p[0]]; })
      };
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
      legend: { top: 0 },
      grid: { left: 60, right: 30, top: 40, bottom: 30 },
      xAxis: { type: 'value', scale: true, minInterval: 1, axisLabel: { formatter: function (v) { return Number.isInteger(v) ? String(v) : ''; } } },
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

  var kinds = { series: seriesChart, bars: barsChart, waterfall: waterfallChart };
  window.yardstickCharts = kinds;

  function renderCharts(root) {
    (root || document).querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.dataset.rendered === 'true') { return; }
      var render = kinds[el.dataset.chartKind || 'series'];
      if (!render || typeof echarts === 'undefined') { return; }
      render(el, JSON.parse(el.dataset.chart));
    });
  }

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

  document.addEventListener('DOMContentLoaded', function () { renderCharts(); autosubmit(); });
  document.addEventListener('htmx:afterSwap', function (e) { renderCharts(e.target); autosubmit(e.target); });
})();
