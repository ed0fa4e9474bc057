import { nameBasedUuid, visitIdOf } from './name-based-uuid.util';

// Expected values from Python's uuid module (an independent implementation of RFC 4122):
//   uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org') and uuid.uuid5(uuid.NAMESPACE_URL, 'urn:care-platform:...').
describe('name-based UUIDs', () => {
  it('matches the RFC 4122 version-5 UUID of python.org in the DNS namespace', () => {
    expect(nameBasedUuid('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('names a visit the same way every time, and two visits differently', () => {
    expect(visitIdOf('M-1|1234567893|2026-03-10')).toBe('04f5c379-48dc-5e72-8b3e-42e33dc03051');
    expect(visitIdOf('M-2|1234567893|2026-03-10')).toBe('35bbea8f-98a5-5cc3-84d6-fa83a940219b');
  });
});
