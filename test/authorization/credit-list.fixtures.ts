import { query } from '../harness/single-window.client';
import { runReference, textAt, type Base, type FixtureSpec, type Json, type ProbeContext } from './matrix.dsl';

// The credit list entries (信用名单) the matrix's cells read and remove, made by ministry-admin.

const listingOf = (creditCode: string, region: string) => ({
  creditCode,
  criterion: 'FRAUDULENT_LICENSING',
  regionCode: region,
  documentNumbers: [runReference()],
  reason: '矩阵测试：以欺骗手段取得许可',
});

/** What listCreditSubject probes send: an entry on the list enterprise decided in `region`. */
export const listEntryInput = (region: string) => (context: ProbeContext) =>
  listingOf(context.base.listEnterprise, region);

/**
 * Serious-dishonesty entries of `creditCode`, one per region given, once credit knows the enterprise (its
 * name arrives with licensing's `enterprise.registered`; until then a listing is NOT_FOUND). Their ids.
 */
export async function listEntries(token: string, creditCode: string, regions: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const region of regions) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const data = await query<{ listCreditSubject: Json }>(
          token,
          `mutation ($input: ListCreditSubjectInput!) { listCreditSubject(input: $input) { entry { id } } }`,
          { input: listingOf(creditCode, region) },
        );
        ids.push(textAt(data.listCreditSubject, 'entry.id'));
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }
  return ids;
}

/**
 * The entries the removal cells act on, as [spec key, entry id]. They are on the fixture enterprise, so the
 * list enterprise's entries the reads look at stay two.
 */
export async function listEntryFixtures(
  token: string,
  base: Base,
  wanted: ReadonlyArray<{ key: string; spec: FixtureSpec }>,
): Promise<Array<[string, string]>> {
  const specs = wanted.flatMap(({ key, spec }) => (spec.kind === 'listEntry' ? [{ key, region: spec.region }] : []));
  const ids = await listEntries(
    token,
    base.fixtureEnterprise,
    specs.map((spec) => spec.region),
  );
  return specs.map(({ key }, index) => [key, ids[index]]);
}
