import { EntityManager } from 'typeorm';
import type { IssuedResult, ResultFacts } from '../../result/application/issue-result/result-facts';

export type { IssuedResult, ResultFacts };

/** Issues the signed result of a decision inside the deciding transaction (the result feature's ResultIssuer). */
export abstract class ResultIssuing {
  abstract issue(manager: EntityManager, facts: ResultFacts): Promise<IssuedResult>;
}
