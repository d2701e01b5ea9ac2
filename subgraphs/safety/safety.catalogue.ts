import type { CatalogueEntry, CatalogueRules } from '../../platform/graphql/catalogue-directive';
import {
  citing,
  ENTERPRISE_KEY_ENTRY,
  LEGAL_BASIS,
  personal,
  VEHICLE_KEY_ENTRY,
} from '../../platform/graphql/catalogue-legal-basis';

// Safety's data items in the data resource catalogue (数据资源目录): waybills, positions, alerts, hazards
// and accidents are shared on approval (drivers' and escorts' names and qualification numbers never);
// hazard evidence and the delivery to the national platform are not shared.

/** Dangerous-goods transport and work safety (危险货物道路运输, 安全生产): shared on approval. */
const SAFETY: CatalogueEntry = {
  category: 'safety',
  shareClass: 'CONDITIONAL',
  updateFrequency: 'REAL_TIME',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.dangerousGoods, LEGAL_BASIS.workSafety),
};

/** Photos and files of hazards, delivery bookkeeping: not shared. */
const INTERNAL: CatalogueEntry = {
  category: 'safety',
  shareClass: 'NOT_SHARED',
  updateFrequency: 'REAL_TIME',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.workSafety),
};

const DAILY_SAFETY: CatalogueEntry = { ...SAFETY, updateFrequency: 'DAILY' };

export const SAFETY_CATALOGUE: CatalogueRules = {
  Enterprise: { entry: SAFETY, fields: { creditCode: ENTERPRISE_KEY_ENTRY } },
  Vehicle: { entry: SAFETY, fields: { plateNumber: VEHICLE_KEY_ENTRY } },
  Waybill: {
    entry: SAFETY,
    fields: {
      driverName: personal(SAFETY),
      driverQualificationNumber: personal(SAFETY),
      escortName: personal(SAFETY),
      escortQualificationNumber: personal(SAFETY),
    },
  },
  WaybillCheck: { entry: SAFETY },
  WaybillCheckFailure: { entry: SAFETY },
  VehiclePositionView: { entry: SAFETY },
  PositionResult: { entry: SAFETY },
  PositionProblem: { entry: SAFETY },
  SafetyAlert: { entry: SAFETY },
  Accident: { entry: SAFETY },
  AccidentReportVersion: { entry: SAFETY },
  SafetyInspection: { entry: SAFETY },
  HiddenHazard: { entry: SAFETY },
  EnterpriseOpenHazards: { entry: SAFETY },
  RegionOverdueHazards: { entry: DAILY_SAFETY },
  OnlineRate: { entry: DAILY_SAFETY },
  HazardEvidence: { entry: INTERNAL },
  NationalSafetyDelivery: { entry: INTERNAL },
  NationalSafetyDeliverySummary: { entry: INTERNAL },
};
