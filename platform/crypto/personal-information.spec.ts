import { expect } from '@jest/globals';
import { MasterKeyError, loadMasterKey } from './master-key';
import { createDataKey, dataKeysOf, personalInformationKeys, retireDataKeys } from './personal-information-keys';
import { reencryptPersonalInformation, valuesNotUnder, JOB_TABLE } from './reencryption';
import { EnvelopeError, openText, parseEnvelope, sealText, SymmetricKey } from './sm4-envelope';
import {
  enforcementPerTest,
  filing,
  NATIONAL,
  OFFICER,
  PERSON_ID,
  type EnforcementTestbed,
} from '../../subgraphs/enforcement/enforcement.fixture';
import type { EnforcementCaseService } from '../../subgraphs/enforcement/enforcement-case/enforcement-case.service';
import { PersonalInformationUnreadable } from './encrypted-column';

// Personal information at rest: the envelope refuses anything but the value it sealed, a stored value that
// does not open fails the read naming the record, the background pass encrypts old plain text and resumes
// after a crash, and a rotation moves every value to the new key before the old one is retired.

const COLUMN = 'enforcement_case.party_id_number';

describe('the SM4-CBC + HMAC-SM3 envelope', () => {
  const key = new SymmetricKey('spec-d1', SymmetricKey.generateSecret());
  const other = new SymmetricKey('spec-d1', SymmetricKey.generateSecret());

  it('opens what it sealed, with a fresh IV each time', () => {
    const first = sealText(key, PERSON_ID, COLUMN);
    const second = sealText(key, PERSON_ID, COLUMN);
    expect(first).not.toBe(second);
    expect(openText(key, parseEnvelope(first), COLUMN)).toBe(PERSON_ID);
    expect(first).not.toContain(PERSON_ID);
  });

  it('refuses a wrong key, a truncated value, a swapped IV and a value moved to another column', () => {
    const sealed = parseEnvelope(sealText(key, PERSON_ID, COLUMN));
    const another = parseEnvelope(sealText(key, '李明', COLUMN));
    const swappedIv = Buffer.concat([another.sealed.subarray(0, 16), sealed.sealed.subarray(16)]);
    const attempts: Array<() => string> = [
      () => openText(other, sealed, COLUMN),
      () => openText(key, { ...sealed, sealed: sealed.sealed.subarray(0, sealed.sealed.length - 1) }, COLUMN),
      () => openText(key, { ...sealed, sealed: sealed.sealed.subarray(0, sealed.sealed.length - 16) }, COLUMN),
      () => openText(key, { ...sealed, sealed: swappedIv }, COLUMN),
      () => openText(key, sealed, 'enforcement_case.party_name'),
    ];
    for (const attempt of attempts) expect(attempt).toThrow(EnvelopeError);
    expect(() => parseEnvelope('sm4e1:spec-d1:not base64!')).toThrow(EnvelopeError);
  });
});

describe('the master key', () => {
  it('is refused in production when it is the development key or not configured', () => {
    expect(() => loadMasterKey({ file: null, production: true })).toThrow(MasterKeyError);
    expect(loadMasterKey({ file: null, production: false }).id).toMatch(/^mk-[0-9a-f]{16}$/);
  });
});

describe('encrypted columns in a department schema', () => {
  let testbed: EnforcementTestbed, cases: EnforcementCaseService;
  enforcementPerTest((spec) => ({ testbed, cases } = spec));

  const fileAgainstPerson = (partyName: string) =>
    cases.file(NATIONAL, filing({ creditCode: null, partyName, partyIdNumber: PERSON_ID }), OFFICER);
  const stored = async (id: number) =>
    (
      await testbed.dataSource.query<Array<{ party_id_number: string }>>(
        'SELECT party_id_number FROM enforcement_case WHERE id = ?',
        [id],
      )
    )[0].party_id_number;

  it('fails a read naming the record and column when a stored value was altered, never giving wrong data', async () => {
    const first = await fileAgainstPerson('李明');
    const second = await fileAgainstPerson('王芳');
    const [a, b] = [parseEnvelope(await stored(first.id)), parseEnvelope(await stored(second.id))];
    // Another record's IV under this record's ciphertext.
    const swapped = `sm4e1:${a.keyId}:${Buffer.concat([b.sealed.subarray(0, 16), a.sealed.subarray(16)]).toString('base64')}`;
    await testbed.dataSource.query('UPDATE enforcement_case SET party_id_number = ? WHERE id = ?', [swapped, first.id]);
    const failure = await cases.queries.find(NATIONAL, first.caseNumber).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PersonalInformationUnreadable);
    expect((failure as PersonalInformationUnreadable).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PERSONAL_INFORMATION_UNREADABLE',
    });
    expect((failure as Error).message).toContain(`enforcement_case record ${first.id}`);
    expect((failure as Error).message).toContain('party_id_number');
    // The other record still reads.
    expect((await cases.queries.find(NATIONAL, second.caseNumber))?.partyIdNumber).toBe(PERSON_ID);
  });

  it('encrypts and indexes values stored in plain text before, and resumes after a stop', async () => {
    const filed = [await fileAgainstPerson('李明'), await fileAgainstPerson('王芳'), await fileAgainstPerson('赵强')];
    // As before encryption: plain text, no blind index.
    await testbed.dataSource.query(
      'UPDATE enforcement_case SET party_name = ?, party_id_number = ?, party_id_number_index = NULL',
      ['旧数据', PERSON_ID],
    );
    const active = personalInformationKeys.activeKey('enforcement').id;
    await testbed.dataSource.query(`DELETE FROM ${JOB_TABLE}`);
    expect(await valuesNotUnder(testbed.dataSource, 'enforcement', active)).toBe(6);

    // A crash after the first batch: its progress is kept with it.
    const stop = new AbortController();
    await reencryptPersonalInformation(testbed.dataSource, 'enforcement', {
      batchSize: 1,
      // Stops after the first batch of the cases (tables of other free text may come before it).
      onProgress: (progress) => {
        if (progress.table === 'enforcement_case') stop.abort();
      },
      signal: stop.signal,
    });
    expect(await valuesNotUnder(testbed.dataSource, 'enforcement', active)).toBe(4);
    const [progress] = await testbed.dataSource.query<Array<{ last_id: number }>>(
      `SELECT last_id FROM ${JOB_TABLE} WHERE table_name = 'enforcement_case'`,
    );
    expect(Number(progress.last_id)).toBe(filed[0].id);

    const resumed = (await reencryptPersonalInformation(testbed.dataSource, 'enforcement', { batchSize: 1 })).find(
      (progress) => progress.table === 'enforcement_case',
    );
    // It reads only the rows after the first batch; the count of rewritten rows carries on.
    expect(resumed).toMatchObject({ table: 'enforcement_case', rowsRead: 2, rowsRewritten: 3, finished: true });
    expect(await valuesNotUnder(testbed.dataSource, 'enforcement', active)).toBe(0);
    const found = await cases.queries.list(
      NATIONAL,
      { regionCode: null, status: null, partyIdNumber: PERSON_ID },
      { limit: 10, afterId: null },
    );
    expect(found.edges.map((edge) => edge.node.partyName)).toEqual(['旧数据', '旧数据', '旧数据']);
  });

  it('rotates: a new key encrypts, every value moves to it, and the old key is retired and erased', async () => {
    const before = await fileAgainstPerson('李明');
    const oldKey = personalInformationKeys.activeKey('enforcement').id;
    const master = loadMasterKey({ file: null, production: false });
    const newKey = await createDataKey(testbed.dataSource, 'enforcement', master);
    await personalInformationKeys.load(testbed.dataSource, 'enforcement', master);
    expect(personalInformationKeys.activeKey('enforcement').id).toBe(newKey);

    const after = await fileAgainstPerson('王芳');
    expect(parseEnvelope(await stored(after.id)).keyId).toBe(newKey);
    expect(parseEnvelope(await stored(before.id)).keyId).toBe(oldKey);

    await reencryptPersonalInformation(testbed.dataSource, 'enforcement');
    expect(await valuesNotUnder(testbed.dataSource, 'enforcement', newKey)).toBe(0);
    await retireDataKeys(testbed.dataSource, [oldKey]);
    expect(await dataKeysOf(testbed.dataSource)).toEqual([
      expect.objectContaining({ id: oldKey, retired: true, destroyed: true }),
      expect.objectContaining({ id: newKey, retired: false, destroyed: false }),
    ]);
    expect((await cases.queries.find(NATIONAL, before.caseNumber))?.partyName).toBe('李明');
  });
});

describe('free text', () => {
  let testbed: EnforcementTestbed, cases: EnforcementCaseService;
  enforcementPerTest((spec) => ({ testbed, cases } = spec));

  it('is encrypted when it holds personal information, plain otherwise, and read back as typed', async () => {
    const withPhone = await cases.file(NATIONAL, filing({ cause: '当事人电话13912345678，拒不配合检查' }), OFFICER);
    const without = await cases.file(NATIONAL, filing({ cause: '车辆超限运输' }), OFFICER);
    const lookalike = await cases.file(NATIONAL, filing({ cause: 'sm4e1:enforcement-d1:AAAA' }), OFFICER);
    const stored = async (id: number) =>
      (
        await testbed.dataSource.query<Array<{ cause: string }>>('SELECT cause FROM enforcement_case WHERE id = ?', [
          id,
        ])
      )[0].cause;
    expect(await stored(withPhone.id)).toMatch(/^sm4e1:enforcement-d\d{8}-[0-9a-f]{8}:/);
    expect(await stored(without.id)).toBe('车辆超限运输');
    // Text that looks like an envelope is sealed as well, so reading it back never tries to open it.
    expect(await stored(lookalike.id)).toMatch(/^sm4e1:enforcement-d\d{8}-[0-9a-f]{8}:/);
    for (const [filed, cause] of [
      [withPhone, '当事人电话13912345678，拒不配合检查'],
      [without, '车辆超限运输'],
      [lookalike, 'sm4e1:enforcement-d1:AAAA'],
    ] as const)
      expect((await cases.queries.find(NATIONAL, filed.caseNumber))?.cause).toBe(cause);
  });
});
