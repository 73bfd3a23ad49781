/**
 * The start part's baseline (bench/start.bench.ts): a bare Node HTTP server, plain JavaScript without
 * dependencies, on the HOST and PORT the app would use. It answers 200 on /healthz and on the
 * indicator pages (/nyckeltal/<key>) and 404 elsewhere. Node's own start time and memory: the
 * denominator of the part's ratios, so its figures compare between machines.
 */
import { createServer } from 'node:http';

const page = '<!doctype html><html lang="sv"><title>Nyckeltal</title><p>Baslinje</p></html>';
const server = createServer((request, response) => {
  if (request.url === '/healthz') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  } else if (request.url?.startsWith('/nyckeltal/')) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  } else {
    response.writeHead(404).end();
  }
});
server.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
