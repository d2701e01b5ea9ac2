import { z } from 'zod';

// Keycloak's authentication flows as a realm export lists them, and what they ask of one user. The
// embedded provider does not run flows step by step as Keycloak does; it evaluates the bound flow for
// the user who gave the right password and learns which authenticators would run for them.

const executionSchema = z.object({
  authenticator: z.string().optional(),
  authenticatorFlow: z.boolean().default(false),
  flowAlias: z.string().optional(),
  requirement: z.enum(['REQUIRED', 'ALTERNATIVE', 'CONDITIONAL', 'DISABLED']).default('DISABLED'),
  priority: z.number().default(0),
  authenticatorConfig: z.string().optional(),
});

export const authenticationFlowSchema = z.object({
  alias: z.string().min(1),
  providerId: z.string().default('basic-flow'),
  topLevel: z.boolean().default(false),
  authenticationExecutions: z.array(executionSchema).default([]),
});

export const authenticatorConfigSchema = z.object({
  alias: z.string().min(1),
  config: z.record(z.string()).default({}),
});

export type AuthenticationFlow = z.infer<typeof authenticationFlowSchema>;
export type FlowExecution = z.infer<typeof executionSchema>;
export type AuthenticatorConfig = z.infer<typeof authenticatorConfigSchema>;

/** One authenticator that runs for the user, with its configuration (empty when it has none). */
export interface FlowStep {
  authenticator: string;
  config: Record<string, string>;
}

/**
 * The refusal among a flow's steps for one user: the message of the `deny-access-authenticator` that
 * runs (its `denyErrorMessage`, or Keycloak's "Access denied"), or null when none does.
 */
export function denialIn(steps: readonly FlowStep[]): string | null {
  const deny = steps.find((step) => step.authenticator === 'deny-access-authenticator');
  return deny ? deny.config.denyErrorMessage || 'Access denied' : null;
}

// Alternatives that only take effect when something is already there (an SSO cookie, a configured
// default identity provider, a Kerberos ticket); a fresh sign-in passes over them, as Keycloak does.
const PASSIVE_ALTERNATIVES = new Set(['auth-cookie', 'identity-provider-redirector', 'auth-spnego']);

/** Keycloak's `conditional-*` authenticators decide whether a CONDITIONAL subflow runs; they do nothing else. */
function isCondition(execution: FlowExecution): boolean {
  return !execution.authenticatorFlow && (execution.authenticator ?? '').startsWith('conditional-');
}

export interface FlowUser {
  /** Realm roles with composites expanded, as Keycloak's `hasRole` sees them. */
  effectiveRoles: ReadonlySet<string>;
}

export class FlowDefinitionError extends Error {}

/**
 * Evaluates a realm's flows for a user as Keycloak's DefaultAuthenticationFlow would run them:
 * executions in priority order; when a flow has any REQUIRED or CONDITIONAL execution its ALTERNATIVE
 * ones are ignored, otherwise the first alternative that acts on a fresh sign-in is taken; DISABLED
 * executions never run; a CONDITIONAL subflow runs when it has at least one condition and all of them
 * hold. Conditions other than `conditional-user-role` cannot be judged here and are taken to hold, so
 * the stricter subflow (a second factor, a refusal) applies: the embedded provider errs towards asking
 * more, never less, than Keycloak.
 */
export class AuthenticationFlows {
  private readonly flows = new Map<string, AuthenticationFlow>();
  private readonly configs = new Map<string, AuthenticatorConfig>();

  constructor(
    flows: readonly AuthenticationFlow[],
    configs: readonly AuthenticatorConfig[],
    private readonly realmRoles: ReadonlySet<string>,
  ) {
    for (const flow of flows) this.flows.set(flow.alias, flow);
    for (const config of configs) this.configs.set(config.alias, config);
  }

  flow(alias: string): AuthenticationFlow | undefined {
    return this.flows.get(alias);
  }

  /** Every flow alias and authenticator config alias an execution names that the realm does not define. */
  missingReferences(): string[] {
    const missing: string[] = [];
    for (const flow of this.flows.values()) {
      for (const execution of flow.authenticationExecutions) {
        if (execution.authenticatorFlow && (!execution.flowAlias || !this.flows.has(execution.flowAlias)))
          missing.push(`flow "${execution.flowAlias ?? ''}" (in "${flow.alias}")`);
        if (execution.authenticatorConfig && !this.configs.has(execution.authenticatorConfig))
          missing.push(`authenticator config "${execution.authenticatorConfig}" (in "${flow.alias}")`);
      }
    }
    return missing;
  }

  /** The authenticators the flow `alias` runs for this user, in order. */
  steps(alias: string, user: FlowUser): FlowStep[] {
    return this.walk(alias, user, new Set());
  }

  private walk(alias: string, user: FlowUser, visiting: Set<string>): FlowStep[] {
    const flow = this.flows.get(alias);
    if (!flow) throw new FlowDefinitionError(`the realm has no authentication flow "${alias}"`);
    if (visiting.has(alias)) throw new FlowDefinitionError(`the authentication flow "${alias}" contains itself`);
    visiting.add(alias);
    try {
      const executions = [...flow.authenticationExecutions]
        .filter((execution) => execution.requirement !== 'DISABLED')
        .sort((first, second) => first.priority - second.priority);
      const mandatory = executions.filter(
        (execution) => execution.requirement === 'REQUIRED' || execution.requirement === 'CONDITIONAL',
      );
      if (mandatory.length === 0) {
        const taken = executions.find(
          (execution) => execution.authenticatorFlow || !PASSIVE_ALTERNATIVES.has(execution.authenticator ?? ''),
        );
        return taken ? this.run(taken, user, visiting) : [];
      }
      const steps: FlowStep[] = [];
      for (const execution of mandatory) {
        if (isCondition(execution)) continue;
        if (execution.requirement === 'CONDITIONAL') {
          // Keycloak only honours CONDITIONAL on subflows; on a plain authenticator it is skipped.
          if (!execution.authenticatorFlow || !this.conditionsHold(execution.flowAlias ?? '', user)) continue;
        }
        steps.push(...this.run(execution, user, visiting));
      }
      return steps;
    } finally {
      visiting.delete(alias);
    }
  }

  private run(execution: FlowExecution, user: FlowUser, visiting: Set<string>): FlowStep[] {
    if (execution.authenticatorFlow) return this.walk(execution.flowAlias ?? '', user, visiting);
    return [{ authenticator: execution.authenticator ?? '', config: this.configOf(execution) }];
  }

  private configOf(execution: FlowExecution): Record<string, string> {
    if (!execution.authenticatorConfig) return {};
    const config = this.configs.get(execution.authenticatorConfig);
    if (!config)
      throw new FlowDefinitionError(`the realm has no authenticator config "${execution.authenticatorConfig}"`);
    return config.config;
  }

  /** Whether a CONDITIONAL subflow runs: it has conditions and every one holds. */
  private conditionsHold(alias: string, user: FlowUser): boolean {
    const flow = this.flows.get(alias);
    if (!flow) throw new FlowDefinitionError(`the realm has no authentication flow "${alias}"`);
    const conditions = flow.authenticationExecutions.filter(
      (execution) => execution.requirement !== 'DISABLED' && isCondition(execution),
    );
    return conditions.length > 0 && conditions.every((condition) => this.conditionHolds(condition, user));
  }

  private conditionHolds(condition: FlowExecution, user: FlowUser): boolean {
    if (condition.authenticator !== 'conditional-user-role') return true;
    const config = this.configOf(condition);
    const role = config.condUserRole ?? '';
    // Keycloak's conditional-user-role never matches for a role the realm does not define, negated or not.
    if (!this.realmRoles.has(role)) return false;
    const hasRole = user.effectiveRoles.has(role);
    return config.negate === 'true' ? !hasRole : hasRole;
  }
}
