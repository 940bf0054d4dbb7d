import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  multiline?: boolean;
  rows?: number;
  /** What the field holds after each change, for an input and a text area alike. */
  onValueChange?: (value: string) => void;
};

/** A labelled input whose hint and error are announced with it. */
export function TextField({ name, label, hint, error, multiline, rows, id, onValueChange, ...rest }: Props) {
  const fieldId = id ?? `field-${name}`;
  const describedBy =
    [hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean).join(" ") || undefined;
  const common = {
    id: fieldId,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {hint && (
        <p id={`${fieldId}-hint`} className="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          {...common}
          rows={rows ?? 8}
          defaultValue={rest.defaultValue as string}
          required={rest.required}
          maxLength={rest.maxLength}
          onChange={onValueChange && ((e) => onValueChange(e.currentTarget.value))}
        />
      ) : (
        <input
          {...common}
          {...rest}
          // Only when asked for: a server component's field passes no handler across to the browser.
          onChange={
            onValueChange
              ? (e) => {
                  rest.onChange?.(e);
                  onValueChange(e.currentTarget.value);
                }
              : rest.onChange
          }
        />
      )}
      {error && (
        <p id={`${fieldId}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
