/// desk.js: the voucher grid's conveniences (running totals, 金额大写, Enter to move on, `=` to
/// fill the balancing amount, more lines), the switcher's auto-submit and the print button. The
/// pages work without it; amounts are summed in fen as integers, never as floating point.
enum Script {
    static let text = #"""
        "use strict";
        (function () {
          var DIGITS = "零壹贰叁肆伍陆柒捌玖";
          function parseFen(text) {
            var t = String(text || "").replace(/[\s¥￥]/g, "").replace(/，/g, ",")
              .replace(/[０-９．＋－]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); });
            if (t === "") return 0n;
            // Commas group the digits in threes, as the server reads them; "12,5" is no amount.
            if (t.indexOf(",") >= 0) {
              if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d{0,2})?$/.test(t)) return null;
              t = t.replace(/,/g, "");
            }
            var m = /^([+-]?)(\d*)(?:\.(\d{0,2}))?$/.exec(t);
            if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) return null;
            var fen = BigInt(m[2] || "0") * 100n + BigInt(((m[3] || "") + "00").slice(0, 2));
            return m[1] === "-" ? -fen : fen;
          }
          function grouped(fen) {
            var negative = fen < 0n, v = negative ? -fen : fen;
            var yuan = (v / 100n).toString(), cents = (v % 100n).toString().padStart(2, "0");
            return (negative ? "-" : "") + yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + "." + cents;
          }
          function group(n) {
            var places = [[1000, "仟"], [100, "佰"], [10, "拾"], [1, ""]], text = "", started = false, zero = false;
            places.forEach(function (p) {
              var d = Math.floor(n / p[0]) % 10;
              if (d === 0) { if (started) zero = true; }
              else { if (zero) { text += "零"; zero = false; } text += DIGITS[d] + p[1]; started = true; }
            });
            return text;
          }
          function integer(v) {
            if (v >= 100000000n) {
              var high = v / 100000000n, low = v % 100000000n, t = integer(high) + "亿";
              if (low > 0n) t += (low < 10000000n ? "零" : "") + integer(low);
              return t;
            }
            var n = Number(v);
            if (n >= 10000) {
              var h = Math.floor(n / 10000), l = n % 10000, s = group(h) + "万";
              if (l > 0) s += (l < 1000 ? "零" : "") + group(l);
              return s;
            }
            return group(n);
          }
          function capitals(fen) {
            var negative = fen < 0n, v = negative ? -fen : fen;
            var yuan = v / 100n, jiao = Number(v / 10n % 10n), f = Number(v % 10n), t = negative ? "负" : "";
            if (v === 0n) return "零元整";
            if (yuan > 0n) t += integer(yuan) + "元";
            if (jiao === 0 && f === 0) t += "整";
            else if (jiao === 0) t += (yuan > 0n ? "零" : "") + DIGITS[f] + "分";
            else t += DIGITS[jiao] + "角" + (f === 0 ? "" : DIGITS[f] + "分");
            return t;
          }
          function setupGrid(form) {
            var body = form.querySelector("#lines");
            function sums() {
              var debit = 0n, credit = 0n, bad = false;
              body.querySelectorAll("input.debit").forEach(function (i) { var f = parseFen(i.value); if (f === null) bad = true; else debit += f; });
              body.querySelectorAll("input.credit").forEach(function (i) { var f = parseFen(i.value); if (f === null) bad = true; else credit += f; });
              return { debit: debit, credit: credit, bad: bad };
            }
            function update() {
              var s = sums();
              document.getElementById("debit-total").textContent = grouped(s.debit);
              document.getElementById("credit-total").textContent = grouped(s.credit);
              document.getElementById("difference-amount").textContent = s.bad ? "金额有误" : grouped(s.debit - s.credit);
              document.getElementById("difference").classList.toggle("unbalanced", s.bad || s.debit !== s.credit);
              document.getElementById("capitals").textContent = s.bad ? "" : capitals(s.debit);
            }
            // Enter walks 摘要, 科目, 借方, 贷方; the dimensions are reached with Tab or the mouse.
            function inputs() { return Array.prototype.slice.call(body.querySelectorAll("input:not(.dim)")); }
            function addLine() {
              var rows = body.querySelectorAll("tr.line"), copy = rows[rows.length - 1].cloneNode(true);
              copy.classList.remove("has-error");
              copy.querySelectorAll("input").forEach(function (i) { i.value = ""; });
              copy.querySelectorAll("select").forEach(function (s) { s.selectedIndex = 0; });
              body.appendChild(copy);
              return copy;
            }
            // An account typed by its code shows its name (the list's "50504 办公费").
            var options = Array.prototype.slice.call(document.querySelectorAll("#accounts option")).map(function (o) { return o.value; });
            body.addEventListener("change", function (event) {
              var target = event.target;
              if (!target.classList.contains("account")) return;
              var code = target.value.trim();
              if (!/^\d+$/.test(code)) return;
              var match = options.filter(function (v) { return v.indexOf(code + " ") === 0; })[0];
              if (match) target.value = match;
            });
            // An empty 摘要 below another takes it over, selected, so typing replaces it.
            body.addEventListener("focusin", function (event) {
              var target = event.target;
              if (!target.classList.contains("summary") || target.value !== "") return;
              var row = target.closest("tr"), previous = row.previousElementSibling;
              while (previous && !previous.classList.contains("line")) previous = previous.previousElementSibling;
              var above = previous && previous.querySelector("input.summary");
              if (above && above.value !== "") { target.value = above.value; target.select(); }
            });
            body.addEventListener("input", update);
            body.addEventListener("keydown", function (event) {
              var target = event.target;
              if (target.tagName !== "INPUT") return;
              if (event.key === "Enter") {
                event.preventDefault();
                var all = inputs(), at = all.indexOf(target);
                if (at === all.length - 1) { addLine(); all = inputs(); }
                all[at + 1].focus();
              } else if (event.key === "=" && target.classList.contains("amount")) {
                event.preventDefault();
                var s = sums(); if (s.bad) return;
                var own = parseFen(target.value) || 0n, isDebit = target.classList.contains("debit");
                var gap = isDebit ? (s.credit - (s.debit - own)) : (s.debit - (s.credit - own));
                if (gap > 0n) { target.value = grouped(gap); update(); }
              }
            });
            var add = document.getElementById("add-line");
            if (add) { add.hidden = false; add.addEventListener("click", function () { addLine().querySelector("input").focus(); }); }
            update();
          }
          document.addEventListener("DOMContentLoaded", function () {
            var form = document.getElementById("voucher-entry");
            if (form) setupGrid(form);
            document.querySelectorAll("select.auto-submit").forEach(function (s) {
              s.addEventListener("change", function () { s.form.submit(); });
            });
            // A CSV picked from disk is read into the form's text field (the form posts text, not a file).
            document.querySelectorAll("input.csv-file").forEach(function (picker) {
              picker.addEventListener("change", function () {
                var file = picker.files[0], target = document.getElementById(picker.dataset.target);
                if (!file || !target) return;
                var reader = new FileReader();
                reader.onload = function () { target.value = reader.result; };
                reader.readAsText(file, "utf-8");
              });
            });
            var print = document.getElementById("print-now");
            if (print) print.addEventListener("click", function () { window.print(); });
          });
        })();
        """#
}
