// The entry form's save bar counts as the clerk types: 已填 x/N (boxes holding a value, or values shown
// read-only) and 待提交 y (boxes changed or holding an unsent draft). The server recounts after saving.
(function () {
  var count = document.querySelector(".savebar .count");
  if (!count) return;
  var total = count.getAttribute("data-total");
  var template = count.textContent;
  var numbers = template.match(/\d+/g) || [];
  var filledAtLoad = Number(numbers[0] || 0);
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input.value"));
  var atLoad = boxes.filter(function (b) { return b.value.trim() !== ""; }).length;
  // values not in a box (submitted, approved) that are still waiting count as at load
  var pendingElsewhere = Number(numbers[2] || 0) - boxes.filter(function (b) {
    return b.hasAttribute("data-pending") && b.value.trim() !== "";
  }).length;
  function update() {
    var now = boxes.filter(function (b) { return b.value.trim() !== ""; }).length;
    var waiting = boxes.filter(function (b) {
      var typed = b.value.trim() !== "";
      return typed && (b.hasAttribute("data-pending") || b.value !== b.defaultValue);
    }).length;
    var filled = filledAtLoad - atLoad + now;
    var pending = pendingElsewhere + waiting;
    var parts = template.split(/\d+/);
    if (parts.length >= 4) {
      count.textContent = parts[0] + filled + parts[1] + total + parts[2] + pending + parts.slice(3).join("");
    }
  }
  boxes.forEach(function (b) { b.addEventListener("input", update); });
})();
