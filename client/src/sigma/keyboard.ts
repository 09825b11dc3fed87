/**
 * Keys of the focused map: arrows pan by a tenth of the view (a half with Shift), + and - zoom, 0
 * fits the whole network. Pure, so the mapping is tested without a browser.
 */
export type MapKeyAction =
  { kind: 'pan'; dx: number; dy: number } | { kind: 'zoom'; direction: 'in' | 'out' } | { kind: 'reset' };

const STEP = 0.1;
const BIG_STEP = 0.5;

/**
 * The action for a KeyboardEvent.key, or null for keys the map leaves alone. `dx`/`dy` are fractions
 * of the view's width and height: ArrowRight shows what lies to the right (the content moves left).
 */
export function mapKeyAction(key: string, shift = false): MapKeyAction | null {
  const step = shift ? BIG_STEP : STEP;
  switch (key) {
    case 'ArrowLeft':
      return { kind: 'pan', dx: -step, dy: 0 };
    case 'ArrowRight':
      return { kind: 'pan', dx: step, dy: 0 };
    case 'ArrowUp':
      return { kind: 'pan', dx: 0, dy: -step };
    case 'ArrowDown':
      return { kind: 'pan', dx: 0, dy: step };
    case '+':
    case '=':
      return { kind: 'zoom', direction: 'in' };
    case '-':
    case '_':
    case '−':
      return { kind: 'zoom', direction: 'out' };
    case '0':
      return { kind: 'reset' };
    default:
      return null;
  }
}
