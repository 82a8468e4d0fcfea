import { FieldErrors } from '../../../shared/domain/validation';
import { parseEffectiveInstant } from '../../../shared/application/parse';
import { CatalogueErrorCode, throwIfInvalid } from '../../domain/catalogue.errors';
import { DecisionRef, validateDecision } from '../../domain/procedure';
import { ProcedureKey } from '../../persistence/procedure.repository';
import { decisionFromProto, DecisionInput } from '../definition.input';
import { parseProcedureKey } from '../procedure-selector';

export interface WithdrawProcedureInput {
  id?: string | null;
  code?: string | null;
  effectiveTo?: string | null;
  decision?: DecisionInput | null;
}

/** Ends a procedure's current version at `effectiveTo` (null: now), by a decision. */
export class WithdrawProcedureCommand {
  private constructor(
    readonly key: ProcedureKey,
    readonly effectiveTo: Date | null,
    readonly decision: DecisionRef,
  ) {}

  static create(input: WithdrawProcedureInput, now: Date): WithdrawProcedureCommand {
    const errors = new FieldErrors();
    const key = parseProcedureKey(input, errors);
    const effectiveTo = parseEffectiveInstant(input.effectiveTo, errors, 'effectiveTo');
    const decision = decisionFromProto(input.decision);
    if (decision) validateDecision(decision, effectiveTo ?? now, errors, 'effectiveTo');
    else errors.add('decision', 'required: a procedure is withdrawn by a decision');
    throwIfInvalid(CatalogueErrorCode.InvalidProcedure, 'The withdrawal is invalid', errors.errors);
    return new WithdrawProcedureCommand(key as ProcedureKey, effectiveTo, decision as DecisionRef);
  }
}
