"use client";
import { type MouseEvent, useEffect, useId, useRef } from "react";

/**
 * A form's error, after the GOV.UK pattern: with field errors it is a summary that takes the focus after a
 * failed submit (a screen reader reads it, a phone scrolls to it), each entry a link that moves the focus
 * to its field. A form-wide error alone is announced where it stands.
 */
export function FormAlert({ message, fields }: { message: string | null; fields?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  // Several forms on one page (the official's actions) may each show a summary.
  const titleId = useId();
  const entries = Object.entries(fields ?? {}).filter(([name]) => name !== "_form");
  const hasEntries = entries.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new failed submit is a new `fields` object, and the focus returns to the summary each time
  useEffect(() => {
    if (message && hasEntries) ref.current?.focus();
  }, [message, hasEntries, fields]);
  if (!message) return null;
  if (!hasEntries)
    return (
      <div role="alert" className="alert alert-error">
        {message}
      </div>
    );
  const jump = (name: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    const field = fieldOf(ref.current, name);
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: "center" });
  };
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="error-summary" aria-labelledby={titleId}>
      <h2 id={titleId}>{message}</h2>
      <ul>
        {entries.map(([name, text]) => (
          <li key={name}>
            <a href={`#field-${name}`} onClick={jump(name)}>
              {text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The control a field error names: its form's element of that name, else the page's `field-<name>`. */
function fieldOf(summary: HTMLElement | null, name: string): HTMLElement | null {
  const scope = summary?.closest("form") ?? document;
  // "attachments.2" is the second file of the attachments field.
  for (const n of [name, name.split(".")[0] ?? name]) {
    const field =
      scope.querySelector<HTMLElement>(`[name="${CSS.escape(n)}"]:not([type="hidden"])`) ??
      document.getElementById(`field-${n}`);
    if (field) return field;
  }
  return null;
}
