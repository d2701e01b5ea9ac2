import { Field, Int, ObjectType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { ConnectionType, toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import { profileFrom } from '../credit-profile/credit-profile.service';
import { CreditRating, FULL_SCORE, lowestScoreOf } from '../credit-profile/credit-rating';
import { CreditRecord } from '../credit-record/credit-record.entity';
import { CreditSubjectName } from '../disclosure/credit-subject-name.entity';
import { addMonths } from '../disclosure/publicity-rules';

// Good standing (守信主体): derived on every read, never entered by hand. A subject is in good standing when
// - its credit rating is the top one (A: score 90 or more, credit-rating.ts),
// - it is on no credit list now (no current serious-dishonesty entry), and
// - no penalty against it was disclosed (双公示: fines of 1,000 yuan and more, suspensions, revocations...)
//   with a decision in the last `CREDIT_GOOD_STANDING_MONTHS` months (default 12).
// The subjects are those credit knows by name from the registry's events.

@ObjectType({ description: 'A market subject in good standing (守信主体), as the rule derives it on every read.' })
export class GoodStandingSubject {
  /** The subject's position in the list (1-based), the page's cursor. */
  id: number;

  @Field({ description: 'Unified social credit code (统一社会信用代码).' })
  creditCode: string;

  @Field({ description: 'The registered name (企业名称).' })
  name: string;

  @Field(() => Int, { description: 'Credit score (信用分).' })
  score: number;

  @Field(() => CreditRating, { description: 'Credit rating (信用等级): always the top one here.' })
  rating: CreditRating;
}

@ObjectType({ description: 'A page of subjects in good standing, by credit code.' })
export class GoodStandingSubjectConnection extends ConnectionType(
  GoodStandingSubject,
  'GoodStandingSubject',
  'subject in good standing',
) {}

interface Row {
  creditCode: string;
  name: string;
  deltaSum: string | number | null;
}

/** Subjects in good standing by credit code; a cursor is a position in that order. */
export async function goodStandingSubjects(
  dataSource: DataSource,
  months: number,
  now: Date,
  page: PageRequest,
): Promise<Connection<GoodStandingSubject>> {
  const query = dataSource
    .createQueryBuilder()
    .select('subject.creditCode', 'creditCode')
    .addSelect('subject.name', 'name')
    .addSelect('COALESCE(SUM(record.scoreDelta), 0)', 'deltaSum')
    .from(CreditSubjectName, 'subject')
    .leftJoin(CreditRecord, 'record', 'record.creditCode = subject.creditCode')
    .where(
      'NOT EXISTS (SELECT 1 FROM credit_list_entry listed WHERE listed.credit_code = subject.credit_code AND listed.removed_at IS NULL)',
    )
    .andWhere(
      "NOT EXISTS (SELECT 1 FROM credit_disclosure penalty WHERE penalty.credit_code = subject.credit_code AND penalty.kind = 'ADMINISTRATIVE_PENALTY' AND penalty.decided_at >= :since)",
      { since: addMonths(now, -months) },
    )
    .groupBy('subject.creditCode')
    .addGroupBy('subject.name')
    .having(`${FULL_SCORE} + COALESCE(SUM(record.scoreDelta), 0) >= :lowest`, {
      lowest: lowestScoreOf(CreditRating.A),
    });
  const offset = page.afterId ?? 0;
  const [sql, parameters] = query.getQueryAndParameters();
  const [rows, counted] = await Promise.all([
    query
      .orderBy('subject.creditCode', 'ASC')
      .offset(offset)
      .limit(page.limit + 1)
      .getRawMany<Row>(),
    dataSource.query<Array<{ total: string | number }>>(`SELECT COUNT(*) AS total FROM (${sql}) qualified`, parameters),
  ]);
  const subjects = rows.map((row, index) => {
    const profile = profileFrom(row.creditCode, { deltaSum: Number(row.deltaSum ?? 0), recordCount: 0 });
    return {
      id: offset + index + 1,
      creditCode: row.creditCode,
      name: row.name,
      score: profile.score,
      rating: profile.rating,
    };
  });
  return toConnection(subjects, Number(counted[0]?.total ?? 0), page);
}
