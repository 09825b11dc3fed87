/**
 * The same check as `client/scripts/check-locales.ts`, in the test suite: both catalogues have every
 * key with the same placeholders, and every literal key in the client source exists. Plus the keys the
 * code builds from closed sets (tabs, modes, levels, …), which a text scan cannot see.
 */
import { describe, expect, it } from 'vitest';
import { runLocaleCheck } from '../../../../../client/scripts/check-locales';
import { ANALYSIS_MODES, BROKERAGE_ROLES } from '../../../../../client/src/api/types';
import { CATALOGUES, lookup } from '../../../../../client/src/core/i18n';
import { COLOR_BY, LABEL_DENSITIES, LAYOUTS, TABS } from '../../../../../client/src/core/view';

describe('locale catalogues', () => {
  it('pass the locale check (no missing keys, same placeholders, no unknown keys in the code)', async () => {
    expect(await runLocaleCheck()).toEqual([]);
  });

  it('have every key the code builds from a closed set', () => {
    const keys = [
      ...TABS.map((tab) => `app.tabs.${tab}`),
      ...ANALYSIS_MODES.map((mode) => `mode.${mode}`),
      ...COLOR_BY.map((value) => `legend.colorBy.${value}`),
      ...LAYOUTS.map((value) => `controls.layouts.${value}`),
      ...LABEL_DENSITIES.map((value) => `controls.labelDensity.${value}`),
      ...[1, 2, 3, 4].map((level) => `level.${level}`),
      ...['added', 'removed', 'stable', 'strengthened', 'weakened'].map((change) => `legend.diff.${change}`),
      ...['ngo', 'institution'].map((kind) => `kind.${kind}`),
      ...BROKERAGE_ROLES.flatMap((role) => [`brokerage.${role}.name`, `brokerage.${role}.description`]),
      ...['grew', 'fell', 'same'].map((k) => `evidence.density.${k}`),
      'evidence.verdict.real',
      'evidence.verdict.chance',
      'evidence.meeting.more',
      'evidence.meeting.less',
      'evidence.crossSector.grew',
      'evidence.crossSector.fell',
      'evidence.qap.similar',
      'evidence.qap.different',
      'evidence.ties',
      'evidence.isolates',
    ];
    for (const [name, catalogue] of Object.entries(CATALOGUES)) {
      const missing = keys.filter((key) => lookup(catalogue, key) === undefined);
      expect(missing, `${name}.json`).toEqual([]);
    }
  });
});
