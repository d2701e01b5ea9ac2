// The decoding moved to the platform so safety's hazard evidence checks documents the same way.
export { decodeDocument, MAX_DOCUMENT_BYTES, type DecodedDocument } from '../../../platform/storage/uploaded-document';

export const MAX_EVIDENCE_DOCUMENTS = 10;
