// The report page's script, inlined into report.html. Plain ES2020 without template literals so it
// can live in this string. Rows are built with DOM APIs and textContent only (never innerHTML), so
// untrusted text cannot become markup; failure details are built when first opened, which keeps a
// page with thousands of rows fast.
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var rows = data.rows;
  var body = document.getElementById('rows');
  var shownEl = document.getElementById('shown');
  var f = {
    area: document.getElementById('f-area'),
    op: document.getElementById('f-op'),
    check: document.getElementById('f-check'),
    outcome: document.getElementById('f-outcome'),
    text: document.getElementById('f-text')
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fill(select, values) {
    values.forEach(function (v) { var o = el('option', '', v); o.value = v; select.appendChild(o); });
  }
  function uniq(key) {
    var seen = {}; var out = [];
    rows.forEach(function (r) { if (!Object.prototype.hasOwnProperty.call(seen, r[key])) { seen[r[key]] = 1; out.push(r[key]); } });
    return out.sort();
  }
  fill(f.area, uniq('area'));
  fill(f.op, uniq('op'));
  fill(f.check, uniq('check'));

  function headersText(h) {
    return Object.keys(h || {}).map(function (k) { return k + ': ' + h[k]; }).join('\n');
  }
  function pre(label, text, cls) {
    var box = el('div', 'block ' + (cls || ''));
    box.appendChild(el('h4', '', label));
    box.appendChild(el('pre', '', text));
    return box;
  }
  function copyText(text, button) {
    function done(ok) { button.textContent = ok ? 'Copied' : 'Select and copy'; }
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
      } else done(fallbackCopy(text));
    } catch (e) { done(false); }
  }
  function fallbackCopy(text) {
    try {
      var ta = el('textarea'); ta.value = text; ta.setAttribute('readonly', '');
      ta.style.position = 'fixed'; ta.style.opacity = '0';
      document.body.appendChild(ta); ta.select();
      var ok = document.execCommand && document.execCommand('copy');
      document.body.removeChild(ta);
      return !!ok;
    } catch (e) { return false; }
  }
  function failureView(fl) {
    var box = el('div', 'failure ' + fl.status);
    box.appendChild(el('p', 'case', fl.status + ' · ' + fl.caseId + ' · phase ' + fl.phase + (fl.kind === 'spec' ? ' · spec finding' : '')));
    if (fl.description) box.appendChild(el('p', 'muted', fl.description));
    box.appendChild(pre('Message', fl.message, 'message'));
    var c = fl.cause;
    if (c) {
      var bits = [];
      if (c.status !== undefined) bits.push(String(c.status));
      if (c.constraint) bits.push(c.constraint + ' at ' + (c.location || '?'));
      if (c.signature) bits.push(JSON.stringify(c.signature));
      bits.push(c.count + (c.count === 1 ? ' case' : ' cases'));
      box.appendChild(el('p', 'cause', 'Cause: ' + bits.join(' · ')));
    }
    if (fl.violation) box.appendChild(pre('Sent on purpose', fl.violation.detail + '  (' + fl.violation.constraint + ' at ' + fl.violation.location + ')'));
    (fl.exchanges || []).forEach(function (ex, i) {
      var n = fl.exchanges.length > 1 ? ' ' + (i + 1) : '';
      var req = ex.request.method + ' ' + ex.request.url + '\n' + headersText(ex.request.headers) + (ex.request.bodyText ? '\n\n' + ex.request.bodyText : '');
      box.appendChild(pre('Request' + n, req, 'request'));
      if (ex.response) {
        var res = ex.response.status + ' ' + (ex.response.contentType || '') + '  (' + ex.response.bytes + ' bytes' + (ex.response.truncated ? ', truncated' : '') + ', ' + ex.timing.totalMs + ' ms)\n' + headersText(ex.response.headers) + '\n\n' + ex.response.bodyText;
        box.appendChild(pre('Response' + n, res, 'response'));
      }
      if (ex.error) box.appendChild(pre('Transport error' + n, ex.error.kind + ': ' + ex.error.message, 'response'));
    });
    var r = fl.reproduction;
    if (r) {
      var repro = el('div', 'block reproduction');
      var head = el('h4', '', 'Reproduction');
      var curl = (r.curl || []).join('\n');
      if (curl) {
        var btn = el('button', 'copy', 'Copy curl');
        btn.type = 'button';
        btn.addEventListener('click', function () { copyText(curl, btn); });
        head.appendChild(btn);
      }
      repro.appendChild(head);
      if (curl) repro.appendChild(el('pre', 'curl', curl));
      var extra = [];
      if (r.seed !== undefined) extra.push('seed ' + r.seed);
      if (r.path !== undefined) extra.push('fast-check path ' + r.path);
      if (extra.length) repro.appendChild(el('p', 'muted', extra.join(' · ')));
      if (r.command) repro.appendChild(el('pre', 'command', r.command));
      box.appendChild(repro);
    }
    return box;
  }
  function detailsFor(r) {
    var d = el('details', 'failures');
    var s = el('summary', '', r.failures.length + (r.failures.length === 1 ? ' cause' : ' distinct causes') + (r.otherCauses ? ' (+' + r.otherCauses + ' outcomes of causes not kept)' : '') + ' — open');
    d.appendChild(s);
    d.addEventListener('toggle', function () {
      if (!d.open || d.getAttribute('data-built')) return;
      d.setAttribute('data-built', '1');
      r.failures.forEach(function (fl) { d.appendChild(failureView(fl)); });
    });
    return d;
  }

  var trs = rows.map(function (r) {
    var tr = el('tr', 'o-' + r.outcome);
    tr.appendChild(el('td', '', r.area));
    var op = el('td', 'op'); op.appendChild(el('span', 'method', r.method)); op.appendChild(document.createTextNode(' ' + r.path)); op.appendChild(el('div', 'muted', r.op));
    tr.appendChild(op);
    var ck = el('td', 'check', r.check); if (r.title && r.title !== r.check) ck.title = r.title;
    tr.appendChild(ck);
    tr.appendChild(el('td', 'outcome', r.outcome));
    tr.appendChild(el('td', 'num', r.counts));
    var msg = el('td', 'msg');
    if (r.message) msg.appendChild(el('div', '', r.message));
    if (r.failures.length) msg.appendChild(detailsFor(r));
    tr.appendChild(msg);
    body.appendChild(tr);
    return tr;
  });

  function apply() {
    var a = f.area.value, o = f.op.value, c = f.check.value, out = f.outcome.value, t = f.text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r, i) {
      var ok = (!a || r.area === a) && (!o || r.op === o) && (!c || r.check === c) && (!out || r.outcome === out) &&
        (!t || r.search.indexOf(t) !== -1);
      trs[i].hidden = !ok;
      if (ok) shown++;
    });
    shownEl.textContent = shown + ' of ' + rows.length + ' rows';
  }
  [f.area, f.op, f.check, f.outcome].forEach(function (s) { s.addEventListener('change', apply); });
  f.text.addEventListener('input', apply);
  document.getElementById('f-reset').addEventListener('click', function () {
    f.area.value = ''; f.op.value = ''; f.check.value = ''; f.outcome.value = ''; f.text.value = ''; apply();
  });
  apply();
  document.documentElement.setAttribute('data-ready', '1');
})();`;
