import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../../../../client/src/core/filters';
import { parseUrlState, reconcileView, serializeUrlState } from '../../../../../client/src/core/url';
import { DEFAULT_VIEW } from '../../../../../client/src/core/view';

describe('the view in the URL', () => {
  it('is empty for the default view', () => {
    expect(serializeUrlState({ view: DEFAULT_VIEW, filters: EMPTY_FILTERS, locale: null })).toBe('');
  });

  it('round-trips wave, diff, filters, selection, language and display choices', () => {
    const state = {
      view: {
        ...DEFAULT_VIEW,
        wave: 'post',
        diffFrom: 'pre',
        mode: 'reciprocated' as const,
        sizeBy: 'betweenness',
        colorBy: 'type' as const,
        layout: 'city' as const,
        labels: 'many' as const,
        tab: 'dashboard' as const,
        selected: 'ngo-006',
      },
      filters: {
        ...EMPTY_FILTERS,
        cities: ['Istanbul', 'Gaziantep'],
        kinds: ['ngo' as const],
        types: ['district_municipality'],
        focus: ['women'],
        minLevel: 3,
        communities: [0, 4],
        onlyIsolated: true,
      },
      locale: 'tr' as const,
    };
    const search = serializeUrlState(state);
    expect(search).toContain('lang=tr');
    expect(parseUrlState(search)).toEqual(state);
  });

  it('keeps a suggested pair (and selects its first organization)', () => {
    const parsed = parseUrlState('?pair=ngo-1,inst-2');
    expect(parsed.view.pair).toEqual(['ngo-1', 'inst-2']);
    expect(parsed.view.selected).toBe('ngo-1');
    expect(serializeUrlState(parsed)).toBe('?pair=ngo-1%2Cinst-2');
  });

  it('ignores what it cannot read instead of failing', () => {
    const parsed = parseUrlState(
      '?mode=sideways&level=9&kind=ngo,robot&community=x,2&lang=de&tab=nope&from=post&wave=post',
    );
    expect(parsed.view.mode).toBe('undirected');
    expect(parsed.view.tab).toBe('map');
    expect(parsed.view.diffFrom).toBeNull();
    expect(parsed.filters.minLevel).toBe(1);
    expect(parsed.filters.kinds).toEqual(['ngo']);
    expect(parsed.filters.communities).toEqual([2]);
    expect(parsed.locale).toBeNull();
  });

  it('is checked against the data once loaded', () => {
    const view = reconcileView(
      {
        ...DEFAULT_VIEW,
        wave: 'mid',
        diffFrom: 'post',
        selected: 'ghost',
        sizeBy: 'bogus',
        pair: ['a', 'ghost'],
      },
      { waves: ['pre', 'post'], organizations: (id) => id === 'a', nodeMetrics: ['degree', 'betweenness'] },
    );
    expect(view.wave).toBe('post');
    expect(view.diffFrom).toBeNull();
    expect(view.selected).toBeNull();
    expect(view.pair).toBeNull();
    expect(view.sizeBy).toBe('degree');
  });
});
