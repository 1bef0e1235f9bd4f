// Long work in the cluster: each job with its progress, speed and ETA, its report of problems,
// and the controls an admin needs (cancel, retry, retry all failed, clear failed).

import { api } from '../api.js';
import { action, badge, el, field, format, heading, present, showDone, table } from '../ui.js';

const STATES = ['', 'waiting', 'active', 'completed', 'failed', 'cancelled'];
const TYPES = ['', 'import', 'backup', 'verify', 'restore', 'partial-restore', 'drill', 'retention'];

function choice(values, label) {
  return el('select', {}, values.map((value) => el('option', { value, text: value || `any ${label}` })));
}

/** A job's progress as a native progress bar with its figures beside it. */
export function progress(job) {
  return el(
    'span',
    { class: 'progress' },
    el('progress', { max: 100, value: job.progress, 'aria-label': `${job.type} ${job.id} progress` }),
    ` ${job.progress}%`,
  );
}

function query(state, type) {
  const params = new URLSearchParams();
  if (state) params.set('state', state);
  if (type) params.set('type', type);
  return params.toString();
}

async function showReport(job, target) {
  const report = await api('GET', `/api/v1/admin/jobs/${job.id}/report`);
  target.replaceChildren(
    table(
      `Problems of ${job.type} job ${job.id}${report.truncated ? ' (first ones only)' : ''}`,
      [
        ['File', (p) => p.file || '-'],
        ['Row', (p) => p.row ?? '-'],
        ['Field', (p) => p.field || '-'],
        ['Problem', (p) => p.message],
      ],
      report.problems,
      'no problem recorded',
    ),
  );
}

export default {
  async render(container, context) {
    const state = choice(STATES, 'state');
    const type = choice(TYPES, 'type');
    const list = el('div', { id: 'job-list' });
    const report = el('div', { id: 'job-report' });
    const draw = async () => {
      const page = await api('GET', `/api/v1/admin/jobs?${query(state.value, type.value)}&limit=50`);
      const columns = [
        ['Type', (j) => j.type],
        ['State', (j) => badge(j.state)],
        ['Phase', (j) => j.phase || '-'],
        ['Progress', progress],
        ['Rows/s', (j) => (j.rowsPerSecond ? j.rowsPerSecond.toFixed(0) : '-')],
        ['ETA', (j) => format.seconds(j.etaSeconds)],
        ['Created', (j) => `${format.time(j.createdAt)} by ${j.createdBy || "a schedule"}`],
        ['Problems', (j) => (j.problemCount ? `${j.problemCount}` : '0')],
        ['Message', (j) => j.message || ''],
        ['Actions', (j) => el('span', { class: 'row-actions' }, rowActions(j))],
      ];
      list.replaceChildren(table(`Jobs (${page.total})`, columns, page.jobs, 'no job matches'));
    };
    const rowActions = (job) => [
      action('Report', () => showReport(job, report), { 'aria-label': `Report of job ${job.id}` }),
      context.admin && (job.state === 'waiting' || job.state === 'active')
        ? action('Cancel', async () => {
            await api('POST', `/api/v1/admin/jobs/${job.id}/cancel`);
            showDone(`Cancel requested for ${job.type} job ${job.id}.`);
            await draw();
          }, { 'aria-label': `Cancel job ${job.id}` })
        : null,
      context.admin && (job.state === 'failed' || job.state === 'cancelled')
        ? action('Retry', async () => {
            await api('POST', `/api/v1/admin/jobs/${job.id}/retry`);
            showDone(`${job.type} job ${job.id} queued again.`);
            await draw();
          }, { 'aria-label': `Retry job ${job.id}` })
        : null,
    ];
    state.addEventListener('change', draw);
    type.addEventListener('change', draw);
    const bulk = context.admin
      ? el(
          'div',
          { class: 'toolbar' },
          action('Retry all failed', async () => {
            const answer = await api('POST', `/api/v1/admin/jobs/retry?${query('failed', type.value)}`);
            showDone(`${answer.retried} failed jobs queued again.`);
            await draw();
          }),
          action('Clear failed', async () => {
            const answer = await api('DELETE', `/api/v1/admin/jobs?${query('failed', type.value)}`);
            showDone(`${answer.deleted} failed jobs cleared.`);
            await draw();
          }),
        )
      : null;
    container.append(
      ...present(
        heading('Jobs'),
      el('div', { class: 'toolbar' }, field('State', state), field('Type', type)),
        bulk,
        list,
        report,
      ),
    );
    await draw();
    context.every(3000, draw);
  },
};
