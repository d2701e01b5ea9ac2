import {
  AuthenticationFlows,
  FlowDefinitionError,
  type AuthenticationFlow,
  type FlowExecution,
} from './authentication-flows';

// Keycloak's flow semantics on small made-up flows; realm.spec.ts checks the realm's own flows.

const authenticator = (name: string, requirement: FlowExecution['requirement'], config?: string): FlowExecution => ({
  authenticator: name,
  authenticatorFlow: false,
  requirement,
  priority: 0,
  authenticatorConfig: config,
});
const subflow = (alias: string, requirement: FlowExecution['requirement']): FlowExecution => ({
  authenticatorFlow: true,
  flowAlias: alias,
  requirement,
  priority: 0,
});
const flow = (alias: string, executions: FlowExecution[], topLevel = false): AuthenticationFlow => ({
  alias,
  providerId: 'basic-flow',
  topLevel,
  authenticationExecutions: executions.map((execution, index) => ({ ...execution, priority: (index + 1) * 10 })),
});
const roleConfig = (alias: string, role: string, negate = false) => ({
  alias,
  config: { condUserRole: role, negate: String(negate) },
});
const user = (...roles: string[]) => ({ effectiveRoles: new Set(roles) });
const names = (steps: Array<{ authenticator: string }>) => steps.map((step) => step.authenticator);

const CONFIGS = [
  roleConfig('is admin', 'admin'),
  roleConfig('not admin', 'admin', true),
  roleConfig('is ghost', 'ghost'),
];
const ROLES = new Set(['admin', 'officer']);

describe('authentication flows', () => {
  const flows = new AuthenticationFlows(
    [
      flow(
        'browser',
        [
          authenticator('auth-cookie', 'ALTERNATIVE'),
          authenticator('identity-provider-redirector', 'ALTERNATIVE'),
          subflow('forms', 'ALTERNATIVE'),
        ],
        true,
      ),
      flow('forms', [
        authenticator('auth-username-password-form', 'REQUIRED'),
        subflow('otp if admin', 'CONDITIONAL'),
        subflow('webauthn if not admin', 'CONDITIONAL'),
        subflow('disabled otp', 'DISABLED'),
        subflow('no conditions', 'CONDITIONAL'),
      ]),
      flow('otp if admin', [
        authenticator('conditional-user-role', 'REQUIRED', 'is admin'),
        authenticator('auth-otp-form', 'REQUIRED'),
      ]),
      flow('webauthn if not admin', [
        authenticator('conditional-user-role', 'REQUIRED', 'not admin'),
        authenticator('conditional-user-role', 'DISABLED', 'is admin'),
        authenticator('webauthn-authenticator', 'REQUIRED'),
      ]),
      flow('disabled otp', [authenticator('auth-otp-form', 'REQUIRED')]),
      flow('no conditions', [authenticator('auth-otp-form', 'REQUIRED')]),
      flow('unknown condition', [
        authenticator('conditional-user-attribute', 'REQUIRED'),
        authenticator('deny-access-authenticator', 'REQUIRED'),
      ]),
      flow('undefined role', [
        authenticator('conditional-user-role', 'REQUIRED', 'is ghost'),
        authenticator('deny-access-authenticator', 'REQUIRED'),
      ]),
      flow(
        'direct',
        [
          authenticator('direct-grant-validate-password', 'REQUIRED'),
          subflow('unknown condition', 'CONDITIONAL'),
          subflow('undefined role', 'CONDITIONAL'),
        ],
        true,
      ),
      flow('loop', [subflow('loop', 'REQUIRED')], true),
    ],
    CONFIGS,
    ROLES,
  );

  it('passes over passive alternatives and runs a CONDITIONAL subflow only when its conditions hold', () => {
    expect(names(flows.steps('browser', user('admin')))).toEqual(['auth-username-password-form', 'auth-otp-form']);
    expect(names(flows.steps('browser', user('officer')))).toEqual([
      'auth-username-password-form',
      'webauthn-authenticator',
    ]);
  });

  it('ignores DISABLED executions and a CONDITIONAL subflow without conditions, as Keycloak does', () => {
    expect(names(flows.steps('browser', user('admin')))).not.toContain('webauthn-authenticator');
    expect(names(flows.steps('browser', user('admin'))).filter((name) => name === 'auth-otp-form')).toHaveLength(1);
  });

  it('takes a condition it cannot judge as holding, and one on an undefined role as not', () => {
    const steps = flows.steps('direct', user('officer'));
    expect(names(steps)).toEqual(['direct-grant-validate-password', 'deny-access-authenticator']);
  });

  it('hands each step its configuration', () => {
    const withConfig = new AuthenticationFlows(
      [flow('deny', [authenticator('deny-access-authenticator', 'REQUIRED', 'message')], true)],
      [{ alias: 'message', config: { denyErrorMessage: 'no' } }],
      ROLES,
    );
    expect(withConfig.steps('deny', user())).toEqual([
      { authenticator: 'deny-access-authenticator', config: { denyErrorMessage: 'no' } },
    ]);
  });

  it('reports undefined references and refuses a flow that contains itself', () => {
    const broken = new AuthenticationFlows(
      [
        flow(
          'top',
          [subflow('missing', 'REQUIRED'), authenticator('auth-otp-form', 'REQUIRED', 'missing config')],
          true,
        ),
      ],
      [],
      ROLES,
    );
    expect(broken.missingReferences()).toEqual([
      'flow "missing" (in "top")',
      'authenticator config "missing config" (in "top")',
    ]);
    expect(() => flows.steps('loop', user())).toThrow(FlowDefinitionError);
    expect(() => flows.steps('nowhere', user())).toThrow(FlowDefinitionError);
  });
});
