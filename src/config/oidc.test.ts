import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.js';
import { oidcSettings } from './oidc.js';

const OIDC = {
  OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  OIDC_CLIENT_ID: 'samverkan',
  OIDC_CLIENT_SECRET: 'hemlighet',
};

describe('OpenID Connect configuration', () => {
  it('is off when none of the variables is set (or they are empty)', () => {
    expect(oidcSettings(loadConfig({}))).toBeUndefined();
    expect(oidcSettings(loadConfig({ OIDC_ISSUER: '', OIDC_CLIENT_ID: '', OIDC_CLIENT_SECRET: '' }))).toBeUndefined();
  });

  it('registers PUBLIC_URL + /logga-in/oidc/tillbaka, by default at HOST:PORT', () => {
    expect(oidcSettings(loadConfig({ ...OIDC, HOST: '127.0.0.1', PORT: '8080' }))).toEqual({
      issuer: OIDC.OIDC_ISSUER,
      clientId: 'samverkan',
      clientSecret: 'hemlighet',
      displayName: 'organisationens konto',
      redirectUri: 'http://127.0.0.1:8080/logga-in/oidc/tillbaka',
    });
    const behindProxy = oidcSettings(
      loadConfig({ ...OIDC, PUBLIC_URL: 'https://samverkan.kommun.se/', OIDC_DISPLAY_NAME: 'Botkyrka kommuns konto' }),
    );
    expect(behindProxy?.redirectUri).toBe('https://samverkan.kommun.se/logga-in/oidc/tillbaka');
    expect(behindProxy?.displayName).toBe('Botkyrka kommuns konto');
  });

  it.each([
    [{ OIDC_ISSUER: OIDC.OIDC_ISSUER }, 'OIDC_CLIENT_ID'],
    [{ OIDC_ISSUER: OIDC.OIDC_ISSUER, OIDC_CLIENT_ID: 'x' }, 'OIDC_CLIENT_SECRET'],
    [{ OIDC_CLIENT_SECRET: 'x' }, 'OIDC_ISSUER'],
    [{ ...OIDC, OIDC_ISSUER: 'http://idp.kommun.se' }, 'OIDC_ISSUER'],
    [{ ...OIDC, OIDC_ISSUER: 'inte en adress' }, 'OIDC_ISSUER'],
    [{ ...OIDC, PUBLIC_URL: 'https://kommun.se/samverkan' }, 'PUBLIC_URL'],
    [{ ...OIDC, PUBLIC_URL: 'ftp://kommun.se' }, 'PUBLIC_URL'],
  ])('stops the boot for %j, naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('accepts plain HTTP only for a provider on this machine', () => {
    expect(oidcSettings(loadConfig({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:9000' }))?.issuer).toBe(
      'http://127.0.0.1:9000',
    );
  });
});
