// OneRoster API keys of LMSs and apps: create (the secret is shown once), rotate, revoke.

import { api } from '../api.js';
import { action, badge, el, field, format, heading, onSubmit, showDone, table } from '../ui.js';

const SCOPE = 'https://purl.imsglobal.org/spec/or/v1p2/scope/';
const SCOPES = ['roster-core.readonly', 'roster.readonly', 'roster-demographics.readonly'];

/** The only time a secret is visible: shown until the admin dismisses it, never stored. */
function secretCard(area, issued) {
  area.replaceChildren(
    el(
      'div',
      { class: 'card', id: 'issued-secret', role: 'region', 'aria-label': 'New client secret' },
      el('p', { text: 'Copy the secret now: Lectern keeps only its hash and cannot show it again.' }),
      el('dl', { class: 'facts' },
        el('dt', { text: 'Client id' }), el('dd', {}, el('code', { text: issued.clientId })),
        el('dt', { text: 'Client secret' }), el('dd', {}, el('code', { id: 'client-secret', text: issued.clientSecret }))),
      action('Done, hide it', async () => area.replaceChildren()),
    ),
  );
}

export default {
  async render(container, context) {
    const list = el('div', { id: 'key-list' });
    const secretArea = el('div');
    const draw = async () => {
      const keys = await api('GET', '/api/v1/admin/api-keys');
      const columns = [
        ['Name', (k) => k.name],
        ['Client id', (k) => el('code', { text: k.clientId })],
        ['Scopes', (k) => k.scopes.map((s) => s.replace(SCOPE, '')).join(', ')],
        ['Orgs', (k) => (k.orgs && k.orgs.length ? k.orgs.join(', ') : 'all')],
        ['State', (k) => badge(k.active ? 'active' : k.revokedAt ? 'revoked' : 'expired')],
        ['Expires', (k) => `${format.time(k.expiresAt)}${k.expiresSoon ? ' (soon)' : ''}`],
        ['Secret age', (k) => format.since(k.secretRotatedAt || k.createdAt)],
        ['Last used', (k) => format.since(k.lastUsedAt)],
      ];
      if (context.admin) {
        columns.push(['Actions', (k) => k.active ? el('span', { class: 'row-actions' },
          action('Rotate', async () => {
            secretCard(secretArea, await api('POST', `/api/v1/admin/api-keys/${k.id}/rotate`));
            await draw();
          }, { 'aria-label': `Rotate the secret of ${k.name}` }),
          action('Revoke', async () => {
            await api('POST', `/api/v1/admin/api-keys/${k.id}/revoke`);
            showDone(`${k.name} revoked.`);
            await draw();
          }, { 'aria-label': `Revoke ${k.name}` })) : '']);
      }
      list.replaceChildren(table(`API keys (${keys.length})`, columns, keys, 'no key yet'));
    };
    container.append(heading('API keys'), secretArea);
    if (context.admin) {
      const name = el('input', { id: 'key-name', maxlength: '200', required: true });
      const scopes = SCOPES.map((scope) => el('input', { type: 'checkbox', value: SCOPE + scope, id: `scope-${scope.replace(/\./g, '-')}` }));
      scopes[0].checked = true;
      const form = el('form', { class: 'card', id: 'key-form', 'aria-labelledby': 'key-form-title' },
        el('h3', { id: 'key-form-title', text: 'New key' }),
        field('Name', name),
        el('fieldset', {}, el('legend', { text: 'Scopes' }),
          scopes.map((box, i) => el('div', { class: 'check' }, box, el('label', { for: box.id, text: SCOPES[i] })))),
        el('button', { type: 'submit', text: 'Create key' }));
      onSubmit(form, async () => {
        const issued = await api('POST', '/api/v1/admin/api-keys', {
          name: name.value,
          scopes: scopes.filter((box) => box.checked).map((box) => box.value),
        });
        name.value = '';
        secretCard(secretArea, issued);
        await draw();
      });
      container.append(form);
    }
    container.append(list);
    await draw();
  },
};
