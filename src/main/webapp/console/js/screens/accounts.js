// Platform accounts (admins, operators, teachers, students): create, enable or disable, force a
// password reset.

import { api } from '../api.js';
import { action, badge, el, field, format, heading, onSubmit, showDone, table } from '../ui.js';

const ROLES = ['admin', 'operator', 'teacher', 'student'];

export default {
  async render(container, context) {
    const list = el('div', { id: 'account-list' });
    const draw = async () => {
      const page = await api('GET', '/api/v1/admin/users?limit=200');
      const columns = [
        ['Username', (a) => a.username],
        ['E-mail', (a) => a.email || '-'],
        ['Roles', (a) => a.roles.join(', ')],
        ['State', (a) => badge(a.enabled ? 'active' : 'disabled')],
        ['Created', (a) => format.time(a.createdAt)],
      ];
      if (context.admin) {
        columns.push(['Actions', (a) => el('span', { class: 'row-actions' },
          action(a.enabled ? 'Disable' : 'Enable', async () => {
            await api('PATCH', `/api/v1/admin/users/${a.id}`, { enabled: !a.enabled });
            showDone(`${a.username} ${a.enabled ? 'disabled; its sessions ended' : 'enabled'}.`);
            await draw();
          }, { 'aria-label': `${a.enabled ? 'Disable' : 'Enable'} ${a.username}` }),
          action('Force password reset', async () => {
            await api('POST', `/api/v1/admin/users/${a.id}/password-reset`);
            showDone(`${a.username} must set a new password; a reset link was mailed.`);
          }, { 'aria-label': `Force a password reset for ${a.username}` }))]);
      }
      list.replaceChildren(table(`Accounts (${page.total})`, columns, page.users));
    };
    container.append(heading('Accounts'));
    if (context.admin) {
      const username = el('input', { id: 'account-username', required: true, maxlength: '64', autocomplete: 'off' });
      const email = el('input', { id: 'account-email', type: 'email', maxlength: '254', autocomplete: 'off' });
      const password = el('input', { id: 'account-password', type: 'password', required: true, autocomplete: 'new-password' });
      const roles = ROLES.map((role) => el('input', { type: 'checkbox', value: role, id: `role-${role}` }));
      const form = el('form', { class: 'card', id: 'account-form', 'aria-labelledby': 'account-form-title' },
        el('h3', { id: 'account-form-title', text: 'New account' }),
        field('Username', username), field('E-mail', email), field('Password', password),
        el('fieldset', {}, el('legend', { text: 'Roles' }),
          roles.map((box) => el('div', { class: 'check' }, box, el('label', { for: box.id, text: box.value })))),
        el('button', { type: 'submit', text: 'Create account' }));
      onSubmit(form, async () => {
        try {
          const created = await api('POST', '/api/v1/admin/users', {
            username: username.value,
            email: email.value || undefined,
            password: password.value,
            roles: roles.filter((box) => box.checked).map((box) => box.value),
          });
          form.reset();
          showDone(`Account ${created.username} created.`);
          await draw();
        } catch (error) {
          password.value = '';
          throw error;
        }
      });
      container.append(form);
    }
    container.append(list);
    await draw();
  },
};
