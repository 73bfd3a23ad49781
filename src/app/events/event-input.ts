/**
 * An event and its parts as the forms (all text) send them. Each field parses on its own
 * (parseEachField), so every problem shows at once; rules that span fields are checked after.
 */
import { z } from 'zod';
import {
  EVENT_KINDS,
  EVENT_LIMITS,
  EVENT_PUBLICATIONS,
  EVENT_STATUSES,
  FILE_FORMATS,
  parseAgendaLine,
  parseEventDate,
  parseTimeOfDay,
  type AgendaItem,
} from '../../domain/events/event.js';
import { optionalId, optionalText, requiredText } from '../input.js';

const MAX_ID = 2_147_483_647;

/** 0 for a new event; otherwise the version the form was rendered with. */
export const eventVersion = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
  z
    .number({ error: 'Formuläret saknar versionsuppgift. Ladda om sidan och försök igen.' })
    .int()
    .min(0)
    .max(MAX_ID, { error: 'Formuläret har en ogiltig versionsuppgift. Ladda om sidan och försök igen.' }),
);

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

const eventDate = z.preprocess(
  (v) => (v === undefined || v === null ? '' : v),
  z
    .string({ error: 'Skriv datumet.' })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, { error: 'Skriv datumet, till exempel 2027-02-11.' }))
    .transform((s, ctx) => {
      const date = parseEventDate(s);
      if (date) return date;
      ctx.addIssue({
        code: 'custom',
        message: /^\d{4}-\d{2}-\d{2}$/.test(s)
          ? `Datumet ${s} finns inte i kalendern. Skriv ett datum som finns, till exempel 2027-02-11.`
          : 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-02-11. Är bara månaden eller året känt: skriv ÅÅÅÅ-MM eller ÅÅÅÅ.',
      });
      return z.NEVER;
    }),
);

const timeOfDay = (label: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? '' : v),
    z
      .string({ error: `${label} ska vara text.` })
      .transform((s) => s.trim())
      .transform((s, ctx) => {
        if (s === '') return '';
        const time = parseTimeOfDay(s);
        if (time !== undefined) return time;
        ctx.addIssue({ code: 'custom', message: `Skriv ${label.toLowerCase()} som TT.MM, till exempel 09.30.` });
        return z.NEVER;
      }),
  );

/** An absolute http(s) address. */
export const webAddress = (label: string, { required }: { required: boolean }) =>
  z.preprocess(
    (v) => (v === undefined || v === null ? '' : v),
    z
      .string({ error: `${label} ska vara text.` })
      .transform((s) => s.trim())
      .pipe(z.string().max(2000, { error: `${label} får vara högst 2000 tecken.` }))
      .transform((s, ctx) => {
        if (s === '') {
          if (required)
            ctx.addIssue({ code: 'custom', message: `Skriv ${label.toLowerCase()}, som börjar med https://.` });
          return s;
        }
        if (isWebAddress(s)) return s;
        ctx.addIssue({
          code: 'custom',
          message: `Skriv ${label.toLowerCase()} som en hel adress som börjar med https://, till exempel https://sodertornskommunerna.se/.`,
        });
        return z.NEVER;
      }),
  );

function isWebAddress(s: string): boolean {
  try {
    const url = new URL(s);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !/\s/.test(s);
  } catch {
    return false;
  }
}

/** A page of this service (`/program/…`) or a full http(s) address; '' for none. */
const outcomeLink = z.preprocess(
  (v) => (v === undefined || v === null ? '' : v),
  z
    .string({ error: 'Länken ska vara text.' })
    .transform((s) => s.trim())
    .pipe(z.string().max(2000, { error: 'Länken får vara högst 2000 tecken.' }))
    .transform((s, ctx) => {
      if (s === '' || isWebAddress(s) || /^\/(?!\/)[^\s]*$/.test(s)) return s;
      ctx.addIssue({
        code: 'custom',
        message:
          'Skriv länken som en adress i tjänsten som börjar med / (till exempel /program/sup-2035) eller som en hel adress som börjar med https://.',
      });
      return z.NEVER;
    }),
);

const SIZE = /^(\d+(?:[.,]\d+)?)\s*(b|byte|kb|mb|gb)$/i;
const UNIT: Record<string, number> = { b: 1, byte: 1, kb: 1e3, mb: 1e6, gb: 1e9 };

/** A file's size as people write it ("2,4 MB", "350 kB"), in bytes; empty means not stated (null). */
const fileSize = z.preprocess(
  (v) => (v === undefined || v === null ? '' : v),
  z
    .string({ error: 'Storleken ska vara text.' })
    .transform((s) => s.trim())
    .transform((s, ctx) => {
      if (s === '') return null;
      const m = SIZE.exec(s);
      const bytes = m ? Math.round(Number(m[1]!.replace(',', '.')) * UNIT[m[2]!.toLowerCase()]!) : NaN;
      if (Number.isFinite(bytes) && bytes > 0 && bytes <= 100e9) return bytes;
      ctx.addIssue({ code: 'custom', message: 'Skriv storleken med enhet, till exempel 2,4 MB eller 350 kB.' });
      return z.NEVER;
    }),
);

/** A checkbox: present ("ja") or absent. */
const checkbox = z.preprocess((v) => v === 'ja' || v === true || v === 'true' || v === 'on', z.boolean());

export const eventInput = z.object({
  kind: z.preprocess(
    emptyToUndefined,
    z.enum(EVENT_KINDS, {
      error:
        'Välj vilket slags evenemang det är: Rådslaget, Södertörnskonferensen, nyckeltalskonferensen eller planeringskonferensen.',
    }),
  ),
  date: eventDate,
  startTime: timeOfDay('Starttiden'),
  endTime: timeOfDay('Sluttiden'),
  place: optionalText(200, 'Platsen'),
  hostMemberId: optionalId,
  theme: optionalText(300, 'Temat'),
  programmeId: optionalId,
  programmeText: optionalText(8000, 'Programtexten'),
  status: z.preprocess(
    emptyToUndefined,
    z.enum(EVENT_STATUSES, { error: 'Välj om evenemanget blir av eller är inställt.' }),
  ),
  publication: z.preprocess(
    emptyToUndefined,
    z.enum(EVENT_PUBLICATIONS, { error: 'Välj om evenemanget är ett utkast eller publicerat.' }),
  ),
  source: optionalText(1000, 'Källan'),
  version: eventVersion,
});
export type EventInput = z.output<typeof eventInput>;

/** The agenda: one item per line ("09.00–09.30 Välkomna"). */
export const agendaInput = z.object({
  agenda: z.preprocess(
    (v) => (v === undefined || v === null ? '' : v),
    z.string({ error: 'Dagordningen ska vara text.' }).transform((s, ctx): AgendaItem[] => {
      const lines = s
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
      if (lines.length > EVENT_LIMITS.agendaItems) {
        ctx.addIssue({ code: 'custom', message: `Skriv högst ${EVENT_LIMITS.agendaItems} punkter på dagordningen.` });
        return z.NEVER;
      }
      const items: AgendaItem[] = [];
      for (const [i, line] of lines.entries()) {
        if (line.length > 300) {
          ctx.addIssue({ code: 'custom', message: `Punkt ${i + 1} är längre än 300 tecken. Korta den.` });
          return z.NEVER;
        }
        const item = parseAgendaLine(line);
        if (item === 'bad_time' || item === 'no_title') {
          ctx.addIssue({
            code: 'custom',
            message:
              item === 'bad_time'
                ? `Punkt ${i + 1} (”${line}”) har en tid som inte finns. Skriv tiden som TT.MM eller TT.MM–TT.MM, till exempel 09.00–09.30, och sluttiden efter starttiden.`
                : `Punkt ${i + 1} (”${line}”) har en tid men ingen rubrik. Skriv vad som händer efter tiden.`,
          });
          return z.NEVER;
        }
        items.push(item);
      }
      return items;
    }),
  ),
  version: eventVersion,
});

export const summaryInput = z.object({
  summary: optionalText(20000, 'Sammanfattningen'),
  version: eventVersion,
});

export const fileInput = z.object({
  fileName: requiredText(200, 'Filens namn'),
  fileUrl: webAddress('Filens adress', { required: true }),
  fileFormat: z.preprocess(emptyToUndefined, z.enum(FILE_FORMATS, { error: 'Välj filens format i listan.' })),
  fileSize,
});

export const recordingInput = z.object({
  recordingTitle: requiredText(200, 'Inspelningens namn'),
  recordingUrl: webAddress('Inspelningens adress', { required: true }),
  recordingCaptions: checkbox,
  recordingPublished: checkbox,
});

export const recordingStateInput = z.object({
  hasCaptions: checkbox,
  published: checkbox,
});

export const outcomeInput = z.object({
  outcomeText: requiredText(1000, 'Vad som kom ut av evenemanget'),
  outcomeUrl: outcomeLink,
});
