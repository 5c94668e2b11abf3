import { cloneElement, useId, type ReactElement } from 'react';
import { FormField, FormLabel } from '../components/nlds';

/**
 * One labelled form field with its refusal next to it: the control gets the id, aria-invalid and
 * aria-describedby, so a screen reader reads the reason with the field.
 */
export function Field({ label, error, hint, children }: {
  label: string;
  error?: string;
  hint?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const described = [error && `${id}-fout`, hint && `${id}-uitleg`].filter(Boolean).join(' ') || undefined;
  return (
    <FormField invalid={!!error}>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {hint && <p className="utrecht-form-field-description" id={`${id}-uitleg`}>{hint}</p>}
      {error && <p className="utrecht-form-field-error-message" id={`${id}-fout`}>{error}</p>}
      {cloneElement(children, { id, 'aria-describedby': described, ...(error ? invalid(children) : {}) })}
    </FormField>
  );
}

/** Utrecht's React controls set aria-invalid from their own `invalid` prop (and override ours); HTML ones take it directly. */
function invalid(control: ReactElement) {
  return typeof control.type === 'string' ? { 'aria-invalid': true } : { invalid: true, 'aria-invalid': true };
}

/** A group of checkboxes for a set of codes. */
export function Checkboxes({ legend, options, value, onChange, error }: {
  legend: string;
  options: Record<string, string>;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset className="mz-facets-fieldset" aria-describedby={error ? `${id}-fout` : undefined}>
      <legend>{legend}</legend>
      {error && <p className="utrecht-form-field-error-message" id={`${id}-fout`}>{error}</p>}
      {Object.entries(options).map(([code, name]) => (
        <div className="mz-facet" key={code}>
          <input type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" id={`${id}-${code}`}
            checked={value.includes(code)}
            onChange={(e) => onChange(e.target.checked ? [...value, code] : value.filter((v) => v !== code))} />
          <label htmlFor={`${id}-${code}`}>{name}</label>
        </div>
      ))}
    </fieldset>
  );
}
