/** Loading, error and empty states, the same everywhere, so no part of the page is ever blank. */
import { h } from '../components/dom';
import { t } from '../core/i18n';
import type { Failure } from '../core/status';

export function loadingBlock(message = t('status.loading')): HTMLElement {
  return h(
    'div',
    { class: 'status status-loading', role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    message,
  );
}

export function failureTitle(failure: Failure): string {
  switch (failure.kind) {
    case 'unavailable':
      return t('status.unavailable.title');
    case 'network':
      return t('status.network.title');
    case 'not-found':
      return t('status.notFound.title');
    case 'invalid':
    case 'server':
      return t('status.server.title');
  }
}

export function failureHint(failure: Failure): string {
  switch (failure.kind) {
    case 'unavailable':
      return failure.retryAfter !== null
        ? t('status.unavailable.hintRetryAfter', { seconds: failure.retryAfter })
        : t('status.unavailable.hint');
    case 'network':
      return t('status.network.hint');
    case 'not-found':
      return t('status.notFound.hint');
    case 'invalid':
    case 'server':
      return t('status.server.hint');
  }
}

export function errorBlock(failure: Failure, onRetry: (() => void) | null, compact = false): HTMLElement {
  return h(
    'div',
    { class: `status status-error${compact ? ' compact' : ''}`, role: 'alert' },
    h(compact ? 'p' : 'h2', { class: 'status-title' }, failureTitle(failure)),
    h('p', null, failureHint(failure)),
    h(
      'p',
      { class: 'status-detail' },
      `${failure.code}${failure.status ? ` · HTTP ${failure.status}` : ''}: ${failure.message}`,
    ),
    onRetry
      ? h(
          'button',
          { type: 'button', class: 'button primary', on: { click: onRetry }, 'data-testid': 'retry' },
          t('status.retry'),
        )
      : null,
  );
}

export function emptyBlock(title: string, hint: string): HTMLElement {
  return h(
    'div',
    { class: 'status status-empty', role: 'status' },
    h('h2', { class: 'status-title' }, title),
    h('p', null, hint),
  );
}
