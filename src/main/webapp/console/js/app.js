// Sign-in, navigation and the life of the current screen. Every screen is a module whose
// render(container, context) draws it from the API; context.every() runs a refresh that stops
// when the operator leaves the screen.

import { currentUser, isAdmin, onSessionChange, signIn, signOut } from './api.js';
import { bindNotices, clearNotice, showError } from './ui.js';
import overview from './screens/overview.js';
import jobs from './screens/jobs.js';
import imports from './screens/imports.js';
import backups from './screens/backups.js';
import mode from './screens/mode.js';
import apiKeys from './screens/api-keys.js';
import accounts from './screens/accounts.js';
import audit from './screens/audit.js';
import diagnostics from './screens/diagnostics.js';
import controlPlane from './screens/control-plane.js';

const screens = {
  overview,
  jobs,
  imports,
  backups,
  mode,
  'control-plane': controlPlane,
  diagnostics,
  'api-keys': apiKeys,
  accounts,
  audit,
};
const $ = (id) => document.getElementById(id);
let timers = [];
let generation = 0;

function stopTimers() {
  timers.forEach((timer) => clearInterval(timer));
  timers = [];
}

async function show() {
  stopTimers();
  generation++;
  const mine = generation;
  if (!currentUser()) {
    return;
  }
  const name = location.hash.slice(1) || 'overview';
  const screen = screens[name] || overview;
  document.querySelectorAll('#nav a').forEach((link) => {
    if (link.getAttribute('href') === `#${name}`) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  const container = $('screen');
  container.replaceChildren();
  container.dataset.screen = name;
  clearNotice();
  const context = {
    admin: isAdmin(),
    every(ms, refresh) {
      if (mine === generation) {
        timers.push(setInterval(() => refresh().catch(showError), ms));
      }
    },
    current: () => mine === generation,
  };
  container.setAttribute('aria-busy', 'true');
  try {
    await screen.render(container, context);
    const title = container.querySelector('h2');
    if (title) {
      title.focus();
    }
  } catch (error) {
    showError(error);
  } finally {
    if (mine === generation) {
      container.removeAttribute('aria-busy');
    }
  }
}

function signedIn(user) {
  $('sign-in').hidden = Boolean(user);
  $('screen').hidden = !user;
  $('nav').hidden = !user;
  $('who').hidden = !user;
  $('who-name').textContent = user ? `${user.name} (${user.roles.join(', ')})` : '';
  if (user) {
    show();
  } else {
    stopTimers();
    $('screen').replaceChildren();
    $('username').focus();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  bindNotices($('notices'));
  onSessionChange(signedIn);
  window.addEventListener('hashchange', show);
  $('sign-out').addEventListener('click', () => signOut());
  $('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const password = $('password');
    try {
      await signIn($('username').value, password.value, ['admin', 'operator']);
      password.value = '';
    } catch (error) {
      password.value = '';
      showError(error);
    }
  });
  $('username').focus();
});
