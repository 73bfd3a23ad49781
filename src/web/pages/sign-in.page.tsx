import { OIDC_START_PATH } from '../../app/auth/oidc.js';
import type { FieldProblem } from '../../domain/errors.js';
import { Button, ButtonLink } from '../components/button.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { TextField } from '../components/form-field.js';
import { Layout } from '../layout.js';

export interface SignInPageProps {
  values: { email?: string; till?: string };
  problems: FieldProblem[];
  signedOut?: boolean;
  /** OpenID Connect is configured: a button for signing in with the organisation's account. */
  oidc?: { displayName: string };
}

const oidcHref = (till: string | undefined) => `${OIDC_START_PATH}${till ? `?till=${encodeURIComponent(till)}` : ''}`;

/** Sign-in with e-mail and password (and the organisation's account, when configured). The password is never rendered back. */
export function SignInPage({ values, problems, signedOut, oidc }: SignInPageProps) {
  return (
    <Layout
      title={problems.length ? 'Fel: Logga in' : 'Logga in'}
      description="Logga in i samverkan med e-postadress och lösenord, eller med organisationens konto. Allt publicerat kan läsas utan inloggning."
    >
      <h1>Logga in</h1>
      {signedOut && (
        <p class="ds-alert" data-color="success" role="status">
          Du är utloggad.
        </p>
      )}
      <ErrorSummary errors={problems} />
      <p class="ds-paragraph">
        Inloggning behövs för att skriva utkast och registrera beslut. Allt som är publicerat kan läsas utan inloggning.
      </p>
      {oidc && (
        <>
          <div class="actions">
            <ButtonLink href={oidcHref(values.till)}>Logga in med {oidc.displayName}</ButtonLink>
          </div>
          <h2>Med e-post och lösenord</h2>
        </>
      )}
      <form id="form" method="post" action="/logga-in" novalidate>
        <input type="hidden" name="till" value={values.till ?? ''} />
        <TextField
          id="email"
          type="email"
          label="E-postadress"
          autocomplete="username"
          value={values.email}
          error={errorFor(problems, 'email')}
        />
        <TextField
          id="password"
          type="password"
          label="Lösenord"
          autocomplete="current-password"
          error={errorFor(problems, 'password')}
        />
        <Button>Logga in</Button>
      </form>
    </Layout>
  );
}

export interface AccountPageProps {
  name: string;
  email: string;
  roles: string[];
  problems: FieldProblem[];
  saved?: boolean;
  /** An administrator is shown the way to the scheduled jobs. */
  mayManageJobs?: boolean;
}

/** The signed-in person's account: who they are, their roles, and a new password. */
export function AccountPage({ name, email, roles, problems, saved, mayManageJobs }: AccountPageProps) {
  return (
    <Layout
      title={problems.length ? 'Fel: Mitt konto' : 'Mitt konto'}
      description="Ditt konto i samverkan: namn, e-postadress, roller, lösenord och API-nycklar."
    >
      <h1>Mitt konto</h1>
      {saved && (
        <p class="ds-alert" data-color="success" role="status">
          Lösenordet är bytt. Logga in igen med det nya lösenordet.
        </p>
      )}
      <dl class="facts">
        <dt>Namn</dt>
        <dd>{name}</dd>
        <dt>E-postadress</dt>
        <dd>{email}</dd>
        <dt>Roller</dt>
        <dd>{roles.length ? roles.join('; ') : 'Inga'}</dd>
      </dl>
      <p class="ds-paragraph">
        <a href="/konto/api-nycklar">API-nycklar</a> låter andra system använda API:t med en av dina roller.
      </p>
      {mayManageJobs && (
        <p class="ds-paragraph">
          <a href="/admin/jobb">Schemalagda jobb</a>: Kolada-hämtningen, påminnelserna och rensningen, när de kördes och
          hur det gick.
        </p>
      )}
      <h2 class="ds-heading" data-size="sm">
        Nytt lösenord
      </h2>
      <ErrorSummary errors={problems} />
      <form id="form" method="post" action="/konto/losenord" novalidate>
        <TextField
          id="password"
          type="password"
          label="Nytt lösenord"
          hint="Minst 12 tecken. Några ord i följd är lättare att minnas och svårare att gissa."
          autocomplete="new-password"
          error={errorFor(problems, 'password')}
        />
        <Button>Byt lösenord</Button>
      </form>
    </Layout>
  );
}
