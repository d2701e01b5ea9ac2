import { PERMIT_KINDS, PermitKind } from './permit-kind';

describe('the permit kinds table', () => {
  it('declares for every kind its materials, the roles of each step and its statutory deadlines', () => {
    expect(Object.keys(PERMIT_KINDS).sort()).toEqual(Object.values(PermitKind).sort());
    for (const definition of Object.values(PERMIT_KINDS)) {
      const codes = definition.materials.map((material) => material.code);
      expect(codes.length).toBeGreaterThanOrEqual(4);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes).toContain('APPLICATION_FORM');
      for (const step of ['submit', 'accept', 'review', 'decide'] as const)
        expect(definition.roles[step].length).toBeGreaterThan(0);
      expect(definition.extensionWorkingDays).toBe(10);
      expect(definition.issueWorkingDays).toBe(10);
    }
    expect(PERMIT_KINDS.ROAD_FREIGHT_TRANSPORT.decisionWorkingDays).toBe(20);
    expect(PERMIT_KINDS.CROSS_PROVINCE_OVERSIZE_TRANSPORT.decisionWorkingDays).toBe(15);
    expect(PERMIT_KINDS.HIGHWAY_CONSTRUCTION).toMatchObject({ investmentProjectRequired: true, reviewRequired: true });
    expect(PERMIT_KINDS.CROSS_PROVINCE_OVERSIZE_TRANSPORT.parallelApprovalByRoute).toBe(true);
  });
});
