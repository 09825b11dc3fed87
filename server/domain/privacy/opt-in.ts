/**
 * Reads the `public_name` opt-in column of organizations.csv (kept, like every extra column, in
 * `Organization.extra`). Not opted in is the default: an empty or missing value is `false`, so an
 * organization's name is published only when someone wrote `true` for it.
 */
import { ValidationError, type InputIssue } from '../../errors.js';
import type { Organization } from '../types.js';
import { PUBLIC_NAME_COLUMN } from './attribute-schema.js';

const TRUE_VALUES = new Set(['true', 'doğru', 'dogru', 'evet', 'yes']);
const FALSE_VALUES = new Set(['false', 'yanlış', 'yanlis', 'hayır', 'hayir', 'no', '']);

/** The organizations' opt-in flags by id; every unreadable value is reported, nothing half-read. */
export function readOptIns(organizations: readonly Organization[]): Map<string, boolean> {
  const flags = new Map<string, boolean>();
  const issues: InputIssue[] = [];
  for (const org of organizations) {
    const raw = org.extra[PUBLIC_NAME_COLUMN];
    const value = (raw ?? '').trim().toLocaleLowerCase('tr');
    if (TRUE_VALUES.has(value)) flags.set(org.id, true);
    else if (FALSE_VALUES.has(value)) flags.set(org.id, false);
    else {
      issues.push({
        file: 'organizations.csv',
        column: PUBLIC_NAME_COLUMN,
        reason: `organization "${org.id}": must be true or false, not "${raw ?? ''}"`,
      });
    }
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `Cannot publish: ${issues.length} organization(s) have an unreadable ${PUBLIC_NAME_COLUMN} value`,
      issues,
    );
  }
  return flags;
}
