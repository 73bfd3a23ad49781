import type { ZodType } from 'zod';
import { ErrorResponse } from './schemas.js';

/** OpenAPI response entries shared by the routes; every error answers with the one error schema. */
export const json = <S extends ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const error = (description: string) => json(ErrorResponse, description);

export const errors = {
  400: error('Förfrågan är inte giltig JSON (invalid_json).'),
  401: {
    ...error(
      'Inte inloggad, eller API-nyckeln är ogiltig eller återkallad (unauthenticated). Svaret har WWW-Authenticate: Bearer.',
    ),
    headers: { 'WWW-Authenticate': { description: 'Bearer realm="samverkan"', schema: { type: 'string' } } },
  },
  403: error('Nyckelns (eller den inloggades) roll ger inte rätt att göra det här (forbidden).'),
  404: error('Programmet finns inte (not_found).'),
  409: error('Programmet är ett utkast och kan inte få beslut ännu (not_proposed).'),
  415: error('Uppgifterna skickades inte som JSON (unsupported_media_type).'),
  422: error('Uppgifterna innehåller fel (validation_failed, foreign_member); problems anger fälten.'),
  500: error('Oväntat fel (internal_error); svaret har ett correlationId.'),
} as const;

/**
 * The 401 of a public read: reading needs no key, but a request that sends `Authorization` with a key that
 * is not valid is refused before any route runs (src/http/api-token.ts).
 */
export const invalidToken = {
  ...error(
    'Förfrågan skickade en API-nyckel som är ogiltig eller återkallad (unauthenticated). Att läsa kräver ingen ' +
      'nyckel: utelämna Authorization eller skicka en giltig nyckel. Svaret har WWW-Authenticate: Bearer.',
  ),
  headers: errors[401].headers,
} as const;

/** The OpenAPI security scheme of API tokens: `Authorization: Bearer sv_…`. */
export const API_TOKEN_SCHEME = 'apiToken';

export const apiTokenSecurityScheme = {
  type: 'http',
  scheme: 'bearer',
  description:
    'En API-nyckel som börjar med `sv_`, skickad som `Authorization: Bearer sv_…`. Nyckeln skapas i webben under ' +
    'Mitt konto → API-nycklar, visas en enda gång och har en av den inloggades roller. En ogiltig eller återkallad ' +
    'nyckel ger 401 (unauthenticated); en roll som inte räcker ger 403 (forbidden).',
} as const;
