import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { refreshPlan, sameExceptHighlight } from '../../../../client/src/sigma/highlight-refresh';
import { EMPTY_MODEL, reduceEdge, reduceNode, type RenderModel } from '../../../../client/src/sigma/reducers';

// a — b — c — d, and e — f apart; ties keyed by their ends.
const graph = new Graph({ type: 'undirected' });
['a', 'b', 'c', 'd', 'e', 'f'].forEach((id) => graph.addNode(id));
[
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'd'],
  ['e', 'f'],
].forEach(([s, t]) => graph.addEdgeWithKey(`${s}${t}`, s!, t!, { levels: { post: 2 } }));

const base: RenderModel = {
  ...EMPTY_MODEL,
  wave: 'post',
  colors: new Map([['a', '#0072B2']]),
  sizes: new Map([['a', 9]]),
  focus: 'outline',
};
const hovering = (id: string, partners: string[]): RenderModel => ({
  ...base,
  spotlight: new Set([id]),
  emphasis: new Set([id, ...partners]),
});

const sorted = (plan: ReturnType<typeof refreshPlan>): unknown =>
  plan.kind === 'partial' ? { nodes: [...plan.nodes].sort(), edges: [...plan.edges].sort() } : plan;

describe('refreshPlan', () => {
  it('outline focus, hovering an organization: its neighbourhood and its ties only', () => {
    expect(sorted(refreshPlan(base, hovering('b', ['a', 'c']), graph))).toEqual({
      nodes: ['a', 'b', 'c'],
      edges: ['ab', 'bc'],
    });
  });

  it('moving from one organization to another: both neighbourhoods and both sets of ties', () => {
    expect(sorted(refreshPlan(hovering('b', ['a', 'c']), hovering('e', ['f']), graph))).toEqual({
      nodes: ['a', 'b', 'c', 'e', 'f'],
      edges: ['ab', 'bc', 'ef'],
    });
  });

  it('leaving: the old neighbourhood returns to normal', () => {
    expect(sorted(refreshPlan(hovering('d', ['c']), base, graph))).toEqual({
      nodes: ['c', 'd'],
      edges: ['cd'],
    });
  });

  it('is the same whether maps are the same objects or equal copies (the app rebuilds them)', () => {
    const next = { ...hovering('b', ['a', 'c']), colors: new Map(base.colors), sizes: new Map(base.sizes) };
    expect(refreshPlan(base, next, graph).kind).toBe('partial');
    expect(refreshPlan(base, { ...base, sizes: new Map(base.sizes) }, graph)).toEqual({ kind: 'none' });
  });

  it('fade focus: every item fades, so a highlight change refreshes everything', () => {
    const fading = { ...base, focus: 'fade' as const };
    expect(refreshPlan(fading, { ...hovering('b', ['a', 'c']), focus: 'fade' }, graph)).toEqual({
      kind: 'full',
    });
  });

  it.each<[string, Partial<RenderModel>]>([
    ['wave', { wave: 'pre' }],
    ['diff', { diffFrom: 'pre' }],
    ['filter', { passes: new Set(['a']) }],
    ['minimum level', { minLevel: 2 }],
    ['colours', { colors: new Map([['a', '#E69F00']]) }],
    ['sizes', { sizes: new Map([['a', 10]]) }],
    ['labels', { labels: false }],
    ['placed labels', { placedLabels: new Set(['a']) }],
    ['switch progress', { previousWave: 'pre', progress: 0.5 }],
  ])('anything else changing with the highlight (%s) needs the full refresh', (_name, change) => {
    const next = { ...hovering('b', ['a', 'c']), ...change };
    expect(sameExceptHighlight(base, next)).toBe(false);
    expect(refreshPlan(base, next, graph)).toEqual({ kind: 'full' });
  });

  it('covers every item whose reduced look differs between the two models', () => {
    const before = hovering('b', ['a', 'c']);
    const after = hovering('e', ['f']);
    const plan = refreshPlan(before, after, graph);
    if (plan.kind !== 'partial') throw new Error('expected a partial refresh');
    const attrs = (id: string) => ({
      name: id,
      kind: 'ngo' as const,
      type: null,
      city: null,
      district: null,
      focus: [],
      refugeeLed: null,
      x: 0,
      y: 0,
    });
    const changedNodes = graph
      .nodes()
      .filter(
        (id) =>
          JSON.stringify(reduceNode(before, id, attrs(id))) !==
          JSON.stringify(reduceNode(after, id, attrs(id))),
      );
    const changedEdges = graph
      .edges()
      .filter(
        (edge) =>
          JSON.stringify(
            reduceEdge(
              before,
              graph.getEdgeAttributes(edge) as never,
              graph.source(edge),
              graph.target(edge),
            ),
          ) !==
          JSON.stringify(
            reduceEdge(after, graph.getEdgeAttributes(edge) as never, graph.source(edge), graph.target(edge)),
          ),
      );
    expect(changedNodes.length).toBeGreaterThan(0);
    expect(changedEdges.length).toBeGreaterThan(0);
    for (const node of changedNodes) expect(plan.nodes).toContain(node);
    for (const edge of changedEdges) expect(plan.edges).toContain(edge);
    // 'd' and 'cd' are outside both neighbourhoods: untouched.
    expect(plan.nodes).not.toContain('d');
    expect(plan.edges).not.toContain('cd');
  });
});
