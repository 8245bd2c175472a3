/**
 * Out-task → Bids: for a job post (compiled from the task's approved procedure), open a call for bids
 * to the portal's out-taskers, enter a bid from a marketplace by hand, compare the bids side by side —
 * the price in the firm's currency at its dated rates, the turnaround against the SLA, the cost a year
 * at the task's volume and the saving against doing it in-house (step 1) — and award one: that makes
 * the contract (once per post; the server refuses a second award).
 */
import { useState } from 'react';
import { useApi } from '../../../api/useApi.ts';
import { Link, setQuery, useLocation } from '../../../app/router.tsx';
import { Field } from '../../../ui/Field.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtMoney, fmtNumber, pluralUnit } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { JobPost } from '../../posts/types.ts';
import { AwardDialog } from '../components/AwardDialog.tsx';
import { CallPanel } from '../components/CallPanel.tsx';
import { ComparisonTable } from '../components/ComparisonTable.tsx';
import { EnterBid } from '../components/EnterBid.tsx';
import type { Award, BidCall, Comparison, ComparisonRow, Outtasker } from '../types.ts';

interface PostRow {
  id: string;
  taskId: string;
  taskName: string;
  title: string;
}

export function BidsPage() {
  usePageTitle('Bids');
  const toast = useToast();
  const { search } = useLocation();
  const postId = search.get('post') ?? '';
  const posts = useApi<PostRow[]>('/posts');
  const chosen = posts.data?.find((p) => p.id === postId);
  const post = useApi<JobPost>(chosen ? `/posts/${encodeURIComponent(chosen.id)}` : null);
  const cmp = useApi<Comparison>(
    chosen
      ? `/bids/compare/${encodeURIComponent(chosen.taskId)}?postId=${encodeURIComponent(chosen.id)}`
      : null,
  );
  const calls = useApi<BidCall[]>('/bid-calls');
  const outtaskers = useApi<Outtasker[]>('/outtaskers');
  const [awarding, setAwarding] = useState<ComparisonRow | null>(null);
  const [award, setAward] = useState<Award | null>(null);
  const call =
    calls.data?.find((c) => c.postId === postId && c.status === 'open') ??
    calls.data?.find((c) => c.postId === postId);
  const awarded = Boolean(cmp.data?.rows.some((r) => r.bid.status === 'awarded'));
  const reload = async () => {
    await Promise.all([cmp.reload(), calls.reload()]);
  };
  const c = cmp.data;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <div className="breadcrumb">Out-task / Bids</div>
          <h1>Bids</h1>
          <p className="lede">
            Open a job post to the portal’s out-taskers, or enter the bids it got on a marketplace; compare
            them side by side against what the task costs in-house, and award one. The award makes the
            contract.
          </p>
        </div>
      </div>
      {posts.error ? <ErrorBanner error={posts.error} onRetry={() => void posts.reload()} /> : null}
      {posts.data && posts.data.length === 0 ? (
        <EmptyState title="No job posts yet">
          Bids are taken on a job post:{' '}
          <Link to="/outtask/posts">compile one from a task’s approved procedure</Link>.
        </EmptyState>
      ) : null}
      {posts.data && posts.data.length > 0 ? (
        <Field label="Job post">
          {({ id }) => (
            <select
              id={id}
              value={postId}
              onChange={(e) => {
                setAward(null);
                setQuery({ post: e.target.value });
              }}
            >
              <option value="">Choose a post…</option>
              {posts.data!.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title && p.title !== p.taskName ? `${p.taskName}: ${p.title}` : p.taskName}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {!posts.data && posts.loading ? <Loading /> : null}

      {award ? (
        <div className="banner banner-success" role="status">
          <div>
            <strong>
              Awarded to {award.contract.outtaskerName}: {fmtMoney(award.contract.unitPrice, { cents: true })}{' '}
              a {award.contract.unit}, {award.contract.slaHours} hours.
            </strong>{' '}
            {award.declined > 0
              ? `${award.declined} other ${award.declined === 1 ? 'bid' : 'bids'} declined. `
              : ''}
            <Link to={`/work-orders/new?contract=${encodeURIComponent(award.contract.id)}`}>
              Send the first work order under this contract
            </Link>
          </div>
        </div>
      ) : null}

      {chosen && post.data ? (
        <>
          <section className="wo-section" aria-labelledby="bids-compare">
            <h2 id="bids-compare">Bids compared</h2>
            {cmp.error ? <ErrorBanner error={cmp.error} onRetry={() => void cmp.reload()} /> : null}
            {c ? (
              <>
                <p className="bids-basis">
                  In-house today: <strong>{fmtMoney(c.inHouseAnnualCost)} a year</strong> for{' '}
                  {fmtNumber(c.annualUnits, 0)} {pluralUnit(c.unit, c.annualUnits)} ({c.inHouseExplanation}).
                  Asked turnaround: {c.slaHours} hours.
                </p>
                <ComparisonTable cmp={c} awarded={awarded} onAward={setAwarding} />
                {c.rows[0]?.costExplanation ? (
                  <p className="faint bids-cost-note">
                    How a cost a year is counted (first row): {c.rows[0].costExplanation}
                  </p>
                ) : null}
              </>
            ) : (
              <Loading />
            )}
          </section>
          <section className="wo-section" aria-labelledby="bids-call">
            <h2 id="bids-call">Call for bids in the portal</h2>
            {calls.data ? (
              <CallPanel
                key={`${call?.id ?? 'none'}:${call?.audience}:${call?.invitedOuttaskerIds.join(',')}`}
                post={post.data}
                call={call}
                outtaskers={outtaskers.data ?? []}
                onChanged={reload}
              />
            ) : (
              <Loading />
            )}
          </section>
          {!awarded ? (
            <section className="wo-section" aria-labelledby="bids-enter">
              <h2 id="bids-enter">Enter a bid from a marketplace</h2>
              <EnterBid post={post.data} onEntered={reload} />
            </section>
          ) : null}
        </>
      ) : null}
      {chosen && post.error ? <ErrorBanner error={post.error} /> : null}

      {awarding && post.data && c ? (
        <AwardDialog
          row={awarding}
          post={post.data}
          slaHours={c.slaHours}
          onClose={() => setAwarding(null)}
          onAwarded={async (a) => {
            setAwarding(null);
            setAward(a);
            toast(`Awarded to ${a.contract.outtaskerName}`);
            await reload();
          }}
        />
      ) : null}
    </div>
  );
}
