import { ProcedureDraft } from '../../domain/procedure';

interface ComponentInput {
  code?: string | null;
  name?: string | null;
  mandatory?: boolean | null;
}

export class CreateProcedureCommand {
  private constructor(readonly draft: ProcedureDraft) {}

  static create(input: { code?: string | null; name?: string | null; processingDays?: number | null; agencyId?: string | null; components?: ComponentInput[] | null }): CreateProcedureCommand {
    return new CreateProcedureCommand({
      code: input.code ?? '',
      name: input.name ?? '',
      processingDays: input.processingDays ?? -1,
      agencyId: input.agencyId ?? '',
      components: (input.components ?? []).map((c) => ({ code: c.code ?? '', name: c.name ?? '', mandatory: c.mandatory ?? false })),
    });
  }
}
