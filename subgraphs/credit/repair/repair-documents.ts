import { assertText } from '../../../platform/codes/assert-input';
import { invalidInput } from '../../../platform/errors/domain-error';
import type { CreditRepairDocumentInput } from './inputs/credit-repair.inputs';

/** The largest document accepted, decoded: scanned letters and certificates, not archives. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_DOCUMENTS = 10;
const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const BAD_FILE_NAME = /[\u0000-\u001f\u007f/\\:*?"<>|]/;

export interface DecodedDocument {
  fileName: string;
  bytes: Buffer;
}

/** A document's name and bytes, checked as licensing checks permit materials; `field` names it in errors. */
export function decodeDocument(field: string, document: CreditRepairDocumentInput): DecodedDocument {
  const fileName = assertText(`${field}.fileName`, document.fileName, 200);
  if (BAD_FILE_NAME.test(fileName))
    throw invalidInput(`${field}.fileName`, 'must be a plain file name, without a path or control characters');
  const content = document.contentBase64.replace(/\s+/g, '');
  if (content.length === 0) throw invalidInput(`${field}.contentBase64`, 'must not be empty');
  // Checked on the encoded length first, so an oversized upload is not decoded at all.
  if (Math.floor((content.length * 3) / 4) > MAX_DOCUMENT_BYTES + 2)
    throw invalidInput(`${field}.contentBase64`, `may be at most ${MAX_DOCUMENT_BYTES} bytes once decoded`);
  if (content.length % 4 !== 0 || !BASE64_CHARACTERS.test(content))
    throw invalidInput(`${field}.contentBase64`, 'is not base64');
  const bytes = Buffer.from(content, 'base64');
  if (bytes.toString('base64') !== content) throw invalidInput(`${field}.contentBase64`, 'is not base64');
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw invalidInput(`${field}.contentBase64`, `may be at most ${MAX_DOCUMENT_BYTES} bytes once decoded`);
  return { fileName, bytes };
}
