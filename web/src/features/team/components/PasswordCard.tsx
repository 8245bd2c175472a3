/** Your own password: the current one is checked; changing it ends your other sessions. */
import { type FormEvent, useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import { Field } from '../../../ui/Field.tsx';
import { useToast } from '../../../ui/toast.tsx';

export function PasswordCard() {
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post('/auth/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setError(null);
      toast('Password changed: your other sessions are signed out');
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <form className="card" onSubmit={save} aria-labelledby="password-title">
      <h2 id="password-title">Your password</h2>
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      <Field label="Current password">
        {({ id }) => (
          <input
            id={id}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        )}
      </Field>
      <Field label="New password">
        {({ id }) => (
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="btn" disabled={!current || !next}>
        Change password
      </button>
    </form>
  );
}
