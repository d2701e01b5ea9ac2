import { maskFreeText } from '../../../platform/codes/personal-information';
import type { CreditDisclosure } from '../disclosure/credit-disclosure.entity';
import type { CreditChange } from './credit-change';

/**
 * A published disclosure as the national credit platform receives it: the public fields, free text
 * masked exactly as the public reads it (双公示), never a natural person's information (only
 * enterprises' decisions are disclosed).
 */
export function disclosureChange(disclosure: CreditDisclosure, version = 1): CreditChange {
  return {
    recordType: 'DISCLOSURE',
    recordId: String(disclosure.id),
    version,
    payload: {
      kind: disclosure.kind,
      creditCode: disclosure.creditCode,
      counterpartName: disclosure.counterpartName,
      documentNumber: disclosure.documentNumber,
      matter: maskFreeText(disclosure.matter),
      legalBasis: disclosure.legalBasis,
      content: maskFreeText(disclosure.content),
      penaltyKind: disclosure.penaltyKind,
      fineFen: disclosure.fineFen,
      authorityName: disclosure.authorityName,
      authorityCode: disclosure.authorityCode,
      decidedAt: disclosure.decidedAt.toISOString(),
      validFrom: disclosure.validFrom,
      validUntil: disclosure.validUntil,
      publishedAt: disclosure.publishedAt?.toISOString() ?? null,
      publicUntil: disclosure.publicUntil.toISOString(),
    },
  };
}
