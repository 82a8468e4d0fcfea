import { Provider } from '@nestjs/common';
import { keyEncryptionKey } from './domain/result-signature';
import { GetResultDocumentHandler } from './application/get-result-document/get-result-document.handler';
import { GetResultForFilingHandler } from './application/get-result-for-filing/get-result-for-filing.handler';
import { GetSigningKeyHandler } from './application/get-signing-key/get-signing-key.handler';
import { ResultIssuer } from './application/issue-result/result-issuer';
import { SIGNING_KEY_ENCRYPTION_KEY, SigningKeys } from './application/signing-keys';
import { VerifyResultHandler } from './application/verify-result/verify-result.handler';
import { ResultRepository } from './persistence/result.repository';
import { signingKeyEncryptionKey } from './signing-key.config';

export { ResultController } from './api/result.controller';
export { ResultIssuer } from './application/issue-result/result-issuer';
export type { IssuedResult, ResultFacts } from './application/issue-result/result-facts';
export { CreateResults } from './persistence/migrations/1764900000000-create-results.migration';

/** What ProcessingModule provides for results (add `ResultController` to its controllers). */
export function resultProviders(config: { NODE_ENV: string; SIGNING_KEY_ENCRYPTION_KEY?: string }): Provider[] {
  return [
    { provide: SIGNING_KEY_ENCRYPTION_KEY, useValue: keyEncryptionKey(signingKeyEncryptionKey(config)) },
    ResultRepository,
    SigningKeys,
    ResultIssuer,
    VerifyResultHandler,
    GetResultDocumentHandler,
    GetSigningKeyHandler,
    GetResultForFilingHandler,
  ];
}
