"use client";
import { type ReactNode, useState } from "react";
import styles from "./citizen.module.css";

type Described = { name: string; hint?: ReactNode; error?: string };

// Ids of the hint and the error, so that each is announced with its field.
function describedBy(id: string, o: { hint?: ReactNode; error?: string; extra?: string }) {
  return [o.hint && `${id}-hint`, o.extra, o.error && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="hint">
      {hint}
    </p>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  ) : null;
}

export type Option = { value: string; label: string; hint?: string };

/** A group of radio buttons under one legend; each option may explain itself in a line. */
export function ChoiceGroup({
  name,
  legend,
  options,
  hint,
  error,
  defaultValue,
  value,
  onChange,
}: Described & {
  legend: string;
  options: Option[];
  defaultValue?: string;
  /** Given, the form holds the choice (something besides the radios may change it). */
  value?: string;
  onChange?: (v: string) => void;
}) {
  const id = `field-${name}`;
  return (
    <fieldset className={`field ${styles.choices}`} aria-describedby={describedBy(id, { hint, error })}>
      <legend>{legend}</legend>
      <Hint id={id} hint={hint} />
      {options.map((o) => (
        <div key={o.value} className={styles.choice}>
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={name}
            value={o.value}
            {...(value === undefined
              ? { defaultChecked: defaultValue === o.value }
              : { checked: value === o.value })}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
            aria-invalid={error ? true : undefined}
            onChange={(e) => e.currentTarget.checked && onChange?.(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          {o.hint && (
            <p id={`${id}-${o.value}-hint`} className={`hint ${styles.optionHint}`}>
              {o.hint}
            </p>
          )}
        </div>
      ))}
      <ErrorText id={id} error={error} />
    </fieldset>
  );
}

export function SelectField({
  name,
  label,
  options,
  hint,
  error,
  placeholder,
  defaultValue,
  value,
  onChange,
}: Described & {
  label: string;
  options: Option[];
  placeholder?: string;
  defaultValue?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <select
        id={id}
        name={name}
        {...(value === undefined ? { defaultValue: defaultValue ?? "" } : { value })}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
        onChange={(e) => onChange?.(e.currentTarget.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function CheckboxField({
  name,
  label,
  hint,
  error,
  defaultChecked,
}: Described & { label: string; defaultChecked?: boolean }) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <div className={styles.choice}>
        <input
          type="checkbox"
          id={id}
          name={name}
          value="true"
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint, error })}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <Hint id={id} hint={hint} />
      <ErrorText id={id} error={error} />
    </div>
  );
}

/** A long text with its limits stated and a count of what has been typed so far. */
export function TextAreaField({
  name,
  label,
  hint,
  error,
  max,
  countLabel,
  defaultValue,
  rows = 10,
  onChange,
}: Described & {
  label: string;
  max: number;
  countLabel: (count: number, max: number) => string;
  defaultValue?: string;
  rows?: number;
  onChange?: (v: string) => void;
}) {
  const id = `field-${name}`;
  const [count, setCount] = useState(defaultValue?.length ?? 0);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error, extra: `${id}-count` })}
        onChange={(e) => {
          setCount(e.currentTarget.value.length);
          onChange?.(e.currentTarget.value);
        }}
      />
      <p id={`${id}-count`} className={count > max ? "hint field-error" : "hint"}>
        {countLabel(count, max)}
      </p>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function FileField({
  name,
  label,
  hint,
  error,
  accept,
}: Described & { label: string; accept: string }) {
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <input
        type="file"
        id={id}
        name={name}
        multiple
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}
