import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainErrorCode } from '../domain/errors.js';

/** The one place domain errors become HTTP statuses. */
export const statusOf: Record<DomainErrorCode, ContentfulStatusCode> = {
  not_found: 404,
  validation_failed: 422,
  not_proposable: 422,
  foreign_member: 422,
  not_a_draft: 409,
  not_proposed: 409,
  conflict: 409,
  rate_limited: 429,
  unauthenticated: 401,
  forbidden: 403,
};
