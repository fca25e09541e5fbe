// The review queue's 全选 box ticks every row shown (the server still checks each row on its own).
document.addEventListener("change", function (event) {
  var all = event.target;
  if (!all.classList || !all.classList.contains("pick-all")) return;
  document.querySelectorAll("input.pick").forEach(function (box) { box.checked = all.checked; });
});
