/**
 * (P) What the deployed nginx configuration promises: HTTP goes to HTTPS; behind it the instances see
 * HTTPS (X-Forwarded-Proto), so HSTS is sent and the session cookie is `__Host-` and Secure; the
 * client's address arrives last in X-Forwarded-For; /metrics is not reachable through the proxy but
 * is, with its token, on each instance.
 */
import { signIn } from '../accounts.js';
import { sleep } from '../processes.js';
import { scenario } from '../report.js';
import type { SignedInStack } from '../stack.js';

/** The metrics docs/deployment.md tells operators to watch. */
const DOCUMENTED_METRICS = [
  'samverkan_http_requests_total',
  'samverkan_http_request_duration_seconds',
  'samverkan_db_pool_connections',
  'samverkan_db_pool_idle_connections',
  'samverkan_db_pool_waiting_clients',
  'samverkan_job_runs_total',
  'samverkan_job_duration_seconds',
  'samverkan_pdf_queue_length',
  'samverkan_pdf_jobs_printing',
  'process_resident_memory_bytes',
];

export const proxyScenario = (stack: SignedInStack) =>
  scenario('P', 'reverse proxy: TLS, forwarded headers, /metrics closed', async (f) => {
    const http = stack.clientOf(stack.nginx.http);
    const redirect = await http.get('/program');
    f.figure('http://…/program', `${redirect.status} → ${redirect.headers.location ?? '(no Location)'}`);
    f.check(
      redirect.status === 301 && String(redirect.headers.location).startsWith('https://'),
      'plain HTTP should answer 301 to https://',
    );

    const browser = stack.clientOf(stack.nginx.https);
    const home = await browser.get('/');
    f.figure('HSTS', String(home.headers['strict-transport-security'] ?? 'absent'));
    f.check(home.headers['strict-transport-security'] !== undefined, 'no Strict-Transport-Security through nginx');
    await signIn(browser, stack.account);
    const names = [...browser.cookies.keys()];
    f.figure('session cookie through nginx', names.join(', ') || 'none');
    f.check(names.includes('__Host-samverkan'), 'the session cookie behind TLS should be __Host-samverkan');

    // The sign-in log names the address nginx appended (the client's), not one the client claimed.
    const spoofed = stack.clientOf(stack.nginx.https);
    await spoofed.request('/logga-in', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: stack.nginx.https,
        'x-forwarded-for': '203.0.113.7',
      },
      body: new URLSearchParams({ email: 'ingen@example.se', password: 'fel-lösenord' }).toString(),
    });
    await sleep(500); // the log lines may be written asynchronously
    const addresses = new Set(
      stack.instances
        .flatMap((i) => i.events())
        .filter((e) => e.event === 'sign_in.failed' && typeof e.address === 'string')
        .map((e) => String(e.address)),
    );
    f.figure('address logged for a failed sign-in', [...addresses].join(', ') || '(not logged)');
    f.check(addresses.has('127.0.0.1'), 'the failed sign-in should be logged with the address nginx appended');
    f.check(!addresses.has('203.0.113.7'), 'a client-supplied X-Forwarded-For was believed');

    const metrics = await stack.viaNginx.get('/metrics');
    f.figure('GET /metrics through nginx', metrics.status);
    f.check(metrics.status === 403, `/metrics through nginx answered ${metrics.status}, not 403`);
    const direct = stack.instances[0]!.client;
    const withToken = await direct.get('/metrics', { authorization: `Bearer ${stack.metricsToken}` });
    const without = await direct.get('/metrics');
    f.figure('GET /metrics on an instance', `with token ${withToken.status}, without ${without.status}`);
    f.check(withToken.status === 200, `/metrics with METRICS_TOKEN answered ${withToken.status}`);
    const missing = DOCUMENTED_METRICS.filter((name) => !withToken.body.includes(`# TYPE ${name} `));
    f.figure(
      'metrics the guide names',
      `${DOCUMENTED_METRICS.length - missing.length} of ${DOCUMENTED_METRICS.length} exposed`,
    );
    f.check(missing.length === 0, `/metrics lacks what docs/deployment.md names: ${missing.join(', ')}`);
    f.check(without.status === 401, `/metrics without a token answered ${without.status}, not 401`);
    f.headline = `301→https, __Host- cookie, /metrics ${metrics.status} via nginx`;
  });
