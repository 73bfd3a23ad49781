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
  404: error('Programmet finns inte (not_found).'),
  409: error('Programmet är ett utkast och kan inte få beslut ännu (not_proposed).'),
  415: error('Uppgifterna skickades inte som JSON (unsupported_media_type).'),
  422: error('Uppgifterna innehåller fel (validation_failed, foreign_member); problems anger fälten.'),
  500: error('Oväntat fel (internal_error); svaret har ett correlationId.'),
} as const;
