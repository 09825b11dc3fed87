/**
 * The evaluation report on the demo and on a hostile dataset: every section is there in order, the numbers
 * are analyseChange's to the last digit, the document references nothing outside itself, every string
 * from the data is escaped, and both languages render from the same model.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseChange } from '../../../../server/domain/analysis/index.js';
import {
  buildReportModel,
  renderReport,
  renderReportModel,
  reportFileName,
  type ReportModel,
} from '../../../../server/domain/report/index.js';
import { createTranslator } from '../../../../server/domain/report/i18n.js';
import type { Dataset } from '../../../../server/domain/types.js';
import { PROJECT_ROOT } from '../../../../server/config.js';
import { readBundleFolder } from '../../../../server/files/read-bundle.js';
import { NotFoundError, ValidationError } from '../../../../server/errors.js';
import { EVIL_URL, hostileDataset, SCRIPT_NAME } from './hostile.js';

const SECTION_IDS = [
  'summary',
  'maps',
  'diff',
  'metrics',
  'cross-sector',
  'brokers',
  'isolated',
  'charts',
  'non-response',
  'methods',
];

const TAGS = new Set(
  (
    'html head meta title style body div header p h1 h2 h3 h4 dl dt dd nav ol ul li a main section span ' +
    'strong table caption thead tbody tr th td figure figcaption svg g line circle rect text path code footer'
  ).split(' '),
);

/** Every tag and attribute of the document that is not on the report's allowlist. */
export function unsafeMarkup(document: string): string[] {
  const body = document.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  const problems: string[] = [];
  for (const match of body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const tag = match[1]!.toLowerCase();
    if (!TAGS.has(tag)) problems.push(`tag <${tag}>`);
    const attributes = match[2]!;
    for (const attribute of attributes.matchAll(/([a-zA-Z][a-zA-Z0-9:-]*)\s*=\s*"([^"]*)"/g)) {
      const name = attribute[1]!.toLowerCase();
      const value = attribute[2]!;
      if (name.startsWith('on') || ['src', 'srcset', 'style', 'xlink:href', 'action'].includes(name))
        problems.push(`attribute ${name} on <${tag}>`);
      if (name === 'href' && !value.startsWith('#')) problems.push(`href ${value}`);
    }
    const rest = attributes.replace(/([a-zA-Z][a-zA-Z0-9:-]*)\s*=\s*"[^"]*"/g, '').trim();
    if (rest !== '' && rest !== '/') problems.push(`unquoted attribute text "${rest}" on <${tag}>`);
  }
  return problems;
}

/** References that would make a browser fetch something: URLs, src=, @import, url() other than data:. */
export function externalReferences(document: string): string[] {
  const patterns = [
    /https?:\/\//gi,
    /\bsrc\s*=/gi,
    /@import/gi,
    /url\((?!\s*['"]?data:)/gi,
    /<script/gi,
    /<link/gi,
  ];
  return patterns.flatMap((pattern) => [...document.matchAll(pattern)].map((m) => m[0]));
}

function metricRows(document: string): Map<string, { from: number; to: number; change: number }> {
  const rows = new Map<string, { from: number; to: number; change: number }>();
  const pattern =
    /<tr\s+data-metric="([^"]+)"\s+data-from="([^"]*)"\s+data-to="([^"]*)"\s+data-change="([^"]*)"/g;
  for (const match of document.matchAll(pattern)) {
    rows.set(match[1]!, { from: Number(match[2]), to: Number(match[3]), change: Number(match[4]) });
  }
  return rows;
}

let demo: Dataset;
let model: ReportModel;
let english: string;
let turkish: string;

beforeAll(async () => {
  demo = await readBundleFolder(path.join(PROJECT_ROOT, 'data', 'demo'));
  model = buildReportModel(demo, { from: 'pre', to: 'post', permutations: 1000 });
  english = renderReportModel(model);
  turkish = renderReportModel({ ...model, lang: 'tr' });
});

describe('report of the demo', () => {
  it('has every section, in order, after the synthetic-data banner', () => {
    const positions = SECTION_IDS.map((id) => english.indexOf(`<section id="${id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const banner = english.indexOf('id="synthetic-banner"');
    expect(banner).toBeGreaterThan(0);
    expect(banner).toBeLessThan(english.indexOf('<h1>'));
    expect(english).toContain('SYNTHETIC DATA — NOT A REAL EVALUATION');
    for (const id of ['map-from', 'map-to', 'map-diff', 'chart-degree', 'chart-density', 'chart-ei']) {
      const kind = id.startsWith('map') ? 'map' : 'chart';
      expect(english).toMatch(new RegExp(`<svg\\s+class="${kind}"\\s+id="${id}"`));
    }
    expect(english).toContain('id="chart-meeting-all"');
  });

  it('shows the numbers of analyseChange, to the last digit', () => {
    const change = analyseChange(demo, { from: 'pre', to: 'post', permutations: 1000 });
    const rows = metricRows(english);
    expect([...rows.keys()]).toEqual(Object.keys(change.network));
    for (const [key, value] of Object.entries(change.network)) {
      expect({ key, ...rows.get(key) }).toEqual({
        key,
        from: value.from,
        to: value.to,
        change: value.change,
      });
    }
    expect(english).toMatch(
      new RegExp(`data-correlation="${change.qap.correlation}"\\s+data-p="${change.qap.pValue}"`),
    );
    // The headline quotes the density test with the report's formatting.
    const t = createTranslator('en');
    const [low, high] = change.densityTest.ci95!;
    const headline = /<p class="headline" id="headline">([\s\S]*?)<\/p>/.exec(english)![1]!;
    expect(headline).toContain('Cooperation grew');
    expect(headline).toContain(`${t.signed(low, 4)} to ${t.signed(high, 4)}`);
    expect(headline).toContain(
      t.percent(
        (change.network.density!.to! - change.network.density!.from!) / change.network.density!.from!,
        1,
        true,
      ),
    );
    expect(headline).toContain(`p = ${t.pValue(change.densityTest.pValue)}`);
    // Meeting effect of the consultation meetings, from the same rows.
    const consultation = change.meetingEffect.find(
      (r) => r.eventType === 'consultation_meeting' && r.scope === 'all',
    )!;
    expect(english).toContain(`formed a new tie ${t.number(consultation.rateRatio, 1)} times as often`);
    expect(english).toContain(
      `Ties between NGOs and public institutions: ${change.crossSectorTies.from} → ${change.crossSectorTies.to}`,
    );
  });

  it('lists brokers, isolated NGOs with suggestions and the non-response checks', () => {
    expect(model.brokers.length).toBeGreaterThanOrEqual(8);
    const top = model.brokers[0]!;
    expect(english).toContain(`<tr data-id="${top.id}">`);
    const isolates = model.isolation.organizations.filter((o) => o.kind === 'ngo' && o.degree === 0);
    expect(isolates.length).toBeGreaterThan(0);
    for (const org of isolates) expect(english).toContain(`<div class="card" data-id="${org.id}">`);
    expect(english).toContain('Could be introduced to:');
    expect(model.robustness.map((r) => r.treatment)).toEqual([
      'as-reported',
      'union',
      'reciprocated',
      'drop-non-respondents',
    ]);
    expect(english).toMatch(/<tr\s+data-treatment="drop-non-respondents"\s*>/);
    expect(model.robustness[3]!.organizations).toBe(102);
  });

  it('references nothing outside itself', () => {
    expect(externalReferences(english)).toEqual([]);
    expect(externalReferences(turkish)).toEqual([]);
    expect(unsafeMarkup(english)).toEqual([]);
    expect(english).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(english).toContain('@media print');
    expect(english).toContain('break-before: page');
  });

  it('renders in Turkish from the same model, with Turkish number formats', () => {
    expect(english).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(turkish).toMatch(/^<!doctype html>\n<html lang="tr">/);
    expect(turkish).toContain('<h2>Özet</h2>');
    expect(turkish).toContain('SENTETİK VERİ');
    expect(turkish).toContain('İşbirliği arttı');
    const density = model.change.network.density!;
    expect(turkish).toContain(createTranslator('tr').number(density.to, 4));
    expect(turkish).toContain('0,0343');
    expect(english).toContain('0.0343');
    expect(turkish).not.toContain('Cooperation grew');
  });

  it('is deterministic: the same data and options give the same file', () => {
    const again = renderReport(demo, { from: 'pre', to: 'post', permutations: 1000 });
    expect(again).toBe(english);
  });

  it('applies a non-response treatment to the whole report', () => {
    const dropped = buildReportModel(demo, {
      from: 'pre',
      to: 'post',
      permutations: 200,
      treatment: 'drop-non-respondents',
    });
    expect(dropped.organizations.size).toBe(102);
    expect(dropped.change.network.nodes!.to).toBe(102);
    expect(renderReportModel(dropped)).toContain('<dd>respondents only</dd>');
  });
});

describe('report of a hostile dataset', () => {
  const document = renderReport(hostileDataset(), { from: 'w1', to: 'w<2>', permutations: 200 });
  const turkishDocument = renderReport(hostileDataset(), {
    from: 'w1',
    to: 'w<2>',
    permutations: 200,
    lang: 'tr',
  });

  it('escapes every string from the data', () => {
    for (const doc of [document, turkishDocument]) {
      expect(unsafeMarkup(doc)).toEqual([]);
      expect(doc).not.toContain('<script');
      expect(doc).not.toContain('<iframe');
      expect(doc).not.toContain('<marquee');
      expect(doc).not.toContain('<img');
      expect(doc).not.toContain('<svg onload');
      // Exactly one style element, holding only the report's own CSS.
      expect(doc.match(/<style>/g)).toHaveLength(1);
      expect(/<style>([\s\S]*?)<\/style>/.exec(doc)![1]).not.toContain('evil');
    }
    expect(document).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; Derneği');
    expect(document).toContain('<h1>&lt;script&gt;document.write(&quot;x&quot;)&lt;/script&gt; dataset</h1>');
    expect(document).toContain('“&lt;b&gt;Before&lt;/b&gt;”');
    expect(document).toContain('Ayşe &amp; &quot;Partners&quot; &#39;Vakfı&#39;');
    expect(document).toContain('--to w&lt;2&gt;');
    expect(document).not.toContain(SCRIPT_NAME);
  });

  it('keeps the URLs in names as inert text', () => {
    // The only occurrences of the URL are escaped text, never an attribute value a browser would fetch.
    for (const match of document.matchAll(new RegExp(EVIL_URL.replace(/[.]/g, '\\.'), 'g'))) {
      const before = document.slice(Math.max(0, match.index - 12), match.index);
      expect(before).not.toMatch(/(src|href)="$/);
    }
    expect(document).not.toContain('<a href="https');
  });

  it('has no synthetic banner for real data', () => {
    expect(document).not.toContain('id="synthetic-banner"');
    expect(document).toContain('Köprü evaluation report');
  });
});

describe('report options', () => {
  const dataset = hostileDataset();

  it('rejects equal waves, an unknown wave, language, mode or treatment', () => {
    expect(() => renderReport(dataset, { from: 'w1', to: 'w1' })).toThrow(ValidationError);
    expect(() => renderReport(dataset, { from: 'w1', to: 'w9' })).toThrow(NotFoundError);
    expect(() => renderReport(dataset, { from: 'w1', to: 'w<2>', lang: 'de' as never })).toThrow(/lang/);
    expect(() => renderReport(dataset, { from: 'w1', to: 'w<2>', mode: 'mixed' as never })).toThrow(/mode/);
    expect(() => renderReport(dataset, { from: 'w1', to: 'w<2>', treatment: 'x' as never })).toThrow(
      /treatment/,
    );
    expect(() => renderReport(dataset, { from: 'w1', to: 'w<2>', permutations: 0 })).toThrow(/permutations/);
  });

  it('renders a network without ties, events, institutions or wave dates', () => {
    const bare: Dataset = {
      ...dataset,
      waves: dataset.waves.map((wave) => ({ ...wave, date: '' })),
      organizations: dataset.organizations.filter((o) => o.kind === 'ngo'),
      ties: [],
      events: [],
      attendance: [],
      responses: [],
    };
    const doc = renderReport(bare, { from: 'w1', to: 'w<2>', permutations: 50, mode: 'directed' });
    expect(doc).toContain('Cooperation did not change');
    expect(doc).toContain('No organization links two others');
    expect(doc).not.toContain('()');
    expect(unsafeMarkup(doc)).toEqual([]);
  });

  it('names the file from the waves and language, safely', () => {
    expect(reportFileName('pre', 'post', 'tr')).toBe('kopru-report-pre-post-tr.html');
    expect(reportFileName('../ön"anket', 'w<2>')).toBe('kopru-report-on-anket-w-2-en.html');
  });
});
