// What steers the cluster at run time: feature flags, planned maintenance windows, and the
// retention sweep that deletes what has outlived its policy.

import { api } from '../api.js';
import { action, badge, el, field, format, heading, onSubmit, present, showDone, table } from '../ui.js';

function flagsTable(flags, admin, redraw) {
  const columns = [
    ['Flag', (f) => el('code', { text: f.key })],
    ['Description', (f) => f.description || ''],
    ['Default', (f) => `${f.defaultVariant} (${JSON.stringify(f.variants[f.defaultVariant])})`],
    ['Rules', (f) => f.rules.map((r) => `${r.name || 'rule'}: ${r.variant}`).join('; ') || '-'],
    ['Source', (f) => f.source],
    ['Changed', (f) => (f.updatedAt ? `${format.since(f.updatedAt)} by ${f.updatedBy || "configuration"}` : '-')],
  ];
  if (admin) {
    columns.push(['Actions', (f) => el('span', { class: 'row-actions' },
      Object.keys(f.variants).filter((v) => v !== f.defaultVariant).map((variant) =>
        action(`Default ${variant}`, async () => {
          const { key, type, description, variants, rules } = f;
          await api('PUT', `/api/v1/admin/flags/${encodeURIComponent(key)}`, {
            type, description, variants, rules, defaultVariant: variant, reason: 'changed from the console',
          });
          showDone(`${key} now defaults to ${variant}.`);
          await redraw();
        }, { 'aria-label': `Make ${variant} the default of ${f.key}` })),
      f.source === 'runtime' ? action('Reset', async () => {
        await api('DELETE', `/api/v1/admin/flags/${encodeURIComponent(f.key)}?reason=reset%20from%20the%20console`);
        showDone(`${f.key} serves its configured default again.`);
        await redraw();
      }, { 'aria-label': `Reset ${f.key}` }) : null)]);
  }
  return table('Feature flags', columns, flags, 'no flag defined');
}

function windowsTable(windows, admin, redraw) {
  const columns = [
    ['Start', (w) => format.time(w.start)],
    ['End', (w) => format.time(w.end)],
    ['Mode', (w) => w.mode],
    ['State', (w) => badge(w.state)],
    ['Reason', (w) => w.reason],
    ['Planned by', (w) => w.createdBy || '-'],
  ];
  if (admin) {
    columns.push(['Actions', (w) => (['scheduled', 'active'].includes(w.state)
      ? action('Cancel window', async () => {
          await api('POST', `/api/v1/admin/maintenance-windows/${w.id}/cancel`);
          showDone(`Maintenance window ${w.id} cancelled.`);
          await redraw();
        }, { 'aria-label': `Cancel maintenance window ${w.id}` })
      : '')]);
  }
  return table('Maintenance windows', columns, windows, 'none planned');
}

function windowForm(redraw) {
  const start = el('input', { id: 'window-start', required: true, placeholder: '2026-12-24T22:00:00Z' });
  const end = el('input', { id: 'window-end', required: true, placeholder: '2026-12-24T23:00:00Z' });
  const mode = el('select', { id: 'window-mode' }, ['maintenance', 'read-only'].map((m) => el('option', { value: m, text: m })));
  const reason = el('input', { id: 'window-reason', required: true, maxlength: '500' });
  const form = el('form', { class: 'toolbar', id: 'window-form', 'aria-label': 'Plan a maintenance window' },
    field('Start (UTC)', start), field('End (UTC)', end), field('Mode', mode), field('Reason', reason),
    el('button', { type: 'submit', text: 'Plan window' }));
  onSubmit(form, async () => {
    const planned = await api('POST', '/api/v1/admin/maintenance-windows', {
      start: start.value, end: end.value, mode: mode.value, reason: reason.value,
    });
    showDone(`Window ${planned.id} planned: ${planned.mode} from ${format.time(planned.start)}.`);
    form.reset();
    await redraw();
  });
  return form;
}

function retentionView(retention, admin) {
  const last = retention.lastRun;
  return [
    el('p', {
      text: `Sweep ${retention.schedule}; next run ${format.time(retention.nextRun)}; last run ${
        last ? `${last.state} ${format.since(last.finishedAt || last.createdAt)}` : 'never'}.`,
    }),
    table('Retention policies', [
      ['Category', (p) => p.category],
      ['Keeps', (p) => p.keeps],
      ['Schedule', (p) => p.schedule],
    ], retention.policies),
    admin ? el('div', { class: 'toolbar' },
      action('Dry run (list only)', async () => {
        const job = await api('POST', '/api/v1/admin/retention/run?dryRun=true');
        showDone(`Retention dry run queued as job ${job.id}; its counts are on the Jobs screen.`);
      }),
      action('Run the sweep now', async () => {
        const job = await api('POST', '/api/v1/admin/retention/run');
        showDone(`Retention sweep queued as job ${job.id}.`);
      })) : null,
  ];
}

export default {
  async render(container, context) {
    const flags = el('div', { id: 'flag-list' });
    const windows = el('div', { id: 'window-list' });
    const retention = el('div', { id: 'retention' });
    const draw = async () => {
      const [flagList, windowList, policy] = await Promise.all([
        api('GET', '/api/v1/admin/flags'),
        api('GET', '/api/v1/admin/maintenance-windows'),
        api('GET', '/api/v1/admin/retention'),
      ]);
      flags.replaceChildren(flagsTable(flagList, context.admin, draw));
      windows.replaceChildren(windowsTable(windowList, context.admin, draw));
      retention.replaceChildren(...present(...retentionView(policy, context.admin)));
    };
    container.append(heading('Flags, windows, retention'), el('h3', { text: 'Feature flags' }), flags,
      el('h3', { text: 'Maintenance windows' }), windows);
    if (context.admin) {
      container.append(windowForm(draw));
    }
    container.append(el('h3', { text: 'Retention' }), retention);
    await draw();
  },
};
