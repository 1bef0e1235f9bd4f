// Backups and drills: the archive list with its verification state, taking, verifying and
// drilling, a restore behind the confirmation the API demands, and the trends of the last 30.

import { api } from '../api.js';
import { barChart } from '../chart.js';
import { action, badge, el, field, format, heading, onSubmit, present, showDone, table } from '../ui.js';

function verifiedWord(backup) {
  if (backup.verified === true) return 'verified';
  if (backup.verified === false) return 'unverified';
  return 'not checked';
}

/** The restore form: the id must be typed again, and Cancel leaves everything as it was. */
function restoreForm(backup, area, done) {
  const typed = el('input', { id: 'restore-confirm', autocomplete: 'off', spellcheck: 'false' });
  const form = el(
    'form',
    { class: 'card danger', id: 'restore-form', 'aria-labelledby': 'restore-title' },
    el('h3', { id: 'restore-title', text: `Restore backup ${backup.id}` }),
    el('p', {
      text: 'The roster of this server is replaced by the backup (a pre-restore backup is taken first). Type the backup id to confirm.',
    }),
    field('Backup id', typed),
    el('button', { type: 'submit', text: 'Restore' }),
    action('Cancel', async () => area.replaceChildren(), { id: 'restore-cancel' }),
  );
  onSubmit(form, async () => {
    const job = await api('POST', `/api/v1/admin/backups/${encodeURIComponent(backup.id)}/restore`, {
      confirm: typed.value,
    });
    area.replaceChildren();
    showDone(`Restore of ${backup.id} queued as job ${job.id}; follow it on the Jobs screen.`);
    done();
  });
  area.replaceChildren(form);
  typed.focus();
}

function charts(backups, drills) {
  const last = backups.slice(0, 30).reverse();
  const label = (b) => format.time(b.created).slice(0, 10);
  return el(
    'div',
    { class: 'charts' },
    el('figure', {}, barChart('Backup size', last.map((b) => ({ label: label(b), value: b.size })), (p) => `${p.label}: ${format.bytes(p.value)}`),
      el('figcaption', { text: 'Size of the last 30 backups' })),
    el('figure', {}, barChart('Backup duration', last.map((b) => ({ label: label(b), value: b.durationSeconds || 0 })), (p) => `${p.label}: ${format.seconds(p.value)}`),
      el('figcaption', { text: 'Duration of the last 30 backups' })),
    el('figure', {}, barChart('Drill results', drills.slice(0, 30).reverse().map((d) => ({
      label: format.time(d.startedAt).slice(0, 10),
      value: (d.durationMillis || 0) / 1000,
      kind: d.result === 'SUCCESS' ? 'ok' : 'bad',
      result: d.result,
    })), (p) => `${p.label}: ${p.result}, ${format.seconds(p.value)}`),
      el('figcaption', { text: 'Drills over time (height: duration; red: failed)' })),
  );
}

export default {
  async render(container, context) {
    const list = el('div', { id: 'backup-list' });
    const confirmArea = el('div');
    const history = el('div', { id: 'drill-list' });
    const trends = el('div');
    const draw = async () => {
      const [catalog, drillPage] = await Promise.all([
        api('GET', '/api/v1/admin/backups'),
        api('GET', '/api/v1/admin/backups/drills?limit=30'),
      ]);
      const backups = catalog.backups;
      const columns = [
        ['Id', (b) => b.id],
        ['Created', (b) => format.time(b.created)],
        ['Trigger', (b) => b.trigger || '-'],
        ['Size', (b) => format.bytes(b.size)],
        ['Rows', (b) => format.number(b.rows)],
        ['Took', (b) => format.seconds(b.durationSeconds)],
        ['Verified', (b) => badge(verifiedWord(b))],
      ];
      if (context.admin) {
        columns.push(['Actions', (b) => el('span', { class: 'row-actions' },
          action('Verify', async () => {
            const answer = await api('POST', `/api/v1/admin/backups/${encodeURIComponent(b.id)}/verify`);
            showDone(answer.verified === undefined ? `Verification of ${b.id} still running (job ${answer.id}).`
              : `${b.id}: ${answer.verified ? 'verified' : `NOT verified: ${(answer.problems || []).join('; ')}`}`);
            await draw();
          }, { 'aria-label': `Verify backup ${b.id}` }),
          action('Drill', async () => {
            const job = await api('POST', '/api/v1/admin/backups/drills', { backupId: b.id });
            showDone(`Drill of ${b.id} queued as job ${job.id}.`);
          }, { 'aria-label': `Drill backup ${b.id}` }),
          action('Restore...', async () => restoreForm(b, confirmArea, draw), { 'aria-label': `Restore backup ${b.id}` }),
        )]);
      }
      list.replaceChildren(
        el('p', { text: `Free space in the backup directory: ${format.bytes(catalog.freeBytes)}` }),
        table(`Backups (${backups.length})`, columns, backups, 'no backup yet'),
      );
      history.replaceChildren(table('Drill history', [
        ['Started', (d) => format.time(d.startedAt)],
        ['Backup', (d) => d.backupId || '-'],
        ['Result', (d) => badge(d.result || 'running')],
        ['Tables', (d) => d.tables ?? '-'],
        ['Rows', (d) => format.number(d.rows)],
        ['Took', (d) => format.seconds(d.durationMillis === null ? null : d.durationMillis / 1000)],
        ['Reason', (d) => d.reason || ''],
      ], drillPage.drills, 'no drill yet'));
      trends.replaceChildren(charts(backups, drillPage.drills));
    };
    const toolbar = context.admin
      ? el('div', { class: 'toolbar' },
          action('Take a backup', async () => {
            const job = await api('POST', '/api/v1/admin/backups');
            showDone(`Backup queued as job ${job.id}.`);
          }, { id: 'take-backup' }),
          action('Run a drill on the newest', async () => {
            const job = await api('POST', '/api/v1/admin/backups/drills', {});
            showDone(`Drill queued as job ${job.id}.`);
          }, { id: 'run-drill' }))
      : null;
    container.append(...present(heading('Backups'), toolbar, confirmArea, list, el('h3', { text: 'Drills' }), history, el('h3', { text: 'Trends' }), trends));
    await draw();
    context.every(10000, async () => {
      if (!confirmArea.childElementCount) await draw();
    });
  },
};
