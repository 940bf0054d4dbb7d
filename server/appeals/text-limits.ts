/** What an appeal's subject and text may hold; stated on the form and enforced by the procedures. */
export const TEXT_LIMITS = { subject: { min: 5, max: 200 }, text: { min: 20, max: 10_000 } } as const;
