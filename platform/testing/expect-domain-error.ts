import { DomainError } from '../errors/domain-error';

/** What a spec expects of a refusal: its `extensions` (code, reason, field, ...), matched as a subset. */
export type ExpectedRefusal = Readonly<Record<string, unknown>>;

/**
 * Awaits `work`, asserts it failed with a DomainError whose `extensions` hold `expected` (when given),
 * and returns the error so a spec can look further (its message, its field). Any other failure is rethrown.
 */
export async function expectDomainError(work: Promise<unknown>, expected?: ExpectedRefusal): Promise<DomainError> {
  let failed: DomainError | undefined;
  try {
    await work;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    failed = error;
  }
  if (failed === undefined) throw new Error('expected the call to fail with a DomainError, and it succeeded');
  if (expected) expect(failed.extensions).toMatchObject(expected);
  return failed;
}
