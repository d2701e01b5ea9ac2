import { TextKind, type TextFieldRules } from '../../platform/graphql/text-fields';

const { FREE_TEXT, NOT_PERSONAL } = TextKind;

/**
 * What each audit text field holds (checked when the schema is built; see platform/graphql/text-fields.ts).
 * The variables are masked when the record is written; they and the purpose reason a caller typed are
 * masked again on read, so records kept from before a masking rule was added are read masked too.
 */
export const AUDIT_TEXT_FIELDS: TextFieldRules = {
  AuditRecord: {
    requestId: NOT_PERSONAL,
    subject: NOT_PERSONAL,
    username: NOT_PERSONAL,
    clientId: NOT_PERSONAL,
    roles: NOT_PERSONAL,
    region: NOT_PERSONAL,
    purposeCode: NOT_PERSONAL,
    purposeReason: FREE_TEXT,
    operationName: NOT_PERSONAL,
    operationType: NOT_PERSONAL,
    documentHash: NOT_PERSONAL,
    variables: FREE_TEXT,
    entities: NOT_PERSONAL,
    subgraphs: NOT_PERSONAL,
    errorCodes: NOT_PERSONAL,
    clientAddress: NOT_PERSONAL,
    previousHash: NOT_PERSONAL,
    hash: NOT_PERSONAL,
  },
};
