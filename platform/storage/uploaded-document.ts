import { assertText } from '../codes/assert-input';
import { invalidInput } from '../errors/domain-error';

/** The largest document accepted, decoded: scanned letters, photos and certificates, not archives. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const BAD_FILE_NAME = /[\u0000-\u001f\u007f/\\:*?"<>|]/;

/** A document as GraphQL inputs carry it: a file name and base64 bytes. */
export interface UploadedDocument {
  fileName: string;
  contentBase64: string;
}

export interface DecodedDocument {
  fileName: string;
  bytes: Buffer;
}

/**
 * A document's name and bytes, checked as licensing checks permit materials, before anything is stored;
 * `field` names it in errors (`evidence.0.contentBase64`).
 */
export function decodeDocument(field: string, document: UploadedDocument): DecodedDocument {
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
