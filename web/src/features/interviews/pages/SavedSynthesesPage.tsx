/**
 * Automate → Saved syntheses: every synthesis the firm kept, by engagement and task, with who changed it
 * last; each opens to be edited before export.
 */
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { type SavedSynthesisSummary, savedSynthesisPath } from '../savedTypes.ts';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function SavedSynthesesPage() {
  usePageTitle('Saved syntheses');
  const list = useApi<SavedSynthesisSummary[]>('/syntheses');
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <div className="breadcrumb">Automate / Saved syntheses</div>
          <h1>Saved syntheses</h1>
          <p className="lede">
            Every deck the synthesis built, kept under its engagement. Open one to rename, merge, split or
            drop themes and choose the quotes before the client sees it; the deck, the report and
            insights.json are rendered from the edited version.
          </p>
        </div>
        <div className="page-actions">
          <Link className="btn btn-primary" to="/interviews/synthesis">
            Build a new deck
          </Link>
        </div>
      </div>
      {list.error ? (
        <ErrorBanner error={list.error} title="The saved syntheses could not be loaded." />
      ) : null}
      {list.loading && !list.data ? <Loading label="Loading the saved syntheses…" /> : null}
      {list.data && list.data.length === 0 ? (
        <EmptyState title="No saved synthesis yet">
          Build a deck on the <Link to="/interviews/synthesis">interview synthesis</Link> page: it is saved
          here.
        </EmptyState>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <DataTable className="syntheses-table">
          <thead>
            <tr>
              <th>Synthesis</th>
              <th>Engagement</th>
              <th>Task</th>
              <th className="num">Interviews</th>
              <th className="num">Themes</th>
              <th className="num">Edits</th>
              <th>Last changed</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={savedSynthesisPath(s.id)}>{s.title}</Link>
                </td>
                <td>{s.engagement}</td>
                <td>{s.task?.name ?? '—'}</td>
                <td className="num">{s.interviews}</td>
                <td className="num">{s.themes}</td>
                <td className="num">{s.edits}</td>
                <td>
                  {when(s.updatedAt)}
                  {s.updatedBy ? ` · ${s.updatedBy.name}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </div>
  );
}
