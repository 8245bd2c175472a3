/** A labeled form control with its hint and its error, wired for screen readers. */
import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { currencySymbol } from './format.ts';

export function Field({
  label,
  hint,
  error,
  children,
  className,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && !error ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="field-error" id={errId} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** A text input for an amount, with the currency's symbol in front. */
export function MoneyInput({
  currency,
  ...rest
}: InputHTMLAttributes<HTMLInputElement> & { currency: string }) {
  return (
    <div className="money-input">
      <span className="money-prefix" aria-hidden="true">
        {currencySymbol(currency)}
      </span>
      <input inputMode="decimal" autoComplete="off" {...rest} />
    </div>
  );
}
