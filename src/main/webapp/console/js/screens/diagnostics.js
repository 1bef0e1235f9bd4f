// Database diagnostics (pools, sessions, blocking, the longest transaction) and log levels
// raised for an incident: what the person on call looks at when requests slow down.

import { api } from '../api.js';
import { action, badge, el, field, format, heading, onSubmit, present, showDone, table } from '../ui.js';

const LEVELS = ['FINEST', 'FINER', 'FINE', 'CONFIG', 'INFO', 'WARNING', 'SEVERE'];
const DURATIONS = [['PT15M', '15 minutes'], ['PT1H', '1 hour'], ['PT4H', '4 hours'], ['PT24H', '24 hours']];

function ms(value) {
  return value === null || value === undefined ? '-' : `${format.number(value)} ms`;
}

function database(report, admin, redraw) {
  const signal = (kind, pid) =>
    action(kind === 'cancel' ? 'Cancel query' : 'Terminate', async () => {
      const answer = await api('POST', `/api/v1/admin/diagnostics/database/queries/${pid}/${kind}`);
      showDone(`${kind} of backend ${pid}: ${JSON.stringify(answer)}`);
      await redraw();
    }, { 'aria-label': `${kind} backend ${pid}` });
  return [
    report.error ? el('p', { class: 'notice error', text: report.error }) : null,
    table('Connection pools', [
      ['Data source', (p) => p.dataSource],
      ['In use / size / max', (p) => `${p.inUse} / ${p.size} / ${p.max}`],
      ['Waits', (p) => format.number(p.waits)],
      ['Mean / max wait', (p) => `${p.waitMeanMs.toFixed(1)} / ${p.waitMaxMs} ms`],
    ], report.pools || []),
    table('Database sessions', [
      ['Pid', (b) => b.pid],
      ['Application', (b) => b.application || '-'],
      ['State', (b) => b.state || '-'],
      ['Waiting on', (b) => (b.waitEvent ? `${b.waitEventType}: ${b.waitEvent}` : '-')],
      ['Query', (b) => ms(b.queryMs)],
      ['Transaction', (b) => ms(b.transactionMs)],
      ['Statement', (b) => el('code', { text: b.query || '' })],
      ...(admin ? [['Actions', (b) => (b.signalable ? el('span', { class: 'row-actions' }, signal('cancel', b.pid), signal('terminate', b.pid)) : '')]] : []),
    ], report.backends || []),
    table('Blocked sessions', [
      ['Pid', (b) => b.pid],
      ['Blocked by', (b) => b.blockedBy],
      ['Waiting', (b) => ms(b.waitingMs)],
      ['Statement', (b) => el('code', { text: b.query || '' })],
    ], report.blocked || [], 'none'),
    el('p', {
      text: report.longestTransaction
        ? `Longest open transaction: backend ${report.longestTransaction.pid}, ${ms(report.longestTransaction.transactionMs)}`
        : 'No open transaction.',
    }),
  ];
}

/** The schema: its version, what is pending, and every migration applied. */
function migrations(report) {
  return [
    el('p', {
      id: 'schema-version',
      text: `Schema version ${report.current || 'none'} (this Lectern knows up to ${report.latestKnown})${
        report.newerThanCode ? ': the database is NEWER than this Lectern' : ''}.`,
    }),
    table('Pending migrations', [
      ['Version', (m) => m.version],
      ['Description', (m) => m.description],
    ], report.pending || [], 'none'),
    table('Applied migrations', [
      ['Version', (m) => m.version],
      ['Description', (m) => m.description],
      ['Installed', (m) => `${format.time(m.installedOn)} by ${m.installedBy || '-'}`],
      ['Took', (m) => ms(m.executionMillis)],
      ['Checksum', (m) => m.checksum ?? '-'],
      ['Result', (m) => badge(m.success === false ? 'failed' : 'completed')],
    ], [...(report.history || [])].reverse()),
  ];
}

function levelForm(redraw) {
  const logger = el('input', { id: 'log-logger', required: true, maxlength: '200', placeholder: 'dev.lectern.roster.imports' });
  const level = el('select', { id: 'log-level' }, LEVELS.map((l) => el('option', { value: l, text: l, selected: l === 'FINE' })));
  const revert = el('select', { id: 'log-revert' }, DURATIONS.map(([value, text]) => el('option', { value, text })));
  const reason = el('input', { id: 'log-reason', required: true, maxlength: '500' });
  const form = el('form', { class: 'toolbar', id: 'log-form', 'aria-label': 'Raise a log level' },
    field('Logger', logger), field('Level', level), field('Back after', revert), field('Reason', reason),
    el('button', { type: 'submit', text: 'Set level' }));
  onSubmit(form, async () => {
    const set = await api('PUT', `/api/v1/admin/logging/${encodeURIComponent(logger.value)}`, {
      level: level.value, revertAfter: revert.value, reason: reason.value,
    });
    showDone(`${set.logger} at ${set.level} until ${format.time(set.revertAt)} on every replica.`);
    await redraw();
  });
  return form;
}

export default {
  async render(container, context) {
    const db = el('div', { id: 'database-report' });
    const logs = el('div', { id: 'log-levels' });
    const schema = el('div', { id: 'migrations' });
    const draw = async () => {
      const [report, logging, migrated] = await Promise.all([
        api('GET', '/api/v1/admin/diagnostics/database'),
        api('GET', '/api/v1/admin/logging'),
        api('GET', '/api/v1/admin/migrations'),
      ]);
      db.replaceChildren(...present(...database(report, context.admin, draw)));
      schema.replaceChildren(...migrations(migrated));
      logs.replaceChildren(table('Raised log levels', [
        ['Logger', (o) => el('code', { text: o.logger })],
        ['Level', (o) => o.level],
        ['Back at', (o) => format.time(o.revertAt)],
        ['Set by', (o) => `${o.setBy || '-'} ${format.since(o.setAt)}`],
        ['Reason', (o) => o.reason || ''],
        ...(context.admin ? [['Actions', (o) => action('Reset', async () => {
          await api('DELETE', `/api/v1/admin/logging/${encodeURIComponent(o.logger)}?reason=reset%20from%20the%20console`);
          showDone(`${o.logger} is back at its configured level.`);
          await draw();
        }, { 'aria-label': `Reset ${o.logger}` })]] : []),
      ], logging.overrides, 'every logger at its configured level'));
    };
    container.append(heading('Database and logs'), el('h3', { text: 'Database' }), db, el('h3', { text: 'Log levels' }), logs);
    if (context.admin) {
      container.append(levelForm(draw));
    }
    container.append(el('h3', { text: 'Schema migrations' }), schema);
    await draw();
    context.every(5000, draw);
  },
};
