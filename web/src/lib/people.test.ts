import { describe, expect, it } from 'vitest';
import { contactLine, telHref } from './people.ts';

describe('tap-to-call', () => {
  it('links a phone number shown in full, without its spaces and dashes', () => {
    expect([telHref('13900000001'), telHref('+86 139-0000-0001'), telHref('010-6512 3456')]).toEqual([
      'tel:13900000001',
      'tel:+8613900000001',
      'tel:01065123456',
    ]);
  });
  it('does not link a masked number, an empty one, or text that is not a number', () => {
    expect([telHref('139****0001'), telHref(undefined), telHref(''), telHref('见附件'), telHref('12')]).toEqual([null, null, null, null, null]);
  });
  it('puts phone, email and ID number on one line', () => {
    expect(contactLine({ phone: '139****0001', email: 'a***@example.cn' })).toBe('139****0001 · a***@example.cn');
  });
});
