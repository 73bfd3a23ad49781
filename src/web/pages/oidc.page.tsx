import { ButtonLink } from '../components/button.js';
import { Layout } from '../layout.js';

export interface OidcRefusedPageProps {
  title: string;
  message: string;
  /** Where "Försök igen" leads: the sign-in page, keeping the path the person was on the way to. */
  retryHref: string;
}

/** A sign-in through the organisation's account that did not lead to a session: what happened, what to do. */
export function OidcRefusedPage({ title, message, retryHref }: OidcRefusedPageProps) {
  return (
    <Layout
      title={title}
      description="Inloggningen med organisationens konto ledde inte till en inloggning: vad som hände och vad du kan göra."
    >
      <h1>{title}</h1>
      <p class="ds-paragraph">{message}</p>
      <div class="actions">
        <ButtonLink href={retryHref} variant="secondary">
          Till inloggningen
        </ButtonLink>
        <a class="ds-link" href="/">
          Till startsidan
        </a>
      </div>
    </Layout>
  );
}
