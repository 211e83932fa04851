// The shape every desk section shares: a list filtered by one state, where opening a row shows
// its detail in place and "back" returns to the list (and its filter) as it was.
import { useState } from 'react';
import type { ReactNode } from 'react';

/** A list or, once a row is opened, that row's detail under a "back" button. */
export function ListOrDetail(props: {
  readonly openId: string | undefined;
  readonly back: string;
  readonly detail: (id: string) => ReactNode;
  readonly list: (open: (id: string) => void) => ReactNode;
}) {
  const [open, setOpen] = useState(props.openId);
  if (open === undefined) return <>{props.list(setOpen)}</>;
  return (
    <>
      <button
        type="button"
        className="secondary back"
        onClick={() => {
          setOpen(undefined);
        }}
      >
        {props.back}
      </button>
      {props.detail(open)}
    </>
  );
}

/** A labelled choice of one of `values` (or of all, when `all` names that choice as ''). */
export function StateFilter<T extends string>(props: {
  readonly label: string;
  readonly values: readonly T[];
  readonly value: T | '';
  readonly labelOf: (value: T) => string;
  readonly all?: string;
  readonly onChange: (value: T | '') => void;
}) {
  return (
    <label className="inline">
      {props.label}
      <select
        value={props.value}
        onChange={(event) => {
          const chosen = props.values.find((value) => value === event.target.value);
          if (chosen !== undefined) props.onChange(chosen);
          else if (props.all !== undefined) props.onChange('');
        }}
      >
        {props.all === undefined ? null : <option value="">{props.all}</option>}
        {props.values.map((value) => (
          <option key={value} value={value}>
            {props.labelOf(value)}
          </option>
        ))}
      </select>
    </label>
  );
}
