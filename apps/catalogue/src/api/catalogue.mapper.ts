import { CatalogueV1 } from '@motcua/contracts';
import { formatLocalDate } from '@motcua/calendar';
import { CalendarView } from '../calendar/application/manage-calendar/manage-calendar.handler';
import { FeeAssessment, FeeSchedule } from '../procedure/domain/fees';
import { Component, DecisionRef, ProcedureDefinition, ProcedureVersion } from '../procedure/domain/procedure';
import { AdministrativeUnit, Agency, Desk } from '../structure/domain/structure';

/** Domain → proto. Absent values become the proto3 defaults ('' for text); money travels as int64 strings. */

const text = (value: string | null): string => value ?? '';

function decisionToProto(decision: DecisionRef | null): CatalogueV1.DecisionRef | null {
  return decision ? { number: decision.number, date: decision.date } : null;
}

export function componentToProto(c: Component): CatalogueV1.Component {
  return { code: c.code, name: c.name, mandatory: c.mandatory, form: c.form, count: c.count, formTemplate: text(c.formTemplate), documentType: text(c.documentType) };
}

function feesToProto(fees: FeeSchedule): CatalogueV1.FeeSchedule {
  return {
    variants: fees.variants.map((v) => ({ code: v.code, name: v.name })),
    items: fees.items.map((i) => ({
      code: i.code,
      name: i.name,
      kind: i.kind,
      amount: String(i.amount),
      unit: text(i.unit),
      tiers: i.tiers.map((t) => ({ fromUnit: t.fromUnit, amount: String(t.amount) })),
      ...(i.cap === null ? {} : { cap: String(i.cap) }),
      variantAmounts: i.variantAmounts.map((va) => ({ variant: va.variant, amount: String(va.amount) })),
    })),
    exemptions: fees.exemptions.map((e) => ({ code: e.code, name: e.name, attributes: [...e.attributes], items: [...e.items], percent: e.percent })),
    discounts: fees.discounts.map((d) => ({ code: d.code, name: d.name, channels: [...d.channels], items: [...d.items], percent: d.percent })),
  };
}

export function definitionToProto(d: ProcedureDefinition): CatalogueV1.ProcedureDefinition {
  return {
    name: d.name,
    field: text(d.field),
    level: text(d.level),
    competentAgencyId: text(d.competentAgencyId),
    implementingAgencyId: text(d.implementingAgencyId),
    legalBasis: [...d.legalBasis],
    components: d.components.map(componentToProto),
    processingTime: { unit: d.processingTime.unit, amount: d.processingTime.amount },
    fees: feesToProto(d.fees),
    results: d.results.map((r) => ({ code: r.code, name: r.name, documentType: text(r.documentType) })),
    onlineLevel: d.onlineLevel,
    locationIndependent: d.locationIndependent,
    postalIntake: d.postalIntake,
    postalReturn: d.postalReturn,
    internalProcess: d.internalProcess.map((s) => ({ name: s.name, role: s.role, agencyId: text(s.agencyId), share: s.share, handsOver: s.handsOver })),
    onTheSpot: d.onTheSpot,
  };
}

export function procedureToProto(v: ProcedureVersion): CatalogueV1.Procedure {
  const d = v.definition;
  return {
    id: v.procedureId,
    code: v.code,
    name: d.name,
    processingDays: d.processingTime.unit === 'days' ? d.processingTime.amount : 0,
    components: d.components.map(componentToProto),
    version: v.version,
    createdAt: v.procedureCreatedAt.toISOString(),
    agencyId: text(d.competentAgencyId),
    versionId: v.id,
    effectiveFrom: v.effectiveFrom.toISOString(),
    effectiveTo: v.effectiveTo?.toISOString() ?? '',
    decision: decisionToProto(v.decision),
    endedBy: v.endedBy ?? '',
    endDecision: decisionToProto(v.endDecision),
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: v.publishedBy,
    definition: definitionToProto(d),
  };
}

export function assessmentToProto(v: ProcedureVersion, assessment: FeeAssessment): CatalogueV1.FeeAssessment {
  return {
    procedureId: v.procedureId,
    versionId: v.id,
    lines: assessment.lines.map((l) => ({
      item: l.item,
      itemName: l.itemName,
      kind: l.kind,
      type: l.type,
      rule: text(l.rule),
      ruleName: text(l.ruleName),
      amount: String(l.amount),
    })),
    total: String(assessment.total),
  };
}

export function unitToProto(u: AdministrativeUnit): CatalogueV1.AdministrativeUnit {
  return { code: u.code, name: u.name, level: u.level, parentCode: text(u.parentCode), validFrom: u.validFrom, validTo: text(u.validTo) };
}

export function agencyToProto(a: Agency): CatalogueV1.Agency {
  return { id: a.id, name: a.name, kind: a.kind, unitCode: a.unitCode, parentId: text(a.parentId), validFrom: a.validFrom, validTo: text(a.validTo) };
}

export function deskToProto(d: Desk): CatalogueV1.Desk {
  return { id: d.id, name: d.name, agencyId: d.agencyId, unitCodes: [...d.unitCodes], procedureCodes: [...d.procedureCodes], levels: [...d.levels], active: d.active };
}

export function calendarToProto(view: CalendarView): CatalogueV1.Calendar {
  return {
    officeHours: view.settings.officeHours.map((i) => ({ start: i.start, end: i.end })),
    weeklyRestDays: [...view.settings.weeklyRestDays],
    overrides: view.overrides.map((o) => ({ date: o.date, kind: o.kind, reason: o.reason })),
    revision: view.settings.revision,
    year: view.year,
    exceptions: view.exceptions.map((day) => ({ date: formatLocalDate(day.date), working: day.working, kind: day.kind })),
  };
}
