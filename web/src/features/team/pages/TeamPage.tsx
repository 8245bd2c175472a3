/**
 * The team and the settings every figure depends on: the firm's members with their loaded hourly cost
 * and capacity (the founder marked; who left, and when), the people who can sign in with their roles
 * and the invitations to join, the workspace (currency, fiscal year), the economics defaults (platform
 * fee, review share), and your own password. Settings, roles and loaded costs are an owner's to change;
 * the server refuses anyone else, and every change is in the audit trail.
 */
import { useState } from 'react';
import type { EconomicsSettings, Member } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { useMe } from '../../../app/session.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import { fmtDate, fmtMoney, fmtNumber } from '../../../ui/format.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { AccessCard } from '../components/AccessCard.tsx';
import { EconomicsCard } from '../components/EconomicsCard.tsx';
import {
  type Draft,
  draftOf,
  EMPTY_DRAFT,
  MEMBER_ROLE_LABEL,
  MemberForm,
} from '../components/MemberForm.tsx';
import { PasswordCard } from '../components/PasswordCard.tsx';
import { WorkspaceCard } from '../components/WorkspaceCard.tsx';
import type { WorkspaceSettings } from '../types.ts';

export function TeamPage() {
  usePageTitle('Team and settings');
  const me = useMe();
  const owner = me.role === 'owner';
  const members = useApi<Member[]>('/members');
  const settings = useApi<Required<EconomicsSettings>>('/settings/economics');
  const workspace = useApi<WorkspaceSettings>('/workspace/settings');
  const [draft, setDraft] = useState<Draft | null>(null);
  const currency = me.workspace.currency;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Team and settings</h1>
          <p className="lede">
            Who does the work and what an hour of each person costs: every in-house cost and saving starts
            here.
          </p>
        </div>
      </div>

      <section className="card section" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        {owner ? null : (
          <p className="muted">Loaded costs and roles are an owner’s to change; you can change the rest.</p>
        )}
        {members.error ? <ErrorBanner error={members.error} /> : null}
        <DataTable className="members-table">
          <caption className="visually-hidden">The firm’s members</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Title</th>
              <th scope="col">Role</th>
              <th scope="col" className="num">
                Loaded cost / h
              </th>
              <th scope="col" className="num">
                Capacity h / yr
              </th>
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(members.data ?? []).map((m) => (
              <tr key={m.id} className={m.leftOn ? 'member-left' : undefined}>
                <th scope="row" className="task-name">
                  {m.name}
                  {m.role === 'founder' ? (
                    <span className="badge badge-accent founder-flag">Founder</span>
                  ) : null}
                  {m.leftOn ? <span className="badge left-flag">Left {fmtDate(m.leftOn)}</span> : null}
                </th>
                <td>{m.title || <span className="faint">—</span>}</td>
                <td>{MEMBER_ROLE_LABEL[m.role]}</td>
                <td className="num">{fmtMoney(m.hourlyCost)}</td>
                <td className="num">{fmtNumber(m.yearlyCapacityHours)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Change ${m.name}`}
                    onClick={() => setDraft(draftOf(m))}
                  >
                    Change
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <MemberForm
          key={draft?.id ?? 'new'}
          draft={draft ?? EMPTY_DRAFT}
          currency={currency}
          owner={owner}
          onChange={setDraft}
          onSaved={() => void members.reload()}
        />
      </section>

      <div className="grid-2 section">
        {workspace.data ? (
          <WorkspaceCard
            key={workspace.data.version}
            settings={workspace.data}
            owner={owner}
            onSaved={() => void workspace.reload()}
          />
        ) : workspace.error ? (
          <ErrorBanner error={workspace.error} />
        ) : null}
        {settings.data ? (
          <EconomicsCard settings={settings.data} owner={owner} onSaved={() => void settings.reload()} />
        ) : settings.error ? (
          <ErrorBanner error={settings.error} />
        ) : null}
      </div>

      <AccessCard owner={owner} myId={me.user.id} />

      <div className="grid-2 section">
        <PasswordCard />
      </div>
    </div>
  );
}
