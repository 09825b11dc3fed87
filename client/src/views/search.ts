/**
 * Search box (ARIA combobox): Turkish-aware matching, arrow keys move through the results, Enter opens
 * the organization and centres the map on it, Escape clears. The input is created once and never
 * re-rendered, so typing is never interrupted; only the result list is redrawn.
 */
import { h, render } from '../components/dom';
import { focusCamera } from '../core/camera';
import { hover } from '../core/highlight';
import { localeStore, t } from '../core/i18n';
import { activeHit, clearSearch, moveActive, searchStore, setQuery } from '../core/search';
import { selectOrganization, setView } from '../core/view';
import { bind } from './bind';

export function mountSearch(): { element: HTMLElement; kill(): void } {
  const listId = 'search-results';
  const input = h('input', {
    type: 'search',
    id: 'search-input',
    class: 'search-input',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-controls': listId,
    'aria-expanded': 'false',
    'data-testid': 'search-input',
  });
  const label = h('label', { for: 'search-input', class: 'visually-hidden' });
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'search-results',
    'data-testid': 'search-results',
  });
  const element = h('div', { class: 'search', role: 'search' }, label, input, list);

  const pick = (id: string): void => {
    selectOrganization(id);
    setView({ tab: 'map' });
    focusCamera(id);
    hover(null);
    clearSearch();
    input.value = '';
  };

  input.addEventListener('input', () => setQuery(input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      moveActive(1);
      event.preventDefault();
    } else if (event.key === 'ArrowUp') {
      moveActive(-1);
      event.preventDefault();
    } else if (event.key === 'Enter') {
      const hit = activeHit();
      if (hit) pick(hit.id);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      clearSearch();
      input.value = '';
    }
  });
  input.addEventListener('blur', () => {
    // Let a click on a result land before the list closes.
    setTimeout(() => {
      if (!element.contains(document.activeElement)) hover(null);
    }, 150);
  });

  const draw = (): void => {
    const { query, hits, active } = searchStore.get();
    input.placeholder = t('search.placeholder');
    label.textContent = t('search.label');
    const open = query.trim() !== '';
    input.setAttribute('aria-expanded', String(open));
    list.hidden = !open;
    const activeHitId = hits[active]?.id;
    if (activeHitId) {
      input.setAttribute('aria-activedescendant', `search-hit-${activeHitId}`);
      hover(activeHitId);
    } else {
      input.removeAttribute('aria-activedescendant');
      if (open) hover(null);
    }
    render(
      list,
      open && hits.length === 0
        ? h('li', { class: 'search-empty', role: 'option', 'aria-disabled': 'true' }, t('search.none'))
        : null,
      hits.map((hit, index) =>
        h(
          'li',
          {
            id: `search-hit-${hit.id}`,
            role: 'option',
            class: 'search-hit',
            'aria-selected': String(index === active),
            'data-testid': 'search-hit',
            'data-id': hit.id,
            on: {
              mousedown: (event) => event.preventDefault(),
              click: () => pick(hit.id),
            },
          },
          hit.name,
        ),
      ),
    );
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  };
  const unbind = bind(element, [searchStore, localeStore], draw);
  return { element, kill: unbind };
}
