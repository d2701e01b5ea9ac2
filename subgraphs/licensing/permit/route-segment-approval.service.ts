import type { DataSource, EntityManager } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import { assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { provinceOf, regionName } from '../../../platform/codes/region-code';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { conflict } from '../licensing.errors';
import type { Actor } from './actor';
import { assertExpectedVersion, given, optionalText } from './application-input';
import { kindOf, type ApplicationStateMachine } from './application-state-machine';
import { ApplicationAction, ApplicationStatus } from './application-status';
import type { RouteSegmentDecisionInput, SubmitPermitApplicationInput } from './inputs/permit-application.inputs';
import type { PermitApplication } from './permit-application.entity';
import { PermitKind, type PermitKindDefinition } from './permit-kind';
import type { JointDisciplineService } from '../joint-discipline/joint-discipline.service';
import type { PermitIssuingService } from './permit-issuing.service';
import type { Permit } from './permit.entity';
import { RouteSegment, SegmentStatus } from './route-segment.entity';
import { assertRequiredMaterials } from './required-materials';

const MAX_ROUTE_PROVINCES = 10;

/**
 * The route of a submitted application, checked: for a kind approved along its route (并联许可) at least two
 * distinct provinces (xx0000) including the handling one, at most MAX_ROUTE_PROVINCES; null for other kinds.
 */
export function routeOf(definition: PermitKindDefinition, input: SubmitPermitApplicationInput): string[] | null {
  const codes = input.routeProvinceCodes;
  if (!definition.parallelApprovalByRoute) {
    if (given(codes) && codes.length > 0)
      throw invalidInput('routeProvinceCodes', `applies only to ${PermitKind.CROSS_PROVINCE_OVERSIZE_TRANSPORT}`);
    return null;
  }
  if (provinceOf(input.regionCode) !== input.regionCode) {
    throw invalidInput(
      'regionCode',
      `must be the origin province (xx0000): ${definition.kind} is handled by a provincial authority`,
    );
  }
  if (!given(codes) || codes.length < 2)
    throw invalidInput('routeProvinceCodes', 'must list at least two provinces: the route crosses a provincial border');
  if (codes.length > MAX_ROUTE_PROVINCES)
    throw invalidInput('routeProvinceCodes', `may list at most ${MAX_ROUTE_PROVINCES} provinces`);
  for (const code of codes) {
    assertRegionCode('routeProvinceCodes', code);
    if (provinceOf(code) !== code) throw invalidInput('routeProvinceCodes', `${code} is not a province (xx0000)`);
  }
  if (new Set(codes).size !== codes.length) throw invalidInput('routeProvinceCodes', 'names a province more than once');
  if (!codes.includes(input.regionCode))
    throw invalidInput('routeProvinceCodes', `must include the handling province ${input.regionCode}`);
  return [...codes];
}

/**
 * Parallel approval along a route (并联许可) of a cross-province oversize transport: each province on the
 * route decides its own segment; the last approval issues the permit, one refusal refuses the application.
 * Decisions on one application are serialized on its row, so each sees the others'.
 */
export class RouteSegmentApprovalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly machine: ApplicationStateMachine,
    private readonly issuing: PermitIssuingService,
    private readonly jointDiscipline: JointDisciplineService,
  ) {}

  /** One PENDING segment per province on a checked route (`routeOf`), in route order, in the submitting transaction. */
  async openSegments(manager: EntityManager, applicationId: number, route: readonly string[]): Promise<void> {
    for (const [index, provinceCode] of route.entries()) {
      await manager.insert(RouteSegment, {
        applicationId,
        provinceCode,
        position: index + 1,
        status: SegmentStatus.PENDING,
        decidedBy: null,
        decidedAt: null,
        comment: null,
      });
    }
  }

  /** A province approves its segment. The last approval issues the permit. */
  async approveSegment(
    scope: RegionScope,
    input: RouteSegmentDecisionInput,
    actor: Actor,
  ): Promise<{ application: PermitApplication; permit: Permit | null }> {
    const conditions = optionalText('comment', input.comment, 1000);
    return this.decideSegment(scope, input, actor, SegmentStatus.APPROVED, conditions);
  }

  /** A province refuses its segment, which refuses the whole application. */
  async refuseSegment(scope: RegionScope, input: RouteSegmentDecisionInput, actor: Actor): Promise<PermitApplication> {
    if (!given(input.comment) || input.comment.trim() === '')
      throw invalidInput('comment', 'is required: the reasons for refusing the segment');
    const reason = assertText('comment', input.comment, 1000);
    return (await this.decideSegment(scope, input, actor, SegmentStatus.REFUSED, reason)).application;
  }

  private async decideSegment(
    scope: RegionScope,
    input: RouteSegmentDecisionInput,
    actor: Actor,
    decision: SegmentStatus.APPROVED | SegmentStatus.REFUSED,
    comment: string | null,
  ): Promise<{ application: PermitApplication; permit: Permit | null }> {
    assertExpectedVersion(input);
    assertRegionCode('provinceCode', input.provinceCode);
    if (provinceOf(input.provinceCode) !== input.provinceCode)
      throw invalidInput('provinceCode', 'must be a province (xx0000)');
    const visible = await this.machine.findVisible(this.dataSource.manager, scope, input.applicationNumber);
    if (!visible) throw notFound('Application', input.applicationNumber);
    if (!inScope(scope, input.provinceCode)) {
      throw forbidden(
        `Only reviewers of ${regionName(input.provinceCode) ?? input.provinceCode} (${input.provinceCode}) decide its segment of ${input.applicationNumber}`,
      );
    }
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.machine.lockApplication(manager, visible.id);
      const definition = kindOf(current.kind);
      if (!definition.parallelApprovalByRoute) {
        throw conflict(
          'NOT_ROUTE_APPROVED',
          `${current.applicationNumber} is a ${definition.kind} application, decided as a whole, not by route segments`,
        );
      }
      this.machine.check(
        current,
        input,
        actor,
        decision === SegmentStatus.APPROVED ? ApplicationAction.APPROVE_SEGMENT : ApplicationAction.REFUSE_SEGMENT,
        'decide',
      );
      if (decision === SegmentStatus.APPROVED) await assertRequiredMaterials(manager, current, 'approve');
      const disciplineNote =
        decision === SegmentStatus.APPROVED
          ? await this.jointDiscipline.checkApproval(manager, current, input.jointDisciplineReason)
          : null;
      const segments = await this.machine.lockSegments(manager, current.id);
      const segment = segments.find((candidate) => candidate.provinceCode === input.provinceCode);
      if (!segment) throw invalidInput('provinceCode', `is not on the route of ${current.applicationNumber}`);
      if (segment.status !== SegmentStatus.PENDING) {
        throw conflict(
          'SEGMENT_ALREADY_DECIDED',
          `The ${input.provinceCode} segment of ${current.applicationNumber} was already ${segment.status.toLowerCase()}`,
        );
      }
      const decidedAt = this.machine.now();
      const updated = await manager
        .createQueryBuilder()
        .update(RouteSegment)
        .set({ status: decision, decidedBy: actor.username, decidedAt, comment })
        .where('id = :id AND status = :pending', { id: segment.id, pending: SegmentStatus.PENDING })
        .execute();
      if (updated.affected !== 1)
        throw conflict(
          'STALE_VERSION',
          `The ${input.provinceCode} segment of ${current.applicationNumber} was decided by someone else; reload it`,
        );
      const provinceLabel = `${regionName(input.provinceCode) ?? ''}(${input.provinceCode})`;
      if (decision === SegmentStatus.REFUSED) {
        const refused = await this.machine.move(manager, current, input, actor, {
          action: ApplicationAction.REFUSE_SEGMENT,
          step: 'decide',
          target: ApplicationStatus.REJECTED,
          changes: {
            decidedBy: actor.username,
            decidedAt,
            decisionComment: `${provinceLabel} refused its segment: ${comment}`,
          },
          comment: `${provinceLabel}: ${comment}`,
        });
        return { application: refused, permit: null };
      }
      const othersApproved = segments.every(
        (candidate) => candidate.id === segment.id || candidate.status === SegmentStatus.APPROVED,
      );
      if (!othersApproved) {
        const approvedSoFar = await this.machine.move(manager, current, input, actor, {
          action: ApplicationAction.APPROVE_SEGMENT,
          step: 'decide',
          target: current.status,
          comment: [[provinceLabel, comment].filter(given).join(': '), disciplineNote].filter(given).join(' | '),
        });
        return { application: approvedSoFar, permit: null };
      }
      const allConditions = segments
        .map((candidate) => (candidate.id === segment.id ? { ...candidate, comment } : candidate))
        .filter((candidate) => candidate.comment)
        .map((candidate) => `${candidate.provinceCode}: ${candidate.comment}`)
        .join('; ');
      return this.issuing.approveAndIssue(manager, current, input, actor, {
        action: ApplicationAction.APPROVE_SEGMENT,
        step: 'decide',
        decidedBy: actor.username,
        conditions: allConditions === '' ? null : allConditions.slice(0, 1000),
        comment: [
          `${[provinceLabel, comment].filter(given).join(': ')}; every province on the route has approved`,
          disciplineNote,
        ]
          .filter(given)
          .join(' | '),
      });
    });
  }
}
