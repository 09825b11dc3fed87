import { describe, expect, it } from 'vitest';
import { placeLabels, SPOTLIGHT_PRIORITY, type LabelCandidate } from '../../../../client/src/sigma/labels';

const label = (id: string, x: number, y: number, priority: number, width = 100): LabelCandidate => ({
  id,
  x,
  y,
  radius: 5,
  width,
  height: 14,
  priority,
});

describe('placeLabels', () => {
  const viewport = { width: 800, height: 600 };

  it('never lets two labels overlap, keeping the more important one', () => {
    const placed = placeLabels(
      [label('small', 100, 100, 1), label('big', 110, 104, 9), label('far', 400, 400, 1)],
      viewport,
      2,
    );
    expect([...placed].sort()).toEqual(['big', 'far']);
  });

  it('keeps labels that are only close, not overlapping', () => {
    const placed = placeLabels([label('a', 100, 100, 1), label('b', 100, 130, 1)], viewport, 2);
    expect(placed.size).toBe(2);
  });

  it('skips labels cut by the edge unless spotlit, and stops at the limit', () => {
    expect(placeLabels([label('edge', 750, 100, 5)], viewport, 0).size).toBe(0);
    expect(placeLabels([label('edge', 750, 100, SPOTLIGHT_PRIORITY)], viewport, 0).size).toBe(1);
    const many = Array.from({ length: 20 }, (_, i) => label(`n${i}`, 50, 20 + i * 25, i));
    expect(placeLabels(many, viewport, 1, 5).size).toBe(5);
  });
});
