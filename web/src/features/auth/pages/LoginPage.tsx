/** Sign in with email and password; afterwards back to the page that asked for it. */
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import { HOME_PATH } from '../../../app/page.ts';
import { navigate, useLocation } from '../../../app/router.tsx';
import { useSession } from '../../../app/session.tsx';
import { BrandMark } from '../../../ui/BrandMark.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import '../auth.css';

/** Only same-site paths are followed after sign-in (never another origin). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return HOME_PATH;
  return next;
}

export function LoginPage() {
  usePageTitle('Sign in');
  const { signIn } = useSession();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      navigate(safeNext(search.get('next')), { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <div className="login-card">
        <div className="login-brand">
          <BrandMark size={28} />
          Outtask
        </div>
        <h1>Sign in</h1>
        <p className="muted">Find the tasks worth handing out, and hand them out.</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="login-email">Email</label>
            <input
              id="login-email"
              type="email"
              autoComplete="username"
              required
              // biome-ignore lint/a11y/noAutofocus: the sign-in page has one job; the email field is it
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              id="login-password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {error ? (
            <div className="banner banner-error" role="alert">
              {error}
            </div>
          ) : null}
          <button type="submit" className="btn btn-primary btn-block" disabled={busy || !email || !password}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </div>
  );
}
