/**
 * A Kazakhstan mobile number as stored and compared: +7 and ten digits, whatever way it was typed
 * (8 701 123 45 67, +7 (701) 123-45-67) or came from the SMSC (77011234567). Null if it is none.
 */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s()+-]/g, "");
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 11 && (digits.startsWith("7") || digits.startsWith("8")))
    return `+7${digits.slice(1)}`;
  return null;
}

/** The number as an SMPP destination_addr in international form (TON 1, NPI 1): digits only. */
export const smppAddress = (phone: string) => phone.replace(/^\+/, "");
