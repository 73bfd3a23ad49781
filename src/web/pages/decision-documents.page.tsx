/**
 * Reading a board's document to record its decision: the upload (a file or pasted text) with the
 * documents read before, and the review of one document — the text as read beside the text repaired,
 * every change marked and listed, and the decision form filled in from what was found, with where.
 */
import type { DecisionDocumentReview } from '../../app/decision-documents/keep-decision-document.js';
import type { DecisionDocument, DecisionDocumentSummary } from '../../domain/decision-documents/decision-document.js';
import type { Evidence, FieldName } from '../../domain/decision-documents/document-reading.js';
import { repairSegments, type Segment } from '../../domain/decision-documents/repair-segments.js';
import type { FieldProblem } from '../../domain/errors.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { ProgrammeDecisionFields } from '../components/decision-fields.js';
import { ErrorSummary, errorFor } from '../components/error-summary.js';
import { RadioGroup } from '../components/fieldset.js';
import { FileField, Select, TextArea } from '../components/form-field.js';
import {
  decisionDocumentConfirmPath,
  decisionDocumentFilePath,
  decisionDocumentPath,
  DOCUMENT_UPLOAD_PATH,
} from '../decision-document-paths.js';
import { formatDateTime, formatNumber } from '../format.js';
import { Layout } from '../layout.js';
import { OUTCOME_LABELS } from '../present.js';

const KIND_LABELS = {
  minutes: 'Protokoll eller protokollsutdrag',
  memo: 'Tjänsteskrivelse',
  unknown: 'Okänt slag av dokument',
} as const;

const METHOD_LABELS = {
  'text-layer': 'PDF-filens textlager',
  ocr: 'Teckenigenkänning (OCR) på svenska',
  pasted: 'Inklistrad text',
} as const;

const breadcrumbs = [
  { href: '/', label: 'Start' },
  { href: '/antagande', label: 'Antagande' },
];

export interface DecisionDocumentsPageProps {
  documents: DecisionDocumentSummary[];
  values?: Record<string, string>;
  problems?: FieldProblem[];
}

/** The upload form and the documents read before. */
export function DecisionDocumentsPage({ documents, values = {}, problems = [] }: DecisionDocumentsPageProps) {
  return (
    <Layout
      title="Läs in beslut från dokument"
      description="Läs in ett protokollsutdrag eller en tjänsteskrivelse, granska texten och bekräfta beslutet."
      current="/antagande"
    >
      <Breadcrumbs items={breadcrumbs} current="Läs in beslut från dokument" />
      <h1>Läs in beslut från dokument</h1>
      <p class="ds-paragraph lead">
        Ladda upp protokollsutdraget från kommunstyrelsens sammanträde – en PDF eller en skannad bild – eller klistra in
        texten. Tjänsten läser texten, lagar skanningsskador på å, ä och ö och fyller i beslutets uppgifter. Du granskar
        och bekräftar dem innan något registreras.
      </p>
      <ErrorSummary errors={problems} />
      <form method="post" action={DOCUMENT_UPLOAD_PATH} enctype="multipart/form-data" novalidate class="panel">
        <FileField
          id="fil"
          label="Fil"
          hint="PDF, PNG, JPEG eller TIFF, högst 20 MB och 100 sidor."
          accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff"
          error={errorFor(problems, 'fil')}
        />
        <TextArea
          id="text"
          label="Eller klistra in texten"
          hint="Används bara om ingen fil är vald."
          rows={8}
          value={values['text']}
          error={errorFor(problems, 'text')}
        />
        <Button>Läs in</Button>
      </form>
      <h2 class="ds-heading" data-size="md">
        Inlästa dokument
      </h2>
      <DataTable
        caption="Inlästa dokument, det senaste först"
        columns={[{ label: 'Dokument' }, { label: 'Slag' }, { label: 'Inläst' }, { label: 'Status' }]}
        rows={documents.map((d) => [
          <a href={decisionDocumentPath(d.id)}>{d.fileName}</a>,
          KIND_LABELS[d.kind],
          formatDateTime(d.readAt),
          d.decisionId === null ? 'Väntar på granskning' : 'Bekräftat beslut',
        ])}
        empty="Inga dokument är inlästa ännu."
      />
    </Layout>
  );
}

/** The text with each repaired part marked by a line and its number, so the mark is not colour alone. */
function MarkedText({ segments, side }: { segments: Segment[]; side: 'read' | 'repaired' }) {
  return (
    <div
      class="document-text"
      role="region"
      tabindex={0}
      aria-label={side === 'read' ? 'Texten som den lästes' : 'Lagad text'}
    >
      <pre>
        {segments.map((s) =>
          s.change === undefined ? (
            s.text
          ) : side === 'read' ? (
            <del class="repair" id={`las-${s.change}`}>
              <span class="ds-sr-only">(ändring {s.change}, stod: </span>
              {s.text}
              <span class="ds-sr-only">)</span>
              <sup aria-hidden="true">{s.change}</sup>
            </del>
          ) : (
            <ins class="repair" id={`lagad-${s.change}`}>
              <span class="ds-sr-only">(ändring {s.change}, blev: </span>
              {s.text}
              <span class="ds-sr-only">)</span>
              <sup aria-hidden="true">{s.change}</sup>
            </ins>
          ),
        )}
      </pre>
    </div>
  );
}

const FIELD_LABELS: Record<FieldName, string> = {
  body: 'Organ',
  member: 'Kommun',
  date: 'Sammanträdesdatum',
  paragraph: 'Paragraf',
  diarienummer: 'Diarienummer',
  outcome: 'Beslut',
  programme: 'Program',
  earlierDecision: 'Tidigare beslut som nämns',
  signatories: 'Undertecknat av',
};

/** What was found for each field, and the words in the text it was found in. */
function FoundFields({ document }: { document: DecisionDocument }) {
  const { fields, evidence } = document.extraction;
  const shown: Record<FieldName, string | null> = {
    body: fields.body,
    member: fields.member && `${fields.member.name} (${fields.member.code})`,
    date: fields.date,
    paragraph: fields.paragraph,
    diarienummer: fields.diarienummer,
    outcome: fields.outcome && OUTCOME_LABELS[fields.outcome],
    programme: fields.programme?.name ?? null,
    earlierDecision:
      fields.earlierDecision &&
      [fields.earlierDecision.body, fields.earlierDecision.date, fields.earlierDecision.paragraph]
        .filter(Boolean)
        .join(' '),
    signatories: fields.signatories.length ? fields.signatories.join(', ') : null,
  };
  const quote = (list: Evidence[] | undefined) =>
    list?.length ? list.map((e) => `”${e.text.replace(/\s+/g, ' ').trim()}”`).join(', ') : '';
  return (
    <dl class="facts">
      {(Object.keys(FIELD_LABELS) as FieldName[]).map((name) => (
        <>
          <dt>{FIELD_LABELS[name]}</dt>
          <dd>
            {shown[name] ?? <span class="meta">Hittades inte i texten</span>}
            {shown[name] && evidence[name]?.length ? (
              <span class="meta evidence"> – står i texten som {quote(evidence[name])}</span>
            ) : null}
          </dd>
        </>
      ))}
    </dl>
  );
}

export interface DecisionDocumentReviewPageProps {
  review: DecisionDocumentReview;
  form?: { values: Record<string, string>; problems: FieldProblem[] } | undefined;
}

/** The form's values as the document gives them, for the person to check and correct. */
export function prefilledValues({ document, programmes, members }: DecisionDocumentReview): Record<string, string> {
  const { fields, kind } = document.extraction;
  const member = fields.member && members.find((m) => m.code === fields.member?.code);
  const committee = /samarbetskommitt/i.test(fields.body ?? '');
  const programme = programmes.find((p) => p.id === fields.programme?.id);
  const source = [
    kind === 'minutes' ? 'Protokollsutdrag' : KIND_LABELS[kind],
    [fields.body, fields.date, fields.paragraph].filter(Boolean).join(' '),
    fields.diarienummer && `dnr ${fields.diarienummer}`,
    `fil ${document.fileName}, SHA-256 ${document.sha256}`,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    programme: programme?.slug ?? '',
    kind: kind === 'unknown' ? '' : kind,
    memberId: member ? String(member.id) : '',
    bodyKind: committee ? 'committee' : 'board',
    outcome: fields.outcome ?? '',
    datePrecision: fields.date ? 'exact' : '',
    date: fields.date ?? '',
    paragraph: fields.paragraph ?? '',
    note: '',
    source: source.slice(0, 1000),
  };
}

export function DecisionDocumentReviewPage({ review, form }: DecisionDocumentReviewPageProps) {
  const { document, programmes, confirmedIn } = review;
  const { read, repaired, repairs } = repairSegments(document.readText, document.repairs);
  const { kind, kindReason } = document.extraction;
  const values = form?.values ?? prefilledValues(review);
  const problems = form?.problems ?? [];
  const err = (field: string) => errorFor(problems, field);
  const title = `Granska ${document.fileName}`;
  return (
    <Layout
      title={title}
      description="Texten som den lästes bredvid den lagade texten, och beslutets uppgifter att bekräfta."
      current="/antagande"
    >
      <Breadcrumbs
        items={[...breadcrumbs, { href: DOCUMENT_UPLOAD_PATH, label: 'Läs in beslut från dokument' }]}
        current={document.fileName}
      />
      <h1>{title}</h1>
      {confirmedIn && (
        <div class="ds-alert notice" data-color="success" role="status">
          <p class="ds-paragraph">
            Beslutet är bekräftat och registrerat med dokumentet som källa.{' '}
            <a href={`/program/${confirmedIn.slug}/antagande`}>Se antagandet av {confirmedIn.name}</a>.
          </p>
        </div>
      )}
      <dl class="facts">
        <dt>Slag av dokument</dt>
        <dd>
          {KIND_LABELS[kind]} <span class="meta">– {kindReason}</span>
        </dd>
        <dt>Fil</dt>
        <dd>
          <a href={decisionDocumentFilePath(document.id)}>{document.fileName}</a> ({document.mediaType},{' '}
          {formatNumber(document.pages)} {document.pages === 1 ? 'sida' : 'sidor'}, {formatNumber(document.sizeBytes)}{' '}
          byte)
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code class="hash">{document.sha256}</code>
        </dd>
        <dt>Texten lästes från</dt>
        <dd>
          {METHOD_LABELS[document.readMethod]}
          {document.ocrConfidence !== null &&
            ` (säkerhet ${formatNumber(document.ocrConfidence, { decimals: 0 })} av 100)`}
        </dd>
        <dt>Inläst</dt>
        <dd>{formatDateTime(document.readAt)}</dd>
      </dl>
      {kind === 'memo' && (
        <div class="ds-alert notice" data-color="warning">
          <p class="ds-paragraph">
            Det här ser ut att vara en tjänsteskrivelse. Den föreslår ett beslut men registrerar inget: läs in
            protokollet eller protokollsutdraget från sammanträdet för att registrera beslutet.
          </p>
        </div>
      )}

      <h2 class="ds-heading" data-size="md" id="texten">
        Texten
      </h2>
      <p class="ds-paragraph">
        {repairs.length === 0
          ? 'Ingenting i texten behövde lagas.'
          : `${formatNumber(repairs.length)} ${repairs.length === 1 ? 'ord är lagat' : 'ord är lagade'}. Det som ändrats är överstruket i den lästa texten och understruket i den lagade, med samma nummer. Alla ändringar står i tabellen under texterna.`}
      </p>
      <div class="text-compare">
        <section aria-labelledby="last-rubrik">
          <h3 class="ds-heading" data-size="xs" id="last-rubrik">
            Som den lästes
          </h3>
          <MarkedText segments={read} side="read" />
        </section>
        <section aria-labelledby="lagad-rubrik">
          <h3 class="ds-heading" data-size="xs" id="lagad-rubrik">
            Lagad
          </h3>
          <MarkedText segments={repaired} side="repaired" />
        </section>
      </div>
      {repairs.length > 0 && (
        <DataTable
          caption="Ändringar i texten"
          columns={[{ label: 'Nr', numeric: true }, { label: 'Stod' }, { label: 'Blev' }, { label: 'Varför' }]}
          rows={repairs.map((r, i) => [String(i + 1), r.from, r.to, r.reason])}
        />
      )}

      <h2 class="ds-heading" data-size="md" id="uppgifter">
        Det som hittades
      </h2>
      <FoundFields document={document} />

      {document.decisionId === null && (
        <section aria-labelledby="bekrafta-rubrik" class="panel">
          <h2 class="ds-heading" data-size="md" id="bekrafta-rubrik">
            Bekräfta beslutet
          </h2>
          <p class="ds-paragraph">
            Uppgifterna är ifyllda från texten. Kontrollera dem mot dokumentet och rätta det som är fel. Först när du
            bekräftar registreras beslutet, med dokumentet som källa.
          </p>
          <ErrorSummary errors={problems} />
          <form method="post" action={decisionDocumentConfirmPath(document.id)} novalidate>
            <RadioGroup
              id="kind"
              legend="Slag av dokument"
              options={[
                { value: 'minutes', label: 'Protokoll eller protokollsutdrag (registrerar ett beslut)' },
                { value: 'memo', label: 'Tjänsteskrivelse (föreslår ett beslut)' },
              ]}
              value={values['kind']}
              error={err('kind')}
            />
            <Select
              id="programme"
              label="Program"
              placeholder="Välj program"
              options={programmes.map((p) => ({ value: p.slug, label: `${p.name} (${p.slug})` }))}
              value={values['programme']}
              error={err('programme')}
            />
            <ProgrammeDecisionFields
              members={review.members}
              committee={review.committee}
              values={values}
              problems={problems}
            />
            <Button>Bekräfta och registrera beslutet</Button>
          </form>
        </section>
      )}
    </Layout>
  );
}
