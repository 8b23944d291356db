/**
 * Identity checks for Chinese documents. Written by hand: they are a few lines of published arithmetic
 * (GB 11643-1999 for the 居民身份证号, GB 32100-2015 for the 统一社会信用代码) and the npm packages that
 * do them are unmaintained or bundle far more than these checks.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

/** The canonical form an ID number is stored and compared in: no spaces, upper-case X. */
export const normaliseIdNumber = (value: string) => value.replace(/\s/g, '').toUpperCase();

/** An 18-character 居民身份证号 with a real birth date and a correct GB 11643 check character. */
export const isValidIdNumber = (value: string): boolean => {
  const id = normaliseIdNumber(value);
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  if (!isRealDate(id.slice(6, 14))) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK_CHARACTERS[sum % 11] === id[17];
};

const isRealDate = (yyyymmdd: string) => {
  const [year, month, day] = [yyyymmdd.slice(0, 4), yyyymmdd.slice(4, 6), yyyymmdd.slice(6, 8)].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/**
 * Mainland mobile numbers: 11 digits starting 13–19, written with or without +86, spaces or dashes.
 * The canonical form, stored and compared, is the bare 11 digits.
 */
export const normalisePhone = (value: string) => value.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');

export const isValidMobile = (value: string) => /^1[3-9]\d{9}$/.test(normalisePhone(value));

/** 138****1234: enough to tell people apart in a message without publishing their number. */
export const maskPhone = (value: string) => {
  const phone = normalisePhone(value);
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***';
};

/** 1301**********32: the region and check character, never the birth date. */
export const maskIdNumber = (value: string) => {
  const id = normaliseIdNumber(value);
  return id.length >= 8 ? `${id.slice(0, 4)}**********${id.slice(-2)}` : '***';
};

/** a***@example.com: the first letter and the domain. */
export const maskEmail = (value: string) => {
  const at = value.lastIndexOf('@');
  return at > 0 ? `${value[0]}***${value.slice(at)}` : '***';
};

/** Whether a value is one of the masks above, sent back unchanged by a form that showed it. */
export const isMasked = (value: string) => value.includes('*');

interface Identified {
  phone?: string;
  idNumber?: string;
  email?: string;
}

/**
 * A person with phone, ID number and email masked (PIPL minimisation): what every reply and every
 * audit event shows of someone other than the viewer.
 */
export const maskPerson = <Person extends Identified>(person: Person): Person => ({
  ...person,
  ...(person.phone ? { phone: maskPhone(person.phone) } : {}),
  ...(person.idNumber ? { idNumber: maskIdNumber(person.idNumber) } : {}),
  ...(person.email ? { email: maskEmail(person.email) } : {}),
});

/**
 * A person's phone and ID number in the one form they are stored and compared in, whoever sends
 * them (`+86 139-1234-5678` and `13912345678` are one person); values that are no phone or ID number
 * stay as given, for the rules to refuse by name.
 */
export const canonicalPerson = <Person extends Identified>(person: Person): Person => ({
  ...person,
  ...(person.phone && !isMasked(person.phone) ? { phone: normalisePhone(person.phone) } : {}),
  ...(person.idNumber && !isMasked(person.idNumber) ? { idNumber: normaliseIdNumber(person.idNumber) } : {}),
});

/** Which of a person's fields maskPerson hides: what a reveal discloses. */
export const maskedFields = (person: Identified) => (['phone', 'idNumber', 'email'] as const).filter((field) => person[field]);

const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const normaliseCreditCode = (value: string) => value.trim().toUpperCase();

/** An 18-character 统一社会信用代码 with a correct GB 32100 check character. */
export const isValidCreditCode = (value: string): boolean => {
  const code = normaliseCreditCode(value);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const sum = CREDIT_CODE_WEIGHTS.reduce((total, weight, i) => total + weight * CREDIT_CODE_CHARACTERS.indexOf(code[i]), 0);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARACTERS[check] === code[17];
};
