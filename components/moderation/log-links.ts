/** Where an entry of the public log is read: the page that starts with it, scrolled to it. */
export const logEntryHref = (seq: number) => ({
  pathname: "/moderation-log",
  query: { before: String(seq + 1) },
  hash: `entry-${seq}`,
});
