/** The jobs in Swedish: their names, what they do, and their schedules in words. */
import type { JobName } from '../domain/jobs/job-run.js';

export const JOB_TEXTS: Record<JobName, { title: string; description: string }> = {
  'kolada-sync': {
    title: 'Hämta nyckeltal från Kolada',
    description:
      'Hämtar de senaste värdena från Kolada för de nyckeltal som följs, för medlemmarna och jämförelseområdena. ' +
      'Allt hämtas innan något sparas: svarar inte Kolada finns de tidigare värdena kvar.',
  },
  'late-report-reminders': {
    title: 'Påminnelser om sena rapporter',
    description:
      'Skickar e-post om rapporter som saknas efter sista dagen i en uppföljningsomgång, till den ansvarige eller ' +
      'nätverkets ledare. Ingen får två påminnelser om samma rapport samma dag.',
  },
  'clear-expired': {
    title: 'Rensa det som gått ut',
    description:
      'Tar bort utgångna inloggningar, använda och utgångna inloggningslänkar, avbrutna inloggningar via ' +
      'OpenID Connect, gamla försök som räknas mot översvämning, misslyckade inloggningar som inte längre räknas, ' +
      'kommentarer i samråd som aldrig bekräftades och jobbens egna körningar äldre än 90 dagar.',
  },
};

const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];

const NUMBER = /^\d{1,2}$/;
const pad = (n: string) => n.padStart(2, '0');

/** "måndag, onsdag och fredag" */
const listed = (words: string[]) =>
  words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} och ${words.at(-1)!}`;

function weekdaysInWords(field: string): string | null {
  if (field === '*') return 'varje dag';
  const day = (d: string) => (NUMBER.test(d) && Number(d) <= 7 ? WEEKDAYS[Number(d) % 7]! : null);
  const range = /^(\d)-(\d)$/.exec(field);
  if (range) {
    const [from, to] = [day(range[1]!), day(range[2]!)];
    if (field === '1-5') return 'vardagar (måndag–fredag)';
    return from && to ? `${from}–${to}` : null;
  }
  const days = field.split(',').map(day);
  if (days.some((d) => d === null)) return null;
  return days.length === 1 ? `varje ${days[0]!}` : listed(days as string[]);
}

/**
 * A schedule in words, e.g. "varje dag kl. 03.15" or "vardagar (måndag–fredag) kl. 07.00"; a form the
 * words do not cover is named as its cron expression. Times are Swedish (summer and winter time).
 */
export function scheduleInWords(cron: string | null): string {
  if (cron === null) return 'Avstängt: körs bara när någon väljer Kör nu.';
  const fields = cron.trim().split(/\s+/);
  const asExpression = `Enligt cron-uttrycket ${cron.trim()} (svensk tid).`;
  if (fields.length !== 5) return asExpression;
  const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
  if (day !== '*' || month !== '*') return asExpression;
  const step = /^\*\/(\d{1,2})$/.exec(minute);
  if (step && hour === '*' && weekday === '*') return `Var ${step[1]}:e minut.`;
  if (!NUMBER.test(minute) || Number(minute) > 59) return asExpression;
  if (hour === '*' && weekday === '*') {
    return minute === '0' || minute === '00'
      ? 'Varje hel timme.'
      : `Varje timme, ${Number(minute)} minuter över hel timme.`;
  }
  if (!NUMBER.test(hour) || Number(hour) > 23) return asExpression;
  const days = weekdaysInWords(weekday);
  if (days === null) return asExpression;
  const when = `${days} kl. ${pad(hour)}.${pad(minute)} (svensk tid).`;
  return when.charAt(0).toUpperCase() + when.slice(1);
}
