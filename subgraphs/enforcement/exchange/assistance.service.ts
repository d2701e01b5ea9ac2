import DataLoader from 'dataloader';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import { assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forUpdate } from '../../../platform/database/sql-dialect';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { conflict } from '../enforcement.errors';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import { chinaToday } from '../../../platform/time/china-time';
import { CaseAccess, now } from '../enforcement-case/case-access';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import { addDays } from '../enforcement-case/decision-deadline';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { CaseEvidence } from '../evidence/case-evidence.entity';
import { validateEvidenceItem, type CaseEvidenceService } from '../evidence/case-evidence.service';
import { AssistanceRequest, AssistanceStatus } from './assistance-request.entity';
import { assertOtherRegion } from './case-transfer.service';
import type { AddAssistanceEvidenceInput } from './inputs/add-assistance-evidence.input';
import type { AnswerAssistanceInput } from './inputs/answer-assistance.input';
import type { RequestAssistanceInput } from './inputs/request-assistance.input';

/** Days the region asked has to answer when the request names no due date. */
export const DEFAULT_ASSISTANCE_DAYS = 15;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export enum AssistanceSide {
  ASKED = 'ASKED',
  ASKING = 'ASKING',
}

export interface AssistanceFilter {
  side: AssistanceSide | null;
  status: AssistanceStatus | null;
}

function requestId(field: string, value: string): number {
  const id = Number(value);
  if (!/^\d{1,10}$/.test(value) || !Number.isSafeInteger(id) || id < 1)
    throw invalidInput(field, 'is not an assistance request id');
  return id;
}

/**
 * 协查: the handling region asks another region to investigate or collect evidence. The region asked
 * sees the request (the question and what the requester chose to share), never the case; it adds
 * evidence and answers, and the evidence is handed over with its digests verified. A request is seen by
 * the region asked, the region that asked, and the region handling the case now, all in SQL.
 */
export class AssistanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly evidence: CaseEvidenceService,
    private readonly outbox: EventOutbox,
  ) {}

  /** Requests of many cases, oldest first, one statement per request; only those the caller may see. */
  createCaseRequestsLoader(scope: RegionScope): DataLoader<number, AssistanceRequest[]> {
    return new DataLoader(async (caseIds) => {
      const query = this.visibleRequests(this.dataSource.manager, scope)
        .andWhere('assistance.caseId IN (:...caseIds)', { caseIds: [...caseIds] })
        .orderBy('assistance.id', 'ASC');
      const rows = await query.getMany();
      return caseIds.map((caseId) => rows.filter((row) => row.caseId === caseId));
    });
  }

  /**
   * Evidence of many requests, oldest first, in one statement: all of it to the region asked, to the
   * other sides only what the answer handed over.
   */
  createRequestEvidenceLoader(scope: RegionScope): DataLoader<number, CaseEvidence[]> {
    return new DataLoader(async (requestIds) => {
      const query = this.dataSource
        .createQueryBuilder(CaseEvidence, 'evidence')
        .innerJoin(AssistanceRequest, 'assistance', 'assistance.id = evidence.assistanceRequestId')
        .where('evidence.assistanceRequestId IN (:...requestIds)', { requestIds: [...requestIds] })
        .orderBy('evidence.id', 'ASC');
      if (scope.prefix !== '') {
        query.andWhere('(evidence.handedOverAt IS NOT NULL OR assistance.assistingRegionCode LIKE :asked)', {
          asked: `${scope.prefix}%`,
        });
      }
      const rows = await query.getMany();
      return requestIds.map((id) => rows.filter((row) => row.assistanceRequestId === id));
    });
  }

  async find(scope: RegionScope, id: string): Promise<AssistanceRequest | null> {
    const numeric = Number(id);
    if (!/^\d{1,10}$/.test(id) || !Number.isSafeInteger(numeric)) return null;
    return this.visibleRequests(this.dataSource.manager, scope)
      .andWhere('assistance.id = :id', { id: numeric })
      .getOne();
  }

  /** Requests the caller may see, newest first: asked of its region, asked by it (or about cases it handles), or both. */
  async list(scope: RegionScope, filter: AssistanceFilter, page: PageRequest): Promise<Connection<AssistanceRequest>> {
    const query = this.visibleRequests(this.dataSource.manager, scope);
    if (filter.status !== null) query.andWhere('assistance.status = :status', { status: filter.status });
    if (filter.side === AssistanceSide.ASKED)
      query.andWhere('assistance.assistingRegionCode LIKE :side', { side: `${scope.prefix}%` });
    if (filter.side === AssistanceSide.ASKING) {
      query.andWhere('(assistance.requestingRegionCode LIKE :side OR enforcementCase.regionCode LIKE :side)', {
        side: `${scope.prefix}%`,
      });
    }
    const rows = query
      .clone()
      .orderBy('assistance.id', 'DESC')
      .limit(page.limit + 1);
    if (page.afterId !== null) rows.andWhere('assistance.id < :afterId', { afterId: page.afterId });
    const [found, totalCount] = await Promise.all([rows.getMany(), query.getCount()]);
    return toConnection(found, totalCount, page);
  }

  /** Asks another region to assist on a case the caller's region handles and is investigating. */
  async request(
    scope: RegionScope,
    input: RequestAssistanceInput,
    actor: string,
  ): Promise<{ assistanceRequest: AssistanceRequest; case: EnforcementCase }> {
    assertRegionCode('assistingRegionCode', input.assistingRegionCode);
    const question = assertText('question', input.question, 1000);
    if (question.length < 4) throw invalidInput('question', 'must be at least 4 characters');
    const sharedSummary = assertText('sharedSummary', input.sharedSummary, 2000);
    const today = chinaToday();
    let dueDate = addDays(today, DEFAULT_ASSISTANCE_DAYS);
    if (input.dueDate) {
      if (
        !DATE.test(input.dueDate) ||
        Number.isNaN(Date.parse(`${input.dueDate}T00:00:00Z`)) ||
        new Date(`${input.dueDate}T00:00:00Z`).toISOString().slice(0, 10) !== input.dueDate
      ) {
        throw invalidInput('dueDate', 'must be a date YYYY-MM-DD');
      }
      if (input.dueDate < today) throw invalidInput('dueDate', 'must be today or later');
      dueDate = input.dueDate;
    }
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.access.loadToActOn(manager, scope, input.caseNumber, { lock: true });
      this.access.assertStep(current, CaseStepAction.ASSISTANCE_REQUESTED, current.status);
      assertOtherRegion('assistingRegionCode', input.assistingRegionCode, current.regionCode);
      const requestedAt = now();
      const assistanceRequest = await manager.save(
        manager.create(AssistanceRequest, {
          caseId: current.id,
          caseNumber: current.caseNumber,
          requestingRegionCode: current.regionCode,
          assistingRegionCode: input.assistingRegionCode,
          status: AssistanceStatus.OPEN,
          question,
          sharedSummary,
          dueDate,
          requestedBy: actor,
          requestedAt,
          answer: null,
          answeredBy: null,
          answeredAt: null,
          evidenceVerified: null,
        }),
      );
      await this.access.recordStep(manager, {
        caseId: current.id,
        action: CaseStepAction.ASSISTANCE_REQUESTED,
        fromStatus: current.status,
        toStatus: current.status,
        actor,
        regionCode: current.regionCode,
        occurredAt: requestedAt,
        comment: `assistance request ${assistanceRequest.id} to ${input.assistingRegionCode}, due ${dueDate}: ${question}`,
      });
      await this.outbox.publish(manager, 'case.assistance-requested', {
        requestId: assistanceRequest.id,
        caseNumber: current.caseNumber,
        requestingRegionCode: current.regionCode,
        assistingRegionCode: input.assistingRegionCode,
        requestedAt: requestedAt.toISOString(),
      });
      return { assistanceRequest, case: current };
    });
  }

  /** Stores an item the region asked collected; it joins the case file when the request is answered. */
  async addEvidence(
    scope: RegionScope,
    input: AddAssistanceEvidenceInput,
    actor: string,
  ): Promise<{ evidence: CaseEvidence; assistanceRequest: AssistanceRequest }> {
    const id = requestId('assistanceRequestId', input.assistanceRequestId);
    const item = validateEvidenceItem(input);
    await this.loadToAnswer(this.dataSource.manager, scope, id, { lock: false });
    const stored = await this.evidence.store(item);
    return inTransaction(this.dataSource, async (manager) => {
      const assistanceRequest = await this.loadToAnswer(manager, scope, id, { lock: true });
      const enforcementCase = await manager.findOneByOrFail(EnforcementCase, { id: assistanceRequest.caseId });
      const evidence = await this.evidence.insert(manager, enforcementCase, item, stored, actor, now(), {
        regionCode: assistanceRequest.assistingRegionCode,
        assistanceRequestId: assistanceRequest.id,
        handedOverAt: null,
      });
      return { evidence, assistanceRequest };
    });
  }

  /**
   * Answers a request: every item collected for it is read back and checked against its digest, then
   * handed over into the case file with the answer. A mismatch stops the answer, naming the item.
   */
  async answer(scope: RegionScope, input: AnswerAssistanceInput, actor: string): Promise<AssistanceRequest> {
    const id = requestId('assistanceRequestId', input.assistanceRequestId);
    const answer = assertText('answer', input.answer, 2000);
    return inTransaction(this.dataSource, async (manager) => {
      const assistanceRequest = await this.loadToAnswer(manager, scope, id, { lock: true });
      const items = await manager.find(CaseEvidence, { where: { assistanceRequestId: id }, order: { id: 'ASC' } });
      await this.evidence.verify(items, assistanceRequest.caseNumber);
      const answeredAt = now();
      await manager.update(
        AssistanceRequest,
        { id },
        { status: AssistanceStatus.ANSWERED, answer, answeredBy: actor, answeredAt, evidenceVerified: items.length },
      );
      if (items.length > 0)
        await manager.update(CaseEvidence, { assistanceRequestId: id }, { handedOverAt: answeredAt });
      const enforcementCase = await manager.findOneByOrFail(EnforcementCase, { id: assistanceRequest.caseId });
      await this.access.recordStep(manager, {
        caseId: enforcementCase.id,
        action: CaseStepAction.ASSISTANCE_ANSWERED,
        fromStatus: enforcementCase.status,
        toStatus: enforcementCase.status,
        actor,
        regionCode: assistanceRequest.assistingRegionCode,
        occurredAt: answeredAt,
        comment: `assistance request ${id} answered by ${assistanceRequest.assistingRegionCode}; ${items.length} items of evidence handed over, SM3 digests verified`,
      });
      return manager.findOneByOrFail(AssistanceRequest, { id });
    });
  }

  /** Requests visible to the caller, with the case joined as `enforcementCase` for the handling-region condition. */
  private visibleRequests(manager: EntityManager, scope: RegionScope): SelectQueryBuilder<AssistanceRequest> {
    const query = manager
      .createQueryBuilder(AssistanceRequest, 'assistance')
      .innerJoin(EnforcementCase, 'enforcementCase', 'enforcementCase.id = assistance.caseId');
    if (scope.prefix === '') return query;
    return query.andWhere(
      '(assistance.assistingRegionCode LIKE :assistanceScope OR assistance.requestingRegionCode LIKE :assistanceScope OR enforcementCase.regionCode LIKE :assistanceScope)',
      { assistanceScope: `${scope.prefix}%` },
    );
  }

  /** An open request asked of the caller's region: NOT_FOUND when they cannot see it, FORBIDDEN when they only asked it. */
  private async loadToAnswer(
    manager: EntityManager,
    scope: RegionScope,
    id: number,
    options: { lock: boolean },
  ): Promise<AssistanceRequest> {
    const query = this.visibleRequests(manager, scope).andWhere('assistance.id = :id', { id });
    const found = await (options.lock ? forUpdate(query) : query).getOne();
    if (!found) throw notFound('Assistance request', String(id));
    if (!inScope(scope, found.assistingRegionCode)) {
      throw forbidden(
        `Assistance request ${id} is asked of ${found.assistingRegionCode}; only that region adds evidence and answers`,
      );
    }
    if (found.status !== AssistanceStatus.OPEN)
      throw conflict('ASSISTANCE_ANSWERED', `Assistance request ${id} is already answered`);
    return found;
  }
}
