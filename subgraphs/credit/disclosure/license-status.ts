import { LicenseStatus } from './disclosure-kind';

// What a licence's disclosure says of a suspension (暂扣), restoration or revocation (吊销): one sentence
// after the licence's own content, replaced at the next change.

const STATUS_SENTENCE = /该许可证件于\d{4}-\d{2}-\d{2}(?:暂扣|吊销|恢复有效)。$/;
const CONTENT_MAX_LENGTH = 1200;

const SENTENCE: Readonly<Record<LicenseStatus, string>> = {
  VALID: '恢复有效',
  SUSPENDED: '暂扣',
  REVOKED: '吊销',
};

/** The content with the sentence of the new status (China Standard Time date) in place of the last one. */
export function licenceStatusContent(content: string, status: LicenseStatus, date: string): string {
  const sentence = `该许可证件于${date}${SENTENCE[status]}。`;
  const own = content.replace(STATUS_SENTENCE, '');
  return `${own.slice(0, CONTENT_MAX_LENGTH - sentence.length)}${sentence}`;
}
