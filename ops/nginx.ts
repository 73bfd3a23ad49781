/**
 * nginx with the deployment guide's own configuration (deploy/nginx/samverkan.conf), rendered for
 * loopback: the upstream's ports, the listen addresses, the certificate and the log paths are replaced,
 * nothing else. It runs with its own prefix in the suite's temp directory, never as the system service.
 */
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { onCleanup } from './cleanup.js';
import { isRoot, run, sleep, waitFor } from './processes.js';

export const DEPLOYED_CONFIG = 'deploy/nginx/samverkan.conf';

export interface RenderInput {
  upstreamPorts: number[];
  httpPort: number;
  httpsPort: number;
  certificate: string;
  key: string;
  logDir: string;
}

function replaceCounted(text: string, pattern: RegExp, replace: (...groups: string[]) => string, what: string) {
  let count = 0;
  const result = text.replace(pattern, (...match: string[]) => {
    count += 1;
    return replace(...match);
  });
  if (count === 0) throw new Error(`${DEPLOYED_CONFIG}: found no ${what} to fill in; has the file changed shape?`);
  return result;
}

/** The deployed configuration with the suite's ports, certificate and log paths. */
export function renderConfig(template: string, input: RenderInput): string {
  let text = template;
  // The upstream's servers: one line per instance of the suite, with the parameters of the first line.
  text = replaceCounted(
    text,
    /(upstream\s+samverkan\s*\{)([\s\S]*?)(\n\})/,
    (_all, open, body, close) => {
      const servers = [...body!.matchAll(/^([ \t]*)server\s+\S+(.*);[ \t]*$/gm)];
      if (servers.length === 0) throw new Error(`${DEPLOYED_CONFIG}: the upstream has no server lines.`);
      const [, indent, parameters] = servers[0]!;
      const lines = input.upstreamPorts.map((port) => `${indent}server 127.0.0.1:${port}${parameters};`).join('\n');
      let placed = false;
      const rest = body!.replace(/^([ \t]*)server\s+\S+(.*);[ \t]*\n?/gm, () =>
        placed ? '' : ((placed = true), `${lines}\n`),
      );
      return `${open}${rest}${close}`;
    },
    'upstream samverkan block',
  );
  text = text.replace(/^[ \t]*listen\s+\[::\]:\d+[^;]*;[ \t]*\n/gm, '');
  text = replaceCounted(
    text,
    /^([ \t]*)listen\s+80\b([^;]*);/gm,
    (_all, indent, rest) => `${indent}listen 127.0.0.1:${input.httpPort}${rest};`,
    'listen 80',
  );
  text = replaceCounted(
    text,
    /^([ \t]*)listen\s+443\b([^;]*);/gm,
    (_all, indent, rest) => `${indent}listen 127.0.0.1:${input.httpsPort}${rest};`,
    'listen 443',
  );
  text = replaceCounted(
    text,
    /^([ \t]*)ssl_certificate\s+[^\s;]+;/gm,
    (_all, indent) => `${indent}ssl_certificate ${input.certificate};`,
    'ssl_certificate',
  );
  text = replaceCounted(
    text,
    /^([ \t]*)ssl_certificate_key\s+[^\s;]+;/gm,
    (_all, indent) => `${indent}ssl_certificate_key ${input.key};`,
    'ssl_certificate_key',
  );
  text = replaceCounted(
    text,
    /^([ \t]*)(access_log|error_log)\s+[^\s;]+/gm,
    (_all, indent, directive) => `${indent}${directive} ${join(input.logDir, `${directive}.log`)}`,
    'access_log/error_log',
  );
  return text;
}

/** A self-signed certificate for 127.0.0.1 (and localhost), valid two days. */
export async function selfSignedCertificate(dir: string): Promise<{ certificate: string; key: string; pem: string }> {
  const certificate = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    certificate,
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  return { certificate, key, pem: readFileSync(certificate, 'utf8') };
}

/** Debian's nginx (or NGINX_BIN). */
export function nginxBinary(): string | undefined {
  if (process.env.NGINX_BIN) return existsSync(process.env.NGINX_BIN) ? process.env.NGINX_BIN : undefined;
  return ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path));
}

export interface Nginx {
  https: string;
  http: string;
  configFile: string;
  version: string;
  /** The certificate (PEM) clients check the HTTPS answers against. */
  pem: string;
  stop: () => Promise<void>;
}

/** Renders the deployed configuration into `dir`, checks it (`nginx -t`), starts nginx and waits for it. */
export async function startNginx(
  dir: string,
  input: Omit<RenderInput, 'logDir' | 'certificate' | 'key'>,
): Promise<Nginx> {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx not found.');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const temp = join(dir, 'temp');
  mkdirSync(temp, { recursive: true });
  // The workers run as www-data (nobody elsewhere) when nginx starts as root: they write request bodies here.
  chmodSync(temp, 0o777);
  const cert = await selfSignedCertificate(dir);
  const site = renderConfig(readFileSync(DEPLOYED_CONFIG, 'utf8'), {
    ...input,
    certificate: cert.certificate,
    key: cert.key,
    logDir: join(dir, 'logs'),
  });
  const siteFile = join(dir, 'samverkan.conf');
  writeFileSync(siteFile, site);
  const user = isRoot()
    ? `user ${/^www-data:/m.test(readFileSync('/etc/passwd', 'utf8')) ? 'www-data' : 'nobody'};\n`
    : '';
  const main = join(dir, 'nginx.conf');
  writeFileSync(
    main,
    `${user}worker_processes auto;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'main-error.log')} warn;
daemon off;
events { worker_connections 4096; }
http {
  ${existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : ''}
  default_type application/octet-stream;
  client_body_temp_path ${join(temp, 'client_body')};
  proxy_temp_path ${join(temp, 'proxy')};
  fastcgi_temp_path ${join(temp, 'fastcgi')};
  uwsgi_temp_path ${join(temp, 'uwsgi')};
  scgi_temp_path ${join(temp, 'scgi')};
  include ${siteFile};
}
`,
  );
  const errorLog = join(dir, 'logs', 'startup-error.log');
  const args = ['-p', dir, '-c', main, '-e', errorLog];
  const checked = await run(binary, ['-t', ...args], { allowFailure: true });
  if (checked.code !== 0) throw new Error(`nginx -t refused the rendered configuration:\n${checked.stderr}`);
  const version = /nginx\/(\S+)/.exec((await run(binary, ['-v'])).stderr)?.[1] ?? 'unknown';
  const out = openSync(join(dir, 'logs', 'stdout.log'), 'a');
  const child = spawn(binary, args, { stdio: ['ignore', out, out] });
  closeSync(out);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = onCleanup('nginx', async () => {
    if (exited) return;
    child.kill('SIGQUIT');
    await Promise.race([exit, sleep(5000)]);
    if (!exited) child.kill('SIGKILL');
    await exit;
  });
  const https = `https://127.0.0.1:${input.httpsPort}`;
  await waitFor(
    'nginx to listen',
    async () => {
      if (exited) throw new Error(`nginx exited: ${readFileSync(errorLog, 'utf8')}`);
      return (await canConnect(input.httpsPort)) ? true : undefined;
    },
    15_000,
  );
  return { https, http: `http://127.0.0.1:${input.httpPort}`, configFile: siteFile, version, stop, pem: cert.pem };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
