/**
 * The post as one marketplace takes it: each field with its limit and a copy button, what had to be
 * shortened or converted, the marketplace's posting page, and the listing's address pasted back.
 */
import { type FormEvent, useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import {
  type JobPost,
  type Listing,
  type ListingRecorded,
  MARKETPLACE_TABS,
  type MarketplaceId,
  type Rendering,
} from '../types.ts';

function CopyButton({ label, text }: { label: string; text: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('copied');
    } catch {
      setDone('failed');
    }
  };
  return (
    <button type="button" className="btn btn-small" onClick={() => void copy()} aria-label={`Copy ${label}`}>
      {done === 'copied' ? 'Copied' : done === 'failed' ? 'Select and copy' : 'Copy'}
    </button>
  );
}

export function RenderingPanel({ post }: { post: JobPost }) {
  const [m, setM] = useState<MarketplaceId>('upwork');
  const r = useApi<Rendering>(`/posts/${post.id}/render/${m}?v=${post.version}`);
  const listings = useApi<Listing[]>(`/posts/${post.id}/listings`);
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const label = MARKETPLACE_TABS.find((t) => t.id === m)!.label;

  const record = async (e: FormEvent) => {
    e.preventDefault();
    setUrlError(null);
    setRecorded(null);
    try {
      const res = await api.post<ListingRecorded>(`/posts/${post.id}/listings`, { marketplace: m, url });
      setRecorded(
        res.created
          ? `Recorded${res.listing.externalId ? ` (listing ${res.listing.externalId})` : ''}.`
          : 'That listing was already recorded.',
      );
      setUrl('');
      await listings.reload();
    } catch (err) {
      setUrlError(errorMessage(err));
    }
  };

  return (
    <section className="card rendering" aria-labelledby="rendering-title">
      <h2 id="rendering-title">Post it on a marketplace</h2>
      <fieldset className="marketplace-tabs">
        <legend className="visually-hidden">Marketplace</legend>
        {MARKETPLACE_TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            className={`btn btn-small${t.id === m ? ' btn-primary' : ''}`}
            aria-pressed={t.id === m}
            onClick={() => setM(t.id)}
          >
            {t.label}
          </button>
        ))}
      </fieldset>
      {r.error ? <ErrorBanner error={r.error} title="The rendering could not be made." /> : null}
      {r.loading && !r.data ? <Loading label="Rendering…" /> : null}
      {r.data && r.data.marketplace === m ? (
        <>
          {r.data.postingUrl ? (
            <p>
              <a href={r.data.postingUrl} target="_blank" rel="noopener noreferrer">
                Open {label}’s posting page
              </a>{' '}
              (a new tab), then copy each field into its form.
            </p>
          ) : (
            <p>Copy the subject and the body into an email or your own site.</p>
          )}
          {r.data.warnings.length > 0 ? (
            <ul className="render-warnings" aria-label="What to check before posting">
              {r.data.warnings.map((w) => (
                <li key={`${w.field}-${w.code}-${w.message}`}>{w.message}</li>
              ))}
            </ul>
          ) : null}
          <dl className="render-fields">
            {r.data.layout.map((l) => {
              const v = r.data!.fields[l.field] ?? '';
              const text = Array.isArray(v) ? v.join('\n') : v;
              const limit = l.maxItems
                ? `at most ${l.maxItems}`
                : l.max
                  ? `${text.length} of ${l.max} characters`
                  : null;
              return (
                <div key={l.field} className="render-field">
                  <dt>
                    {l.label}
                    {limit ? <span className="render-limit"> ({limit})</span> : null}
                    <CopyButton label={l.label} text={text} />
                  </dt>
                  <dd>
                    {Array.isArray(v) ? (
                      <ul>
                        {v.map((x) => (
                          <li key={x}>{x}</li>
                        ))}
                      </ul>
                    ) : (
                      <pre className="render-text">{v || '—'}</pre>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
          <form className="paste-back" onSubmit={(e) => void record(e)}>
            <Field
              label={`The listing’s address on ${label}`}
              error={urlError ?? undefined}
              hint="Paste it once the post is live."
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  type="url"
                  value={url}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => setUrl(e.target.value)}
                  placeholder="https://"
                />
              )}
            </Field>
            <button type="submit" className="btn" disabled={!url.trim()}>
              Record the listing
            </button>
            {recorded ? (
              <p className="paste-ok" role="status">
                {recorded}
              </p>
            ) : null}
          </form>
        </>
      ) : null}
      {listings.data && listings.data.length > 0 ? (
        <table className="listings-table">
          <caption>Where this post is listed</caption>
          <thead>
            <tr>
              <th scope="col">Marketplace</th>
              <th scope="col">Listing</th>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {listings.data.map((l) => (
              <tr key={l.id}>
                <td>{MARKETPLACE_TABS.find((t) => t.id === l.marketplace)?.label ?? l.marketplace}</td>
                <td>
                  <a href={l.url} target="_blank" rel="noopener noreferrer">
                    {l.externalId ?? l.url}
                  </a>
                </td>
                <td>{l.postVersion}</td>
                <td>{l.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
