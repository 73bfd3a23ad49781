/**
 * One member's memo on a proposed version: where it stands, the document in three formats, and the
 * member's own texts (for its officers and the secretariat), saved with the version it was opened at.
 */
import type { MemoView } from '../../app/memos/get-memos.js';
import type { FieldProblem } from '../../domain/errors.js';
import {
  CONSEQUENCE_HEADINGS,
  CONSEQUENCE_KINDS,
  MEMO_STATUS_LABELS,
  signatoryLine,
  STORED_MEMO_STATUSES,
  type ConsequenceKind,
} from '../../domain/memos/memo.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { Checkbox } from '../components/checkbox.js';
import { DocumentLinks } from '../components/document-links.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { Fieldset, RadioGroup } from '../components/fieldset.js';
import { TextArea, TextField } from '../components/form-field.js';
import { SavedMessage } from '../components/saved-message.js';
import { memoDocumentPath, memoPath, memosPath } from '../document-paths.js';
import { formatDateTime } from '../format.js';
import { Layout } from '../layout.js';
import { decisionDateText } from '../present.js';

export type MemoFormValues = Record<Exclude<MemoFieldName, 'consequenceKinds'>, string> & {
  consequenceKinds: string[];
};

type MemoFieldName =
  | 'status'
  | 'diarienummer'
  | 'officer'
  | 'committee'
  | 'administration'
  | 'summary'
  | 'assessment'
  | 'consequenceKinds'
  | 'consequenceEconomy'
  | 'consequenceClimate'
  | 'consequenceGenderEquality'
  | 'consequenceChildren'
  | 'recipients'
  | 'signatories'
  | 'version';

/** The form field of each consequence's text. */
export const CONSEQUENCE_FIELDS: Readonly<Record<ConsequenceKind, Exclude<MemoFieldName, 'consequenceKinds'>>> = {
  economy: 'consequenceEconomy',
  climate: 'consequenceClimate',
  gender_equality: 'consequenceGenderEquality',
  children: 'consequenceChildren',
};

export const EMPTY_MEMO_FORM: MemoFormValues = {
  status: '',
  diarienummer: '',
  officer: '',
  committee: '',
  administration: '',
  summary: '',
  assessment: '',
  consequenceKinds: [],
  consequenceEconomy: '',
  consequenceClimate: '',
  consequenceGenderEquality: '',
  consequenceChildren: '',
  recipients: '',
  signatories: '',
  version: '',
};

/** The form as stored now (a memo not saved before starts from the member's settings). */
export const memoFormValues = ({ memo, settings }: Pick<MemoView, 'memo' | 'settings'>): MemoFormValues => ({
  status: memo?.status ?? 'draft',
  diarienummer: memo?.diarienummer ?? '',
  officer: memo?.officer ?? '',
  committee: settings.committee,
  administration: settings.administration,
  summary: memo?.summary ?? '',
  assessment: memo?.assessment ?? '',
  consequenceKinds: [...settings.consequences],
  consequenceEconomy: memo?.consequences.economy ?? '',
  consequenceClimate: memo?.consequences.climate ?? '',
  consequenceGenderEquality: memo?.consequences.gender_equality ?? '',
  consequenceChildren: memo?.consequences.children ?? '',
  recipients: memo?.recipients.join('\n') ?? '',
  signatories: memo?.signatories.map(signatoryLine).join('\n') ?? '',
  version: String(memo?.version ?? 0),
});

export interface MemoEditPageProps {
  view: MemoView;
  values: MemoFormValues;
  /** Whether the viewer may change this member's memo. */
  mayEdit: boolean;
  problems?: FieldProblem[] | undefined;
  conflict?: string | undefined;
  saved?: string | undefined;
  /** Whether this server can make PDFs (it has Chromium). */
  pdfAvailable: boolean;
}

export function MemoEditPage({
  view,
  values,
  mayEdit,
  problems = [],
  conflict,
  saved,
  pdfAvailable,
}: MemoEditPageProps) {
  const { programme, member, memo } = view;
  const title = `Tjänsteskrivelse för ${member.name}`;
  const err = (field: string) => errorFor(problems, field);
  const slug = programme.slug;
  const version = conflict ? String(memo?.version ?? 0) : values.version;
  return (
    <Layout
      title={problems.length || conflict ? `Fel: ${title}` : title}
      description={`${member.name}s tjänsteskrivelse till kommunstyrelsen om ${programme.name}.`}
    >
      <Breadcrumbs
        items={[
          { href: '/program', label: 'Program' },
          { href: `/program/${slug}`, label: programme.name },
          { href: memosPath(slug), label: 'Tjänsteskrivelser' },
        ]}
        current={member.name}
      />
      <h1>{title}</h1>
      <SavedMessage text={saved} />
      <dl class="facts">
        <dt>Program</dt>
        <dd>{`${programme.name}, version ${programme.version}`}</dd>
        <dt>Läge</dt>
        <dd>
          {MEMO_STATUS_LABELS[view.status]}
          {view.decision &&
            ` (kommunstyrelsen ${decisionDateText(view.decision.decided)}${view.decision.paragraph ? ` ${view.decision.paragraph}` : ''})`}
        </dd>
        <dt>Senast sparad</dt>
        <dd>{memo ? formatDateTime(memo.updatedAt) : 'Inte sparad ännu'}</dd>
      </dl>
      <h2>Dokumentet</h2>
      <p class="ds-paragraph">
        Tjänsteskrivelsen med det samverkan vet om programmet och kommunens egna texter nedan. Texter inom hakparentes
        saknas ännu. Word-filen har Words egna rubrik- och listformat, så att den går att klistra in i kommunens mall.
      </p>
      <DocumentLinks
        name="Tjänsteskrivelsen"
        path={(format) => memoDocumentPath(slug, member.code, format)}
        pdfAvailable={pdfAvailable}
      />
      {mayEdit ? (
        <>
          <h2>Kommunens texter</h2>
          <ErrorSummary errors={conflict ? [] : problems} />
          {conflict && (
            <div class="ds-alert" data-color="danger" role="alert" aria-labelledby="konflikt-rubrik">
              <h3 class="ds-heading" data-size="xs" id="konflikt-rubrik">
                Ändringen sparades inte
              </h3>
              <p class="ds-paragraph">{conflict}</p>
              <p class="ds-paragraph">
                Formuläret visar det du skrev. Öppna dokumentet för att se det som är sparat nu, och spara igen om dina
                texter ska gälla.
              </p>
            </div>
          )}
          <form method="post" action={memoPath(slug, member.code)} novalidate>
            <input type="hidden" name="version" value={version} />
            <RadioGroup
              id="status"
              legend="Läge"
              hint="”Beslutad” sätts av sig själv när kommunstyrelsens beslut registreras."
              options={STORED_MEMO_STATUSES.map((s) => ({ value: s, label: MEMO_STATUS_LABELS[s] }))}
              value={values.status}
              error={err('status')}
            />
            <TextField
              id="diarienummer"
              label="Diarienummer (valfritt)"
              value={values.diarienummer}
              error={err('diarienummer')}
            />
            <TextField
              id="officer"
              label="Handläggare (valfritt)"
              hint="Namn och titel, till exempel Anna Andersson, utvecklingsstrateg."
              value={values.officer}
              error={err('officer')}
            />
            <Fieldset id="installningar" legend="Kommunens inställningar (gäller alla tjänsteskrivelser)">
              <TextField
                id="committee"
                label="Utskott som bereder ärendet"
                hint="Till exempel Kommunledningsutskottet."
                value={values.committee}
                error={err('committee')}
              />
              <TextField
                id="administration"
                label="Förvaltning"
                hint="Till exempel Kommunstyrelseförvaltningen."
                value={values.administration}
                error={err('administration')}
              />
            </Fieldset>
            <Fieldset
              id="consequenceKinds"
              legend="Konsekvenser som tjänsteskrivelsen beskriver"
              hint="Kommunens inställning: de valda får en egen rubrik."
              error={err('consequenceKinds')}
            >
              {CONSEQUENCE_KINDS.map((kind, i) => (
                <Checkbox
                  id={i === 0 ? 'consequenceKinds' : `consequenceKinds-${i + 1}`}
                  name="consequenceKinds"
                  value={kind}
                  label={CONSEQUENCE_HEADINGS[kind]}
                  checked={values.consequenceKinds.includes(kind)}
                  errorOf={err('consequenceKinds')}
                />
              ))}
            </Fieldset>
            <TextArea
              id="summary"
              label="Sammanfattning (valfritt)"
              hint="Lämna tomt för samverkans sammanfattning av förslaget. En tom rad skiljer styckena åt."
              rows={5}
              value={values.summary}
              error={err('summary')}
            />
            <TextArea
              id="assessment"
              label="Förvaltningens bedömning (valfritt)"
              rows={5}
              value={values.assessment}
              error={err('assessment')}
            />
            {CONSEQUENCE_KINDS.map((kind) => (
              <TextArea
                id={CONSEQUENCE_FIELDS[kind]}
                label={`${CONSEQUENCE_HEADINGS[kind]} (valfritt)`}
                hint="Visas bara när konsekvensen är vald ovan."
                rows={3}
                value={values[CONSEQUENCE_FIELDS[kind]]}
                error={err(CONSEQUENCE_FIELDS[kind])}
              />
            ))}
            <TextArea
              id="recipients"
              label="Beslutet skickas till (valfritt)"
              hint="En mottagare per rad. Tomt: Södertörns samarbetskommitté."
              rows={3}
              value={values.recipients}
              error={err('recipients')}
            />
            <TextArea
              id="signatories"
              label="Underskrifter (valfritt)"
              hint="En per rad: namn, komma, titel. Till exempel: Anna Andersson, kommundirektör."
              rows={3}
              value={values.signatories}
              error={err('signatories')}
            />
            <Button>Spara</Button>
          </form>
        </>
      ) : (
        <p class="ds-paragraph">
          Texterna skrivs av {member.name}s handläggare och samverkans sekretariat. Du kan läsa dokumentet ovan.
        </p>
      )}
      <p class="ds-paragraph">
        <a class="ds-link" href={memosPath(slug)}>
          Till alla kommuners tjänsteskrivelser
        </a>
      </p>
    </Layout>
  );
}
