/* Yardstick's browser behaviour: charts from data attributes, forms that submit on change.
   No inline scripts (the Content-Security-Policy forbids them). */
(function () {
  'use strict';

  function seriesChart(el, data) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var periods = {};
    data.series.forEach(function (s) { s.points.forEach(function (p) { periods[p[0]] = true; }); });
    data.targets.forEach(function (t) { periods[t.period] = true; });
    var categories = Object.keys(periods).sort();
    var series = data.series.map(function (s) {
      var byPeriod = {};
      s.points.forEach(function (p) { byPeriod[p[0]] = Number(p[1]); });
      return {
        name: s.name, type: 'line', connectNulls: true, symbolSize: 8,
        data: categories.map(function (c) { return c in byPeriod ? byPeriod[c] : null; })
      };
    });
    if (data.targets.length) {
      var byPeriod = {};
      data.targets.forEach(function (t) { byPeriod[t.period] = t; });
      series.push({
        name: el.dataset.targetLabel || 'target', type: 'scatter', symbol: 'diamond', symbolSize: 14,
        itemStyle: { color: '#c0392b' },
        tooltip: { formatter: function (p) { var t = byPeriod[p.name]; return t ? t.label : ''; } },
        data: categories.map(function (c) { return c in byPeriod ? Number(byPeriod[c].value) : null; })
      });
    }
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: categories },
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

  document.addEventListener('DOMContentLoaded', function () { renderCharts(); autosubmit(); });
  document.addEventListener('htmx:afterSwap', function (e) { renderCharts(e.target); autosubmit(e.target); });
})();
