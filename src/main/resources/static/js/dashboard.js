// Campaign dashboard charts; the numbers come from the page (data-progress), not from a request.
(function () {
  'use strict';
  var holder = document.getElementById('charts');
  if (!holder || typeof echarts === 'undefined') { return; }
  var p = JSON.parse(holder.getAttribute('data-progress'));
  var font = { fontFamily: 'Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif' };

  echarts.init(document.getElementById('chart-status')).setOption({
    textStyle: font, title: { text: '各环节评价表', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: {}, xAxis: { type: 'category', data: Object.keys(p.byStatus) }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: Object.values(p.byStatus), itemStyle: { color: '#9f1239' } }]
  });

  var departments = Object.keys(p.byDepartment);
  var statuses = Object.keys(p.byStatus);
  echarts.init(document.getElementById('chart-department')).setOption({
    textStyle: font, title: { text: '各主管部门进度', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
    xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: departments },
    series: statuses.map(function (s) {
      return { name: s, type: 'bar', stack: 'all', data: departments.map(function (d) { return p.byDepartment[d][s] || 0; }) };
    })
  });

  echarts.init(document.getElementById('chart-grade')).setOption({
    textStyle: font, title: { text: '等级分布（已公开）', left: 'center', textStyle: { fontSize: 14 } },
    tooltip: {}, series: [{ type: 'pie', radius: '60%',
      data: Object.keys(p.byGrade).map(function (g) { return { name: g, value: p.byGrade[g] }; }) }]
  });
})();
