import type { Context } from 'hono';
import { notFound } from '../domain/errors.js';

/** The id in a path: digits that fit the integer column, or the page does not exist (`what` is named). */
export const idParam = (c: Context, name: string, what: string): number => {
  const id = c.req.param(name) ?? '';
  if (!/^\d{1,9}$/.test(id)) throw notFound(what);
  return Number(id);
};

/**
 * The posted form's own fields, to render it again with what the person wrote: absent fields (an
 * unchecked radio) as '', and every value of a repeated field (checkboxes) where `empty` has a list.
 */
export function postedValues<T extends Record<string, string | string[]>>(
  empty: T,
  posted: Record<string, string | string[]>,
): T {
  return Object.fromEntries(
    Object.entries(empty).map(([k, initial]) => {
      const v = posted[k];
      if (Array.isArray(initial)) return [k, v === undefined ? [] : Array.isArray(v) ? v : [v]];
      return [k, Array.isArray(v) ? (v.at(-1) ?? '') : (v ?? '')];
    }),
  ) as T;
}

/** A posted form: one string per field, or every value of a repeated field (checkboxes). */
export async function postedForm(c: Context): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? v : '',
    ]),
  );
}
