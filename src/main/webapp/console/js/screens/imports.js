// Uploading a OneRoster CSV package: the upload's own progress, then the import job it queued,
// followed until it finishes, with its counts and problems.

import { api, upload } from '../api.js';
import { action, badge, el, field, format, heading, showDone, showError, table } from '../ui.js';
import { progress } from './jobs.js';

function jobFacts(job) {
  return el(
    'dl',
    { class: 'facts', id: 'import-job' },
    el('dt', { text: 'Job' }),
    el('dd', { text: job.id }),
    el('dt', { text: 'State' }),
    el('dd', { id: 'import-job-state' }, badge(job.state)),
    el('dt', { text: 'Progress' }),
    el('dd', {}, progress(job)),
    el('dt', { text: 'Rows' }),
    el('dd', { text: `${format.number(job.rowsDone)} (${job.rowsPerSecond ? job.rowsPerSecond.toFixed(0) : '-'} rows/s, ETA ${format.seconds(job.etaSeconds)})` }),
    el('dt', { text: 'Message' }),
    el('dd', { text: job.message || '-' }),
  );
}

/** The import's counts, one row per file of the package. */
function countsTable(counts) {
  const files = Object.entries(counts || {}).filter(([, value]) => value && typeof value === 'object');
  return table('Rows by file', [
    ['File', ([file]) => file],
    ['Rows', ([, c]) => format.number(c.rows)],
    ['Created', ([, c]) => format.number(c.created)],
    ['Updated', ([, c]) => format.number(c.updated)],
    ['Deleted', ([, c]) => format.number(c.deleted)],
  ], files, 'none yet');
}

export default {
  async render(container, context) {
    const status = el('div', { id: 'import-status' });
    container.append(heading('Imports'));
    if (!context.admin) {
      container.append(el('p', { text: 'Only an admin can upload a package. Follow imports on the Jobs screen.' }));
      return;
    }
    const file = el('input', { type: 'file', accept: '.zip,application/zip', id: 'import-file' });
    const sent = el('progress', { max: 100, value: 0, id: 'upload-progress' });
    const follow = (id) => {
      const poll = async () => {
        if (!context.current()) return;
        const job = await api('GET', `/api/v1/admin/jobs/${id}`);
        const parts = [jobFacts(job), countsTable(job.counts)];
        if (job.problemCount) {
          const report = await api('GET', `/api/v1/admin/jobs/${id}/report`);
          parts.push(table('Problems', [
            ['File', (p) => p.file || '-'],
            ['Row', (p) => p.row ?? '-'],
            ['Field', (p) => p.field || '-'],
            ['Problem', (p) => p.message],
          ], report.problems));
        }
        status.replaceChildren(...parts);
        if (!['completed', 'failed', 'cancelled'].includes(job.state)) {
          setTimeout(() => poll().catch(showError), 1000);
        }
      };
      return poll();
    };
    const send = action('Upload', async () => {
      if (!file.files.length) {
        throw new Error('Choose a OneRoster CSV package (.zip) first.');
      }
      sent.value = 0;
      const job = await upload('/api/v1/admin/imports', file.files[0], (loaded, total) => {
        sent.value = Math.round((loaded / total) * 100);
      });
      sent.value = 100;
      showDone(`Package uploaded; import job ${job.id} queued.`);
      await follow(job.id);
    }, { id: 'upload' });
    container.append(
      el('div', { class: 'toolbar' }, field('OneRoster CSV package', file), send),
      el('p', {}, el('label', { for: 'upload-progress', text: 'Upload ' }), sent),
      status,
    );
  },
};
