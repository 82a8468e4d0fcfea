import { DocumentError } from './document.errors';
import { decideResultFiling, IssuedResultFacts } from './result-filing';

const DOSSIER_ID = '6f1c0b9e-2d7a-4c1e-9a3b-5e8d7c6b5a49';
const approved: IssuedResultFacts = { dossierId: DOSSIER_ID, decision: 'approved', documentType: 'giay_khai_sinh' };
const online = { ownerSubject: 'citizen-0001', code: 'H33.17-261201-0007' };

describe('decideResultFiling', () => {
  it("files an approved result of a signed-in applicant's dossier, named by type and dossier code", () => {
    expect(decideResultFiling(approved, online)).toEqual({
      file: true,
      ownerSubject: 'citizen-0001',
      documentType: 'giay_khai_sinh',
      fileName: 'giay_khai_sinh-H33.17-261201-0007.pdf',
    });
  });

  it('names the file by the dossier id when the dossier has no code', () => {
    const decision = decideResultFiling(approved, { ...online, code: null });
    expect(decision).toMatchObject({ file: true, fileName: `giay_khai_sinh-${DOSSIER_ID}.pdf` });
  });

  it('keeps a path separator in a code out of the file name', () => {
    expect(decideResultFiling(approved, { ...online, code: '12/2026/HT' })).toMatchObject({ file: true, fileName: 'giay_khai_sinh-12-2026-HT.pdf' });
  });

  it('files no refusal letter, whoever owns the dossier', () => {
    expect(decideResultFiling({ ...approved, decision: 'refused', documentType: 'van_ban_tu_choi' }, online)).toEqual({ file: false, reason: 'refused' });
  });

  it.each([['desk:hy-desk-0001'], [''], ['  ']])('files nothing for a dossier without an applicant subject (owner %p)', (ownerSubject) => {
    expect(decideResultFiling(approved, { ownerSubject, code: online.code })).toEqual({ file: false, reason: 'no_applicant' });
  });

  it('refuses a document type the wallet cannot list', () => {
    expect(() => decideResultFiling({ ...approved, documentType: 'Giấy khai sinh' }, online)).toThrow(DocumentError);
  });
});
