/**
 * Köprü's JSON format: the envelope, strict record shapes, the bundle's rules applied to the
 * records, and issues on the line where each offending record starts.
 */
import { describe, expect, it } from 'vitest';
import {
  jsonRecordLines,
  parseJsonDataset,
  serializeJsonDataset,
} from '../../../../server/domain/io/json-format.js';
import type { Dataset } from '../../../../server/domain/types.js';
import { ValidationError, type InputIssue } from '../../../../server/errors.js';

const dataset: Dataset = {
  info: { name: 'Küçük', synthetic: false },
  organizations: [
    { id: 'a', name: 'A', kind: 'ngo', focus: ['women'], refugeeLed: true, extra: { web: 'x' } },
    { id: 'b', name: 'B', kind: 'institution', focus: [], extra: { web: '' } },
  ],
  waves: [{ id: 'pre', label: 'Önce', date: '2020-01-01', description: 'ilk' }],
  ties: [{ source: 'a', target: 'b', wave: 'pre', level: 3, extra: {} }],
  events: [{ id: 'e', name: 'Toplantı', date: '2020-02-01', endDate: '2020-02-02' }],
  attendance: [{ organization: 'a', event: 'e' }],
  responses: [{ organization: 'a', wave: 'pre', status: 'responded' }],
};

function issues(text: string): InputIssue[] {
  try {
    parseJsonDataset('d.json', text);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

function document(mutate: (data: Record<string, unknown[]>) => void): string {
  const copy = JSON.parse(serializeJsonDataset(dataset));
  mutate(copy.dataset);
  return JSON.stringify(copy, null, 2);
}

describe('serializeJsonDataset / parseJsonDataset', () => {
  it('writes { type, version, dataset } and reads it back unchanged', () => {
    const text = serializeJsonDataset(dataset);
    expect(JSON.parse(text)).toMatchObject({ type: 'kopru-dataset', version: 1 });
    expect(parseJsonDataset('d.json', text)).toStrictEqual(dataset);
  });

  it('finds the line of every record, whatever the layout', () => {
    const text =
      '{"type":"kopru-dataset","version":1,\n"dataset":{"ties":[\n{"a":"[{"},\n  {"b":1}],\n"waves":[{}]}}';
    expect(Object.fromEntries(jsonRecordLines(text))).toStrictEqual({ ties: [3, 4], waves: [5] });
  });
});

describe('parseJsonDataset: problems', () => {
  it('not JSON, not ours, another version', () => {
    expect(issues('{"type": ')[0]).toMatchObject({
      file: 'd.json',
      reason: expect.stringMatching(/^not valid JSON: /),
    });
    expect(issues('{"nodes": []}')).toStrictEqual([
      {
        file: 'd.json',
        line: 1,
        reason:
          'not a Köprü dataset: the JSON must be { "type": "kopru-dataset", "version": 1, "dataset": … }',
      },
    ]);
    expect(issues('{"type": "kopru-dataset", "version": 2, "dataset": {}}')).toStrictEqual([
      {
        file: 'd.json',
        line: 1,
        column: 'version',
        reason: 'version 2 is not supported; this Köprü reads version 1',
      },
    ]);
  });

  it('a wrong type and an unknown field, on their records’ lines', () => {
    const text = document((data) => {
      (data.ties[0] as Record<string, unknown>).level = 'high';
      (data.organizations[1] as Record<string, unknown>).colour = 'red';
    });
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(issues(text)).toStrictEqual([
      {
        file: 'd.json',
        line: lineOf('"id": "b"') - 1,
        column: 'dataset.organizations.1',
        reason: 'Unrecognized key: "colour"',
      },
      {
        file: 'd.json',
        line: lineOf('"source": "a"') - 1,
        column: 'dataset.ties.0.level',
        reason: 'must be a number',
      },
    ]);
  });

  it('the bundle’s rules: unknown references and levels out of range, on their records’ lines', () => {
    const text = document((data) => {
      (data.ties[0] as Record<string, unknown>).level = 9;
      (data.responses[0] as Record<string, unknown>).wave = 'post';
    });
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    expect(issues(text)).toStrictEqual([
      {
        file: 'd.json',
        line: lineOf('"source": "a"') - 1,
        column: 'level',
        reason: 'level must be an integer from 1 to 4, not "9"',
      },
      {
        file: 'd.json',
        line: lineOf('"status": "responded"') - 3,
        column: 'wave',
        reason: 'unknown wave "post" (not in d.json)',
      },
    ]);
  });
});
