// The access code of an assisted filing goes from the filing's response to its receipt through the tab's
// session storage, never through a URL (URLs end up in logs), and is taken out as soon as it is shown.
const keyOf = (appealId: string) => `tyndau.access-code.${appealId}`;

export function keepAccessCode(appealId: string, code: string) {
  sessionStorage.setItem(keyOf(appealId), code);
}

export function takeAccessCode(appealId: string): string | null {
  const code = sessionStorage.getItem(keyOf(appealId));
  sessionStorage.removeItem(keyOf(appealId));
  return code;
}
