/**
 * Who sees a call for bids in the portal: every out-tasker of the firm, or only those ticked. One not
 * yet in the portal may be ticked: they see the call once they join.
 */
import type { Outtasker } from '../types.ts';

export interface Audience {
  audience: 'all' | 'invited';
  outtaskerIds: string[];
}

export function AudiencePicker({
  outtaskers,
  value,
  onChange,
}: {
  outtaskers: readonly Outtasker[];
  value: Audience;
  onChange: (a: Audience) => void;
}) {
  const active = outtaskers.filter((o) => o.status === 'active');
  const toggle = (id: string, on: boolean) =>
    onChange({
      audience: 'invited',
      outtaskerIds: on ? [...value.outtaskerIds, id] : value.outtaskerIds.filter((x) => x !== id),
    });
  return (
    <fieldset className="bids-audience field-wide">
      <legend>Who sees it in the portal</legend>
      <label className="bids-audience-choice">
        <input
          type="radio"
          name="audience"
          checked={value.audience === 'all'}
          onChange={() => onChange({ audience: 'all', outtaskerIds: [] })}
        />{' '}
        All our out-taskers
      </label>
      <label className="bids-audience-choice">
        <input
          type="radio"
          name="audience"
          checked={value.audience === 'invited'}
          onChange={() => onChange({ audience: 'invited', outtaskerIds: value.outtaskerIds })}
        />{' '}
        Only the out-taskers I invite
      </label>
      {value.audience === 'invited' ? (
        active.length === 0 ? (
          <p className="faint">No active out-taskers yet: add them under Out-taskers.</p>
        ) : (
          <ul className="bids-invitees" aria-label="Invited out-taskers">
            {active.map((o) => (
              <li key={o.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={value.outtaskerIds.includes(o.id)}
                    onChange={(e) => toggle(o.id, e.target.checked)}
                  />{' '}
                  {o.name}
                  {o.portalAccount ? '' : <span className="faint"> (not in the portal yet)</span>}
                </label>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </fieldset>
  );
}
