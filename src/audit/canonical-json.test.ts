import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: '擂台' } })).toBe('{"a":{"c":"擂台","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('leaves out undefined properties as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('writes numbers in their shortest form', () => {
    expect(canonicalJson([1.0, 1e21, 0.1])).toBe('[1,1e+21,0.1]');
  });
});
