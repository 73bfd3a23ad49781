/** The editor of a programme that is no longer a draft: why it cannot be changed, and what to do instead. */
import type { ProgrammeSummary } from '../../domain/programme/programme.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ButtonLink } from '../components/button.js';
import { Layout } from '../layout.js';

export function NotEditablePage({
  programme,
  message,
}: {
  programme: Pick<ProgrammeSummary, 'slug' | 'name'>;
  message: string;
}) {
  const title = 'Programmet kan inte redigeras';
  return (
    <Layout
      title={title}
      description="Programmet är inte ett utkast och kan därför inte redigeras; ett nytt utkast kan härledas ur det."
      current="/program"
    >
      <Breadcrumbs
        items={[
          { href: '/', label: 'Start' },
          { href: '/program', label: 'Program' },
          { href: `/program/${programme.slug}`, label: programme.name },
        ]}
        current="Redigera"
      />
      <h1>{title}</h1>
      <p class="ds-paragraph">{message}</p>
      <form method="post" action="/program/nytt">
        <input type="hidden" name="from" value={programme.slug} />
        <Button>Nytt utkast utifrån {programme.name}</Button>
      </form>
      <div class="button-group">
        <ButtonLink variant="secondary" href={`/program/${programme.slug}`}>
          Till programmets sida
        </ButtonLink>
        <ButtonLink variant="secondary" href={`/program/${programme.slug}/antagande`}>
          Antagande och beslut
        </ButtonLink>
      </div>
    </Layout>
  );
}
