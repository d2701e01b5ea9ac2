import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../../../platform/auth/permission.policy';
import { PageArgs, pageRequest } from '../../../platform/graphql/connection';
import { actorOf, scopeOf, type SafetyContext } from '../safety.context';
import { HazardEvidence } from './hazard-evidence.entity';
import { HazardLevel, HazardStatus, isOverdue } from './hazard-rules';
import { HiddenHazardConnection, RegionOverdueHazards } from './hazard.types';
import { HiddenHazard } from './hidden-hazard.entity';
import {
  HiddenHazardPayload,
  RecordSafetyInspectionInput,
  RecordSafetyInspectionPayload,
  ReportHazardRectificationInput,
  VerifyHazardRectificationInput,
} from './inputs/hazard.inputs';
import { SafetyInspection } from './safety-inspection.entity';

const READ = [Permission.HAZARD_READ, Permission.HAZARD_WRITE];

@Resolver(() => SafetyInspection)
export class SafetyInspectionResolver {
  @Authorized(...READ)
  @Query(() => SafetyInspection, {
    nullable: true,
    description: 'One safety inspection by id; null when there is none or the enterprise is outside your region.',
  })
  async safetyInspection(
    @Arg('id', () => ID, { description: 'The inspection’s id.' }) id: string,
    @Ctx() context: SafetyContext,
  ): Promise<SafetyInspection | null> {
    return context.services.hazardQueries.inspection(scopeOf(context), id);
  }

  @Authorized(Permission.HAZARD_WRITE)
  @Mutation(() => RecordSafetyInspectionPayload, {
    description:
      'Records a safety inspection of an enterprise and the hidden hazards it found (隐患排查), each with its rectification deadline; a major hazard is reported to the national platform.',
  })
  async recordSafetyInspection(
    @Arg('input', { description: 'The inspection and its hazards.' }) input: RecordSafetyInspectionInput,
    @Ctx() context: SafetyContext,
  ): Promise<RecordSafetyInspectionPayload> {
    return {
      inspection: await context.services.hazards.recordInspection(scopeOf(context), input, actorOf(context)),
    };
  }

  @Authorized(...READ)
  @FieldResolver(() => [HiddenHazard], { description: 'The hidden hazards the inspection found, in order.' })
  async hazards(@Root() inspection: SafetyInspection, @Ctx() context: SafetyContext): Promise<HiddenHazard[]> {
    return context.loaders
      .get('hazards:inspection', () => context.services.hazardQueries.createInspectionHazardsLoader())
      .load(inspection.id);
  }
}

@Resolver(() => HazardEvidence)
export class HazardEvidenceResolver {
  @Authorized(...READ)
  @FieldResolver(() => String, {
    description:
      'The file, base64-encoded, read from the file store and checked against its SM3 digest first (CONFLICT, DIGEST_MISMATCH when it was altered).',
  })
  async contentBase64(@Root() evidence: HazardEvidence, @Ctx() context: SafetyContext): Promise<string> {
    return (await context.services.hazards.evidenceContent(evidence)).toString('base64');
  }
}

@Resolver(() => HiddenHazard)
export class HiddenHazardResolver {
  @Authorized(...READ)
  @Query(() => HiddenHazardConnection, {
    description:
      "Hidden hazards of enterprises in your region (the enterprise's region), newest first, by region, level, status and overdue.",
  })
  async hiddenHazards(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'GB/T 2260 code of the enterprises’ region; a province includes its cities and counties.',
    })
    regionCode: string | null,
    @Arg('level', () => HazardLevel, { nullable: true, description: 'Only hazards of this level.' })
    level: HazardLevel | null,
    @Arg('status', () => HazardStatus, { nullable: true, description: 'Only hazards in this status.' })
    status: HazardStatus | null,
    @Arg('overdue', () => Boolean, {
      nullable: true,
      description: 'True: only open hazards past their deadline (逾期未整改); false: only the others.',
    })
    overdue: boolean | null,
    @Args() page: PageArgs,
    @Ctx() context: SafetyContext,
  ): Promise<HiddenHazardConnection> {
    return context.services.hazardQueries.list(
      scopeOf(context),
      { regionCode: regionCode ?? null, level: level ?? null, status: status ?? null, overdue: overdue ?? null },
      pageRequest(page),
    );
  }

  @Authorized(...READ)
  @Query(() => [RegionOverdueHazards], {
    description:
      'Open hidden hazards past their deadline (逾期未整改隐患), counted per region of the enterprises in your region; regions without any are left out.',
  })
  async overdueHazards(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'Only this region and the regions under it (GB/T 2260 code).',
    })
    regionCode: string | null,
    @Ctx() context: SafetyContext,
  ): Promise<RegionOverdueHazards[]> {
    return context.services.hazardQueries.overdueByRegion(scopeOf(context), regionCode ?? null);
  }

  @Authorized(Permission.HAZARD_WRITE)
  @Mutation(() => HiddenHazardPayload, {
    description: 'Reports that a hidden hazard was put right, with evidence (整改): OPEN becomes RECTIFIED.',
  })
  async reportHazardRectification(
    @Arg('input', { description: 'The hazard, what was done and the evidence.' }) input: ReportHazardRectificationInput,
    @Ctx() context: SafetyContext,
  ): Promise<HiddenHazardPayload> {
    return { hazard: await context.services.hazards.reportRectification(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(Permission.HAZARD_WRITE)
  @Mutation(() => HiddenHazardPayload, {
    description:
      'Verifies a reported rectification (复查) as a second officer: passed closes the hazard (销号), failed reopens it. Refused (FORBIDDEN, HAZARD_SAME_OFFICER) to the inspecting officer and to whoever reported the rectification.',
  })
  async verifyHazardRectification(
    @Arg('input', { description: 'The hazard and the verdict.' }) input: VerifyHazardRectificationInput,
    @Ctx() context: SafetyContext,
  ): Promise<HiddenHazardPayload> {
    return { hazard: await context.services.hazards.verifyRectification(scopeOf(context), input, actorOf(context)) };
  }

  @Authorized(...READ)
  @FieldResolver(() => Boolean, { description: 'Open past its deadline, by China date (逾期).' })
  overdue(@Root() hazard: HiddenHazard, @Ctx() context: SafetyContext): boolean {
    return isOverdue(hazard.status, hazard.deadline, context.services.hazardQueries.today());
  }

  @Authorized(...READ)
  @FieldResolver(() => [HazardEvidence], { description: 'Photos and documents, as found and with rectification.' })
  async evidence(@Root() hazard: HiddenHazard, @Ctx() context: SafetyContext): Promise<HazardEvidence[]> {
    return context.loaders
      .get('hazards:evidence', () => context.services.hazardQueries.createEvidenceLoader())
      .load(hazard.id);
  }
}
