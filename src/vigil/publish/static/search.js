/* Vigil's name search for the static site. It runs in the browser and sends nothing anywhere.
 *
 * The index is built in Python (vigil/publish/search_index.py): each person's surname in every
 * spelling and case, normalised, filed by first letter in search/XXXX.js; search/tables.js holds
 * the letter tables exported from vigil.names. This script only normalises the query, loads the
 * shards it needs with <script> tags (fetch() is blocked on file://), and matches: exact
 * spellings first, then spellings that begin with the query, then those within a small edit
 * distance or with the same phonetic key. Other words of the query narrow by given name or
 * patronymic (an initial is enough). No framework, no dependency.
 */
(function (root) {
  "use strict";
  var S = root.VigilSearch || (root.VigilSearch = {});
  var shards = {};
  var waiting = {};
  var T = null;
  var STAGES = ["exact", "prefix", "similar"];

  S.tables = function (tables) { T = tables; };
  S.shard = function (code, rows) {
    shards[code] = rows;
    (waiting[code] || []).forEach(function (done) { done(); });
    delete waiting[code];
  };

  /* The same as vigil.publish.search_index.normalise. */
  function norm(text) {
    var s = text.toLowerCase().normalize("NFD").replace(/([a-z])[\u0300-\u036f]+/g, "$1");
    return s.normalize("NFC").replace(/ё/g, "е").replace(/[^\p{Lu}\p{Ll}\p{Lt}\p{Lo}]/gu, "");
  }
  function collapse(s) { return s.replace(/(.)\1+/g, "$1"); }
  function cyrillic(w) { return /[\u0400-\u04ff]/.test(w); }
  function map(w, table) {
    return Array.from(w).map(function (c) { return c in table ? table[c] : c; }).join("");
  }
  function skeleton(w) { return collapse(map(w, T.skeleton)); }
  function phonetic(w) {
    var first = Array.from(w)[0];
    var head = first in T.phoneticHead ? T.phoneticHead[first] : first;
    return collapse(head + map(w.slice(first.length), T.phoneticTail));
  }
  function code(letter) { return letter.codePointAt(0).toString(16).padStart(4, "0"); }

  /* Levenshtein distance, or max + 1 as soon as it must exceed max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (cur[j] < best) best = cur[j];
      }
      if (best > max) return max + 1;
      prev = cur;
    }
    return prev[b.length];
  }
  function tolerance(w) { return w.length < 4 ? 0 : w.length < 7 ? 1 : 2; }

  function words(text) {
    return text.split(/[\s,.;]+/).map(norm).filter(function (w) { return w; });
  }

  /* The shards a query needs: the first letter of each word, and of a Cyrillic word's skeleton
   * (which finds people known only by a Latin spelling). */
  S.shardsFor = function (text) {
    var out = [];
    words(text).forEach(function (w) {
      [w, cyrillic(w) ? skeleton(w) : ""].forEach(function (f) {
        if (f && out.indexOf(code(f[0])) < 0 && T.shards.indexOf(code(f[0])) >= 0) {
          out.push(code(f[0]));
        }
      });
    });
    return out;
  };

  function stage(row, w, forms, phon) {
    var k = row[3], i;
    for (i = 0; i < forms.length; i++) if (k.indexOf(forms[i]) >= 0) return 0;
    if (w.length >= 3) for (i = 0; i < k.length; i++) if (k[i].indexOf(w) === 0) return 1;
    var tol = tolerance(w);
    if (tol) for (i = 0; i < k.length; i++) if (distance(w, k[i], tol) <= tol) return 2;
    if (phon && row[5].indexOf(phon) >= 0) return 2;
    return -1;
  }
  function narrows(row, others) {
    var g = row[4];
    return !g.length || others.every(function (o) {
      return g.some(function (x) { return x.indexOf(o) === 0; });
    });
  }

  /* Persons matching the query among the loaded shards, at the best stage any reached:
   * {stage: "exact" | "prefix" | "similar" | null, results: [[url, name, birth], ...]}. */
  S.find = function (text) {
    var ws = words(text);
    var found = {}, best = 3;
    ws.forEach(function (w, i) {
      var others = ws.slice(0, i).concat(ws.slice(i + 1));
      var forms = [w], phon = "";
      if (cyrillic(w)) { forms.push(skeleton(w)); phon = phonetic(w); }
      forms.forEach(function (f) {
        (shards[code(f[0])] || []).forEach(function (row) {
          var s = stage(row, w, forms, phon);
          if (s < 0 || s > best || !narrows(row, others)) return;
          if (s < best) { best = s; found = {}; }
          found[row[0]] = row;
        });
      });
    });
    var results = Object.keys(found).map(function (url) { return found[url]; });
    results.sort(function (a, b) { return a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]); });
    return {
      stage: best < 3 ? STAGES[best] : null,
      results: results.map(function (r) { return [r[0], r[1], r[2]]; }),
    };
  };

  /* Load shards by <script> tags from `folder`, then call done. */
  S.load = function (codes, folder, done) {
    var left = codes.filter(function (c) { return !(c in shards); });
    if (!left.length) { done(); return; }
    var count = left.length;
    left.forEach(function (c) {
      (waiting[c] = waiting[c] || []).push(function () { if (--count === 0) done(); });
      if (waiting[c].length > 1) return;
      var tag = document.createElement("script");
      tag.src = folder + c + ".js";
      tag.onerror = function () { S.shard(c, []); };
      document.head.appendChild(tag);
    });
  };

  function show(form, out, text) {
    var d = form.dataset, shown = 100;
    var r = S.find(text);
    out.textContent = "";
    var h = document.createElement("h2");
    h.id = "offline-results-h";
    h.textContent = r.results.length ? d.found.replace("{total}", r.results.length) : d.none;
    out.appendChild(h);
    if (!r.results.length) return;
    if (r.stage !== "exact") {
      var note = document.createElement("p");
      note.className = "note";
      note.textContent = d[r.stage];
      out.appendChild(note);
    }
    var list = document.createElement("ol");
    list.className = "hits";
    r.results.slice(0, shown).forEach(function (row) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = d.base + row[0];
      a.textContent = row[1];
      li.appendChild(a);
      if (row[2]) li.appendChild(document.createTextNode(", " + row[2]));
      list.appendChild(li);
    });
    out.appendChild(list);
    if (r.results.length > shown) {
      var more = document.createElement("p");
      more.className = "hint";
      more.textContent = d.more.replace("{shown}", shown);
      out.appendChild(more);
    }
  }

  if (typeof document !== "undefined") {
    document.addEventListener("DOMContentLoaded", function () {
      var form = document.getElementById("offline-search");
      var out = document.getElementById("offline-results");
      if (!form || !out || !T) return;
      form.hidden = false;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var text = form.elements.q.value;
        if (!words(text).length) return;
        out.textContent = form.dataset.loading;
        S.load(S.shardsFor(text), form.dataset.index, function () { show(form, out, text); });
      });
    });
  }
})(typeof window !== "undefined" ? window : globalThis);
