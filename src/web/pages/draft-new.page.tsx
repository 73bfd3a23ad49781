import type { ProgrammeListItem } from '../../app/programmes/list-programmes.js';
import type { FieldProblem } from '../../domain/errors.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { Select, TextField } from '../components/form-field.js';
import { Layout } from '../layout.js';
import { statusLabel } from '../present.js';

export interface NewDraftPageProps {
  items: ProgrammeListItem[];
  values: { from?: string; name?: string };
  problems: FieldProblem[];
}

/**
 * Start a draft: empty, or copied from an existing programme. One select whose first choice is the
 * empty draft works without JavaScript and needs no dependent fields.
 */
export function NewDraftPage({ items, values, problems }: NewDraftPageProps) {
  const title = 'Nytt utkast';
  return (
    <Layout
      title={problems.length ? `Fel: ${title}` : title}
      description="Skapa ett utkast till nytt utvecklingsprogram, tomt eller härlett ur ett tidigare program med målens härkomst."
      current="/program"
    >
      <Breadcrumbs
        items={[
          { href: '/', label: 'Start' },
          { href: '/program', label: 'Program' },
        ]}
        current={title}
      />
      <h1>Nytt utkast till utvecklingsprogram</h1>
      <ErrorSummary errors={problems} />
      <p class="ds-paragraph">
        Ett utkast kan börja tomt, med perspektiven hållbar utveckling och klimat, eller som en kopia av ett befintligt
        program. En kopia får programmets perspektiv, fokusområden och mål; varje kopierat mål pekar på det mål det
        kommer från, och utkastet ersätter programmet när det börjar gälla.
      </p>
      <form method="post" action="/program/nytt" novalidate>
        <Select
          id="from"
          label="Utgångspunkt"
          hint="Välj Tomt utkast, eller programmet som utkastet ska bygga på."
          placeholder="Tomt utkast"
          options={[...items].reverse().map(({ programme, status }) => ({
            value: programme.slug,
            label: `Utifrån ${programme.name} (${programme.slug}, ${statusLabel(status).toLowerCase()})`,
          }))}
          value={values.from}
          error={errorFor(problems, 'from')}
        />
        <TextField
          id="name"
          label="Namn (valfritt)"
          hint="Lämna tomt för att använda det kopierade programmets namn, eller ”Nytt utvecklingsprogram”."
          value={values.name}
          error={errorFor(problems, 'name')}
        />
        <Button>Skapa utkastet</Button>
      </form>
    </Layout>
  );
}
