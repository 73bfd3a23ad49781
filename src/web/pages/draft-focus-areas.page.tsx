/** The editor's section for focus areas in document order, each with its goals; and an add form. */
import type { FocusArea, Goal, Programme } from '../../domain/programme/programme.js';
import type { Network } from '../../domain/collaboration.js';
import { Button, ButtonLink } from '../components/button.js';
import { errorFor } from '../components/error-summary.js';
import { Select, TextArea, TextField } from '../components/form-field.js';
import {
  EnglishNameFields,
  problemsById,
  SavedValues,
  VersionField,
  type RefusedForm,
} from './draft-form-parts.page.js';
import type { EditorSectionProps } from './draft-perspectives.page.js';

export const areaAnchor = (id: number) => `omrade-${id}`;
export const goalItemAnchor = (id: number) => `mal-${id}`;

const networkName = (networks: Network[], id: number | null) => networks.find((n) => n.id === id)?.name ?? 'Inget';

function AreaFields({
  prefix,
  refused,
  saved,
  networks,
}: {
  prefix: string;
  refused: RefusedForm | undefined;
  saved: FocusArea | null;
  networks: Network[];
}) {
  const values: Record<string, string | undefined> = refused?.values ?? {
    name: saved?.name ?? '',
    description: saved?.description ?? '',
    networkId: String(saved?.networkId ?? ''),
    nameEn: saved?.nameEn ?? '',
    descriptionEn: saved?.descriptionEn ?? '',
  };
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
        rows={3}
        value={values.description}
        error={errorFor(problems, `${prefix}description`)}
      />
      <Select
        id={`${prefix}networkId`}
        name="networkId"
        label="Ansvarigt nätverk (valfritt)"
        placeholder="Inget ansvarigt nätverk"
        options={networks.map((n) => ({ value: String(n.id), label: n.name }))}
        value={values.networkId}
        error={errorFor(problems, `${prefix}networkId`)}
      />
      <EnglishNameFields prefix={prefix} values={values} problems={problems} />
    </>
  );
}

/** The perspectives a goal does not yet say it serves. */
const missingStatements = (programme: Programme, goal: Goal) =>
  programme.perspectives.filter((p) => (goal.statements[p.id] ?? '').trim() === '').map((p) => p.name);

function GoalItem({ programme, goal }: { programme: Programme; goal: Goal }) {
  const missing = missingStatements(programme, goal);
  return (
    <li id={goalItemAnchor(goal.id)}>
      <p class="ds-paragraph">{goal.title || '(Mål utan lydelse)'}</p>
      {missing.length > 0 && <p class="ds-paragraph">Saknar redovisning för: {missing.join(', ')}.</p>}
      <form
        class="button-group"
        data-color="accent"
        method="post"
        action={`/program/${programme.slug}/mal/${goal.id}/ta-bort`}
      >
        <VersionField version={programme.version} />
        <a class="ds-link" href={`/program/${programme.slug}/mal/${goal.id}`}>
          Redigera målet<span class="ds-sr-only"> {goal.title}</span>
        </a>
        <Button variant="secondary">
          Ta bort målet<span class="ds-sr-only"> {goal.title}</span>
        </Button>
      </form>
    </li>
  );
}

function AreaItem({
  programme,
  area,
  index,
  networks,
  refused,
}: {
  programme: Programme;
  area: FocusArea;
  index: number;
  networks: Network[];
  refused: RefusedForm | undefined;
}) {
  const prefix = `area-${area.id}-`;
  const base = `/program/${programme.slug}/omraden/${area.id}`;
  const last = index === programme.focusAreas.length - 1;
  const hidden = <span class="ds-sr-only"> {area.name}</span>;
  return (
    <section class="ds-card__block" id={areaAnchor(area.id)} aria-labelledby={`${areaAnchor(area.id)}-rubrik`}>
      <h3 class="ds-heading" data-size="xs" id={`${areaAnchor(area.id)}-rubrik`}>
        {index + 1}. {area.name}
      </h3>
      <form method="post" action={base} novalidate>
        <VersionField version={programme.version} />
        <AreaFields prefix={prefix} refused={refused} saved={area} networks={networks} />
        {refused?.conflict && (
          <SavedValues
            prefix={prefix}
            level={4}
            message={refused.conflict}
            rows={[
              ['Namn', area.name],
              ['Beskrivning', area.description],
              ['Ansvarigt nätverk', networkName(networks, area.networkId)],
            ]}
          />
        )}
        <div class="button-group" data-color="accent">
          <Button>Spara fokusområdet{hidden}</Button>
          {index > 0 && (
            <Button variant="secondary" name="direction" value="up" formaction={`${base}/flytta`}>
              Flytta upp{hidden}
            </Button>
          )}
          {!last && (
            <Button variant="secondary" name="direction" value="down" formaction={`${base}/flytta`}>
              Flytta ned{hidden}
            </Button>
          )}
          <Button variant="secondary" formaction={`${base}/ta-bort`}>
            Ta bort fokusområdet och dess mål{hidden}
          </Button>
        </div>
      </form>
      <h4 class="ds-heading" data-size="2xs">
        Mål i {area.name}
      </h4>
      {area.goals.length === 0 ? (
        <p class="ds-paragraph">Området har inga mål ännu.</p>
      ) : (
        <ul class="ds-list">
          {area.goals.map((goal) => (
            <GoalItem programme={programme} goal={goal} />
          ))}
        </ul>
      )}
      <div data-color="accent">
        <ButtonLink variant="secondary" href={`/program/${programme.slug}/mal/nytt?omrade=${area.id}`}>
          Lägg till mål<span class="ds-sr-only"> i {area.name}</span>
        </ButtonLink>
      </div>
    </section>
  );
}

export function FocusAreasSection({ programme, refusedFor, networks }: EditorSectionProps & { networks: Network[] }) {
  const refusedNew = refusedFor('area-new');
  return (
    <section aria-labelledby="omraden-rubrik" id="omraden">
      <h2 id="omraden-rubrik">Fokusområden och mål</h2>
      {programme.focusAreas.length === 0 && <p class="ds-paragraph">Utkastet har inga fokusområden ännu.</p>}
      {programme.focusAreas.length > 0 && (
        <div class="ds-card" data-color="neutral">
          {programme.focusAreas.map((area, index) => (
            <AreaItem
              programme={programme}
              area={area}
              index={index}
              networks={networks}
              refused={refusedFor(`area-${area.id}`)}
            />
          ))}
        </div>
      )}
      <h3 id="nytt-omrade-rubrik">Lägg till fokusområde</h3>
      <form method="post" action={`/program/${programme.slug}/omraden`} aria-labelledby="nytt-omrade-rubrik" novalidate>
        <VersionField version={programme.version} />
        <AreaFields prefix="area-new-" refused={refusedNew} saved={null} networks={networks} />
        {refusedNew?.conflict && (
          <SavedValues
            prefix="area-new-"
            level={4}
            message={refusedNew.conflict}
            rows={[['Fokusområden i utkastet nu', programme.focusAreas.map((a) => a.name).join(', ')]]}
          />
        )}
        <Button>Lägg till fokusområdet</Button>
      </form>
    </section>
  );
}
