import { applicantPseudonym } from './pseudonym';

describe('applicantPseudonym', () => {
  const key = 'k'.repeat(32);
  it('is stable within a tenant and differs across tenants and keys', () => {
    const a = applicantPseudonym(key, 'hung-yen', '033099001234');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(applicantPseudonym(key, 'hung-yen', '033099001234')).toBe(a);
    expect(applicantPseudonym(key, 'hue', '033099001234')).not.toBe(a);
    expect(applicantPseudonym('other-key-of-32-characters-long!', 'hung-yen', '033099001234')).not.toBe(a);
    expect(a).not.toContain('033099001234');
  });
});
