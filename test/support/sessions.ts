import { resolveSession, startSession } from '../../src/app/auth/sessions.js';
import { addUser } from '../../src/app/auth/users.js';
import { repositories, type AppContext } from '../../src/app/context.js';

/** A signed-in person for tests: the cookie to send and the CSRF token forms must carry. */
export interface TestSession {
  email: string;
  token: string;
  csrf: string;
  cookie: string;
}

let counter = 0;

/**
 * Creates an account with one role (through the real use case) and a session for it, as a
 * sign-in would. `scope` is a member's SCB code or a network key where the role needs one.
 */
export async function sessionFor(
  ctx: AppContext,
  role: string,
  scope: { member?: string; network?: string } = {},
): Promise<TestSession> {
  const email = `${role.replace(/_/g, '-')}-${++counter}-${Date.now()}@test.invalid`;
  const userId = await addUser(ctx, { email, name: `Test ${role} ${counter}`, role, ...scope });
  const token = await startSession(repositories(ctx.storage.db, ctx.storage.dialect), ctx, userId);
  const signedIn = await resolveSession(ctx, token);
  return { email, token, csrf: signedIn!.csrfToken, cookie: `samverkan=${token}` };
}
