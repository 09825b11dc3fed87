/**
 * Loads the NetworkX reference fixtures of tests/fixtures/reference/metrics (written by
 * tests/fixtures/reference/scripts/metrics_reference.py; see its docblock for versions, command and
 * conventions) and turns each into a graphology graph like the ones build-wave-graph makes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import type { AnalysisMode } from '../../../../server/domain/types.js';

export const REFERENCE_DIR = fileURLToPath(new URL('../../../fixtures/reference/metrics/', import.meta.url));

export interface ReferenceCase {
  weighted: boolean;
  groupBy: string;
  network: Record<string, number | boolean | null>;
  groups: { eiIndex: Record<string, number | null> };
  nodes: Record<string, Record<string, number>>;
  modularity?: { louvain: number; louvainCommunities: number; greedy: number };
  partition?: { membership: Record<string, string | number>; modularity: number };
}

export interface ReferenceFixture {
  name: string;
  description: string;
  directed: boolean;
  nodes: ({ id: string } & Record<string, unknown>)[];
  edges: { source: string; target: string; level: number }[];
  cases: ReferenceCase[];
}

export function loadFixture(name: string): ReferenceFixture {
  return JSON.parse(readFileSync(`${REFERENCE_DIR}${name}.json`, 'utf8')) as ReferenceFixture;
}

export function fixtureNames(): string[] {
  return readdirSync(REFERENCE_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/** The fixture's graph; `mode` says which analysis mode it stands for. */
export function fixtureGraph(fixture: ReferenceFixture): Graph {
  const graph = new Graph({ type: fixture.directed ? 'directed' : 'undirected', multi: false });
  for (const { id, ...attributes } of fixture.nodes) graph.addNode(id, attributes);
  for (const { source, target, level } of fixture.edges) graph.addEdge(source, target, { level });
  return graph;
}

export function fixtureMode(fixture: ReferenceFixture): AnalysisMode {
  if (fixture.directed) return 'directed';
  return fixture.name.endsWith('-reciprocated') ? 'reciprocated' : 'undirected';
}

/** 1e-6, the agreement asked of every metric (DATA-FORMAT.md §3: "checked against NetworkX"). */
export const TOLERANCE = 1e-6;

export interface LoadedCase {
  /** `<fixture> binary|weighted`, for test titles. */
  name: string;
  fixture: ReferenceFixture;
  graph: Graph;
  mode: AnalysisMode;
  weighted: boolean;
  reference: ReferenceCase;
}

/** Every case of the named fixtures (default: all), each with its graph. */
export function loadCases(names: string[] = fixtureNames()): LoadedCase[] {
  return names.flatMap((name) => {
    const fixture = loadFixture(name);
    const graph = fixtureGraph(fixture);
    return fixture.cases.map((reference) => ({
      name: `${name} ${reference.weighted ? 'weighted' : 'binary'}`,
      fixture,
      graph,
      mode: fixtureMode(fixture),
      weighted: reference.weighted,
      reference,
    }));
  });
}

/** The expected values of one node metric, by node id. */
export function nodeColumn(reference: ReferenceCase, key: string): Record<string, number> {
  return Object.fromEntries(Object.entries(reference.nodes).map(([id, row]) => [id, row[key]!]));
}

/**
 * Entries where `actual` differs from `expected` by more than `tolerance` (or is missing, or null
 * where a number is expected): an empty list means they agree, and a failure names every culprit.
 */
export function mismatches(
  actual: Readonly<Record<string, number | null | undefined>>,
  expected: Readonly<Record<string, number | null>>,
  tolerance = TOLERANCE,
): string[] {
  const wrong: string[] = [];
  for (const [key, want] of Object.entries(expected)) {
    const got = actual[key];
    const ok =
      want === null
        ? got === null
        : typeof got === 'number' && Number.isFinite(got) && Math.abs(got - want) <= tolerance;
    if (!ok) wrong.push(`${key}: got ${String(got)}, expected ${String(want)}`);
  }
  for (const key of Object.keys(actual)) if (!(key in expected)) wrong.push(`${key}: unexpected`);
  return wrong;
}
