// Every page: nothing typed is lost to an expired login or a refused post.
// - Before a form posts, the session is asked about (GET /session). When it has expired, a login
//   dialog opens in place; the page and what was typed stay, and after the login the post goes on
//   with the new CSRF token (a login changes it).
// - A post the server refuses comes back to its page with #refused (see ErrorHandling): the values
//   typed and ticked are put back into that form and each message is shown beside its field.
// - Buttons and forms with data-confirm ask first; forms with data-once post once per page.
// Without this script the forms post as usual.
(function () {
  'use strict';
  var script = document.currentScript;
  var sessionUrl = script ? script.getAttribute('data-session') : '/session';
  var loginUrl = script ? script.getAttribute('data-login') : '/login';
  var POSTED = 'perfeval.posted';
  var bypass = false;

  function json(r) {
    if (!r.ok || (r.headers.get('Content-Type') || '').indexOf('json') < 0) { throw new Error('no session answer'); }
    return r.json();
  }

  function askSession() {
    return fetch(sessionUrl, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'application/json' } })
      .then(json);
  }

  /** Puts the session's current token into every form and into what scripts read for fetch headers. */
  function useToken(s) {
    document.querySelectorAll('input[name="' + s.parameterName + '"]').forEach(function (el) { el.value = s.token; });
  }

  var LOGIN_REFUSALS = {
    error: '用户名或密码错误。', throttled: '本机地址登录失败次数过多，已暂停登录 15 分钟。',
    locked: '账号因多次登录失败已被锁定，请 15 分钟后再试。', disabled: '账号已停用，请联系绩效管理员。',
    demo: '演示环境的公开密码不能在正式环境中登录。'
  };

  function login(username, password) {
    return askSession().then(function (s) {
      var body = new URLSearchParams();
      body.set('username', username);
      body.set('password', password);
      body.set(s.parameterName, s.token);
      return fetch(loginUrl, { method: 'POST', credentials: 'same-origin', body: body, redirect: 'follow' });
    }).then(function (r) {
      var refused = /\/login\?(\w+)/.exec(r.url);
      return askSession().then(function (s) {
        if (!s.signedIn) { throw new Error(LOGIN_REFUSALS[refused && refused[1]] || LOGIN_REFUSALS.error); }
        return s;
      });
    });
  }

  var dialog = null;
  var waiting = [];

  function dialogElement() {
    if (dialog) { return dialog; }
    dialog = document.createElement('dialog');
    dialog.id = 'relogin';
    dialog.setAttribute('aria-labelledby', 'relogin-title');
    dialog.innerHTML = '<form method="dialog" class="stack">'
      + '<h2 id="relogin-title">登录已过期，请重新登录</h2>'
      + '<p class="muted">您填写的内容仍在本页，没有丢失。登录后将继续刚才的操作。</p>'
      + '<label for="relogin-username">用户名</label><input id="relogin-username" name="username" autocomplete="username" required>'
      + '<label for="relogin-password">密码</label><input id="relogin-password" name="password" type="password" autocomplete="current-password" required>'
      + '<p class="error" role="alert" id="relogin-error"></p>'
      + '<p class="actions"><button type="submit" class="primary" id="relogin-submit">登录并继续</button>'
      + '<button type="button" id="relogin-cancel">取消</button></p></form>';
    document.body.appendChild(dialog);
    var who = document.querySelector('.who[data-username]');
    if (who) { dialog.querySelector('#relogin-username').value = who.getAttribute('data-username'); }
    dialog.querySelector('#relogin-cancel').addEventListener('click', function () {
      dialog.close();
      waiting.splice(0).forEach(function (w) { w.reject(new Error('cancelled')); });
    });
    dialog.querySelector('form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var error = dialog.querySelector('#relogin-error');
      var button = dialog.querySelector('#relogin-submit');
      error.textContent = '';
      button.disabled = true;
      login(dialog.querySelector('#relogin-username').value, dialog.querySelector('#relogin-password').value)
        .then(function (s) {
          useToken(s);
          dialog.querySelector('#relogin-password').value = '';
          dialog.close();
          waiting.splice(0).forEach(function (w) { w.resolve(s); });
        }).catch(function (e) {
          error.textContent = e && e.message && /[\u4e00-\u9fa5]/.test(e.message) ? e.message : '登录未成功，请稍后重试。';
          dialog.querySelector('#relogin-password').value = '';
          dialog.querySelector('#relogin-password').focus();
        }).then(function () { button.disabled = false; });
    });
    return dialog;
  }

  /** Resolves with the session once it is logged in, asking for the password in place if it has expired. */
  function ensureSession() {
    return askSession().then(function (s) {
      if (s.signedIn) { useToken(s); return s; }
      return new Promise(function (resolve, reject) {
        waiting.push({ resolve: resolve, reject: reject });
        var d = dialogElement();
        if (!d.open) { d.showModal(); }
        var focus = d.querySelector('#relogin-username').value ? '#relogin-password' : '#relogin-username';
        d.querySelector(focus).focus();
      });
    });
  }

  // --- what a form held when it was posted, for the page a refused post comes back to

  function values(form) {
    var list = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || /^(file|password|hidden|submit|button)$/.test(el.type)) { return; }
      if (el.type === 'checkbox' || el.type === 'radio') {
        list.push({ n: el.name, v: el.value, c: el.checked });
      } else if (el.type === 'select-multiple') {
        list.push({ n: el.name, m: Array.prototype.filter.call(el.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; }) });
      } else {
        list.push({ n: el.name, v: el.value });
      }
    });
    return list;
  }

  function restore(form, list) {
    var seen = {};
    list.forEach(function (item) {
      var same = Array.prototype.filter.call(form.elements, function (el) { return el.name === item.n; });
      if (item.c !== undefined) {
        same.forEach(function (el) { if (el.value === item.v) { el.checked = item.c; } });
        return;
      }
      var i = seen[item.n] || 0;
      seen[item.n] = i + 1;
      var el = same[i];
      if (!el) { return; }
      if (item.m) {
        Array.prototype.forEach.call(el.options, function (o) { o.selected = item.m.indexOf(o.value) >= 0; });
      } else {
        el.value = item.v;
      }
    });
  }

  function remember(form) {
    try {
      sessionStorage.setItem(POSTED, JSON.stringify({ action: new URL(form.action, location.href).pathname,
        values: values(form) }));
    } catch (e) { /* storage full or off: the message still comes back */ }
  }

  function showRefused(box) {
    var action = box.getAttribute('data-action');
    var form = Array.prototype.find.call(document.forms, function (f) {
      return f.getAttribute('method') && f.method === 'post' && new URL(f.action, location.href).pathname === action;
    });
    if (!form) { return; }
    try {
      var posted = JSON.parse(sessionStorage.getItem(POSTED) || 'null');
      if (posted && posted.action === action) { restore(form, posted.values); }
    } catch (e) { /* nothing kept: the form shows what the page drew */ }
    sessionStorage.removeItem(POSTED);
    var first = null;
    box.querySelectorAll('li[data-field]').forEach(function (li) {
      var name = li.getAttribute('data-field');
      // Said by the page itself beside its field (data-for lists the fields; a picker's, for one): not twice.
      var said = name ? Array.prototype.find.call(form.querySelectorAll('[data-for]'), function (el) {
        return el.getAttribute('data-for').split(' ').indexOf(name) >= 0; }) : null;
      if (said) {
        first = first || said.parentElement.querySelector('input:not([type=hidden]), select, textarea');
        return;
      }
      var field = name ? Array.prototype.find.call(form.elements, function (el) { return el.name === name; }) : null;
      field = field || form.querySelector('input[type=file]');
      if (!field) { return; }
      var p = document.createElement('p');
      p.className = 'error field-error';
      p.setAttribute('role', 'alert');
      p.textContent = li.textContent; // led by the field's Chinese label (RefusedPost.Problem.shown)
      var holder = field.closest('label') || field;
      holder.insertAdjacentElement('afterend', p);
      field.setAttribute('aria-invalid', 'true');
      first = first || field;
    });
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    }
  }

  function resubmit(form, submitter) {
    bypass = true;
    try {
      if (form.requestSubmit) { form.requestSubmit(submitter || undefined); } else { form.submit(); }
    } finally {
      bypass = false;
    }
  }

  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (ev.defaultPrevented || !form.getAttribute('method') || form.method !== 'post') { return; }
    var submitter = ev.submitter && ev.submitter.form === form ? ev.submitter : null;
    if (!bypass) {
      var ask = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
      if (ask && !window.confirm(ask)) { ev.preventDefault(); return; }
      // A form marked data-once posts once per page (a double click on 确认导入 sent two confirmations).
      if (form.hasAttribute('data-once')) {
        if (form.hasAttribute('data-posted')) { ev.preventDefault(); return; }
        form.setAttribute('data-posted', '');
      }
    }
    var path = new URL(form.action, location.href).pathname;
    if (bypass || /\/(login|logout)$/.test(path)) { remember(form); return; }
    ev.preventDefault();
    ensureSession().then(function () { resubmit(form, submitter); }, function (e) {
      if (!e || e.message !== 'cancelled') { resubmit(form, submitter); } // no answer: let the browser post as before
      else { form.removeAttribute('data-posted'); } // the login was cancelled: nothing went, it may post later
    });
  });

  window.perfeval = window.perfeval || {};
  window.perfeval.ensureSession = ensureSession;
  window.perfeval.useToken = useToken;

  var refused = document.getElementById('refused');
  if (refused) { showRefused(refused); } else { sessionStorage.removeItem(POSTED); }
})();
