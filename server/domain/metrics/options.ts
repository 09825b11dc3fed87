/**
 * Checks of numeric options shared by the iterative metrics: a bad value is the caller's input error
 * (ValidationError naming the option), never a NaN in the results.
 */
import { ValidationError } from '../../errors.js';

export function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(`${name} must be a positive integer (got ${String(value)}).`, [
      { column: name, reason: `must be a positive integer, got ${String(value)}` },
    ]);
  }
  return value;
}

export function positiveNumber(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new ValidationError(`${name} must be a positive number (got ${String(value)}).`, [
      { column: name, reason: `must be a positive number, got ${String(value)}` },
    ]);
  }
  return value;
}

/** A number in the open interval (0, 1). */
export function openUnitInterval(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new ValidationError(`${name} must be between 0 and 1, exclusive (got ${String(value)}).`, [
      { column: name, reason: `must be in (0, 1), got ${String(value)}` },
    ]);
  }
  return value;
}
