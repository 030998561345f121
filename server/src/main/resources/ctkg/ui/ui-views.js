// ctkg's result views for YASR, beside its table: bar chart, line chart, world map, timeline and graph,
// drawn as SVG by this script alone (no library, nothing fetched but /ui/data/world.json from this server).
// Every mark is an element of class "mark" with a <title> saying its label and value; every picture has
// a legend, downloads as SVG and PNG, and shows the data it draws as a table beneath it.
// Colours: Okabe & Ito's colour-blind-safe qualitative palette ("Color Universal Design", 2008) for
// categories, and Paul Tol's sequential YlOrBr scheme (Tol, "Colour Schemes", SRON/EPS/TN/09-002) for numbers.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var OKABE_ITO = ["#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#009E73", "#CC79A7", "#F0E442", "#000000"];
  var YLORBR = ["#FFF7BC", "#FEC44F", "#FB9A29", "#CC4C02", "#662506"];
  var NONE = "#e0e0e0", OTHER = "#999999", FONT = "system-ui, sans-serif";
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var NUMERIC = ["integer", "decimal", "double", "float", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"].map(function (t) { return XSD + t; });
  var TIME = ["date", "dateTime", "gYear", "gYearMonth"].map(function (t) { return XSD + t; });
  var COUNTRY = "https://w3id.org/ctkg/id/country/";
  var NAMES = { BarChart: "Bar chart", LineChart: "Line chart", Map: "Map", Timeline: "Timeline", Graph: "Graph" };
  var ORDER = ["Graph", "Map", "LineChart", "Timeline", "BarChart"];
  var MAX_MARKS = 500;
  var world = null;

  /** What ui.js tells the views: the query text (for #defaultView) and a view asked for by a link or a click. */
  var state = window.ctkgViews = { query: function () { return ""; }, requested: null, shown: null };

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, x, y, s, attrs) {
    var t = el("text", Object.assign({ x: x, y: y, "font-family": FONT, "font-size": 12, fill: "#1d1d1f" }, attrs || {}), parent);
    t.textContent = s;
    return t;
  }
  function mark(name, attrs, parent, title) {
    var m = el(name, Object.assign({ "class": "mark" }, attrs), parent);
    el("title", {}, m).textContent = title;
    return m;
  }
  function html(name, parent, content) {
    var e = document.createElement(name);
    if (content !== undefined) e.textContent = content;
    if (parent) parent.appendChild(e);
    return e;
  }

  // ---- the shape of a result ----
  function isNumber(t) { return t.type !== "uri" && NUMERIC.indexOf(t.datatype) >= 0 && isFinite(Number(t.value)); }
  function isTime(t) {
    return t.type !== "uri" && (TIME.indexOf(t.datatype) >= 0 || (!t.datatype && /^\d{4}(-\d\d(-\d\d)?)?$/.test(t.value)));
  }
  function isCountry(t) { return (t.type === "uri" && t.value.indexOf(COUNTRY) === 0) || (t.type !== "uri" && /^[A-Z]{3}$/.test(t.value)); }
  function year(t) {
    var m = /^(-?\d{4})(?:-(\d\d))?(?:-(\d\d))?/.exec(t.value);
    return m ? Number(m[1]) + (m[2] ? (Number(m[2]) - 1) / 12 : 0) + (m[3] ? (Number(m[3]) - 1) / 365 : 0) : NaN;
  }

  /** The result's columns, each with its kind (number, time, country or label), and its rows. */
  function shape(yasr) {
    var r = yasr.results;
    var vars = r.getVariables() || [], rows = (r.getBindings() || []).slice(0, MAX_MARKS);
    var cols = vars.map(function (v) {
      var values = rows.map(function (b) { return b[v]; }).filter(Boolean);
      var kind = values.length === 0 ? "empty" : values.every(isTime) ? "time" : values.every(isNumber) ? "number"
        : values.every(isCountry) ? "country" : "label";
      return { name: v, kind: kind };
    });
    function first(kind, not) { return cols.filter(function (c) { return c.kind === kind && c !== not; })[0]; }
    /** Of the columns of a kind, the one with the fewest distinct values: the categories (a tier, not a name). */
    function fewest(kind) {
      var count = function (c) { var seen = {}; rows.forEach(function (b) { if (b[c.name]) seen[b[c.name].value] = 1; }); return Object.keys(seen).length; };
      return cols.filter(function (c) { return c.kind === kind; }).sort(function (a, b) { return count(a) - count(b); })[0];
    }
    var lower = vars.map(function (v) { return v.toLowerCase(); }).join(" ");
    return { vars: vars, rows: rows, total: (r.getBindings() || []).length, cols: cols, first: first, fewest: fewest,
      triples: r.getType() === "ttl" || lower === "s p o" || lower === "subject predicate object" };
  }

  /** The views this result can be drawn as, most fitting first. */
  function possible(s) {
    var out = [];
    if (s.rows.length === 0) return out;
    if (s.triples) out.push("Graph");
    if (s.first("country")) out.push("Map");
    if (s.first("time") && s.first("number")) out.push("LineChart");
    if (s.first("time")) out.push("Timeline");
    if (s.first("number") && (s.first("label") || s.first("country") || s.first("time"))) out.push("BarChart");
    return ORDER.filter(function (v) { return out.indexOf(v) >= 0; });
  }

  /** The view a query asks for in a comment, as Wikidata Query Service writes it: #defaultView:Map. */
  function askedFor(query) {
    var m = /^\s*#\s*defaultView:\s*(\w+)/m.exec(query || "");
    return m ? m[1] : null;
  }

  // ---- labels and colours ----
  function labeller(yasr) {
    var prefixes = yasr.getPrefixes ? yasr.getPrefixes() : {};
    return function (t) {
      if (!t) return "";
      if (t.type !== "uri") return t.value;
      for (var p in prefixes) if (prefixes[p] && t.value.indexOf(prefixes[p]) === 0) return p + ":" + t.value.substring(prefixes[p].length);
      return t.value.replace(/^.*[\/#]/, "") || t.value;
    };
  }
  function categories(values) {
    var seen = [];
    values.forEach(function (v) { if (seen.indexOf(v) < 0) seen.push(v); });
    seen.sort(function (a, b) { return a.localeCompare(b, undefined, { numeric: true }); });
    return { colour: function (v) { var i = seen.indexOf(v); return i >= 0 && i < OKABE_ITO.length ? OKABE_ITO[i] : OTHER; },
        entries: seen.slice(0, OKABE_ITO.length).map(function (v, i) { return [OKABE_ITO[i], v]; })
        .concat(seen.length > OKABE_ITO.length ? [[OTHER, "others (" + (seen.length - OKABE_ITO.length) + ")"]] : []) };
  }
  function bins(numbers) {
    var lo = Math.min.apply(null, numbers), hi = Math.max.apply(null, numbers), step = (hi - lo) / YLORBR.length || 1;
    if (!(hi > lo)) return { colour: function () { return YLORBR[2]; }, entries: numbers.length ? [[YLORBR[2], fmt(lo)]] : [] };
    function bin(n) { return Math.min(YLORBR.length - 1, Math.floor((n - lo) / step)); }
    return { colour: function (n) { return YLORBR[bin(n)]; },
      entries: YLORBR.map(function (c, i) { return [c, fmt(lo + i * step) + " – " + fmt(i === YLORBR.length - 1 ? hi : lo + (i + 1) * step)]; }) };
  }
  function fmt(n) { return Math.abs(n) >= 1000 ? Math.round(n).toLocaleString("en") : String(Math.round(n * 100) / 100); }

  function legend(svg, x, y, heading, entries) {
    var g = el("g", { "class": "legend" }, svg);
    text(g, x, y, heading, { "font-weight": "bold" });
    entries.forEach(function (e, i) {
      el("rect", { x: x, y: y + 8 + i * 18, width: 12, height: 12, fill: e[0], stroke: "#555", "stroke-width": 0.5 }, g);
      text(g, x + 18, y + 18 + i * 18, e[1]);
    });
    return y + 18 + entries.length * 18;
  }
  function picture(width, height, kind) {
    return el("svg", { xmlns: SVG, "class": "ctkg-view " + kind, width: width, height: height, viewBox: "0 0 " + width + " " + height,
      role: "img" });
  }

  // ---- the views: each returns {svg, columns, rows} (the data drawn, for the table beneath) ----
  function barChart(s, label) {
    var num = s.first("number"), cat = s.first("time") || s.first("label") || s.first("country");
    var rows = s.rows.filter(function (b) { return b[num.name] && b[cat.name]; });
    var max = Math.max.apply(null, rows.map(function (b) { return Number(b[num.name].value); }).concat([0]));
    var width = 760, left = 250, barW = 380, height = 60 + rows.length * 22 + 50;
    var svg = picture(width, height, "barchart");
    rows.forEach(function (b, i) {
      var v = Number(b[num.name].value), w = max > 0 ? Math.max(1, barW * v / max) : 1, y = 30 + i * 22;
      text(svg, left - 8, y + 14, label(b[cat.name]).slice(0, 40), { "text-anchor": "end" });
      mark("rect", { x: left, y: y, width: w, height: 16, fill: OKABE_ITO[0] }, svg, label(b[cat.name]) + ": " + fmt(v));
      text(svg, left + w + 6, y + 13, fmt(v));
    });
    legend(svg, left, height - 36, "Legend", [[OKABE_ITO[0], num.name + " by " + cat.name]]);
    return { svg: svg, columns: [cat.name, num.name], rows: rows };
  }

  function lineChart(s, label) {
    var t = s.first("time"), num = s.first("number");
    var rows = s.rows.filter(function (b) { return b[t.name] && b[num.name]; })
      .sort(function (a, b) { return year(a[t.name]) - year(b[t.name]); });
    var xs = rows.map(function (b) { return year(b[t.name]); }), ys = rows.map(function (b) { return Number(b[num.name].value); });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y1 = Math.max.apply(null, ys.concat([0]));
    var width = 760, height = 380, L = 90, R = 30, T = 20, B = 110;
    function X(v) { return x1 > x0 ? L + (width - L - R) * (v - x0) / (x1 - x0) : (width + L - R) / 2; }
    function Y(v) { return y1 > 0 ? T + (height - T - B) * (1 - v / y1) : height - B; }
    var svg = picture(width, height, "linechart");
    el("line", { x1: L, y1: height - B, x2: width - R, y2: height - B, stroke: "#555" }, svg);
    el("line", { x1: L, y1: T, x2: L, y2: height - B, stroke: "#555" }, svg);
    text(svg, L - 6, T + 4, fmt(y1), { "text-anchor": "end" });
    text(svg, L - 6, height - B + 4, "0", { "text-anchor": "end" });
    text(svg, L, height - B + 18, label(rows[0][t.name]), { "text-anchor": "middle" });
    text(svg, width - R, height - B + 18, label(rows[rows.length - 1][t.name]), { "text-anchor": "middle" });
    el("polyline", { points: rows.map(function (b, i) { return X(xs[i]) + "," + Y(ys[i]); }).join(" "), fill: "none",
      stroke: OKABE_ITO[0], "stroke-width": 2 }, svg);
    rows.forEach(function (b, i) {
      mark("circle", { cx: X(xs[i]), cy: Y(ys[i]), r: 4, fill: OKABE_ITO[0] }, svg, label(b[t.name]) + ": " + fmt(ys[i]));
    });
    legend(svg, L, height - B + 44, "Legend", [[OKABE_ITO[0], num.name + " by " + t.name]]);
    return { svg: svg, columns: [t.name, num.name], rows: rows };
  }

  function timeline(s, label) {
    var t = s.first("time"), lane = s.first("label"), what = lane && s.first("label", lane);
    var rows = s.rows.filter(function (b) { return b[t.name]; }).sort(function (a, b) { return year(a[t.name]) - year(b[t.name]); });
    var lanes = lane ? categories(rows.map(function (b) { return label(b[lane.name]); })) : null;
    var names = lanes ? lanes.entries.map(function (e) { return e[1]; }) : [""];
    var xs = rows.map(function (b) { return year(b[t.name]); });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var width = 820, L = 30, R = 30, laneH = 90, T = 20, height = T + names.length * laneH + 40 + 22 * (names.length + 1) + 20;
    function X(v) { return x1 > x0 ? L + (width - L - R) * (v - x0) / (x1 - x0) : width / 2; }
    var svg = picture(width, height, "timeline"), axis = T + names.length * laneH;
    el("line", { x1: L, y1: axis, x2: width - R, y2: axis, stroke: "#555" }, svg);
    for (var yr = Math.ceil(x0); yr <= Math.floor(x1); yr += Math.max(1, Math.ceil((x1 - x0) / 15)))
      text(svg, X(yr), axis + 16, String(yr), { "text-anchor": "middle", "font-size": 10 });
    names.forEach(function (n, i) { if (n) text(svg, L, T + i * laneH + 12, n, { "font-weight": "bold" }); });
    var stack = {};
    rows.forEach(function (b, i) {
      var ln = lanes ? label(b[lane.name]) : "", li = Math.max(0, names.indexOf(ln));
      var key = li + "/" + xs[i], k = stack[key] = (stack[key] || 0) + 1;
      var value = what && b[what.name] ? label(b[what.name]) : ln;
      mark("circle", { cx: X(xs[i]), cy: T + li * laneH + laneH - 12 - ((k - 1) % 10) * 6, r: 5,
        fill: lanes ? lanes.colour(ln) : OKABE_ITO[0], stroke: "#fff", "stroke-width": 1 }, svg,
        label(b[t.name]) + ": " + value + (what && ln ? " (" + ln + ")" : ""));
    });
    legend(svg, L, axis + 38, "Legend", lanes ? lanes.entries : [[OKABE_ITO[0], t.name]]);
    return { svg: svg, columns: [t.name].concat(lane ? [lane.name] : [], what ? [what.name] : []), rows: rows };
  }

  function map(s, label, geo) {
    var c = s.first("country"), num = s.first("number"), cat = !num && s.fewest("label");
    var table = {};
    geo.countries.forEach(function (k) { table[k.iri] = k; if (k.alpha3) table[k.alpha3] = k; });
    var byKey = {}, missing = [];
    s.rows.forEach(function (b) {
      var k = b[c.name] && table[b[c.name].value];
      if (!k) { if (b[c.name]) missing.push(b[c.name].value); return; }
      if (num && !b[num.name]) return; // no number to colour it by: drawn as not in the result
      if (!byKey[k.key]) byKey[k.key] = { country: k, row: b };
    });
    var scale = num ? bins(Object.keys(byKey).map(function (k) { return Number(byKey[k].row[num.name].value); }))
      : cat ? categories(Object.keys(byKey).map(function (k) { return label(byKey[k].row[cat.name]); }))
        : { colour: function () { return OKABE_ITO[0]; }, entries: [[OKABE_ITO[0], "in the result"]] };
    var legendRows = scale.entries.length + 1, height = geo.height + 40 + legendRows * 18;
    var svg = picture(geo.width, height, "worldmap"), drawn = {};
    el("rect", { x: 0, y: 0, width: geo.width, height: geo.height, fill: "#f4f8fb" }, svg);
    geo.shapes.forEach(function (sh) {
      var hit = byKey[sh.key], attrs = { fill: NONE, stroke: "#fff", "stroke-width": 0.4 };
      if (hit) {
        var value = num ? Number(hit.row[num.name].value) : cat ? label(hit.row[cat.name]) : null;
        attrs.fill = value === null ? OKABE_ITO[0] : scale.colour(value);
        attrs.stroke = "#444";
      }
      var shapeAttrs = sh.d ? Object.assign({ d: sh.d }, attrs) : Object.assign({ cx: sh.x, cy: sh.y, r: 2.5 }, attrs);
      var name = hit && (hit.country.name || sh.name);
      if (hit && !drawn[sh.key]) {
        drawn[sh.key] = true;
        var title = name + (num ? ": " + fmt(Number(hit.row[num.name].value)) : cat ? ": " + label(hit.row[cat.name]) : "");
        mark(sh.d ? "path" : "circle", Object.assign({ "class": "mark country" }, shapeAttrs), svg, title);
      } else {
        el(sh.d ? "path" : "circle", Object.assign({ "class": "country" }, shapeAttrs), svg);
      }
    });
    legend(svg, 20, geo.height + 22, num ? num.name : cat ? cat.name : c.name, scale.entries.concat([[NONE, "not in the result"]]));
    Object.keys(byKey).filter(function (k) { return !drawn[k]; }).forEach(function (k) { missing.push(byKey[k].country.name); });
    return { svg: svg, columns: [c.name].concat(num ? [num.name] : cat ? [cat.name] : []), rows: s.rows,
      label: function (t) { var k = t && table[t.value]; return k && k.name ? k.name : label(t); },
      note: missing.length ? "Not on the map (no shape or not a ctkg country): " + missing.join(", ") : null };
  }

  function graph(s, label) {
    var v = s.vars, rows = s.rows.filter(function (b) { return b[v[0]] && b[v[1]] && b[v[2]]; }).slice(0, 300);
    var nodes = [], index = {};
    function node(t) {
      var key = t.type + " " + t.value;
      if (!(key in index)) { index[key] = nodes.length; nodes.push({ term: t, links: 0 }); }
      nodes[index[key]].links++;
      return index[key];
    }
    var edges = rows.map(function (b) { return { s: node(b[v[0]]), p: label(b[v[1]]), o: node(b[v[2]]) }; });
    var preds = categories(edges.map(function (e) { return e.p; }));
    var width = 820, height = 560, n = nodes.length, cx = width / 2, cy = 260, R = 220;
    nodes.forEach(function (d, i) { d.x = cx + R * Math.cos(2 * Math.PI * i / n); d.y = cy + R * Math.sin(2 * Math.PI * i / n); });
    for (var it = 0; it < 200; it++) layoutStep(nodes, edges, width, 520, 0.9 * (1 - it / 200) + 0.05);
    var svg = picture(width, height + 22 * (preds.entries.length + 2), "graph");
    edges.forEach(function (e) {
      var a = nodes[e.s], b = nodes[e.o];
      mark("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: preds.colour(e.p), "stroke-width": 1.5, "class": "mark edge" }, svg,
        label(a.term) + " " + e.p + " " + label(b.term));
    });
    nodes.forEach(function (d) {
      var lit = d.term.type !== "uri" && d.term.type !== "bnode";
      mark("circle", { cx: d.x, cy: d.y, r: 6, fill: lit ? "#ffffff" : "#555555", stroke: "#222", "class": "mark node" }, svg,
        label(d.term) + ": " + d.links + (d.links === 1 ? " link" : " links"));
      text(svg, d.x + 8, d.y - 6, label(d.term).slice(0, 30), { "font-size": 10 });
    });
    legend(svg, 20, height + 10, "Legend (edges by property; filled: resource, hollow: value)", preds.entries);
    return { svg: svg, columns: v.slice(0, 3), rows: rows };
  }

  /** One step of a small force layout: nodes repel, links pull, all stay inside the picture. */
  function layoutStep(nodes, edges, width, height, heat) {
    var k = Math.sqrt(width * height / Math.max(1, nodes.length)) * 0.6;
    nodes.forEach(function (a) { a.dx = 0; a.dy = 0; });
    for (var i = 0; i < nodes.length; i++)
      for (var j = i + 1; j < nodes.length; j++) {
        var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.sqrt(dx * dx + dy * dy)), f = k * k / d / d;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
    edges.forEach(function (e) {
      var a = nodes[e.s], b = nodes[e.o], dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.sqrt(dx * dx + dy * dy)), f = d / k;
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    });
    nodes.forEach(function (a) {
      var d = Math.max(1, Math.sqrt(a.dx * a.dx + a.dy * a.dy)), step = Math.min(d, 30 * heat);
      a.x = Math.min(width - 120, Math.max(20, a.x + a.dx / d * step));
      a.y = Math.min(height - 10, Math.max(20, a.y + a.dy / d * step));
    });
  }

  // ---- downloads ----
  function save(blob, filename) {
    var a = html("a", document.body);
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    a.hidden = true;
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 60000);
  }
  function svgText(svg) { return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg); }
  function savePng(svg, filename) {
    var img = new Image();
    img.onload = function () {
      var canvas = html("canvas");
      canvas.width = Number(svg.getAttribute("width")) * 2;
      canvas.height = Number(svg.getAttribute("height")) * 2;
      var g = canvas.getContext("2d");
      g.fillStyle = "#ffffff";
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) { save(blob, filename); }, "image/png");
    };
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText(svg));
  }

  function dataTable(parent, drawn, label) {
    var table = html("table", parent);
    table.className = "ctkg-view-data";
    html("caption", table, "The data of the picture" + (drawn.rows.length < drawn.total ? " (first " + drawn.rows.length + " rows)" : ""));
    var head = html("tr", html("thead", table));
    drawn.columns.forEach(function (c) { html("th", head, c); });
    var body = html("tbody", table);
    drawn.rows.forEach(function (b) {
      var tr = html("tr", body);
      drawn.columns.forEach(function (c) { html("td", tr, label(b[c])); });
    });
  }

  /** The YASR plugin: offered when the result can be drawn; the view is the one asked for, else the first that fits. */
  function CtkgViews(yasr) {
    this.yasr = yasr;
    this.label = "Chart or map";
    this.priority = 1;
  }
  CtkgViews.prototype.canHandleResults = function () {
    return !!this.yasr.results && !this.yasr.results.getError() && possible(shape(this.yasr)).length > 0;
  };
  CtkgViews.prototype.getIcon = function () {
    var svg = el("svg", { viewBox: "0 0 16 16", width: 14, height: 14 });
    [[1, 9, 4], [6, 5, 8], [11, 2, 11]].forEach(function (b) { el("rect", { x: b[0], y: 14 - b[2], width: 4, height: b[2], fill: "currentColor" }, svg); });
    return svg;
  };
  CtkgViews.prototype.draw = function () {
    var self = this, s = shape(this.yasr), views = possible(s), label = labeller(this.yasr);
    var asked = state.requested || askedFor(state.query());
    var view = views.indexOf(asked) >= 0 ? asked : views[0];
    var box = html("div", this.yasr.resultsEl);
    box.className = "ctkg-views";
    var bar = html("div", box);
    bar.className = "ctkg-view-controls";
    views.forEach(function (v) {
      var b = html("button", bar, NAMES[v]);
      b.type = "button";
      b.dataset.view = v;
      b.setAttribute("aria-pressed", String(v === view));
      b.addEventListener("click", function () { state.requested = v; self.yasr.draw(); });
    });
    if (asked && asked !== "Table" && views.indexOf(asked) < 0)
      html("p", box, "This result cannot be drawn as " + (NAMES[asked] || asked) + "; shown as " + NAMES[view] + ".").className = "ctkg-view-note";
    var ready = view === "Map" ? (world = world || fetch("data/world.json").then(function (r) { return r.json(); })) : Promise.resolve(null);
    return ready.then(function (geo) {
      var drawn = view === "BarChart" ? barChart(s, label) : view === "LineChart" ? lineChart(s, label) : view === "Map" ? map(s, label, geo)
        : view === "Timeline" ? timeline(s, label) : graph(s, label);
      drawn.total = s.total;
      state.shown = view;
      self.svg = drawn.svg;
      self.view = view;
      var figure = html("figure", box);
      figure.appendChild(drawn.svg);
      if (drawn.note) html("p", box, drawn.note).className = "ctkg-view-note";
      [["SVG", function () { save(new Blob([svgText(drawn.svg)], { type: "image/svg+xml" }), "ctkg-" + view + ".svg"); }],
        ["PNG", function () { savePng(drawn.svg, "ctkg-" + view + ".png"); }]].forEach(function (d) {
        var b = html("button", bar, "Download " + d[0]);
        b.type = "button";
        b.className = "ctkg-download";
        b.dataset.format = d[0].toLowerCase();
        b.addEventListener("click", d[1]);
      });
      dataTable(box, drawn, drawn.label || label);
    });
  };
  CtkgViews.prototype.download = function () {
    var self = this;
    if (!this.svg) return undefined;
    return { getData: function () { return svgText(self.svg); }, contentType: "image/svg+xml", title: "Download the picture (SVG)",
      filename: "ctkg-" + this.view + ".svg" };
  };
  CtkgViews.prototype.destroy = function () { this.svg = null; };

  Yasgui.Yasr.registerPlugin("ctkgViews", CtkgViews);
})();
