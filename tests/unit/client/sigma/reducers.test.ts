import { describe, expect, it } from 'vitest';
import { DIFF_COLORS, EDGE_COLOR, EDGE_HIGHLIGHT, FADED_NODE } from '../../../../client/src/sigma/palette';
import {
  EMPTY_MODEL,
  OUTLINE_TIE_SCALE,
  edgeSize,
  reduceEdge,
  reduceNode,
  tieView,
  type RenderModel,
} from '../../../../client/src/sigma/reducers';

const attrs = {
  name: 'A',
  kind: 'institution' as const,
  type: null,
  city: null,
  district: null,
  focus: [],
  refugeeLed: null,
  x: 1,
  y: 2,
};
const model: RenderModel = {
  ...EMPTY_MODEL,
  wave: 'post',
  colors: new Map([['a', '#0072B2']]),
  sizes: new Map([['a', 9]]),
};

describe('reduceNode', () => {
  it('draws the organization at its place, with its colour, size and kind’s shape', () => {
    expect(reduceNode(model, 'a', attrs)).toMatchObject({
      x: 1,
      y: 2,
      color: '#0072B2',
      size: 9,
      shape: 'square',
      label: 'A',
    });
  });

  it('fades organizations outside the filters or the hovered neighbourhood, never the spotlit one', () => {
    expect(reduceNode({ ...model, passes: new Set() }, 'a', attrs)).toMatchObject({
      color: FADED_NODE,
      labelVisibility: 'hidden',
    });
    const spotlit = reduceNode({ ...model, emphasis: new Set(['b']), spotlight: new Set(['a']) }, 'a', attrs);
    expect(spotlit).toMatchObject({ color: '#0072B2', labelVisibility: 'visible', highlighted: true });
  });

  it('outline focus (big maps): nothing fades, the neighbourhood is lifted above the rest', () => {
    const outline = { ...model, focus: 'outline' as const, spotlight: new Set(['b']) };
    const outside = reduceNode({ ...outline, emphasis: new Set(['b', 'c']) }, 'a', attrs);
    expect(outside).toMatchObject({ color: '#0072B2' });
    expect(outside.depth).toBeUndefined();
    expect(reduceNode({ ...outline, emphasis: new Set(['a', 'b']) }, 'a', attrs)).toMatchObject({
      color: '#0072B2',
      depth: 'topNodes',
    });
    const levels = { levels: { post: 2 } };
    const inside = reduceEdge({ ...outline, emphasis: new Set(['a', 'b']) }, levels, 'a', 'b');
    expect(inside).toMatchObject({ color: EDGE_HIGHLIGHT, opacity: 1, depth: 'topEdges' });
    expect(inside.size).toBeCloseTo(edgeSize(2) * OUTLINE_TIE_SCALE);
    // A tie away from the spotlight keeps its normal look (the fade focus would dim it to 0.08).
    expect(reduceEdge({ ...outline, emphasis: new Set(['a', 'b']) }, levels, 'c', 'd')).toMatchObject({
      color: EDGE_COLOR,
      opacity: 1,
      size: edgeSize(2),
    });
    expect(
      reduceEdge({ ...model, emphasis: new Set(['a', 'b']), spotlight: new Set(['b']) }, levels, 'c', 'd')
        .opacity,
    ).toBeCloseTo(0.08);
  });

  it('interpolates the size while a wave switch animates', () => {
    const switching = { ...model, previousWave: 'pre', previousSizes: new Map([['a', 3]]), progress: 0.5 };
    expect(reduceNode(switching, 'a', attrs).size).toBeCloseTo(6);
  });
});

describe('ties', () => {
  it('show in their wave only; fade in and out during a switch', () => {
    expect(tieView(model, { pre: 2 })).toMatchObject({ level: null, opacity: 0 });
    expect(tieView(model, { post: 2 })).toMatchObject({ level: 2, opacity: 1 });
    const half = { ...model, previousWave: 'pre', progress: 0.5 };
    expect(tieView(half, { pre: 2 }).opacity).toBeCloseTo(0.5);
    expect(tieView(half, { post: 2 }).opacity).toBeCloseTo(0.5);
  });

  it('take their diff colour in diff mode', () => {
    const diff = { ...model, diffFrom: 'pre' };
    expect(reduceEdge(diff, { levels: { post: 1 } }, 'a', 'b')).toMatchObject({
      color: DIFF_COLORS.added,
      visibility: 'visible',
    });
    expect(reduceEdge(diff, { levels: { pre: 1 } }, 'a', 'b')).toMatchObject({ color: DIFF_COLORS.removed });
    expect(reduceEdge(diff, { levels: { pre: 1, post: 3 } }, 'a', 'b')).toMatchObject({
      color: DIFF_COLORS.strengthened,
    });
  });

  it('hide below the minimum level and thicken with the level', () => {
    expect(reduceEdge({ ...model, minLevel: 3 }, { levels: { post: 2 } }, 'a', 'b')).toEqual({
      visibility: 'hidden',
    });
    expect(edgeSize(4)).toBeGreaterThan(edgeSize(1));
  });
});

describe('reduceEdge arrowheads', () => {
  const tie = { levels: { post: 2 } };

  it('gives a visible tie an arrow at its target in directed mode only', () => {
    expect(reduceEdge(model, tie, 'a', 'b', true).head).toBe('arrow');
    expect(reduceEdge(model, tie, 'a', 'b', false).head).toBeUndefined();
    expect(reduceEdge(model, tie, 'a', 'b').head).toBeUndefined();
  });

  it('draws nothing, arrow included, for a tie absent from the wave', () => {
    expect(reduceEdge(model, { levels: { pre: 2 } }, 'a', 'b', true)).toStrictEqual({ visibility: 'hidden' });
  });
});
