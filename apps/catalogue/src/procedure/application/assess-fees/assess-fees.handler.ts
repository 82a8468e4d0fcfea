import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { FieldErrors } from '../../../shared/domain/validation';
import { CatalogueErrorCode } from '../../domain/catalogue.errors';
import { assessFees, Channel, FeeAssessment } from '../../domain/fees';
import { ProcedureVersion } from '../../domain/procedure';
import { parsed, parseSelector, ProcedureReader, ProcedureSelector, SelectorInput } from '../procedure-selector';

export interface AssessFeesInput {
  procedure?: SelectorInput | null;
  variant?: string | null;
  attributes?: (string | null)[] | null;
  quantities?: ({ item?: string | null; quantity?: number | null } | null)[] | null;
  channel?: string | null;
}

/** The fees and charges due for a case of a procedure version submitted through a channel. */
@Injectable()
export class AssessFeesHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly reader: ProcedureReader,
  ) {}

  async execute(input: AssessFeesInput, now = new Date()): Promise<{ version: ProcedureVersion; assessment: FeeAssessment }> {
    authorizeCaller('procedure.read');
    const errors = new FieldErrors();
    const parsedSelector = parseSelector(input.procedure ?? {}, now, errors.nested('procedure'));
    const quantities: Record<string, number> = {};
    (input.quantities ?? []).forEach((q, index) => {
      const item = q?.item ?? '';
      if (errors.check(item !== '', `quantities[${index}].item`, 'required') && errors.check(!(item in quantities), `quantities[${index}].item`, 'repeated')) {
        quantities[item] = q?.quantity ?? 0;
      }
    });
    const [selector] = parsed<[ProcedureSelector]>(errors, CatalogueErrorCode.FeeCaseInvalid, parsedSelector);
    const version = await this.runner.run((manager) => this.reader.resolve(manager, selector));
    const feeCase = { variant: input.variant || null, attributes: (input.attributes ?? []).map((a) => a ?? ''), quantities };
    return { version, assessment: assessFees(version.definition.fees, feeCase, (input.channel ?? '') as Channel) };
  }
}
