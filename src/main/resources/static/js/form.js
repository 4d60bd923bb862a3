// Form page: indicator rows can be added and removed, and scores are recomputed on the server
// (the preview endpoint) as the user types. Works without it: the form posts as usual.
(function () {
  'use strict';
  var form = document.getElementById('form-editor');
  if (!form) { return; }
  var editable = !form.querySelector('fieldset').disabled;
  var table = document.querySelector('#indicators tbody');

  function renumber() {
    Array.prototype.forEach.call(table.rows, function (row, i) {
      row.id = 'indicators[' + i + ']';
      row.querySelectorAll('[name^="indicators["]').forEach(function (el) {
        el.name = el.name.replace(/^indicators\[\d+\]/, 'indicators[' + i + ']');
        el.id = el.name;
      });
      var computed = row.querySelector('[data-indicator]');
      if (computed) { computed.setAttribute('data-indicator', i); }
    });
  }

  if (editable) {
    document.getElementById('add-indicator').addEventListener('click', function () {
      var last = table.rows[table.rows.length - 1];
      var copy = last.cloneNode(true);
      copy.querySelectorAll('input, textarea').forEach(function (el) {
        if (!/category|subcategory/.test(el.name)) { el.value = ''; }
      });
      copy.querySelectorAll('select').forEach(function (el) { el.selectedIndex = 0; });
      copy.querySelectorAll('ul.files').forEach(function (el) { el.remove(); });
      table.appendChild(copy);
      renumber();
      copy.querySelector('[name$=".name"]').focus();
      schedule();
    });
    // Rows move with their hidden rowOrigin, so the server can keep each row's 佐证材料 with it.
    table.addEventListener('click', function (e) {
      var row = e.target.closest('tr');
      if (e.target.classList.contains('remove-row') && table.rows.length > 1) {
        var filled = Array.prototype.some.call(row.querySelectorAll('input:not([type=hidden]), textarea'),
          function (el) { return el.value.trim() !== ''; });
        if (filled && !window.confirm('确定删除此行指标？（保存后生效）')) { return; }
        row.remove();
      } else if (e.target.classList.contains('move-up') && row.previousElementSibling) {
        table.insertBefore(row, row.previousElementSibling);
      } else if (e.target.classList.contains('move-down') && row.nextElementSibling) {
        table.insertBefore(row.nextElementSibling, row);
      } else {
        return;
      }
      renumber();
      if (document.body.contains(e.target)) { e.target.focus(); }
      schedule();
    });
  }

  function setPath(obj, path, value) {
    var parts = path.replace(/\[([^\]]+)\]/g, '.$1').split('.');
    var node = obj;
    for (var i = 0; i < parts.length - 1; i++) {
      var key = parts[i];
      var nextIsIndex = /^\d+$/.test(parts[i + 1]) && key !== 'details';
      if (node[key] === undefined) { node[key] = nextIsIndex ? [] : {}; }
      node = node[key];
    }
    node[parts[parts.length - 1]] = value;
  }

  function collect() {
    var data = { budgetLines: [], indicators: [], suggestions: { selected: [], details: {} } };
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === 'version' || el.name === 'action' || el.name === 'rowOrigin' || el.name === 'requestKey' || el.name === '_csrf' || el.name.charAt(0) === '_') { return; }
      if (el.name === 'suggestions.selected') {
        if (el.checked) { data.suggestions.selected.push(el.value); }
        return;
      }
      var detail = /^suggestions\.details\[(.*)\]$/.exec(el.name);
      if (detail) { data.suggestions.details[detail[1]] = el.value; return; }
      setPath(data, el.name, el.value === '' ? null : el.value);
    });
    data.budgetLines = data.budgetLines.filter(Boolean);
    data.indicators = data.indicators.filter(Boolean);
    return data;
  }

  function two(n) { return n === null || n === undefined ? '—' : (Math.round(Number(n) * 100 + 1e-9) / 100).toFixed(2); }

  function show(result) {
    document.getElementById('score-total').textContent = two(result.total);
    document.getElementById('score-grade').textContent = result.grade || '';
    document.getElementById('score-execution').textContent = two(result.executionScore);
    document.getElementById('score-indicators').textContent = two(result.indicatorScore);
    document.getElementById('score-deduction').textContent = two(result.deduction);
    document.querySelectorAll('[data-indicator]').forEach(function (td) { td.textContent = ''; });
    document.querySelectorAll('[data-line]').forEach(function (td) { td.textContent = ''; });
    (result.indicators || []).forEach(function (s) {
      var td = document.querySelector('[data-indicator="' + s.index + '"]');
      if (td) { td.textContent = two(s.score); }
    });
    (result.budgetLines || []).forEach(function (s) {
      var td = document.querySelector('[data-line="' + s.index + '"]');
      if (td) { td.textContent = two(s.score); }
    });
    var list = document.getElementById('findings');
    list.innerHTML = '';
    document.querySelectorAll('tr.has-finding').forEach(function (tr) { tr.classList.remove('has-finding'); });
    (result.findings || []).forEach(function (f) {
      var li = document.createElement('li');
      li.className = String(f.severity).toLowerCase();
      var a = document.createElement('a');
      a.href = '#' + f.path;
      a.textContent = f.message;
      li.appendChild(a);
      list.appendChild(li);
      var row = document.getElementById(String(f.path).replace(/\.[^.\]]+$/, ''));
      if (row && row.tagName === 'TR') { row.classList.add('has-finding'); }
    });
  }

  function showProblem(body) {
    var list = document.getElementById('findings');
    list.innerHTML = '';
    (body.problems || [{ message: body.message }]).forEach(function (p) {
      var li = document.createElement('li');
      li.className = 'error';
      li.textContent = p.message;
      list.appendChild(li);
    });
  }

  var timer = null;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(preview, 400);
  }

  function preview() {
    var csrf = form.querySelector('input[name="_csrf"]');
    fetch(form.getAttribute('data-preview'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json',
                 'X-CSRF-TOKEN': csrf ? csrf.value : '' },
      body: JSON.stringify(collect())
    }).then(function (r) {
      if (r.status === 403 || r.redirected) {
        showProblem({ message: '登录已过期：得分暂不能重新计算。您填写的内容仍在本页，保存时会请您重新登录。' });
        return null;
      }
      return r.json().then(function (body) { if (r.ok) { show(body); } else { showProblem(body); } });
    }).catch(function () { /* offline: the saved score stays on screen */ });
  }

  if (editable) {
    form.addEventListener('input', schedule);
    form.addEventListener('change', schedule);
    preview();
  }
})();

// 指标库: typing a 三级指标 offers the library; picking one fills the empty cells of its row.
(function () {
  'use strict';
  var list = document.getElementById('library');
  var form = document.getElementById('form-editor');
  if (!list || !form || form.querySelector('fieldset').disabled) { return; }
  var entries = {};
  fetch(list.getAttribute('data-search'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (items) {
      items.forEach(function (e) {
        entries[e.name] = e;
        var option = document.createElement('option');
        option.value = e.name;
        option.label = e.category + ' / ' + e.subcategory;
        list.appendChild(option);
      });
    }).catch(function () { /* the library is a help, not a requirement */ });
  form.addEventListener('change', function (ev) {
    var input = ev.target;
    if (!input.classList || !input.classList.contains('library-pick')) { return; }
    var e = entries[input.value];
    if (!e) { return; }
    // Only this row's own cells (its 分项指标 have .target and .operator too), and only empty ones:
    // a picked entry never appends to or replaces what was typed.
    var prefix = input.name.replace(/\.name$/, '');
    function fill(suffix, value) {
      var el = form.querySelector('[name="' + prefix + suffix + '"]');
      if (el && !el.value && value) { el.value = value; el.dispatchEvent(new Event('change', { bubbles: true })); }
    }
    fill('.category', e.category);
    fill('.subcategory', e.subcategory);
    fill('.operator', e.operator);
    fill('.target', e.typicalTarget);
    fill('.unitOfMeasure', e.unitOfMeasure);
  });
})();

// Unsaved input: kept in this browser (localStorage) until it is saved, put back when the page is
// opened again at the same version (after a lost login, a closed tab, a crash), and leaving the
// page with unsaved input asks first.
(function () {
  'use strict';
  var form = document.getElementById('form-editor');
  if (!form || form.querySelector('fieldset').disabled) { return; }
  var key = 'perfeval.draft.' + form.getAttribute('data-form-id');
  var version = (form.querySelector('input[name="version"]') || {}).value;
  var SKIP = /^(version|requestKey|_csrf|action)$/;

  function current() {
    var list = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || SKIP.test(el.name) || /^(submit|button|file)$/.test(el.type)) { return; }
      list.push(el.type === 'checkbox' || el.type === 'radio' ? [el.name, el.value, el.checked] : [el.name, el.value]);
    });
    return list;
  }

  function rowsIn(list) {
    var max = -1;
    list.forEach(function (item) {
      var m = /^indicators\[(\d+)]\./.exec(item[0]);
      if (m) { max = Math.max(max, Number(m[1])); }
    });
    return max + 1;
  }

  function put(list) {
    var rows = document.querySelector('#indicators tbody');
    var add = document.getElementById('add-indicator');
    while (add && rows.rows.length < rowsIn(list)) { add.click(); }
    var seen = {};
    list.forEach(function (item) {
      var same = Array.prototype.filter.call(form.elements, function (el) { return el.name === item[0]; });
      if (item.length === 3) {
        same.forEach(function (el) { if (el.value === item[1]) { el.checked = item[2]; } });
        return;
      }
      var i = seen[item[0]] || 0;
      seen[item[0]] = i + 1;
      if (same[i]) { same[i].value = item[1]; }
    });
    form.dispatchEvent(new Event('change'));
  }

  function read() {
    try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; }
  }

  var echoed = form.hasAttribute('data-echoed');
  var initial = JSON.stringify(current());
  var dirty = echoed;
  var stored = read();
  if (stored && stored.version === version && !echoed && JSON.stringify(stored.values) !== initial) {
    put(stored.values);
    dirty = true;
    var note = document.createElement('p');
    note.className = 'notice';
    note.id = 'draft-restored';
    note.setAttribute('role', 'status');
    note.textContent = '已恢复您在本浏览器中尚未保存的输入（' + new Date(stored.at).toLocaleString('zh-CN') + '），请检查后保存。';
    var discard = document.createElement('button');
    discard.type = 'button';
    discard.className = 'link';
    discard.textContent = '放弃这些输入';
    discard.addEventListener('click', function () { localStorage.removeItem(key); dirty = false; location.reload(); });
    note.appendChild(document.createTextNode(' '));
    note.appendChild(discard);
    // Above the form and its score panel, not beside them: inside their grid it took the form's column.
    var layout = form.closest('.with-panel') || form;
    layout.parentNode.insertBefore(note, layout);
  } else if (stored && stored.version !== version) {
    localStorage.removeItem(key); // saved since: the stored input is older than the page
  }

  var timer = null;
  function keep() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var now = current();
      dirty = dirty || JSON.stringify(now) !== initial;
      if (!dirty) { return; }
      try { localStorage.setItem(key, JSON.stringify({ version: version, at: Date.now(), values: now })); } catch (e) { /* full */ }
    }, 300);
  }
  form.addEventListener('input', keep);
  form.addEventListener('change', keep);
  if (echoed) { keep(); }

  var leaving = false;
  form.addEventListener('submit', function () {
    leaving = true; // the page is about to go; a dialog that stops it gives the warning back shortly
    setTimeout(function () { leaving = false; }, 1500);
    clearTimeout(timer);
    try { localStorage.setItem(key, JSON.stringify({ version: version, at: Date.now(), values: current() })); } catch (e) { /* full */ } });
  window.addEventListener('beforeunload', function (ev) {
    if (leaving || !(dirty || JSON.stringify(current()) !== initial)) { return; }
    ev.preventDefault();
    ev.returnValue = '';
  });
  window.perfeval = window.perfeval || {};
  window.perfeval.formDirty = function () { return !leaving && (dirty || JSON.stringify(current()) !== initial); };
})();

// 佐证材料 are uploaded without leaving the page, so unsaved edits in the form stay as they are.
(function () {
  'use strict';
  var upload = document.getElementById('evidence-upload');
  if (!upload || !window.fetch || !window.DOMParser) { return; }
  function say(text, error) {
    upload.querySelectorAll('.field-error').forEach(function (el) { el.remove(); });
    var out = document.getElementById('evidence-notice');
    out.className = error ? 'error field-error' : 'notice';
    out.textContent = text;
  }
  upload.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var button = upload.querySelector('button[type=submit]');
    button.disabled = true;
    say('正在上传…', false);
    var ensure = window.perfeval && window.perfeval.ensureSession ? window.perfeval.ensureSession() : Promise.resolve();
    ensure.then(function () {
      return fetch(upload.action, { method: 'POST', body: new FormData(upload), credentials: 'same-origin' });
    }).then(function (r) {
      return r.text().then(function (html) { return { ok: r.ok, doc: new DOMParser().parseFromString(html, 'text/html') }; });
    }).then(function (x) {
      var refused = x.doc.querySelector('#refused li') || x.doc.getElementById('refused') || (x.ok ? null : x.doc.getElementById('error-message'));
      if (refused) { say(refused.textContent.trim(), true); return; }
      var list = x.doc.getElementById('evidence-list');
      if (list) { document.getElementById('evidence-list').innerHTML = list.innerHTML; }
      var notice = x.doc.querySelector('.notice[role=status]');
      say(notice ? notice.textContent : '已上传。', false);
      upload.reset();
    }).catch(function (e) {
      if (!e || e.message !== 'cancelled') { say('上传未成功（网络或服务器无响应），请稍后重试。已填写的内容仍在本页。', true); }
      else { say('', false); }
    }).then(function () { button.disabled = false; });
  });
})();

// A sheet dropped anywhere on the form page is previewed, as if chosen and "预览 Excel 导入" pressed
// (nothing is written before the preview's confirmation). A JSON file is only put into the chooser:
// its import has no preview, so the clerk presses "直接导入" knowingly.
(function () {
  'use strict';
  var input = document.querySelector('#transfer input[type=file]');
  var preview = document.querySelector('#transfer button[formaction]');
  if (!input || !preview || !window.DataTransfer) { return; }
  var depth = 0;
  // A file input takes its own drop (佐证材料 dropped onto theirs), and the 佐证材料 box keeps its files.
  function carriesFiles(e) {
    return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') >= 0
      && !(e.target.closest && e.target.closest('input[type=file], #evidence'));
  }
  function over(on) { document.body.classList.toggle('dropping', on); }
  document.addEventListener('dragenter', function (e) {
    if (carriesFiles(e)) { depth++; over(true); }
  });
  document.addEventListener('dragleave', function (e) {
    if (carriesFiles(e) && --depth <= 0) { depth = 0; over(false); }
  });
  document.addEventListener('dragover', function (e) {
    if (carriesFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; }
  });
  document.addEventListener('drop', function (e) {
    if (!carriesFiles(e)) { return; }
    e.preventDefault(); // otherwise the browser opens or downloads the file and the page is gone
    depth = 0;
    over(false);
    var file = e.dataTransfer.files[0];
    if (!file) { return; }
    var one = new DataTransfer();
    one.items.add(file);
    input.files = one.files;
    if (/\.json$/i.test(file.name)) {
      document.getElementById('transfer').scrollIntoView();
      input.focus();
      return;
    }
    input.form.requestSubmit(preview);
  });
})();
