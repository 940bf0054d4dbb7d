export type BodyOption = { id: string; name: string };

/** The directory as <option>s, already named in the reader's language by the directory procedure. */
export function BodyOptions({ bodies }: { bodies: BodyOption[] }) {
  return bodies.map((b) => (
    <option key={b.id} value={b.id}>
      {b.name}
    </option>
  ));
}
