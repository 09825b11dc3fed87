/**
 * The signed-in user in the top bar (name, role, Sign out, and Accounts for admins), the local-mode
 * banner, and the sign-in form shown instead of the workspace when sign-in is required.
 */
import { h, render } from '../components/dom';
import { t } from '../core/i18n';
import { sessionStore, signIn, signOut } from '../core/session';
import { bind } from './bind';

export function mountAccount(openAdmin: () => void): { element: HTMLElement } {
  const element = h('div', { class: 'account', 'data-testid': 'account' });
  bind(element, [sessionStore], () => {
    const info = sessionStore.get().info;
    if (info.status !== 'ready' || info.data.user === null) {
      render(element);
      return;
    }
    const { name, role } = info.data.user;
    render(
      element,
      h(
        'span',
        { class: 'account-user', 'data-testid': 'account-user' },
        name,
        ' ',
        h('span', { class: 'account-role' }, t(`session.roles.${role}`)),
      ),
      role === 'admin'
        ? h(
            'button',
            { type: 'button', class: 'button', 'data-testid': 'admin-open', on: { click: openAdmin } },
            t('admin.open'),
          )
        : null,
      h(
        'button',
        { type: 'button', class: 'button', 'data-testid': 'sign-out', on: { click: () => void signOut() } },
        t('session.signOut'),
      ),
    );
  });
  return { element };
}

/** Shown while no account exists: what local mode means and how to end it. */
export function localBanner(): HTMLElement {
  return h(
    'div',
    { class: 'banner banner-local', role: 'note', 'data-testid': 'local-banner' },
    h('strong', null, t('session.localTitle')),
    ' ',
    t('session.localText'),
    ' ',
    h('code', null, 'npm run cli -- user add <name> --role admin'),
  );
}

export function signInForm(): HTMLElement {
  const name = h('input', {
    id: 'sign-in-name',
    name: 'username',
    autocomplete: 'username',
    required: true,
    autocapitalize: 'none',
    spellcheck: 'false',
    'data-testid': 'sign-in-name',
  });
  const password = h('input', {
    id: 'sign-in-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    'data-testid': 'sign-in-password',
  });
  const submit = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'sign-in-submit' });
  const message = h('p', { class: 'sign-in-error', role: 'alert', 'data-testid': 'sign-in-error' });
  const form = h(
    'form',
    { class: 'sign-in', 'aria-labelledby': 'sign-in-title', 'data-testid': 'sign-in-form' },
    h('h2', { id: 'sign-in-title' }, t('session.signInTitle')),
    h('p', { class: 'muted' }, t('session.signInNeeded')),
    h('label', { for: 'sign-in-name' }, t('session.name')),
    name,
    h('label', { for: 'sign-in-password' }, t('session.password')),
    password,
    message,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn(name.value.trim(), password.value);
  });
  bind(form, [sessionStore], () => {
    const state = sessionStore.get().signIn;
    submit.textContent = state.status === 'busy' ? t('session.signingIn') : t('session.signIn');
    submit.disabled = state.status === 'busy';
    message.textContent = state.status === 'error' ? state.message : '';
    if (state.status === 'error') {
      password.value = '';
      password.focus();
    }
  });
  queueMicrotask(() => name.focus());
  return h('main', { id: 'main', class: 'stage-message' }, form);
}
