import type { CatalogueEntry, CatalogueRules } from '../../platform/graphql/catalogue-directive';
import {
  citing,
  ENTERPRISE_KEY_ENTRY,
  LEGAL_BASIS,
  personal,
  VEHICLE_KEY_ENTRY,
} from '../../platform/graphql/catalogue-legal-basis';

// Licensing's data items in the data resource catalogue (数据资源目录): the registers of market subjects
// and vehicles and the permits granted are public (无条件共享); applications in progress are shared on
// approval; the materials an applicant uploads are not shared.

/** The register of market subjects and vehicles (经营业户, 车辆). */
const REGISTRY: CatalogueEntry = ENTERPRISE_KEY_ENTRY;

/** Permits granted and their certificates: made public by law (行政许可 双公示). */
const PERMITS: CatalogueEntry = {
  category: 'licensing',
  shareClass: 'UNCONDITIONAL',
  updateFrequency: 'REAL_TIME',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.licensing, LEGAL_BASIS.doublePublicity),
};

const CERTIFICATES: CatalogueEntry = {
  ...PERMITS,
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.licensing, LEGAL_BASIS.electronicCertificate),
};

/** Applications in progress: shared with a partner on the department's approval. */
const APPLICATIONS: CatalogueEntry = {
  category: 'licensing',
  shareClass: 'CONDITIONAL',
  updateFrequency: 'REAL_TIME',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.licensing),
};

/** What an applicant uploads and the handling of delivery to the national platform: not shared. */
const INTERNAL: CatalogueEntry = {
  category: 'licensing',
  shareClass: 'NOT_SHARED',
  updateFrequency: 'REAL_TIME',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.personalInformation),
};

export const LICENSING_CATALOGUE: CatalogueRules = {
  Enterprise: {
    entry: REGISTRY,
    fields: { legalRepresentative: personal(REGISTRY), contactPhone: personal(REGISTRY) },
  },
  Vehicle: { entry: REGISTRY, fields: { plateNumber: VEHICLE_KEY_ENTRY } },
  Permit: { entry: PERMITS },
  PermitStatusChange: { entry: PERMITS },
  PermitKindDefinition: { entry: { ...PERMITS, updateFrequency: 'ON_CHANGE' } },
  MaterialRequirement: { entry: { ...PERMITS, updateFrequency: 'ON_CHANGE' } },
  ElectronicCertificate: { entry: CERTIFICATES },
  CertificateVerification: { entry: CERTIFICATES },
  CertificateSigningKey: { entry: { ...CERTIFICATES, updateFrequency: 'ON_CHANGE' } },
  PermitApplication: { entry: APPLICATIONS },
  ApplicationTransition: { entry: APPLICATIONS },
  RouteSegment: { entry: APPLICATIONS },
  ReturnNotice: { entry: APPLICATIONS },
  ReviewOpinion: { entry: APPLICATIONS },
  DeadlineExtension: { entry: APPLICATIONS },
  JointDisciplineView: { entry: APPLICATIONS },
  ApplicantListing: { entry: APPLICATIONS },
  PermitMaterial: { entry: INTERNAL },
  PlatformReport: { entry: INTERNAL },
};
