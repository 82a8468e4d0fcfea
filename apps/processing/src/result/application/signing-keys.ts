import { randomUUID } from 'node:crypto';
import { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { generateSigningKeyPair, openPrivateKey, sealPrivateKey, SIGNATURE_ALGORITHM } from '../domain/result-signature';
import { ResultRepository } from '../persistence/result.repository';

/** The 32-byte key-encryption key (a Buffer) that seals the tenants' private keys. */
export const SIGNING_KEY_ENCRYPTION_KEY = Symbol('SIGNING_KEY_ENCRYPTION_KEY');

export interface SigningKeyInUse {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

/** The tenant's signing key: made on first use, sealed at rest, opened only to sign. */
@Injectable()
export class SigningKeys {
  constructor(
    private readonly repository: ResultRepository,
    @Inject(SIGNING_KEY_ENCRYPTION_KEY) private readonly kek: Buffer,
  ) {}

  /**
   * The key in use in the transaction's tenant, created when there is none. Two first uses at
   * once: both insert, the partial unique index lets one win, the other reads the winner's key.
   */
  async inUse(manager: EntityManager): Promise<SigningKeyInUse> {
    const { tenantId } = currentTenant();
    let key = await this.repository.keyInUse(manager);
    if (!key) {
      const id = randomUUID();
      const pair = generateSigningKeyPair();
      await this.repository.insertKeyIfNone(manager, {
        id,
        algorithm: SIGNATURE_ALGORITHM,
        publicKey: pair.publicKey,
        sealedPrivateKey: sealPrivateKey(this.kek, pair.privateKey, tenantId, id),
        createdAt: new Date(),
      });
      key = await this.repository.keyInUse(manager);
      if (!key) throw new Error('No signing key in use right after creating one');
    }
    return { keyId: key.id, privateKey: openPrivateKey(this.kek, key.sealedPrivateKey, tenantId, key.id) };
  }
}
