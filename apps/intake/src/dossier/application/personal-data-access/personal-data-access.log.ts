import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { personalDataAccessOf, ReadOfPersonalData } from '../../domain/personal-data-access';
import { PersonalDataAccessRepository } from '../../persistence/personal-data-access.repository';
import { Clock } from '../clock';

/**
 * Records, in the reading transaction, that the caller read an applicant's personal data:
 * call it after the read was authorized, before the answer leaves. The applicant's own reads
 * are not recorded. A failed insert fails the read: an unaudited officer read is not served.
 */
@Injectable()
export class PersonalDataAccessLog {
  constructor(
    private readonly accesses: PersonalDataAccessRepository,
    private readonly clock: Clock,
  ) {}

  async recordRead(manager: EntityManager, what: ReadOfPersonalData): Promise<void> {
    const { actor, traceId } = currentTenant();
    if (!actor) throw new Error('A read of personal data without an actor cannot be audited');
    const access = personalDataAccessOf(actor, what, { id: randomUUID(), accessedAt: this.clock.now(), traceId });
    if (access) await this.accesses.append(manager, access);
  }
}
