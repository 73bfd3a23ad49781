import type { CollaborationView } from '../../app/collaboration.js';
import { Layout } from '../layout.js';

/** What the service is, where its data comes from, and its licence. */
export function AboutPage({ view }: { view: CollaborationView }) {
  return (
    <Layout
      title="Om tjänsten"
      description="Om samverkan: vad tjänsten gör, vem som driver den, varifrån uppgifterna kommer och under vilken licens programvaran är öppen källkod."
      current="/om"
    >
      <h1>Om tjänsten</h1>
      <p class="ds-paragraph">
        samverkan är en plattform där kommuner som samarbetar driver sitt gemensamma utvecklingsprogram genom hela
        cykeln: förslag, antagande i varje medlems kommunstyrelse, årliga planer, uppföljning med nyckeltal och
        revidering inför nästa mandatperiod.
      </p>
      <h2 class="ds-heading" data-size="md">
        Uppgifterna
      </h2>
      <p class="ds-paragraph">
        Demonstrationsdata är verkliga uppgifter om {view.collaboration.name} och dess utvecklingsprogram 2013–2023,
        hämtade från samarbetets webbplats och en medlemskommuns tjänsteskrivelse. Källan anges vid varje program och
        beslut. Det som källorna inte säger – till exempel exakta beslutsdatum och paragrafer – visas som okänt och har
        inte fyllts i.
      </p>
      <h2 class="ds-heading" data-size="md">
        Öppen källkod
      </h2>
      <p class="ds-paragraph">
        Programvaran är öppen källkod under licensen EUPL-1.2, den licens som svensk offentlig sektor använder för kod
        som delas.
      </p>
      <h2 class="ds-heading" data-size="md">
        Öppet API
      </h2>
      <p class="ds-paragraph">
        Programmen, besluten och jämförelserna finns också som JSON. Beskrivningen av gränssnittet (OpenAPI) finns på{' '}
        <a class="ds-link" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        .
      </p>
    </Layout>
  );
}

/** Tillgänglighetsredogörelse, as the law on accessibility of digital public services requires. */
export function AccessibilityPage() {
  return (
    <Layout
      title="Tillgänglighetsredogörelse"
      description="Hur tillgänglig webbplatsen är enligt lagen om tillgänglighet till digital offentlig service, kända brister och hur du anmäler problem."
    >
      <h1>Tillgänglighetsredogörelse</h1>
      <p class="ds-paragraph">
        Den här webbplatsen ska vara tillgänglig enligt lagen (2018:1937) om tillgänglighet till digital offentlig
        service och standarden EN 301 549, som motsvarar WCAG 2.1 nivå AA.
      </p>
      <h2 class="ds-heading" data-size="md">
        Hur tillgänglig är webbplatsen?
      </h2>
      <p class="ds-paragraph">
        Varje sidmall testas automatiskt i en webbläsare med verktyget axe mot WCAG 2.1 nivå A och AA och ska ha noll
        avvikelser, även i formulärens felläge. Sidorna fungerar utan JavaScript, kan användas med enbart tangentbord
        och går att läsa på en 320 pixlar bred skärm. Automatiska tester hittar inte alla brister; vi tar gärna emot
        synpunkter.
      </p>
      <h2 class="ds-heading" data-size="md">
        Kända brister
      </h2>
      <p class="ds-paragraph">
        Tjänsteskrivelsen som följer med demonstrationsdata är inskannad text där bokstäverna å, ä och ö har skadats vid
        skanningen.
      </p>
      <h2 class="ds-heading" data-size="md">
        Om du inte kan använda något
      </h2>
      <p class="ds-paragraph">
        Kontakta den organisation som driver tjänsten. Om du inte är nöjd med svaret kan du anmäla det till Myndigheten
        för digital förvaltning (Digg), som är tillsynsmyndighet.
      </p>
    </Layout>
  );
}
