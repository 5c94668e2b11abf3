import { useId, type ReactNode } from 'react';
import { Button } from '../components/nlds';

/**
 * A list of small records edited in place (organisations, contacts, opening hours…): each row its own
 * group with a remove button, one button to add a row, and optionally move up/down for ordered lists.
 */
export function Rows<T>({ legend, rows, onChange, empty, render, addLabel, ordered, error }: {
  legend: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  empty: () => T;
  render: (row: T, set: (row: T) => void, index: number) => ReactNode;
  addLabel: string;
  ordered?: boolean;
  error?: string;
}) {
  const id = useId();
  const move = (from: number, to: number) => {
    const next = [...rows];
    const [row] = next.splice(from, 1);
    next.splice(to, 0, row);
    onChange(next);
  };
  return (
    <fieldset className="mz-facets-fieldset mz-rows" aria-describedby={error ? `${id}-fout` : undefined}>
      <legend>{legend}</legend>
      {error && <p className="utrecht-form-field-error-message" id={`${id}-fout`}>{error}</p>}
      {rows.map((row, i) => (
        <div className="mz-row" key={i} role="group" aria-label={`${legend}: ${i + 1}`}>
          {render(row, (next) => onChange(rows.map((r, j) => (j === i ? next : r))), i)}
          <div className="mz-row__actions">
            {ordered && (
              <>
                <Button type="button" appearance="subtle-button" disabled={i === 0} onClick={() => move(i, i - 1)}
                  aria-label={`${i + 1} omhoog`}>Omhoog</Button>
                <Button type="button" appearance="subtle-button" disabled={i === rows.length - 1} onClick={() => move(i, i + 1)}
                  aria-label={`${i + 1} omlaag`}>Omlaag</Button>
              </>
            )}
            <Button type="button" appearance="subtle-button" onClick={() => onChange(rows.filter((_, j) => j !== i))}
              aria-label={`${i + 1} verwijderen`}>Verwijderen</Button>
          </div>
        </div>
      ))}
      <Button type="button" appearance="secondary-action-button" onClick={() => onChange([...rows, empty()])}>{addLabel}</Button>
    </fieldset>
  );
}
