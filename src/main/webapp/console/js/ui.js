// Small DOM helpers: every screen builds its elements through them, so no markup is ever made
// from strings (nothing the server returns can become HTML) and no inline style is needed.

/** Makes an element: attrs holds attributes, `text`, `class` and `on<Event>` listeners. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = String(value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name in node && typeof value !== 'string') {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** A table with a caption: columns are [heading, row => cell content]. */
export function table(caption, columns, rows, empty = 'Nothing to show.') {
  if (!rows.length) {
    return el('p', { class: 'empty', text: `${caption}: ${empty}` });
  }
  return el(
    'table',
    {},
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, columns.map(([heading]) => el('th', { scope: 'col', text: heading })))),
    el('tbody', {}, rows.map((row) => el('tr', {}, columns.map(([, cell]) => el('td', {}, cell(row)))))),
  );
}

/** A labelled form control; the id ties label and control together for screen readers. */
export function field(label, control) {
  const id = control.id || `f-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  control.id = id;
  return el('div', { class: 'field' }, el('label', { for: id, text: label }), control);
}

/** A button that runs an action, stays disabled while it runs, and reports its failure. */
export function action(label, run, attrs = {}) {
  const button = el('button', { type: 'button', ...attrs, text: label });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await run();
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

/** The nodes that are there: DOM append would write a missing one as the text "null". */
export function present(...nodes) {
  return nodes.filter((node) => node !== null && node !== undefined && node !== false);
}

/** The same for a form: its submit button stays disabled while the submission runs. */
export function onSubmit(form, run) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      await run();
    } catch (error) {
      showError(error);
    } finally {
      if (button) button.disabled = false;
    }
  });
}

export function heading(text) {
  return el('h2', { text, tabindex: '-1' });
}

let noticeArea = null;

export function bindNotices(area) {
  noticeArea = area;
}

/** Shows what failed as the server said it, with the request id an operator can search for. */
export function showError(error) {
  const parts = [error.message || String(error)];
  if (error.details && error.details.length) {
    parts.push(error.details.map((d) => `${d.field}: ${d.message}`).join('; '));
  }
  if (error.requestId) {
    parts.push(`request id ${error.requestId}`);
  }
  notice('error', parts.join(' - '));
}

export function showDone(message) {
  notice('done', message);
}

function notice(kind, message) {
  if (!noticeArea) {
    return;
  }
  noticeArea.replaceChildren(el('p', { class: `notice ${kind}`, text: message }));
}

export function clearNotice() {
  if (noticeArea) {
    noticeArea.replaceChildren();
  }
}

export const format = {
  time(value) {
    return value ? new Date(value).toISOString().replace('T', ' ').slice(0, 19) + 'Z' : '-';
  },
  age(seconds) {
    if (seconds === null || seconds === undefined) {
      return 'never';
    }
    if (seconds < 120) {
      return `${Math.round(seconds)} s ago`;
    }
    if (seconds < 7200) {
      return `${Math.round(seconds / 60)} min ago`;
    }
    if (seconds < 172800) {
      return `${Math.round(seconds / 3600)} h ago`;
    }
    return `${Math.round(seconds / 86400)} days ago`;
  },
  since(value) {
    return value ? format.age((Date.now() - new Date(value).getTime()) / 1000) : 'never';
  },
  bytes(value) {
    if (value === null || value === undefined) {
      return '-';
    }
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let n = value;
    let unit = 0;
    while (n >= 1024 && unit < units.length - 1) {
      n /= 1024;
      unit++;
    }
    return `${n.toFixed(unit ? 1 : 0)} ${units[unit]}`;
  },
  seconds(value) {
    if (value === null || value === undefined) {
      return '-';
    }
    return value < 90 ? `${Math.round(value)} s` : `${Math.round(value / 60)} min`;
  },
  number(value) {
    return value === null || value === undefined ? '-' : Number(value).toLocaleString('en');
  },
};

/** A status word with a class the stylesheet colours (ok, warn, bad), never colour alone. */
export function badge(word) {
  const good = ['UP', 'up', 'healthy', 'completed', 'SUCCESS', 'verified', 'normal', 'active', 'yes'];
  const bad = ['DOWN', 'down', 'unhealthy', 'failed', 'FAILED', 'unverified', 'revoked', 'FAILURE', 'DENIED'];
  const kind = good.includes(word) ? 'ok' : bad.includes(word) ? 'bad' : 'warn';
  return el('span', { class: `badge ${kind}`, text: word });
}
