import { CatalogueV1 } from '@motcua/contracts';
import { FieldErrors } from '../../shared/domain/validation';
import { optionalText, parseEffectiveInstant, parseVnd } from '../../shared/application/parse';
import { Channel, FeeSchedule, NO_FEES } from '../domain/fees';
import { ComponentForm, DecisionRef, OnlineLevel, ProcedureDefinition, ProcedureLevel, ProcessRole, Publication, validateDefinition } from '../domain/procedure';

/** Deeply optional: what arrives over gRPC from a careless client may lack anything. */
type Loose<T> = T extends (infer U)[] ? Loose<U>[] : T extends object ? { [K in keyof T]?: Loose<T[K]> | null } : T;

export type DefinitionInput = Loose<CatalogueV1.ProcedureDefinition>;
export type PublicationInput = Loose<CatalogueV1.Publication>;
export type DecisionInput = Loose<CatalogueV1.DecisionRef>;

function fees(input: Loose<CatalogueV1.FeeSchedule> | null | undefined): FeeSchedule {
  if (!input) return NO_FEES;
  return {
    variants: (input.variants ?? []).map((v) => ({ code: v?.code ?? '', name: v?.name ?? '' })),
    items: (input.items ?? []).map((i) => ({
      code: i?.code ?? '',
      name: i?.name ?? '',
      kind: (i?.kind ?? '') as 'fee',
      amount: parseVnd(i?.amount),
      unit: optionalText(i?.unit),
      tiers: (i?.tiers ?? []).map((t) => ({ fromUnit: t?.fromUnit ?? 0, amount: parseVnd(t?.amount) })),
      cap: i?.cap === undefined || i?.cap === null ? null : parseVnd(i.cap),
      variantAmounts: (i?.variantAmounts ?? []).map((va) => ({ variant: va?.variant ?? '', amount: parseVnd(va?.amount) })),
    })),
    exemptions: (input.exemptions ?? []).map((e) => ({
      code: e?.code ?? '',
      name: e?.name ?? '',
      attributes: (e?.attributes ?? []).map((a) => a ?? ''),
      items: (e?.items ?? []).map((x) => x ?? ''),
      percent: e?.percent ?? 0,
    })),
    discounts: (input.discounts ?? []).map((d) => ({
      code: d?.code ?? '',
      name: d?.name ?? '',
      channels: (d?.channels ?? []).map((c) => (c ?? '') as Channel),
      items: (d?.items ?? []).map((x) => x ?? ''),
      percent: d?.percent ?? 0,
    })),
  };
}

/**
 * The full definition of a version from its proto, validated with every field error reported
 * under `errors` (its prefix is the request's field, e.g. `definition`). Field and level are
 * required here (only the walking skeleton's short form may leave them unsaid).
 */
export function definitionFromProto(input: DefinitionInput | null | undefined, errors: FieldErrors): ProcedureDefinition {
  if (!input) errors.add('', 'required');
  const d = input ?? {};
  const definition: ProcedureDefinition = {
    name: d.name ?? '',
    field: optionalText(d.field),
    level: optionalText(d.level) as ProcedureLevel | null,
    competentAgencyId: optionalText(d.competentAgencyId),
    implementingAgencyId: optionalText(d.implementingAgencyId),
    legalBasis: (d.legalBasis ?? []).map((b) => b ?? ''),
    components: (d.components ?? []).map((c) => ({
      code: c?.code ?? '',
      name: c?.name ?? '',
      mandatory: c?.mandatory ?? false,
      form: (optionalText(c?.form) ?? 'original') as ComponentForm,
      count: c?.count || 1,
      formTemplate: optionalText(c?.formTemplate),
      documentType: optionalText(c?.documentType),
    })),
    processingTime: { unit: (d.processingTime?.unit ?? '') as 'days', amount: d.processingTime?.amount ?? 0 },
    fees: fees(d.fees),
    results: (d.results ?? []).map((r) => ({ code: r?.code ?? '', name: r?.name ?? '', documentType: optionalText(r?.documentType) })),
    onlineLevel: (d.onlineLevel ?? '') as OnlineLevel,
    locationIndependent: d.locationIndependent ?? false,
    postalIntake: d.postalIntake ?? false,
    postalReturn: d.postalReturn ?? false,
    internalProcess: (d.internalProcess ?? []).map((s) => ({
      name: s?.name ?? '',
      role: (s?.role ?? '') as ProcessRole,
      agencyId: optionalText(s?.agencyId),
      share: s?.share ?? 0,
      handsOver: s?.handsOver ?? false,
    })),
    onTheSpot: d.onTheSpot ?? false,
  };
  if (input) {
    if (definition.field === null) errors.add('field', 'required');
    if (definition.level === null) errors.add('level', 'required');
    validateDefinition(definition, errors);
  }
  return definition;
}

export function decisionFromProto(input: DecisionInput | null | undefined): DecisionRef | null {
  if (!input || (!input.number && !input.date)) return null;
  return { number: input.number ?? '', date: input.date ?? '' };
}

/** A publication: effective from (RFC 3339 or YYYY-MM-DD; empty: now) and the decision. */
export function publicationFromProto(input: PublicationInput | null | undefined, errors: FieldErrors): Publication {
  return { effectiveFrom: parseEffectiveInstant(input?.effectiveFrom, errors, 'effectiveFrom'), decision: decisionFromProto(input?.decision) };
}
