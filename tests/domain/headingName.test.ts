import { describe, expect, it } from 'vitest';
import { headingName } from '../../src/domain/actors';

describe('headingName', () => {
  it('keeps the names of people and organisations as they are', () => {
    expect(headingName({ kind: 'person', name: 'Hossein Amir Abdollahian (acting)' })).toBe('Hossein Amir Abdollahian (acting)');
    expect(headingName({ kind: 'organization', name: 'Office of the Special Envoy of the Secretary-General for Syria' })).toBe(
      'Office of the Special Envoy of the Secretary-General for Syria',
    );
  });

  it("gives a group the head of its description, without remarks in brackets or whom it accompanied", () => {
    expect(headingName({ kind: 'group', name: 'Iranian delegation accompanying Khaji (August 2020, members unnamed)' })).toBe('Iranian delegation');
    expect(headingName({ kind: 'group', name: 'Iranian Foreign Ministry delegation led by Najafi (July 2021, members unnamed)' })).toBe(
      'Iranian Foreign Ministry delegation',
    );
    expect(headingName({ kind: 'group', name: 'Senior Syrian officials (unnamed)' })).toBe('Senior Syrian officials');
  });

  it('cuts a long group name at a word boundary, and always returns a part of the name', () => {
    const name = 'Unnamed members of parliament and advisers to the committee on foreign affairs and security';
    const short = headingName({ kind: 'group', name });
    expect(short.length).toBeLessThanOrEqual(36);
    expect(name.startsWith(short)).toBe(true);
    expect(short).toBe('Unnamed members of parliament');
    expect(headingName({ kind: 'group', name: '(unnamed)' })).toBe('(unnamed)');
    expect(headingName({ kind: 'group', name: 'Delegation' })).toBe('Delegation');
  });
});
