// Is everything healthy: readiness and each dependency, mode and maintenance, the last backup and
// drill, jobs by state, and Lectern's own counters of rejections and server errors.

import { api, text } from '../api.js';
import { badge, el, format, heading, table } from '../ui.js';

/** Sums the samples of one series in Prometheus text, optionally only those with a label. */
export function sumSeries(exposition, name, label) {
  let sum = 0;
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(name) || (line[name.length] !== '{' && line[name.length] !== ' ')) {
      continue;
    }
    if (label && !line.includes(label)) {
      continue;
    }
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) {
      sum += value;
    }
  }
  return sum;
}

async function jobCounts() {
  const states = ['waiting', 'active', 'failed'];
  const pages = await Promise.all(states.map((state) => api('GET', `/api/v1/admin/jobs?state=${state}&limit=1`)));
  return Object.fromEntries(states.map((state, i) => [state, pages[i].total]));
}

async function draw(body) {
  const [health, jobs, metrics] = await Promise.all([
    api('GET', '/api/v1/health'),
    jobCounts(),
    text('/metrics?scope=application').catch(() => ''),
  ]);
  const checks = Object.entries(health.checks || {}).map(([name, check]) => ({ name, ...check }));
  const backups = health.backups || {};
  const window = health.maintenanceWindow;
  body.replaceChildren(
    el(
      'dl',
      { class: 'facts' },
      el('dt', { text: 'Status' }),
      el('dd', { id: 'overall-status' }, badge(health.status)),
      el('dt', { text: 'Mode' }),
      el('dd', { id: 'overview-mode', text: health.mode }),
      el('dt', { text: 'Version' }),
      el('dd', { text: health.version }),
      el('dt', { text: 'Up for' }),
      el('dd', { text: format.seconds(health.uptime) }),
      el('dt', { text: 'Maintenance' }),
      el('dd', {
        text: window ? `${window.mode} from ${format.time(window.start)} to ${format.time(window.end)}` : 'none announced',
      }),
    ),
    table('Dependencies', [
      ['Check', (c) => c.name],
      ['Status', (c) => badge(c.status)],
      ['Details', (c) => Object.entries(c.data || {}).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ')],
    ], checks),
    el(
      'dl',
      { class: 'facts' },
      el('dt', { text: 'Last backup' }),
      el('dd', { id: 'last-backup', text: format.since(backups.lastBackupAt) }),
      el('dt', { text: 'Last verified backup' }),
      el('dd', { text: format.age(backups.lastVerifiedBackupAgeSeconds) }),
      el('dt', { text: 'Last successful drill' }),
      el('dd', { id: 'last-drill', text: format.age(backups.lastSuccessfulDrillAgeSeconds) }),
      el('dt', { text: 'Jobs waiting / active / failed' }),
      el('dd', { id: 'job-counts', text: `${jobs.waiting} / ${jobs.active} / ${jobs.failed}` }),
      el('dt', { text: 'Rate-limit rejections since start' }),
      el('dd', { text: format.number(sumSeries(metrics, 'lectern_rate_limit_rejections_total')) }),
      el('dt', { text: 'Server errors (5xx) since start' }),
      el('dd', {
        text: format.number(sumSeries(metrics, 'lectern_http_request_duration_seconds_count', 'status="5xx"')),
      }),
    ),
  );
}

export default {
  async render(container, context) {
    const body = el('div');
    container.append(heading('Overview'), body);
    await draw(body);
    context.every(5000, () => draw(body));
  },
};
