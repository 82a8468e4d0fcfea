import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TenantTransactionRunner } from '@motcua/persistence';
import { looksLikeDossierCode } from '../../domain/dossier-code';
import { Dossier } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { DossierRepository } from '../../persistence/dossier.repository';

const SECRET = /^\d{4}$/;

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares in constant time (fixed-length digests), so the timing tells nothing about the secret. */
function sameSecret(given: string, expected: string | null): boolean {
  return timingSafeEqual(digest(given), digest(expected ?? '\u0000none'));
}

/**
 * Status tracking without signing in: the tenant is known (host/header), there is no actor.
 * The dossier code plus the last 4 digits of the applicant's phone or ID/tax number. A wrong
 * secret and an unknown code give the same NOT_FOUND, and both secrets are always compared.
 * Guessing is bounded by the gateway's rate limit per client and code (ADR 0005), not here.
 */
@Injectable()
export class TrackDossierHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly dossiers: DossierRepository,
  ) {}

  async execute(code: string, secret: string): Promise<Dossier> {
    const notFound = new IntakeError(IntakeErrorCode.DossierNotFound, 'No dossier with this code and secret', {});
    if (!looksLikeDossierCode(code) || !SECRET.test(secret)) throw notFound;
    const found = await this.runner.run((manager) => this.dossiers.findForTracking(manager, code));
    const byPhone = sameSecret(secret, found?.phone ? found.phone.slice(-4) : null);
    const byIdentifier = sameSecret(secret, found?.identifier ? found.identifier.slice(-4) : null);
    if (!found || !(byPhone || byIdentifier)) throw notFound;
    return found.dossier;
  }
}
