// Campaign dashboard charts; the numbers come from the page (data-progress), not from a request.
// A chart with nothing to show says so instead of drawing empty axes or a pie of equal slices;
// every bar carries its number, and long names wrap instead of being cut.
(function () {
  'use strict';
  var holder = document.getElementById('charts');
  if (!holder || typeof echarts === 'undefined') { return; }
  var p = JSON.parse(holder.getAttribute('data-progress'));
  var font = { fontFamily: 'Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif' };
  var RED = '#9f1239';

  function sum(values) { return values.reduce(function (a, b) { return a + b; }, 0); }
  function title(text) { return { text: text, left: 'center', textStyle: { fontSize: 14 } }; }
  function empty(id, text, message) {
    var el = document.getElementById(id);
    el.classList.add('chart-empty');
    el.innerHTML = '';
    var h = document.createElement('h3');
    h.textContent = text;
    var m = document.createElement('p');
    m.className = 'muted';
    m.textContent = message;
    el.appendChild(h);
    el.appendChild(m);
  }
  /** Breaks a long category name into lines of n characters, so no label is cut. */
  function wrap(n) {
    return function (value) { return String(value).replace(new RegExp('(.{' + n + '})', 'g'), '$1\n').trim(); };
  }
  var labelled = { show: true, position: 'top' };

  var statuses = Object.keys(p.byStatus);
  echarts.init(document.getElementById('chart-status')).setOption({
    textStyle: font, title: title('各环节评价表'), tooltip: {}, grid: { left: 40, right: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: statuses, axisLabel: { interval: 0, formatter: wrap(4) } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: Object.values(p.byStatus), itemStyle: { color: RED }, label: labelled }]
  });

  var departments = Object.keys(p.byDepartment);
  echarts.init(document.getElementById('chart-department')).setOption({
    textStyle: font, title: title('各主管部门进度'), tooltip: { trigger: 'axis' }, legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: departments, axisLabel: { formatter: wrap(8) } },
    series: statuses.filter(function (s) {
      return departments.some(function (d) { return p.byDepartment[d][s]; });
    }).map(function (s) {
      return { name: s, type: 'bar', stack: 'all', label: { show: true, formatter: function (x) { return x.value || ''; } },
        data: departments.map(function (d) { return p.byDepartment[d][s] || 0; }) };
    })
  });

  var grades = Object.keys(p.byGrade).filter(function (g) { return p.byGrade[g] > 0; });
  if (grades.length === 0) {
    empty('chart-grade', '等级分布（已公开）', '尚无已公开的评价表。');
  } else {
    echarts.init(document.getElementById('chart-grade')).setOption({
      textStyle: font, title: title('等级分布（已公开）'), tooltip: {},
      series: [{ type: 'pie', radius: '55%', label: { formatter: '{b}：{c} 张' },
        data: grades.map(function (g) { return { name: g, value: p.byGrade[g] }; }) }]
    });
  }

  var bands = Object.keys(p.histogram);
  if (sum(Object.values(p.histogram)) === 0) {
    empty('chart-histogram', '得分分布', '尚无已打分的评价表。');
  } else {
    echarts.init(document.getElementById('chart-histogram')).setOption({
      textStyle: font, title: title('得分分布'), tooltip: {}, grid: { left: 8, right: 16, bottom: 24, containLabel: true },
      xAxis: { type: 'category', data: bands, axisLabel: { interval: 0 } }, yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: Object.values(p.histogram), itemStyle: { color: RED }, label: labelled, barCategoryGap: '10%' }]
    });
  }

  var years = Object.keys(p.histogramByYear || {});
  var scoredYears = years.filter(function (y) { return sum(Object.values(p.histogramByYear[y])) > 0; });
  if (scoredYears.length < 2) {
    empty('chart-years', '历年得分分布', scoredYears.length === 0 ? '尚无已打分的评价表。'
      : '只有 ' + scoredYears[0] + ' 年度有得分，有两个年度后可以对比。');
  } else {
    echarts.init(document.getElementById('chart-years')).setOption({
      textStyle: font, title: title('历年得分分布'), tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
      grid: { left: 8, right: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: bands, axisLabel: { interval: 0 } }, yAxis: { type: 'value', minInterval: 1 },
      series: scoredYears.map(function (y) {
        return { name: y + '年度', type: 'bar', label: labelled, data: bands.map(function (b) { return p.histogramByYear[y][b] || 0; }) };
      })
    });
  }

  var ranking = (p.ranking || []).slice(0, 15).reverse();
  if (ranking.length === 0) {
    empty('chart-ranking', '各单位得分排名', '尚无已打分的评价表。');
  } else {
    echarts.init(document.getElementById('chart-ranking')).setOption({
      textStyle: font, title: title('各单位得分排名（前 15）'), tooltip: {},
      grid: { left: 8, right: 40, bottom: 16, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: ranking.map(function (r) { return r.unitName; }), axisLabel: { formatter: wrap(10) } },
      series: [{ type: 'bar', data: ranking.map(function (r) { return Number(r.score); }), itemStyle: { color: RED },
        label: { show: true, position: 'right', formatter: function (x) { return Number(x.value).toFixed(2); } } }]
    });
  }
})();
