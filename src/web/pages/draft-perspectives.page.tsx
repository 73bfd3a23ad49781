/** The editor's section for cross-cutting perspectives: one small form per perspective, and an add form. */
import type { Perspective, Programme } from '../../domain/programme/programme.js';
import { Button } from '../components/button.js';
import { errorFor } from '../components/error-summary.js';
import { TextArea, TextField } from '../components/form-field.js';
import {
  EnglishNameFields,
  problemsById,
  SavedValues,
  VersionField,
  type RefusedForm,
} from './draft-form-parts.page.js';

export interface EditorSectionProps {
  programme: Programme;
  /** The refused form with this key, if any (`perspective-3`, `perspective-new`, ...). */
  refusedFor: (key: string) => RefusedForm | undefined;
}

export const perspectiveAnchor = (id: number) => `perspektiv-${id}`;

function PerspectiveFields({
  prefix,
  refused,
  saved,
}: {
  prefix: string;
  refused: RefusedForm | undefined;
  saved: { name: string; description: string; nameEn?: string | undefined; descriptionEn?: string | undefined };
}) {
  const values: Record<string, string | undefined> = refused?.values ?? saved;
  const problems = problemsById(prefix, refused, 'name');
  return (
    <>
      <TextField
        id={`${prefix}name`}
        name="name"
        label="Namn"
        value={values.name}
        error={errorFor(problems, `${prefix}name`)}
      />
      <TextArea
        id={`${prefix}description`}
        name="description"
        label="Beskrivning (valfritt)"
        hint="Visas som hjälptext vid varje mål, till exempel ”Klimatfrågan ska genomsyra alla målområden”."
        rows={3}
        value={values.description}
        error={errorFor(problems, `${prefix}description`)}
      />
      <EnglishNameFields prefix={prefix} values={values} problems={problems} />
    </>
  );
}

function PerspectiveItem({
  programme,
  perspective,
  refused,
}: {
  programme: Programme;
  perspective: Perspective;
  refused: RefusedForm | undefined;
}) {
  const prefix = `perspective-${perspective.id}-`;
  const base = `/program/${programme.slug}/perspektiv/${perspective.id}`;
  return (
    <section
      class="ds-card__block"
      id={perspectiveAnchor(perspective.id)}
      aria-labelledby={`${perspectiveAnchor(perspective.id)}-rubrik`}
    >
      <h3 class="ds-heading" data-size="xs" id={`${perspectiveAnchor(perspective.id)}-rubrik`}>
        {perspective.name}
      </h3>
      <form method="post" action={base} novalidate>
        <VersionField version={programme.version} />
        <PerspectiveFields prefix={prefix} refused={refused} saved={perspective} />
        {refused?.conflict && (
          <SavedValues
            prefix={prefix}
            level={4}
            message={refused.conflict}
            rows={[
              ['Namn', perspective.name],
              ['Beskrivning', perspective.description],
            ]}
          />
        )}
        <div class="button-group" data-color="accent">
          <Button>
            Spara perspektivet<span class="ds-sr-only"> {perspective.name}</span>
          </Button>
          <Button variant="secondary" formaction={`${base}/ta-bort`}>
            Ta bort perspektivet<span class="ds-sr-only"> {perspective.name}</span>
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Every goal must say how it serves each perspective before the programme can be proposed. */
export function PerspectivesSection({ programme, refusedFor }: EditorSectionProps) {
  const refusedNew = refusedFor('perspective-new');
  return (
    <section aria-labelledby="perspektiv-rubrik" id="perspektiv">
      <h2 id="perspektiv-rubrik">Genomgående perspektiv</h2>
      <p class="ds-paragraph">
        Varje mål ska redovisa hur det bidrar till varje perspektiv innan programmet kan föreslås för beslut. Tar du
        bort ett perspektiv tas målens redovisningar för det bort.
      </p>
      {programme.perspectives.length === 0 && <p class="ds-paragraph">Utkastet har inga perspektiv.</p>}
      {programme.perspectives.length > 0 && (
        <div class="ds-card" data-color="neutral">
          {programme.perspectives.map((p) => (
            <PerspectiveItem programme={programme} perspective={p} refused={refusedFor(`perspective-${p.id}`)} />
          ))}
        </div>
      )}
      <h3 id="nytt-perspektiv-rubrik">Lägg till perspektiv</h3>
      <form
        method="post"
        action={`/program/${programme.slug}/perspektiv`}
        aria-labelledby="nytt-perspektiv-rubrik"
        novalidate
      >
        <VersionField version={programme.version} />
        <PerspectiveFields prefix="perspective-new-" refused={refusedNew} saved={{ name: '', description: '' }} />
        {refusedNew?.conflict && (
          <SavedValues
            prefix="perspective-new-"
            level={4}
            message={refusedNew.conflict}
            rows={[['Perspektiv i utkastet nu', programme.perspectives.map((p) => p.name).join(', ')]]}
          />
        )}
        <Button>Lägg till perspektivet</Button>
      </form>
    </section>
  );
}
