/**
 * The application's error hierarchy. Domain code and adapters throw these; exactly one HTTP
 * middleware maps them to status codes, and the CLI maps them to exit codes. Messages are meant
 * for users: they name the file/line/field or parameter at fault and never contain Cypher or stacks.
 */

/** One problem found in input: where it is and why it is wrong. */
export interface InputIssue {
  /** File name (e.g. `ties.csv`) or request part (`query`, `body`). */
  file?: string;
  /** 1-based line in the file, counting the header as line 1. */
  line?: number;
  /** Column name or query/body field. */
  column?: string;
  reason: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly details: unknown;

  constructor(message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Invalid input: HTTP 400, CLI exit 1. `issues` lists every problem found, not only the first. */
export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'invalid_input';
  readonly issues: InputIssue[];

  constructor(message: string, issues: InputIssue[] = []) {
    super(message, issues);
    this.issues = issues;
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = 'conflict';
}

/** The database (or another dependency) cannot be reached: HTTP 503 with Retry-After. */
export class UnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'unavailable';
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds = 5, details?: unknown) {
    super(message, details);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Formats one issue as `ties.csv:12 (level): level must be an integer from 1 to 4`. */
export function formatIssue(issue: InputIssue): string {
  const where = [issue.file, issue.line === undefined ? undefined : String(issue.line)]
    .filter((part) => part !== undefined)
    .join(':');
  const column = issue.column === undefined ? '' : ` (${issue.column})`;
  return `${where}${column}${where || column ? ': ' : ''}${issue.reason}`;
}
