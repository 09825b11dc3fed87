/**
 * The admin dialog: the accounts (role, lock, remove), a form to add one, and the audit log, newest
 * first, a page at a time. Talks to the API directly: nothing here is shared with other views.
 */
import { h, render } from '../components/dom';
import { toFailure } from '../api/http';
import { ACCOUNT_ROLES, type AccountRole, type AuditEntry, type UserRow } from '../api/session';
import { formatDateTime } from './admin-format';
import { t } from '../core/i18n';
import { sessionApi } from '../core/session';

const PAGE = 50;

function roleSelect(id: string, value: AccountRole, label: string): HTMLSelectElement {
  return h(
    'select',
    { id, 'aria-label': label },
    ACCOUNT_ROLES.map((role) =>
      h('option', { value: role, selected: role === value }, t(`session.roles.${role}`)),
    ),
  );
}

function details(entry: AuditEntry): string {
  return Object.entries(entry.details)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}

export function mountAdmin(opener: () => HTMLElement | null): { element: HTMLDialogElement; open(): void } {
  const message = h('p', { class: 'admin-message', role: 'status', 'aria-live': 'polite' });
  const users = h('div', { class: 'admin-users' });
  const audit = h('div', { class: 'admin-audit' });
  const close = h('button', { type: 'button', class: 'button', 'data-testid': 'admin-close' });
  const element = h(
    'dialog',
    { class: 'admin-dialog', 'aria-labelledby': 'admin-title', 'data-testid': 'admin-dialog' },
    h('div', { class: 'upload-head' }, h('h2', { id: 'admin-title' }, t('admin.title')), close),
    message,
    h('h3', null, t('admin.users')),
    users,
    h('h3', null, t('admin.audit')),
    audit,
  );
  close.textContent = t('admin.close');
  close.addEventListener('click', () => element.close());
  element.addEventListener('close', () => opener()?.focus());

  const say = (text: string) => {
    message.textContent = text;
  };
  const act = async (work: () => Promise<void>, done: string) => {
    try {
      await work();
      say(done);
      await Promise.all([drawUsers(), drawAudit(0)]);
    } catch (error) {
      say(toFailure(error).message);
    }
  };

  const addForm = (): HTMLElement => {
    const name = h('input', {
      id: 'admin-new-name',
      required: true,
      autocomplete: 'off',
      'data-testid': 'admin-new-name',
    });
    const password = h('input', {
      id: 'admin-new-password',
      type: 'password',
      required: true,
      minlength: '15',
      autocomplete: 'new-password',
      'data-testid': 'admin-new-password',
    });
    const role = roleSelect('admin-new-role', 'analyst', t('admin.role'));
    const form = h(
      'form',
      { class: 'admin-add' },
      h('label', { for: 'admin-new-name' }, t('session.name')),
      name,
      h('label', { for: 'admin-new-role' }, t('admin.role')),
      role,
      h('label', { for: 'admin-new-password' }, t('admin.newPassword')),
      password,
      h('button', { type: 'submit', class: 'button primary', 'data-testid': 'admin-add' }, t('admin.add')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void act(
        () => sessionApi().addUser(name.value.trim(), role.value as AccountRole, password.value),
        t('admin.added', { name: name.value.trim() }),
      );
    });
    return form;
  };

  const userRow = (user: UserRow): HTMLElement => {
    const select = roleSelect(`admin-role-${user.name}`, user.role, t('admin.roleOf', { name: user.name }));
    select.addEventListener('change', () => {
      void act(
        () => sessionApi().setRole(user.name, select.value as AccountRole),
        t('admin.roleChanged', { name: user.name }),
      );
    });
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'button small',
        'aria-label': t('admin.removeUser', { name: user.name }),
        on: {
          click: () => {
            if (!window.confirm(t('admin.confirmRemove', { name: user.name }))) return;
            void act(() => sessionApi().removeUser(user.name), t('admin.removed', { name: user.name }));
          },
        },
      },
      t('admin.remove'),
    );
    return h(
      'tr',
      { 'data-user': user.name },
      h('th', { scope: 'row' }, user.name),
      h('td', null, select),
      h('td', null, formatDateTime(user.created)),
      h('td', null, user.lockedUntil === null ? '' : formatDateTime(user.lockedUntil)),
      h('td', null, remove),
    );
  };

  const drawUsers = async (): Promise<void> => {
    try {
      const list = await sessionApi().users();
      render(
        users,
        h(
          'table',
          { class: 'admin-table', 'data-testid': 'admin-users' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['name', 'role', 'created', 'locked', 'actions'].map((key) =>
                h('th', { scope: 'col' }, t(`admin.columns.${key}`)),
              ),
            ),
          ),
          h('tbody', null, list.map(userRow)),
        ),
        addForm(),
      );
    } catch (error) {
      render(users, h('p', { role: 'alert' }, toFailure(error).message));
    }
  };

  const drawAudit = async (offset: number): Promise<void> => {
    try {
      const page = await sessionApi().audit(offset, PAGE);
      const pager = h(
        'div',
        { class: 'admin-pager' },
        h(
          'button',
          {
            type: 'button',
            class: 'button small',
            disabled: offset === 0,
            on: { click: () => void drawAudit(Math.max(0, offset - PAGE)) },
          },
          t('admin.newer'),
        ),
        h(
          'span',
          null,
          t('admin.range', {
            from: page.total === 0 ? 0 : offset + 1,
            to: offset + page.events.length,
            total: page.total,
          }),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button small',
            disabled: offset + PAGE >= page.total,
            on: { click: () => void drawAudit(offset + PAGE) },
          },
          t('admin.older'),
        ),
      );
      render(
        audit,
        h(
          'table',
          { class: 'admin-table', 'data-testid': 'admin-audit' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['at', 'actor', 'action', 'details'].map((key) =>
                h('th', { scope: 'col' }, t(`admin.columns.${key}`)),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            page.events.map((entry) =>
              h(
                'tr',
                null,
                h('td', null, formatDateTime(entry.at)),
                h('td', null, entry.actor),
                h('td', null, entry.action),
                h('td', null, details(entry)),
              ),
            ),
          ),
        ),
        pager,
      );
    } catch (error) {
      render(audit, h('p', { role: 'alert' }, toFailure(error).message));
    }
  };

  return {
    element,
    open() {
      say('');
      element.showModal();
      void drawUsers();
      void drawAudit(0);
    },
  };
}
