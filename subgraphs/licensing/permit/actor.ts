/** Who acts, for the record of who did what and for the roles each permit kind requires per step. */
export interface Actor {
  username: string;
  roles: ReadonlySet<string>;
}

/** The system itself acting for a named piece of work (seeding, background re-checks, events). */
export function systemActor(
  work: string,
  roles: readonly string[] = ['licensing-officer', 'licensing-reviewer'],
): Actor {
  return { username: `system:${work}`, roles: new Set(roles) };
}
