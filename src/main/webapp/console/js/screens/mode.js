// The operating mode (normal, read-only, maintenance) and the response cache.

import { api } from '../api.js';
import { action, badge, el, field, format, heading, onSubmit, showDone } from '../ui.js';

const MODES = ['normal', 'read-only', 'maintenance'];

function modeFacts(mode) {
  return el(
    'dl',
    { class: 'facts' },
    el('dt', { text: 'In force' }),
    el('dd', { id: 'mode-in-force' }, badge(mode.mode)),
    el('dt', { text: 'Set' }),
    el('dd', { text: `${mode.setMode}${mode.until ? ` until ${format.time(mode.until)}` : ''}` }),
    el('dt', { text: 'Reason' }),
    el('dd', { text: mode.reason || '-' }),
    el('dt', { text: 'Changed' }),
    el('dd', { text: mode.changedAt ? `${format.time(mode.changedAt)} by ${mode.changedBy || "configuration or a window"}` : '-' }),
  );
}

function cacheFacts(stats) {
  return el(
    'dl',
    { class: 'facts', id: 'cache-stats' },
    el('dt', { text: 'Backend' }),
    el('dd', { text: stats.backend }),
    el('dt', { text: 'Hits / misses' }),
    el('dd', { text: `${format.number(stats.hits)} / ${format.number(stats.misses)} (${(stats.hitRate * 100).toFixed(1)} %)` }),
    el('dt', { text: 'Keys' }),
    el('dd', { text: `${format.number(stats.keys)} (local ${format.number(stats.localKeys)})` }),
    el('dt', { text: 'Redis memory' }),
    el('dd', { text: format.bytes(stats.redisUsedMemoryBytes) }),
  );
}

export default {
  async render(container, context) {
    const modeArea = el('div', { id: 'mode-view' });
    const cacheArea = el('div');
    const draw = async () => {
      const [mode, stats] = await Promise.all([api('GET', '/api/v1/admin/mode'), api('GET', '/api/v1/cache/stats')]);
      modeArea.replaceChildren(modeFacts(mode));
      cacheArea.replaceChildren(cacheFacts(stats));
    };
    container.append(heading('Mode and cache'), el('h3', { text: 'Mode' }), modeArea);
    if (context.admin) {
      const choice = el('select', { id: 'mode-choice' }, MODES.map((m) => el('option', { value: m, text: m })));
      const reason = el('input', { id: 'mode-reason', maxlength: '500' });
      const change = el(
        'form',
        { class: 'toolbar', id: 'mode-form', 'aria-label': 'Change the mode' },
        field('New mode', choice),
        field('Reason', reason),
        el('button', { type: 'submit', text: 'Set mode' }),
      );
      onSubmit(change, async () => {
        const mode = await api('PUT', '/api/v1/admin/mode', { mode: choice.value, reason: reason.value || undefined });
        showDone(`Mode is now ${mode.mode}.`);
        await draw();
      });
      container.append(change);
    }
    container.append(el('h3', { text: 'Cache' }), cacheArea);
    if (context.admin) {
      const pattern = el('input', { id: 'cache-pattern', placeholder: 'oneroster:users:*' });
      container.append(
        el(
          'div',
          { class: 'toolbar' },
          action('Clear the whole cache', async () => {
            const answer = await api('POST', '/api/v1/cache/clear');
            showDone(`Cache cleared (${Object.entries(answer).map(([k, v]) => `${k}: ${v}`).join(', ')}).`);
            await draw();
          }),
          field('Key pattern', pattern),
          action('Invalidate matching keys', async () => {
            const answer = await api('DELETE', `/api/v1/cache?pattern=${encodeURIComponent(pattern.value)}`);
            showDone(`Invalidated: ${JSON.stringify(answer)}.`);
            await draw();
          }),
        ),
      );
    }
    await draw();
  },
};
