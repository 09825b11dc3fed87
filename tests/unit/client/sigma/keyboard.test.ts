import { describe, expect, it } from 'vitest';
import { mapKeyAction } from '../../../../client/src/sigma/keyboard';

describe('mapKeyAction', () => {
  it('pans a tenth of the view per arrow key, half with Shift, towards the arrow', () => {
    expect(mapKeyAction('ArrowRight')).toStrictEqual({ kind: 'pan', dx: 0.1, dy: 0 });
    expect(mapKeyAction('ArrowLeft')).toStrictEqual({ kind: 'pan', dx: -0.1, dy: 0 });
    expect(mapKeyAction('ArrowUp')).toStrictEqual({ kind: 'pan', dx: 0, dy: -0.1 });
    expect(mapKeyAction('ArrowDown', true)).toStrictEqual({ kind: 'pan', dx: 0, dy: 0.5 });
  });

  it('zooms with + and - (also = and the minus sign, unshifted on some layouts) and fits with 0', () => {
    for (const key of ['+', '=']) expect(mapKeyAction(key)).toStrictEqual({ kind: 'zoom', direction: 'in' });
    for (const key of ['-', '_', '−'])
      expect(mapKeyAction(key)).toStrictEqual({ kind: 'zoom', direction: 'out' });
    expect(mapKeyAction('0')).toStrictEqual({ kind: 'reset' });
  });

  it('leaves every other key to the page (Tab, Enter, letters)', () => {
    for (const key of ['Tab', 'Enter', ' ', 'a', 'Escape', '1']) expect(mapKeyAction(key)).toBeNull();
  });
});
