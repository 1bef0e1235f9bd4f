// Who did what: the audit log with its filters, newest first, a page at a time.

import { api } from '../api.js';
import { action, badge, el, field, format, heading, onSubmit, table } from '../ui.js';

const PAGE = 50;

export default {
  async render(container) {
    const actor = el('input', { id: 'audit-actor' });
    const act = el('input', { id: 'audit-action', placeholder: 'backup.restore.request' });
    const outcome = el('select', { id: 'audit-outcome' },
      ['', 'success', 'failure', 'denied'].map((o) => el('option', { value: o, text: o || 'any outcome' })));
    const since = el('input', { id: 'audit-since', placeholder: '2026-12-01T00:00:00Z' });
    const list = el('div', { id: 'audit-list' });
    let offset = 0;
    const draw = async () => {
      const params = new URLSearchParams({ offset: String(offset), limit: String(PAGE) });
      [['actor', actor], ['action', act], ['outcome', outcome], ['since', since]].forEach(([name, input]) => {
        if (input.value.trim()) params.set(name, input.value.trim());
      });
      const page = await api('GET', `/api/v1/admin/audit-logs?${params}`);
      list.replaceChildren(
        table(`Audit log (${page.total} entries, from ${page.total ? offset + 1 : 0})`, [
          ['When', (e) => format.time(e.occurredAt)],
          ['Actor', (e) => e.actor],
          ['Action', (e) => e.action],
          ['Target', (e) => e.target || ''],
          ['Outcome', (e) => badge(e.outcome)],
          ['Address', (e) => e.ip || ''],
          ['Request id', (e) => el('code', { text: e.requestId || '' })],
        ], page.auditLogs, 'no entry matches'),
        el('div', { class: 'toolbar' },
          offset > 0 ? action('Newer', async () => { offset = Math.max(0, offset - PAGE); await draw(); }) : null,
          offset + PAGE < page.total ? action('Older', async () => { offset += PAGE; await draw(); }) : null),
      );
    };
    const form = el('form', { class: 'toolbar', id: 'audit-form', 'aria-label': 'Filter the audit log' },
      field('Actor', actor), field('Action', act), field('Outcome', outcome), field('Since (UTC)', since),
      el('button', { type: 'submit', text: 'Search' }));
    onSubmit(form, async () => {
      offset = 0;
      await draw();
    });
    container.append(heading('Audit log'), form, list);
    await draw();
  },
};
