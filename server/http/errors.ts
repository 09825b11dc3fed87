/**
 * Errors only the HTTP layer raises, in the same AppError hierarchy so the one error handler maps them:
 * a body or upload over its limit (413) and too many requests from one client (429).
 */
import { AppError } from '../errors.js';

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'payload_too_large';
}

export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly code = 'too_many_requests';
}

/** A request from a foreign web page that no allow-list entry admits. */
export class ForbiddenOriginError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden_origin';
}
