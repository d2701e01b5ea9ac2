import { regionCodeProblem } from './region-code';

// Finds personal information written into free text, however it is typed: resident ID numbers (18 and
// 15 digits), bank card numbers (16-19 digits), mobile and landline numbers (with or without +86 / 0086,
// area codes in brackets), local numbers after a word such as 电话, and e-mail addresses; digits may be
// full-width (１３８), other scripts' digits or Chinese numerals (一三八), and grouped by spaces, dashes,
// dots or brackets, with invisible characters between them. Matching runs on a normalised copy; the
// original text is kept outside what is masked.

/** What a match is, which decides how much of it stays readable. */
type Finding = 'RESIDENT_ID' | 'BANK_CARD' | 'MOBILE' | 'LANDLINE' | 'LOCAL_PHONE' | 'EMAIL';

/** Up to three separators between two digits: `138 1234 5678`, `025-8312-3456`, `138 - 1234`, `(025)8312`. */
const GAP = '[ \\-.()]{0,3}';
const digits = (count: string) => `\\d(?:${GAP}\\d)${count}`;
const COUNTRY = `\\(?(?:\\+|00)?86\\)?${GAP}`;

/** In priority order: a span taken by an earlier pattern is not matched again. */
const PATTERNS: ReadonlyArray<{ finding: Finding; pattern: RegExp }> = [
  // Bounded parts (RFC 5321: 64 characters before the @, 63 per label) keep it linear in the text, where
  // `[…]+@` retried the whole rest of a long run at every position (quadratic).
  { finding: 'EMAIL', pattern: /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g },
  // 17 digits and a check digit or X (GB 11643-1999).
  { finding: 'RESIDENT_ID', pattern: new RegExp(`(?<!\\d)${digits('{16}')}${GAP}[\\dXx](?![\\dXx])`, 'g') },
  { finding: 'BANK_CARD', pattern: new RegExp(`(?<!\\d)${digits('{15,18}')}(?!\\d)`, 'g') },
  // First-generation resident ID numbers.
  { finding: 'RESIDENT_ID', pattern: new RegExp(`(?<!\\d)${digits('{14}')}(?!\\d)`, 'g') },
  { finding: 'MOBILE', pattern: new RegExp(`(?<!\\d)(?:${COUNTRY})?1${GAP}[3-9](?:${GAP}\\d){9}(?!\\d)`, 'g') },
  // Area code with its 0 (3-4 digits) and a 7-8 digit number, or +86 and the area code without the 0.
  { finding: 'LANDLINE', pattern: new RegExp(`(?<!\\d)0(?:${GAP}\\d){9,11}(?!\\d)`, 'g') },
  {
    finding: 'LANDLINE',
    pattern: new RegExp(`(?<!\\d)\\(?(?:\\+|00)86\\)?${GAP}[1-9](?:${GAP}\\d){8,10}(?!\\d)`, 'g'),
  },
  {
    finding: 'LOCAL_PHONE',
    pattern: new RegExp(
      `(?<=(?:电话|座机|固话|手机|联系方式|tel|phone|call)[:\\s]{0,3})${digits('{6,7}')}(?!\\d)`,
      'gi',
    ),
  },
];

const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/u;
const INVISIBLE = /\p{Cf}/u;
const DECIMAL_DIGIT = /\p{Nd}/u;

/** The ASCII digit a decimal digit of any script stands for: its distance from its block's zero. */
function digitValue(character: string): string {
  let codePoint = character.codePointAt(0)!;
  let value = 0;
  while (value < 9 && DECIMAL_DIGIT.test(String.fromCodePoint(codePoint - 1))) {
    codePoint -= 1;
    value += 1;
  }
  return String(value);
}

/**
 * Digits are read in two passes: digits of any script (ASCII, full-width, ...) in one, Chinese numerals in
 * the other, so a numeral next to a digit (`王一13812345678`) does not hide the number it touches.
 */
type Pass = 'DIGITS' | 'CHINESE_NUMERALS';

/** One character of the normalised copy, or '' for characters that do not count (invisible ones). */
function normalised(character: string, pass: Pass): string {
  const code = character.charCodeAt(0);
  // ASCII, most of what is typed, maps to itself (digits and white space aside): no Unicode tests needed.
  if (code < 0x80) {
    if (code >= 0x30 && code <= 0x39) return pass === 'DIGITS' ? character : '#';
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? ' ' : character;
  }
  if (INVISIBLE.test(character)) return '';
  if (/\s/u.test(character)) return ' ';
  if (DASHES.test(character)) return '-';
  const chinese = CHINESE_DIGITS[character];
  if (chinese) return pass === 'CHINESE_NUMERALS' ? chinese : character;
  const compatible = character.normalize('NFKC');
  const digit = /^\d$/.test(compatible) ? compatible : DECIMAL_DIGIT.test(character) ? digitValue(character) : null;
  if (digit !== null) return pass === 'DIGITS' ? digit : '#';
  if (compatible.length === 1 && compatible.charCodeAt(0) < 0x80) return compatible;
  // Anything else stands as one placeholder character that is neither a digit nor a separator.
  return character.length === 1 ? character : '\uFFFD';
}

interface NormalisedText {
  text: string;
  /** For each character of `text`, where it starts and ends in the original. */
  starts: number[];
  ends: number[];
}

function normalise(original: string, pass: Pass): NormalisedText {
  const characters: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const character of original) {
    const mapped = normalised(character, pass);
    if (mapped !== '') {
      characters.push(mapped);
      starts.push(offset);
      ends.push(offset + character.length);
    }
    offset += character.length;
  }
  return { text: characters.join(''), starts, ends };
}

/** A valid case number quoted in a text (region, year, serial) is not a bank card number. */
function looksLikeCaseNumber(value: string): boolean {
  const year = Number(value.slice(6, 10));
  return value.length === 16 && regionCodeProblem(value.slice(0, 6)) === null && year >= 2000 && year < 2100;
}

/** Neither is a date range written `2026-11-24 - 2026-12-01`. */
function looksLikeDateRange(value: string): boolean {
  const date = '(?:19|20)\\d\\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
  return new RegExp(`^${date}${date}$`).test(value);
}

function keep(value: string, start: number, end: number): string {
  if (value.length <= start + end) return '*'.repeat(value.length);
  return `${value.slice(0, start)}${'*'.repeat(value.length - start - end)}${value.slice(value.length - end)}`;
}

/** The masked form of a match, or null when the match is not personal information after all. */
function masked(finding: Finding, match: string): string | null {
  if (finding === 'EMAIL') {
    const at = match.lastIndexOf('@');
    return `${match[0]}***${match.slice(at)}`;
  }
  const characters = match.replace(/[^\dXx]/g, '').toUpperCase();
  switch (finding) {
    case 'RESIDENT_ID':
      return keep(characters, 4, 4);
    case 'BANK_CARD':
      return looksLikeCaseNumber(characters) || looksLikeDateRange(characters) ? null : keep(characters, 4, 4);
    case 'MOBILE': {
      const national = characters.slice(-11);
      return `${characters.length > 11 ? '+86 ' : ''}${keep(national, 3, 4)}`;
    }
    case 'LANDLINE': {
      // Written with the country code, the area code goes without its 0: +86 25 8312 3456.
      const national = characters.startsWith('0086')
        ? characters.slice(4)
        : characters.startsWith('0')
          ? characters
          : characters.slice(2);
      return national === characters ? keep(characters, 3, 4) : `+86 ${keep(national, 2, 4)}`;
    }
    case 'LOCAL_PHONE':
      return keep(characters, 0, 2);
  }
}

/** A span of the original text and what it is replaced by. */
interface Span {
  start: number;
  end: number;
  replacement: string;
}

function findings(original: string): Span[] {
  const taken: Span[] = [];
  const overlaps = (start: number, end: number) => taken.some((span) => start < span.end && span.start < end);
  for (const pass of ['DIGITS', 'CHINESE_NUMERALS'] as const) {
    const text = normalise(original, pass);
    for (const { finding, pattern } of PATTERNS) {
      for (const match of text.text.matchAll(pattern)) {
        const start = text.starts[match.index];
        const end = text.ends[match.index + match[0].length - 1];
        if (overlaps(start, end)) continue;
        const replacement = masked(finding, match[0]);
        if (replacement !== null) taken.push({ start, end, replacement });
      }
    }
  }
  return taken.sort((left, right) => left.start - right.start);
}

/**
 * The text with every resident ID, bank card, mobile, landline number and e-mail address masked:
 * `身份证号11010519491231002X，手机１３８ １２３４ ５６７８` -> `身份证号1101**********002X，手机138****5678`.
 */
export function maskFreeText(original: string): string {
  let result = '';
  let position = 0;
  for (const span of findings(original)) {
    result += original.slice(position, span.start) + span.replacement;
    position = span.end;
  }
  return result + original.slice(position);
}

/** True when the text holds something `maskFreeText` would mask. */
export function containsPersonalInformation(original: string): boolean {
  return findings(original).length > 0;
}
