import type { ProgrammeListItem } from '../../app/programmes/list-programmes.js';
import { ButtonLink } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { StatusTag } from '../components/status-tag.js';
import { Layout } from '../layout.js';
import { inForceText, statusLabel, targetYearText, validityText } from '../present.js';

/** Every programme of the cooperation, oldest first, with its derived status. */
export function ProgrammeListPage({
  items,
  collaborationName,
}: {
  items: ProgrammeListItem[];
  collaborationName: string;
}) {
  return (
    <Layout
      title="Program"
      description="Samverkans utvecklingsprogram, från det första till utkasten: status, giltighetsperiod, målår och vilket program som gäller i dag."
      current="/program"
    >
      <h1>Utvecklingsprogram</h1>
      <p class="ds-paragraph">
        {collaborationName}s utvecklingsprogram, från det äldsta till det senaste. Ett program gäller när samtliga
        medlemmars kommunstyrelser har antagit det, och ersätts när ett senare program börjar gälla.
      </p>
      <div class="actions">
        <ButtonLink href="/program/nytt">Nytt utkast</ButtonLink>
      </div>
      <DataTable
        caption="Program och deras status"
        rowHeaders
        columns={[
          { label: 'Program' },
          { label: 'Målår' },
          { label: 'Giltighetsperiod' },
          { label: 'Status' },
          { label: 'När' },
        ]}
        rows={items.map(({ programme, status }) => [
          <a class="ds-link" href={`/program/${programme.slug}`}>
            {programme.name} <span class="meta">({programme.slug})</span>
          </a>,
          targetYearText(programme),
          validityText(programme),
          <StatusTag kind={status.kind} label={statusLabel(status)} />,
          inForceText(status),
        ])}
      />
    </Layout>
  );
}
