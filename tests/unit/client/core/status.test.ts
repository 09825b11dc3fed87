import { describe, expect, it } from 'vitest';
import {
  dataOf,
  failed,
  IDLE,
  isSettled,
  loading,
  ready,
  type Failure,
} from '../../../../client/src/core/status';

const failure: Failure = {
  kind: 'unavailable',
  status: 503,
  code: 'unavailable',
  message: 'down',
  retryAfter: 5,
};

describe('Status', () => {
  it('keeps what was shown through a reload and a failure', () => {
    const first = ready([1, 2]);
    const reloading = loading(first);
    const broken = failed(failure, reloading);
    expect(dataOf(reloading)).toEqual([1, 2]);
    expect(broken).toEqual({ status: 'error', error: failure, previous: [1, 2] });
    expect(dataOf(broken)).toEqual([1, 2]);
  });

  it('has no data when idle or failing from nothing', () => {
    expect(dataOf(IDLE)).toBeNull();
    expect(dataOf(failed(failure, undefined))).toBeNull();
    expect(isSettled(IDLE)).toBe(false);
    expect(isSettled(ready(1))).toBe(true);
  });
});
