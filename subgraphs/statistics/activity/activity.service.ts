import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { chinaYear } from '../../../platform/time/china-time';
import { assertYear } from '../statistics-calendar';
import { EnterpriseYearActivity, emptyActivity } from './enterprise-year-activity.entity';

export class ActivityService {
  constructor(private readonly dataSource: DataSource) {}

  /** The year a summary is asked for: the argument, validated, or the current year in China. */
  summaryYear(year: number | null | undefined): number {
    return year === null || year === undefined ? chinaYear() : assertYear('year', year);
  }

  /** One year's summaries of many enterprises in one statement; an enterprise nobody counted reads zeros. */
  createYearLoader(year: number): DataLoader<string, EnterpriseYearActivity> {
    return new DataLoader(async (creditCodes) => {
      const found = await this.dataSource
        .getRepository(EnterpriseYearActivity)
        .findBy({ year, creditCode: In([...creditCodes]) });
      const byCode = new Map(found.map((activity) => [activity.creditCode, activity]));
      return creditCodes.map((code) => byCode.get(code) ?? emptyActivity(code, year));
    });
  }
}
