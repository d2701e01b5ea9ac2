// DATETIME columns keep whole seconds (MySQL rounds a fraction, SQLite keeps it): an instant is cut to
// the second before it is stored, signed, hashed or published, so the row, the event, the signature and
// the audit hash all name the same instant on every database.

/** The instant cut to its whole second (towards the past); now when no instant is given. */
export function wholeSeconds(instant: Date | number = Date.now()): Date {
  const milliseconds = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(Math.floor(milliseconds / 1000) * 1000);
}
