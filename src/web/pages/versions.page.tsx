import type { ProgrammeComparison } from '../../app/programmes/diff-programmes.js';
import type { ProgrammeListItem } from '../../app/programmes/list-programmes.js';
import type { MatchBasis } from '../../domain/programme/programme-diff.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { Select } from '../components/form-field.js';
import { StatusTag } from '../components/status-tag.js';
import { Layout } from '../layout.js';
import { statusLabel } from '../present.js';

const BASIS_LABELS: Record<MatchBasis, string> = {
  lineage: 'registrerad härkomst',
  same_text: 'samma lydelse',
  similar_text: 'liknande text',
  same_network: 'samma ansvariga nätverk',
  same_area: 'enda målet i samma område',
};

function CompareForm({ items, from, to }: { items: ProgrammeListItem[]; from?: string; to?: string }) {
  const options = items.map((i) => ({ value: i.programme.slug, label: `${i.programme.name} (${i.programme.slug})` }));
  return (
    <form method="get" action="/versioner/jamfor" class="panel">
      <h2 class="ds-heading" data-size="sm">
        Jämför två versioner
      </h2>
      <Select id="fran" label="Från (äldre version)" options={options} value={from} />
      <Select id="till" label="Till (nyare version)" options={options} value={to} />
      <Button>Visa skillnaderna</Button>
    </form>
  );
}

/** The programme family tree and a way to compare any two versions. */
export function VersionsPage({ items }: { items: ProgrammeListItem[] }) {
  const bySlug = new Map(items.map((i) => [i.programme.id, i.programme]));
  const withGoals = items.filter((i) => i.programme.derivedFromProgrammeId !== null);
  const last = withGoals.at(-2);
  return (
    <Layout
      title="Versioner"
      description="Utvecklingsprogrammets versioner i ordning och en jämförelse mellan två av dem: tillkomna, utgångna, omformulerade och flyttade mål."
      current="/versioner"
    >
      <h1>Versioner</h1>
      <p class="ds-paragraph">
        Varje program bygger på ett tidigare och ersätter det när det börjar gälla. Jämförelsen visar vilka
        fokusområden, mål och strategier som har tillkommit, utgått, formulerats om eller flyttats – som en lista att
        klistra in i en tjänsteskrivelse.
      </p>
      <DataTable
        caption="Programmens versioner"
        rowHeaders
        columns={[
          { label: 'Program' },
          { label: 'Bygger på' },
          { label: 'Ersätter' },
          { label: 'Status' },
          { label: 'Jämför' },
        ]}
        rows={items.map(({ programme, status }) => {
          const base =
            programme.derivedFromProgrammeId === null ? undefined : bySlug.get(programme.derivedFromProgrammeId);
          const replaces =
            programme.replacesProgrammeId === null ? undefined : bySlug.get(programme.replacesProgrammeId);
          return [
            <a class="ds-link" href={`/program/${programme.slug}`}>
              {programme.name} <span class="meta">({programme.slug})</span>
            </a>,
            base ? base.slug : '–',
            replaces ? replaces.slug : '–',
            <StatusTag kind={status.kind} label={statusLabel(status)} />,
            base ? (
              <a class="ds-link" href={`/versioner/jamfor?fran=${base.slug}&till=${programme.slug}`}>
                {base.slug} → {programme.slug}
              </a>
            ) : (
              '–'
            ),
          ];
        })}
      />
      <CompareForm items={items} from={last?.programme.slug} to={withGoals.at(-1)?.programme.slug} />
    </Layout>
  );
}

/** The difference between two versions: a memo-ready list, then the details behind it. */
export function ComparePage({ comparison, items }: { comparison: ProgrammeComparison; items: ProgrammeListItem[] }) {
  const { from, to, diff, lines } = comparison;
  const title = `Från ${from.slug} till ${to.slug}`;
  return (
    <Layout
      title={`Jämförelse ${title}`}
      description={`Vad som ändrats från ${from.name} till ${to.name}: fokusområden, mål och strategier som tillkommit, utgått, omformulerats eller flyttats.`}
      current="/versioner"
    >
      <Breadcrumbs
        items={[
          { href: '/', label: 'Start' },
          { href: '/versioner', label: 'Versioner' },
        ]}
        current="Jämförelse"
      />
      <h1>
        Förändringar från {from.slug} till {to.slug}
      </h1>
      <p class="ds-paragraph lead">
        Från {from.name} ({from.slug}) till {to.name} ({to.slug}).
      </p>
      <section aria-labelledby="lista-rubrik">
        <h2 class="ds-heading" data-size="md" id="lista-rubrik">
          Förändringar som föreslås från tidigare program
        </h2>
        {lines.length === 0 ? (
          <p class="ds-paragraph">Versionerna är lika: inga förändringar.</p>
        ) : (
          <>
            <p class="ds-paragraph">Förändringar som föreslås från tidigare program är att:</p>
            <ul class="ds-list diff-lines">
              {lines.map((l) => (
                <li>{l}</li>
              ))}
            </ul>
            <label class="ds-label" for="klistra">
              Samma lista som text att kopiera till en tjänsteskrivelse
            </label>
            <textarea id="klistra" class="ds-input" rows={Math.min(lines.length + 2, 16)} readonly>
              {['Förändringar som föreslås från tidigare program är att:', ...lines.map((l) => `– ${l}`)].join('\n')}
            </textarea>
          </>
        )}
      </section>
      <section aria-labelledby="mal-rubrik">
        <h2 class="ds-heading" data-size="md" id="mal-rubrik">
          Målen i de två versionerna
        </h2>
        <DataTable
          caption="Mål som motsvarar varandra"
          columns={[
            { label: `Mål i ${from.slug}` },
            { label: `Mål i ${to.slug}` },
            { label: 'Matchat på' },
            { label: 'Förändring' },
          ]}
          rows={diff.goals.matched.map((m) => [
            `${m.from.title} (${m.from.focusAreaName})`,
            `${m.to.title} (${m.to.focusAreaName})`,
            BASIS_LABELS[m.basis],
            [
              m.reworded && 'omformulerat',
              m.moved && 'flyttat',
              m.strategies.added.length + m.strategies.removed.length + m.strategies.reworded.length > 0 &&
                'strategier ändrade',
            ]
              .filter(Boolean)
              .join(', ') || 'oförändrat',
          ])}
          empty="Inga mål motsvarar varandra."
        />
        <DataTable
          caption="Mål som har utgått eller tillkommit"
          columns={[{ label: 'Mål' }, { label: 'Fokusområde' }, { label: 'Förändring' }]}
          rows={[
            ...diff.goals.removed.map((g) => [g.title, g.focusAreaName, 'utgår']),
            ...diff.goals.added.map((g) => [g.title, g.focusAreaName, 'nytt']),
          ]}
          empty="Inga mål har utgått eller tillkommit."
        />
      </section>
      <CompareForm items={items} from={from.slug} to={to.slug} />
    </Layout>
  );
}
