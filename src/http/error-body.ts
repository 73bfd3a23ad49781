import type { Context } from 'hono';

/** The operations endpoints (src/http/operations.ts) answer JSON, as the API does. */
const OPERATIONS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** The API and the operations endpoints answer errors as JSON; everything else as a page. */
export const wantsJson = (c: Context): boolean => c.req.path.startsWith('/api/') || OPERATIONS_PATHS.has(c.req.path);

/** JSON error body of the API: a stable code, a Swedish message, and the field problems if any. */
export const errorBody = (code: string, message: string, problems: { field: string; message: string }[] = []) => ({
  error: { code, message, ...(problems.length ? { problems } : {}) },
});
