/**
 * A mainland mobile number as people type it — spaces, dashes, full-width digits, +86 or 0086 in
 * front — brought to its eleven digits, so the page can say at once when it cannot be one. The
 * server checks the number again; this only spares a round trip.
 */
const fullWidthDigit = /[０-９]/g;

export const normalisePhone = (input: string) =>
  input
    .replace(fullWidthDigit, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-()（）]/g, '')
    .replace(/^(?:\+?86|0086)(?=1\d{10}$)/, '');

/** 11 digits from 13x to 19x: the mainland's mobile numbers. */
export const isMainlandMobile = (phone: string) => /^1[3-9]\d{9}$/.test(phone);

/** A one-time code as typed: its digits only (a pasted SMS line keeps its six digits). */
export const codeDigits = (input: string) => input.replace(fullWidthDigit, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');
