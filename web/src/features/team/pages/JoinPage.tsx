/**
 * The one-time link to join the firm (/join#token): who it is for and as what, then a password — a new
 * one, or the one of the account the email has already — and they are signed in. The token travels in
 * the fragment, so it never reaches a server log; it is removed from the address bar once read.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api, errorMessage } from '../../../api/client.ts';
import type { Me } from '../../../api/types.ts';
import { HOME_PATH } from '../../../app/page.ts';
import { navigate } from '../../../app/router.tsx';
import { useSession } from '../../../app/session.tsx';
import { BrandMark } from '../../../ui/BrandMark.tsx';
import { Loading } from '../../../ui/feedback.tsx';
import { fmtDateTime } from '../../../ui/format.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { InvitationPeek } from '../types.ts';
import '../../auth/auth.css';

export const JOIN_PATH = '/join';

/** Read once at load: the fragment is then cleared so the link is not left in the history. */
function takeToken(): string {
  const token = window.location.hash.replace(/^#/, '');
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
}

export function JoinPage() {
  usePageTitle('Join the team');
  const { adopt } = useSession();
  const [token] = useState(takeToken);
  const [peek, setPeek] = useState<InvitationPeek | null>(null);
  const [invalid, setInvalid] = useState<string | null>(token ? null : 'This link has no invitation in it.');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) return;
    api
      .post<InvitationPeek>('/join/peek', { token }, { allowUnauthenticated: true })
      .then((p) => {
        setPeek(p);
        setName(p.name);
      })
      .catch((err) => setInvalid(errorMessage(err)));
  }, [token]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!peek?.hasAccount && password !== again) {
      setError('The two passwords differ: type the same one twice.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<Me>(
        '/join/accept',
        { token, password, ...(name.trim() ? { name: name.trim() } : {}) },
        { allowUnauthenticated: true },
      );
      adopt(me);
      navigate(HOME_PATH, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'INVITATION_INVALID') setInvalid(err.message);
      else setError(errorMessage(err));
      setBusy(false);
    }
  }

  const as = peek?.role === 'owner' ? 'an owner' : 'staff';
  return (
    <div className="login-page">
      <div className="login-card">
        <div className="login-brand">
          <BrandMark size={28} />
          Outtask
        </div>
        {invalid ? (
          <>
            <h1>This link cannot be used</h1>
            <div className="banner banner-error" role="alert">
              {invalid}
            </div>
            <p className="muted">
              If you joined already, <a href="/login">sign in with your email and password</a>.
            </p>
          </>
        ) : !peek ? (
          <Loading label="Checking the invitation…" />
        ) : (
          <>
            <h1>Join {peek.workspaceName}</h1>
            <p className="muted">
              {peek.workspaceName} invites you to its Outtask workspace as {as}. The invitation is for{' '}
              {peek.email} and can be used once, until {fmtDateTime(peek.expiresAt)}.
            </p>
            <form onSubmit={submit} noValidate>
              {peek.hasAccount ? null : (
                <div className="field">
                  <label htmlFor="join-name">Your name</label>
                  <input
                    id="join-name"
                    autoComplete="name"
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                  />
                </div>
              )}
              <div className="field">
                <label htmlFor="join-password">
                  {peek.hasAccount ? 'Your password' : 'Choose a password'}
                </label>
                <input
                  id="join-password"
                  type="password"
                  autoComplete={peek.hasAccount ? 'current-password' : 'new-password'}
                  aria-describedby="join-password-hint"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
                <div className="field-hint" id="join-password-hint">
                  {peek.hasAccount
                    ? `${peek.email} has an Outtask account already: give its password to add this workspace to it.`
                    : 'At least 10 characters; you sign in with it from now on.'}
                </div>
              </div>
              {peek.hasAccount ? null : (
                <div className="field">
                  <label htmlFor="join-again">The password again</label>
                  <input
                    id="join-again"
                    type="password"
                    autoComplete="new-password"
                    required
                    value={again}
                    onChange={(e) => setAgain(e.target.value)}
                  />
                </div>
              )}
              {error ? (
                <div className="banner banner-error" role="alert">
                  {error}
                </div>
              ) : null}
              <button
                type="submit"
                className="btn btn-primary btn-block"
                disabled={busy || !password || (!peek.hasAccount && !again)}
              >
                {busy ? 'Joining…' : 'Join and sign in'}
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
