import { Injectable } from '@nestjs/common';
import { TenantTransactionRunner } from '@motcua/persistence';
import { publicJwk } from '../../domain/result-signature';
import { requireUuid, ResultError, ResultErrorCode } from '../../domain/result.errors';
import { ResultRepository } from '../../persistence/result.repository';

export interface PublicSigningKey {
  keyId: string;
  algorithm: string;
  jwk: ReturnType<typeof publicJwk>;
  createdAt: Date;
}

/** A public key of the tenant (anyone, no sign-in), so a third party can verify a result offline. */
@Injectable()
export class GetSigningKeyHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly repository: ResultRepository,
  ) {}

  async execute(input: { keyId?: string }): Promise<PublicSigningKey> {
    const keyId = requireUuid(input.keyId, 'keyId');
    const key = await this.runner.run((manager) => this.repository.key(manager, keyId));
    if (!key) throw new ResultError(ResultErrorCode.SigningKeyNotFound, 'No such signing key', { id: keyId });
    return { keyId: key.id, algorithm: key.algorithm, jwk: publicJwk(key.publicKey, key.id), createdAt: key.createdAt };
  }
}
