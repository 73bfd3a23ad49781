import type { FieldProblem } from '../../domain/errors.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ButtonLink } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { Select, TextField, type SelectOption } from '../components/form-field.js';
import { formatDateTime } from '../format.js';
import { Layout } from '../layout.js';

/** One token as the list shows it; never the token itself. */
export interface ApiTokenRow {
  id: number;
  name: string;
  /** The role in Swedish, with its member or network. */
  role: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokensPageProps {
  tokens: readonly ApiTokenRow[];
  /** The signed-in person's own grants, as the select offers them. */
  grants: readonly SelectOption[];
  /** The create form's values and problems after a failed attempt. */
  values?: { name?: string; grant?: string };
  problems?: FieldProblem[];
  /** The name of the token just revoked, for the confirmation. */
  revoked?: string;
}

const breadcrumbs = [
  { href: '/', label: 'Start' },
  { href: '/konto', label: 'Mitt konto' },
];

const Time = ({ iso }: { iso: string }) => <time datetime={iso}>{formatDateTime(iso)}</time>;

function RevokeForm({ token }: { token: ApiTokenRow }) {
  return (
    <form method="post" action={`/konto/api-nycklar/${token.id}/aterkalla`} class="inline-form">
      <button
        type="submit"
        class="ds-button"
        data-variant="secondary"
        data-size="sm"
        aria-label={`Återkalla ${token.name}`}
      >
        Återkalla
      </button>
    </form>
  );
}

/** The signed-in person's API tokens with a revoke button each, and the form that creates one. */
export function ApiTokensPage({ tokens, grants, values = {}, problems = [], revoked }: ApiTokensPageProps) {
  return (
    <Layout
      title={problems.length ? 'Fel: API-nycklar' : 'API-nycklar'}
      description="Dina API-nycklar för samverkans JSON-API: skapa en ny nyckel, se när de används och återkalla dem."
    >
      <Breadcrumbs items={breadcrumbs} current="API-nycklar" />
      <h1>API-nycklar</h1>
      {revoked !== undefined && (
        <p class="ds-alert" data-color="success" role="status">
          API-nyckeln ”{revoked}” är återkallad. Den fungerar inte längre.
        </p>
      )}
      <p class="ds-paragraph">
        Med en API-nyckel kan ett annat system, till exempel kommunens ärendehanteringssystem, använda samverkans
        JSON-API för din räkning. Nyckeln får bara göra det som den roll du väljer för den får göra. Återkalla en nyckel
        som inte längre används eller som kan ha kommit i orätta händer. En nyckel visas bara en gång: när den skapas.
      </p>
      <DataTable
        caption="Dina API-nycklar"
        columns={[
          { label: 'Namn' },
          { label: 'Roll' },
          { label: 'Skapad' },
          { label: 'Senast använd' },
          { label: 'Status' },
          { label: 'Åtgärd' },
        ]}
        rowHeaders
        empty="Du har inga API-nycklar."
        rows={tokens.map((token) => [
          token.name,
          token.role,
          <Time iso={token.createdAt} />,
          token.lastUsedAt ? <Time iso={token.lastUsedAt} /> : 'Aldrig',
          token.revokedAt ? (
            <>
              Återkallad <Time iso={token.revokedAt} />
            </>
          ) : (
            'Aktiv'
          ),
          token.revokedAt ? '–' : <RevokeForm token={token} />,
        ])}
      />
      <h2 class="ds-heading" data-size="sm">
        Skapa en API-nyckel
      </h2>
      {grants.length === 0 ? (
        <p class="ds-paragraph">
          Du har ingen roll i samverkan, så det finns inget en API-nyckel skulle få göra. Kontakta samverkans
          sekretariat om du behöver en roll.
        </p>
      ) : (
        <>
          <ErrorSummary errors={problems} />
          <form id="form" method="post" action="/konto/api-nycklar" novalidate>
            <TextField
              id="name"
              label="Namn på nyckeln"
              hint="Till exempel systemet som ska använda den, så att du känner igen nyckeln senare. Högst 100 tecken."
              autocomplete="off"
              value={values.name}
              error={errorFor(problems, 'name')}
            />
            <Select
              id="grant"
              label="Roll"
              hint="Nyckeln får bara göra det som rollen får. Välj den roll som räcker för integrationen."
              placeholder={grants.length > 1 ? 'Välj roll' : undefined}
              options={grants}
              value={values.grant}
              error={errorFor(problems, 'grant')}
            />
            <Button>Skapa API-nyckel</Button>
          </form>
        </>
      )}
    </Layout>
  );
}

export interface ApiTokenCreatedPageProps {
  name: string;
  role: string;
  /** The token itself: this page is the only place it is ever shown. */
  token: string;
}

/** The one time a token is shown: in the answer to the form that created it, never in a URL or session. */
export function ApiTokenCreatedPage({ name, role, token }: ApiTokenCreatedPageProps) {
  return (
    <Layout
      title="API-nyckeln är skapad"
      description="Den nya API-nyckeln visas en gång: kopiera den nu och förvara den säkert."
    >
      <Breadcrumbs items={[...breadcrumbs, { href: '/konto/api-nycklar', label: 'API-nycklar' }]} current="Ny nyckel" />
      <h1>API-nyckeln är skapad</h1>
      <div class="ds-alert" data-color="warning" role="status">
        <p class="ds-paragraph">
          <strong>Kopiera nyckeln nu. Den visas inte igen.</strong> Samverkan sparar bara ett kontrollvärde av den, så
          varken du eller sekretariatet kan se nyckeln senare. Har du tappat bort den, återkalla den och skapa en ny.
        </p>
      </div>
      <dl class="facts">
        <dt>Namn</dt>
        <dd>{name}</dd>
        <dt>Roll</dt>
        <dd>{role}</dd>
      </dl>
      <div class="ds-field field">
        <label class="ds-label" for="token">
          API-nyckel
        </label>
        <p class="ds-paragraph" data-field="description" id="token-hint">
          Markera hela nyckeln och kopiera den. Systemet skickar den i varje anrop som{' '}
          <code>Authorization: Bearer</code> följt av nyckeln.
        </p>
        <textarea
          id="token"
          class="ds-input token"
          rows={2}
          readonly
          spellcheck={false}
          autocomplete="off"
          aria-describedby="token-hint"
        >
          {token}
        </textarea>
      </div>
      <p class="ds-paragraph">
        <ButtonLink href="/konto/api-nycklar" variant="secondary">
          Till API-nycklarna
        </ButtonLink>
      </p>
    </Layout>
  );
}
