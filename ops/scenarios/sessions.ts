/**
 * (1) A person signs in on one instance and goes on working on another: the session and its CSRF
 * token live in the database, not in a process. Directly against the instances (no proxy to hide
 * anything): sign in on instance 1, read "Mitt konto" on instance 2, post a form on instance 3 with
 * the CSRF token of a page instance 1 rendered, sign out on instance 2 and be signed out on instance 1;
 * and failed sign-ins spread over the instances lock the account on all of them.
 */
import { newAccount, signIn } from '../accounts.js';
import { createClient, csrfToken } from '../http-client.js';
import { scenario } from '../report.js';
import type { SignedInStack } from '../stack.js';

/** src/app/auth/sign-in.ts: failures per account within 15 minutes before it is locked. */
const MAX_FAILURES_PER_ACCOUNT = 5;

export const sessionsScenario = (stack: SignedInStack) =>
  scenario('1', 'sign in on one instance, continue on another', async (f) => {
    const [one, two, three] = stack.instances;
    const cookies = new Map<string, string>();
    // One cookie jar, three addresses: as a browser behind a load balancer that sends it anywhere.
    const on1 = createClient(one!.url, { cookies });
    const on2 = createClient(two!.url, { cookies });
    const on3 = createClient(three!.url, { cookies });
    const clients = [on1, on2, on3];
    try {
      await signIn(on1, stack.account);
      f.figure('signed in on', `${one!.name} (cookie ${[...cookies.keys()].join(', ')})`);

      const account = await on2.get('/konto');
      const named = account.body.includes(stack.account.name);
      f.figure(`GET /konto on ${two!.name}`, `${account.status}${named ? ', shows the account' : ''}`);
      f.check(account.status === 200 && named, `${two!.name} did not know the session (${account.status})`);

      const form = await on1.get('/konto/api-nycklar');
      const created = await on3.postForm('/konto/api-nycklar', {
        _csrf: csrfToken(form.body),
        name: 'sessionsprov',
        grant: 'admin',
      });
      f.figure(`form from ${one!.name} posted on ${three!.name}`, created.status);
      f.check(created.status === 201, `${three!.name} refused the form rendered by ${one!.name}: ${created.status}`);

      const page = await on2.get('/konto');
      const token = cookies.get('samverkan');
      const signedOut = await on2.postForm('/logga-ut', { _csrf: csrfToken(page.body) });
      f.figure(`sign out on ${two!.name}`, signedOut.status);
      // The jar dropped the cookie when signing out; the old token must not work anywhere either.
      const after = await one!.client.get('/konto', { cookie: `samverkan=${token}` });
      f.figure(`old session on ${one!.name} afterwards`, `${after.status} ${after.headers.location ?? ''}`.trim());
      f.check(after.status === 303, `${one!.name} still accepted the session ended on ${two!.name} (${after.status})`);

      // The sign-in throttle counts failures in the database: five wrong passwords spread over the
      // instances lock the account on all of them, the right password included.
      const plain = [one!, two!, three!].map((instance) => createClient(instance.url));
      clients.push(...plain);
      const locked = await newAccount(stack.cluster.url, plain[0]!, 'sparr');
      for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt++) {
        const wrong = await plain[attempt % 3]!.postForm('/logga-in', {
          email: locked.email,
          password: 'fel-lösenord-för-driftprovet',
        });
        if (wrong.status !== 401) f.check(false, `a wrong password answered ${wrong.status}, not 401`);
      }
      const right = await plain[2]!.postForm('/logga-in', { email: locked.email, password: locked.password });
      const throttled = right.status !== 303 && right.body.includes('För många misslyckade inloggningar');
      f.figure(
        `right password on ${three!.name} after ${MAX_FAILURES_PER_ACCOUNT} failures spread over 1, 2, 3`,
        `${right.status}${throttled ? ', refused: too many failed sign-ins' : ''}`,
      );
      f.check(throttled, `the sign-in throttle did not hold across instances (${right.status})`);
      f.headline = `signed in on 1, /konto on 2: ${account.status}, form on 3: ${created.status}, ended session: ${after.status}, throttle shared: ${throttled ? 'yes' : 'NO'}`;
    } finally {
      for (const client of clients) client.close();
    }
  });
