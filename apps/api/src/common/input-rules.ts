import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Earliest and latest day any date in a request may name: Duban supervises this century. */
export const EARLIEST_DATE = '2000-01-01';
export const LATEST_DATE = '2100-12-31';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is exactly YYYY-MM-DD, a real calendar day, within EARLIEST_DATE..LATEST_DATE. */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  const match = DAY_PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && value >= EARLIEST_DATE && value <= LATEST_DATE;
}

/** A day as YYYY-MM-DD (a real one, 2000–2100); anything else is a 400, never a 500 further on. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: isCalendarDate,
        defaultMessage: (args) =>
          `${args?.property ?? 'date'} must be a date like 2026-12-31 between ${EARLIEST_DATE} and ${LATEST_DATE}`,
      },
    },
    options,
  );
}

// C0 controls (incl. TAB, CR, LF), DEL, C1 controls, and the Unicode line/paragraph separators:
// none of them belongs in a name, and CR/LF in a name ends up in mail headers and exported files.
// eslint-disable-next-line no-control-regex
const NAME_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// Multi-line text keeps TAB, LF and CR; every other control character is refused.
// eslint-disable-next-line no-control-regex
const TEXT_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/u;

export function isSingleLineName(value: unknown): boolean {
  return typeof value === 'string' && !NAME_FORBIDDEN.test(value);
}

export function isMultiLineText(value: unknown): boolean {
  return typeof value === 'string' && !TEXT_FORBIDDEN.test(value);
}

/** A name on one line: no control characters, no line breaks or tabs (400 otherwise). */
export function IsSingleLineName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSingleLineName',
      validator: {
        validate: isSingleLineName,
        defaultMessage: (args) =>
          `${args?.property ?? 'name'} must be one line without control characters`,
      },
    },
    options,
  );
}

/** Free text that may span lines (CR, LF, TAB) but holds no other control character. */
export function IsMultiLineText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMultiLineText',
      validator: {
        validate: isMultiLineText,
        defaultMessage: (args) =>
          `${args?.property ?? 'text'} must not hold control characters other than line breaks and tabs`,
      },
    },
    options,
  );
}

// A plain address: local part of letters, digits and . _ % + - (no quotes, no spaces, no control
// characters), a domain of dot-separated labels. Stricter than RFC 5322 on purpose: the address
// goes into SMTP envelopes and headers, where a quoted CR/LF would be a header injection.
const PLAIN_EMAIL =
  /^[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function isPlainEmail(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 254 && PLAIN_EMAIL.test(value);
}

/** A plain mail address like office@example.gov.cn: no quotes, spaces or control characters. */
export function IsPlainEmail(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPlainEmail',
      validator: {
        validate: isPlainEmail,
        defaultMessage: (args) =>
          `${args?.property ?? 'email'} must be a plain mail address like office@example.gov.cn`,
      },
    },
    options,
  );
}
