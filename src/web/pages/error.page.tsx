import { Layout, renderPage } from '../layout.js';

const TITLES: Record<number, string> = {
  400: 'Felaktig förfrågan',
  403: 'Åtgärden är inte tillåten',
  404: 'Sidan finns inte',
  409: 'Det gick inte att spara',
  413: 'Förfrågan är för stor',
  422: 'Uppgifterna kunde inte sparas',
  500: 'Ett oväntat fel inträffade',
  503: 'Tjänsten kan inte svara just nu',
};

export interface ErrorPageProps {
  status: number;
  message?: string;
  correlationId?: string;
}

/** The page for every error: what happened, what to do; a correlation id for 500, never internals. */
export function renderErrorPage({ status, message, correlationId }: ErrorPageProps): string {
  const title = TITLES[status] ?? 'Något gick fel';
  return renderPage(
    <Layout title={title} description={`${title}: vad som hände och vad du kan göra.`}>
      <h1>{title}</h1>
      {status === 404 && !message && (
        <p class="ds-paragraph">Kontrollera adressen, eller gå till startsidan och leta vidare därifrån.</p>
      )}
      {message && <p class="ds-paragraph">{message}</p>}
      {status === 500 && (
        <>
          <p class="ds-paragraph">
            Försök igen om en stund. Om felet kvarstår, kontakta förvaltningen och ange felkoden.
          </p>
          <p class="ds-paragraph">
            Felkod: <code>{correlationId}</code>
          </p>
        </>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href="/">
          Till startsidan
        </a>
      </p>
    </Layout>,
  );
}
