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

  var kinds = { series: seriesChart };
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
