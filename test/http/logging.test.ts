import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/http/logging.js';
import { captureLog } from '../security/support.js';

/** The logger's censoring and scrubbing, whoever logs what (the request and security logs build on it). */
describe('the logger', () => {
  const SECRET = 'hemligt-värde';

  it('censors the redacted keys at any depth, in fields and in a child’s bindings', () => {
    const log = captureLog();
    const logger = createLogger({ level: 'info', destination: log });
    logger.child({ token: SECRET, who: { authorization: SECRET } }).info(
      {
        event: 'test',
        password: SECRET,
        newPassword: SECRET,
        form: { _csrf: SECRET, csrf: SECRET, csrfToken: SECRET, name: 'Anna' },
        headers: { cookie: SECRET, 'set-cookie': [SECRET], accept: 'text/html' },
        req: { headers: { authorization: `Bearer ${SECRET}`, cookie: SECRET } },
        res: { headers: { 'set-cookie': SECRET } },
      },
      'test',
    );
    expect(log.text()).not.toContain(SECRET);
    const [line] = log.lines();
    expect(line).toMatchObject({
      event: 'test',
      token: '[dolt]',
      who: { authorization: '[dolt]' },
      password: '[dolt]',
      newPassword: '[dolt]',
      form: { _csrf: '[dolt]', csrf: '[dolt]', csrfToken: '[dolt]', name: 'Anna' },
      headers: { cookie: '[dolt]', 'set-cookie': '[dolt]', accept: 'text/html' },
      req: { headers: { authorization: '[dolt]', cookie: '[dolt]' } },
      res: { headers: { 'set-cookie': '[dolt]' } },
    });
  });

  it('scrubs personal identity numbers and token-like runs from fields and the message; keeps the correlation id', () => {
    const log = captureLog();
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg';
    createLogger({ level: 'info', destination: log })
      .child({ requestId: 'req-12345678' })
      .info({ event: 'test', note: `pnr 19900101-1234, länk ${token}` }, `meddelande 199001011234 ${token}`);
    const [line] = log.lines();
    expect(line).toMatchObject({
      requestId: 'req-12345678',
      note: 'pnr [personnummer], länk [token]',
      msg: 'meddelande [personnummer] [token]',
    });
  });
});
