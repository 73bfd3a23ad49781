import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface GracefulClose {
  /** Requests being answered now. */
  inFlight(): number;
  /**
   * Stops accepting connections, closes the idle keep-alive ones at once and each other one as soon as its
   * request is answered (`Connection: close`); requests under way, and those already sent on an open
   * connection, are still answered. After `timeoutMs` every connection left is closed. Resolves once all
   * are: with the number of requests that were cut off by the time limit (0 when all finished).
   */
  close(timeoutMs: number): Promise<{ cut: number }>;
}

/** Tracks the requests of `server` (from now on) so that it can be closed without cutting them off. */
export function gracefulClose(server: Server): GracefulClose {
  const answering = new Set<ServerResponse>();
  let closing = false;

  const lastOnItsConnection = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };

  // Prepended: the app's listener may answer synchronously, and the header must be set before it does.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    answering.add(res);
    if (closing) lastOnItsConnection(res);
    res.once('close', () => answering.delete(res));
    // A response whose headers went out before the close began left its connection open and idle.
    res.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    inFlight: () => answering.size,
    close(timeoutMs) {
      closing = true;
      for (const res of answering) lastOnItsConnection(res);
      return new Promise((resolve) => {
        let cut = 0;
        const timer = setTimeout(() => {
          cut = answering.size;
          server.closeAllConnections();
        }, timeoutMs);
        server.close(() => {
          clearTimeout(timer);
          resolve({ cut });
        });
        server.closeIdleConnections();
      });
    },
  };
}
