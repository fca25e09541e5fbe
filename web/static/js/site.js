// The site's own behaviour, from a file: the Content-Security-Policy allows no inline script.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // <select data-autosubmit>: choosing sends its form (the language menu, a year).
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // <form data-confirm="question">: 发布, 删除, 撤销, 销号 ask first, in the page's <dialog>; only 确定
  // sends the form (with the button that was pressed).
  var dialog = document.getElementById("confirm-dialog");
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!dialog || form.dataset.confirmed === "yes") return;
      event.preventDefault();
      var submitter = event.submitter;
      dialog.querySelector(".question").textContent = form.getAttribute("data-confirm");
      dialog.returnValue = "";
      dialog.addEventListener("close", function () {
        if (dialog.returnValue !== "ok") return;
        form.dataset.confirmed = "yes";
        if (submitter) { form.requestSubmit(submitter); } else { form.requestSubmit(); }
      }, {once: true});
      dialog.showModal();
    });
  });
  // <div data-echarts="…-data">: an ECharts option given whole as JSON (the landing page's status ring
  // and bars); data-height sets the box's height (a bar per region) without an inline style.
  document.querySelectorAll("[data-echarts]").forEach(function (box) {
    var source = document.getElementById(box.getAttribute("data-echarts"));
    if (!source || !window.echarts) return;
    if (box.dataset.height) box.style.height = box.dataset.height + "px";
    var chart = window.echarts.init(box);
    chart.setOption(JSON.parse(source.textContent));
    window.addEventListener("resize", function () { chart.resize(); });
  });
  // A chart drawn by ECharts from the JSON in <script type="application/json" id="…-data">.
  document.querySelectorAll("[data-chart]").forEach(function (box) {
    var source = document.getElementById(box.getAttribute("data-chart"));
    if (!source || !window.echarts) return;
    var d = JSON.parse(source.textContent);
    var series = d.series;
    if (d.target !== null && series.length) {
      series[0].markLine = {symbol: "none", data: [{yAxis: d.target, name: d.target_label}], label: {formatter: d.target_label}};
    }
    window.echarts.init(box).setOption({
      tooltip: {trigger: "axis"}, legend: {top: 0}, grid: {top: 40},
      xAxis: {type: "category", data: d.years}, yAxis: {type: "value", name: d.unit, scale: true},
      series: series
    });
  });
});
