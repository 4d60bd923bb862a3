// Form page: whom to copy (抄送) or ask (征求意见) is searched for as the reviewer types, never
// listed whole (an organisation has thousands of users). Each .picker (task-controls.html :: picker)
// asks its data-search address (GET /forms/{id}/people?kind=…&q=…) for at most 20 answers; a chosen
// answer becomes a chip with a hidden input named data-name carrying its id, as the posts take them.
// Keyboard: ↑/↓ move through the answers, Enter adds one, Escape closes the list (or clears the box),
// Backspace in an empty box removes the last chip. A refused post (data-kept) gets its chips back.
// Without this script the text box posts login names (or unit names/codes) and the server resolves them.
(function () {
  'use strict';
  var KEPT = 'perfeval.picked';
  var pickers = document.querySelectorAll('.picker[data-search]');
  if (!pickers.length || !window.fetch) { return; }
  var kept = null;
  try { kept = JSON.parse(sessionStorage.getItem(KEPT) || 'null'); } catch (e) { kept = null; }
  sessionStorage.removeItem(KEPT);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  /** 张三（zhangsan）· 医保局: what the page's lists showed, and no more. */
  function labelOf(item) {
    return item.name + (item.code ? '（' + item.code + '）' : '') + (item.unit ? ' · ' + item.unit : '');
  }

  function setUp(picker) {
    var input = picker.querySelector('input[type=text]');
    var chips = picker.querySelector('ul.chips');
    var hint = picker.querySelector('.hint');
    var name = picker.getAttribute('data-name');
    var unit = picker.getAttribute('data-kind') === 'unit';
    var list = el('ul', 'results');
    var status = el('p', 'sr-only');
    var items = [];
    var active = -1;
    var asked = 0;
    var timer = null;

    list.id = input.id + '-results';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', '查找结果');
    list.hidden = true;
    status.id = input.id + '-status';
    status.setAttribute('aria-live', 'polite');
    input.insertAdjacentElement('afterend', list);
    picker.appendChild(status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('placeholder', unit ? '输入单位名称或编码查找' : '输入姓名、登录名或单位名查找');
    if (hint) {
      hint.textContent = '输入后用 ↑↓ 选择、回车添加，可添加多' + (unit ? '个单位' : '人') + '；也可直接填写'
        + (unit ? '单位名称或编码' : '登录名') + '，用逗号分隔';
    }

    function say(text) { status.textContent = text; }

    function chosen() {
      return Array.prototype.map.call(chips.querySelectorAll('input[type=hidden]'), function (h) { return h.value; });
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(i) {
      var options = list.querySelectorAll('[role=option]');
      if (!options.length) { return; }
      active = (i + options.length) % options.length;
      options.forEach(function (o, j) { o.setAttribute('aria-selected', j === active ? 'true' : 'false'); });
      input.setAttribute('aria-activedescendant', options[active].id);
      options[active].scrollIntoView({ block: 'nearest' });
    }

    function show(found) {
      var taken = chosen();
      items = found.items.filter(function (item) { return taken.indexOf(String(item.id)) < 0; });
      list.innerHTML = '';
      items.forEach(function (item, i) {
        var li = el('li', null, labelOf(item));
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.addEventListener('mousedown', function (ev) { ev.preventDefault(); add(item); });
        list.appendChild(li);
      });
      if (!items.length) {
        list.appendChild(el('li', 'muted', found.items.length ? '符合的都已添加' : '没有找到，请换个写法'));
      } else if (found.more) {
        list.appendChild(el('li', 'muted small', '只显示前 ' + found.items.length + ' 项，请再多输入几个字'));
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
      say(items.length ? '找到 ' + items.length + (found.more ? ' 项以上' : ' 项') + '，用上下键选择，回车添加'
        : '没有找到');
    }

    function search() {
      clearTimeout(timer);
      var mine = ++asked;
      var url = picker.getAttribute('data-search') + '&q=' + encodeURIComponent(input.value.trim());
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) {
          if (!r.ok || (r.headers.get('Content-Type') || '').indexOf('json') < 0) { throw new Error('no answer'); }
          return r.json();
        })
        .then(function (found) { if (mine === asked) { show(found); } })
        .catch(function () {
          if (mine !== asked) { return; }
          close();
          say('查找未成功（登录可能已过期），请稍后重试；也可直接填写' + (unit ? '单位名称或编码' : '登录名'));
        });
    }

    function chip(item) {
      var li = el('li', 'chip');
      li.appendChild(el('span', null, labelOf(item)));
      var hidden = el('input');
      hidden.type = 'hidden';
      hidden.name = name;
      hidden.value = item.id;
      li.appendChild(hidden);
      var remove = el('button', 'remove', '×');
      remove.type = 'button';
      remove.setAttribute('aria-label', '移除 ' + item.name);
      remove.addEventListener('click', function () {
        li.remove();
        say('已移除 ' + item.name);
        input.focus();
      });
      li.appendChild(remove);
      li.item = item;
      chips.appendChild(li);
    }

    function add(item) {
      if (chosen().indexOf(String(item.id)) < 0) { chip(item); }
      input.value = '';
      close();
      say('已添加 ' + item.name);
      input.focus();
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      if (!input.value.trim()) { asked++; close(); return; }
      timer = setTimeout(search, 250);
    });
    input.addEventListener('keydown', function (ev) {
      var open = !list.hidden;
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        if (!open) { search(); return; }
        highlight(active < 0 && ev.key === 'ArrowUp' ? -1 : active + (ev.key === 'ArrowDown' ? 1 : -1));
      } else if (ev.key === 'Enter') {
        // Enter here never posts the decision: it adds the answer, or looks the text up.
        if (open && items.length) { ev.preventDefault(); add(items[active < 0 ? 0 : active]); }
        else if (input.value.trim()) { ev.preventDefault(); search(); }
      } else if (ev.key === 'Escape') {
        if (open) { ev.preventDefault(); close(); }
        else if (input.value) { ev.preventDefault(); input.value = ''; }
      } else if (ev.key === 'Backspace' && !input.value && chips.lastElementChild) {
        var last = chips.lastElementChild;
        last.remove();
        say('已移除 ' + last.item.name);
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });

    if (picker.hasAttribute('data-kept') && kept && kept.pickers
        && kept.path === location.pathname && kept.pickers[input.id]) {
      kept.pickers[input.id].forEach(chip);
    }

    return { id: input.id, form: input.form, items: function () {
      return Array.prototype.map.call(chips.children, function (li) { return li.item; });
    } };
  }

  var set = Array.prototype.map.call(pickers, setUp);
  // What was chosen is kept for the page a refused post comes back to (data-kept), as session.js keeps the rest.
  document.addEventListener('submit', function (ev) {
    var mine = set.filter(function (p) { return p.form === ev.target; });
    if (!mine.length) { return; }
    var chosen = { path: location.pathname, pickers: {} };
    mine.forEach(function (p) { chosen.pickers[p.id] = p.items(); });
    try { sessionStorage.setItem(KEPT, JSON.stringify(chosen)); } catch (e) { /* the typed text still comes back */ }
  }, true);
})();
