import { FieldError } from '@motcua/domain-kernel';
import { checkText, checkUnique, FieldErrors, isOneOf } from '../../shared/domain/validation';
import { CatalogueError, CatalogueErrorCode } from './catalogue.errors';

/**
 * Fees (phí) and charges (lệ phí) of a procedure as data, and their assessment for one case.
 *
 * The model, smallest that covers the published catalogues:
 * - an item costs `amount` VND per dossier, or per counted unit (`unit`, e.g. "trang") with
 *   optional price steps from the n-th unit on and a `cap` (certification of copies:
 *   2,000 per page, 1,000 from the third page, at most 200,000 per copy);
 * - a case variant (e.g. late registration) replaces an item's amount;
 * - exemptions are granted by case attributes (e.g. "poor-household"), discounts by the
 *   submission channel (many provinces cut fees online); each is a percentage of the item;
 * - on one item the largest matching exemption applies, then the largest matching discount
 *   on what is left. Reductions are rounded so that what is due is rounded down to the đồng.
 * Amounts are integer VND. The assessment is itemised: base lines, then negative reduction
 * lines; the lines sum to the total, which is never negative.
 */

export const FEE_KINDS = ['fee', 'charge'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

export const CHANNELS = ['online', 'desk', 'postal'] as const;
/** The submission channels, as intake names them (DOMAIN.md codes 2, 1, 3). */
export type Channel = (typeof CHANNELS)[number];

/** The largest amount any item, step or cap may state: 10 billion VND. */
export const MAX_VND = 10_000_000_000;
/** At most this many items, exemptions and discounts: with MAX_VND and MAX_QUANTITY every sum stays a safe integer. */
export const MAX_FEE_RULES = 50;
/** The most units a per-unit item may be assessed for. */
export const MAX_QUANTITY = 10_000;

export interface FeeVariant {
  code: string;
  name: string;
}

export interface FeeTier {
  /** The unit price applies from this unit on (2 or more; steps strictly increasing). */
  fromUnit: number;
  amount: number;
}

export interface FeeItem {
  code: string;
  name: string;
  kind: FeeKind;
  /** VND per dossier, or per unit (up to the first step) when `unit` is set. */
  amount: number;
  unit: string | null;
  tiers: FeeTier[];
  cap: number | null;
  variantAmounts: { variant: string; amount: number }[];
}

export interface FeeExemption {
  code: string;
  name: string;
  attributes: string[];
  /** Item codes; empty: every item. */
  items: string[];
  percent: number;
}

export interface FeeDiscount {
  code: string;
  name: string;
  channels: Channel[];
  items: string[];
  percent: number;
}

export interface FeeSchedule {
  variants: FeeVariant[];
  items: FeeItem[];
  exemptions: FeeExemption[];
  discounts: FeeDiscount[];
}

export const NO_FEES: FeeSchedule = Object.freeze({ variants: [], items: [], exemptions: [], discounts: [] }) as FeeSchedule;

/** The facts of one dossier that fees depend on. */
export interface FeeCase {
  /** A declared variant, or null for the default amounts. */
  variant: string | null;
  attributes: string[];
  /** Units of each per-unit item. */
  quantities: Record<string, number>;
}

export type FeeLineType = 'base' | 'exemption' | 'discount';

export interface FeeLine {
  item: string;
  itemName: string;
  kind: FeeKind;
  type: FeeLineType;
  /** The exemption's or discount's code; null for a base line. */
  rule: string | null;
  ruleName: string | null;
  /** VND; negative for reductions. */
  amount: number;
}

export interface FeeAssessment {
  lines: FeeLine[];
  total: number;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const SLUG = /^[a-z0-9][a-z0-9_-]{0,39}$/;

function isVnd(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= MAX_VND;
}

function isPercent(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 100;
}

/** Every problem of a fee schedule, reported under `errors`' prefix (e.g. `fees.items[0].amount`). */
export function validateFeeSchedule(schedule: FeeSchedule, errors: FieldErrors): void {
  errors.check(schedule.items.length <= MAX_FEE_RULES, 'items', `at most ${MAX_FEE_RULES}`);
  errors.check(schedule.exemptions.length <= MAX_FEE_RULES, 'exemptions', `at most ${MAX_FEE_RULES}`);
  errors.check(schedule.discounts.length <= MAX_FEE_RULES, 'discounts', `at most ${MAX_FEE_RULES}`);
  errors.check(schedule.variants.length <= MAX_FEE_RULES, 'variants', `at most ${MAX_FEE_RULES}`);
  const variantCodes = new Set(schedule.variants.map((v) => v.code));
  const itemCodes = new Set(schedule.items.map((i) => i.code));

  schedule.variants.forEach((variant, index) => {
    errors.check(SLUG.test(variant.code), `variants[${index}].code`, 'lower-case letters, digits, - or _, at most 40');
    checkText(errors, variant.name, `variants[${index}].name`, 300);
  });
  checkUnique(errors, schedule.variants, (v) => v.code, (i) => `variants[${i}].code`);

  schedule.items.forEach((item, index) => {
    const at = `items[${index}]`;
    errors.check(CODE.test(item.code), `${at}.code`, '1–32 letters, digits, - or _');
    checkText(errors, item.name, `${at}.name`, 300);
    errors.check(isOneOf(FEE_KINDS, item.kind), `${at}.kind`, 'fee or charge');
    errors.check(isVnd(item.amount), `${at}.amount`, `whole VND, 0–${MAX_VND}`);
    if (item.unit !== null) checkText(errors, item.unit, `${at}.unit`, 40);
    if (item.unit === null && item.tiers.length > 0) errors.add(`${at}.tiers`, 'price steps need a unit');
    let previous = 1;
    item.tiers.forEach((tier, t) => {
      errors.check(Number.isInteger(tier.fromUnit) && tier.fromUnit > previous && tier.fromUnit <= MAX_QUANTITY, `${at}.tiers[${t}].fromUnit`, `a whole unit number, increasing, above ${previous}`);
      errors.check(isVnd(tier.amount), `${at}.tiers[${t}].amount`, `whole VND, 0–${MAX_VND}`);
      if (Number.isInteger(tier.fromUnit)) previous = Math.max(previous, tier.fromUnit);
    });
    if (item.cap !== null) errors.check(isVnd(item.cap), `${at}.cap`, `whole VND, 0–${MAX_VND}`);
    item.variantAmounts.forEach((va, v) => {
      errors.check(variantCodes.has(va.variant), `${at}.variantAmounts[${v}].variant`, 'not a declared variant');
      errors.check(isVnd(va.amount), `${at}.variantAmounts[${v}].amount`, `whole VND, 0–${MAX_VND}`);
    });
    checkUnique(errors, item.variantAmounts, (va) => va.variant, (v) => `${at}.variantAmounts[${v}].variant`);
  });
  checkUnique(errors, schedule.items, (i) => i.code, (i) => `items[${i}].code`);

  const checkItems = (items: string[], at: string) =>
    items.forEach((code, i) => errors.check(itemCodes.has(code), `${at}.items[${i}]`, 'not an item of the schedule'));

  schedule.exemptions.forEach((exemption, index) => {
    const at = `exemptions[${index}]`;
    errors.check(SLUG.test(exemption.code), `${at}.code`, 'lower-case letters, digits, - or _, at most 40');
    checkText(errors, exemption.name, `${at}.name`, 300);
    errors.check(exemption.attributes.length > 0, `${at}.attributes`, 'at least one case attribute');
    exemption.attributes.forEach((attribute, a) => errors.check(SLUG.test(attribute), `${at}.attributes[${a}]`, 'lower-case letters, digits, - or _, at most 40'));
    checkItems(exemption.items, at);
    errors.check(isPercent(exemption.percent), `${at}.percent`, 'a whole percentage, 1–100');
  });
  checkUnique(errors, schedule.exemptions, (e) => e.code, (i) => `exemptions[${i}].code`);

  schedule.discounts.forEach((discount, index) => {
    const at = `discounts[${index}]`;
    errors.check(SLUG.test(discount.code), `${at}.code`, 'lower-case letters, digits, - or _, at most 40');
    checkText(errors, discount.name, `${at}.name`, 300);
    errors.check(discount.channels.length > 0, `${at}.channels`, 'at least one channel');
    discount.channels.forEach((channel, c) => errors.check(isOneOf(CHANNELS, channel), `${at}.channels[${c}]`, 'online, desk or postal'));
    checkItems(discount.items, at);
    errors.check(isPercent(discount.percent), `${at}.percent`, 'a whole percentage, 1–100');
  });
  checkUnique(errors, schedule.discounts, (d) => d.code, (i) => `discounts[${i}].code`);
}

/** Every problem of a case against its schedule: unknown variant or attribute, missing or wrong quantities. */
export function validateFeeCase(schedule: FeeSchedule, feeCase: FeeCase, channel: string): FieldError[] {
  const errors = new FieldErrors();
  if (feeCase.variant !== null) {
    errors.check(schedule.variants.some((v) => v.code === feeCase.variant), 'variant', 'not a variant of this procedure');
  }
  const known = new Set(schedule.exemptions.flatMap((e) => e.attributes));
  feeCase.attributes.forEach((attribute, index) => errors.check(known.has(attribute), `attributes[${index}]`, 'no exemption of this procedure uses it'));
  const perUnit = new Set(schedule.items.filter((i) => i.unit !== null).map((i) => i.code));
  for (const [item, quantity] of Object.entries(feeCase.quantities)) {
    if (!perUnit.has(item)) errors.add(`quantities.${item}`, 'not a per-unit item of this procedure');
    else errors.check(Number.isInteger(quantity) && quantity >= 0 && quantity <= MAX_QUANTITY, `quantities.${item}`, `a whole number, 0–${MAX_QUANTITY}`);
  }
  for (const item of perUnit) errors.check(item in feeCase.quantities, `quantities.${item}`, 'required: the item is priced per unit');
  errors.check(isOneOf(CHANNELS, channel), 'channel', 'online, desk or postal');
  return errors.errors;
}

/** The undiscounted price of an item for a case. */
function grossAmount(item: FeeItem, feeCase: FeeCase): number {
  const unitPrice = item.variantAmounts.find((va) => va.variant === feeCase.variant)?.amount ?? item.amount;
  let gross: number;
  if (item.unit === null) {
    gross = unitPrice;
  } else {
    const quantity = feeCase.quantities[item.code] ?? 0;
    // Units 1 .. tiers[0].fromUnit - 1 at the unit price, then each step to the next one.
    const steps = [{ fromUnit: 1, amount: unitPrice }, ...item.tiers];
    gross = 0;
    steps.forEach((step, index) => {
      const end = Math.min(quantity, (steps[index + 1]?.fromUnit ?? Number.POSITIVE_INFINITY) - 1);
      if (end >= step.fromUnit) gross += (end - step.fromUnit + 1) * step.amount;
    });
  }
  return item.cap === null ? gross : Math.min(gross, item.cap);
}

/** What a `percent` reduction takes off `amount`, such that what remains is rounded down to the đồng. */
function reduction(amount: number, percent: number): number {
  const remaining = (BigInt(amount) * BigInt(100 - percent)) / 100n;
  return amount - Number(remaining);
}

function largest<T extends { percent: number }>(rules: T[]): T | undefined {
  return rules.reduce<T | undefined>((best, rule) => (best === undefined || rule.percent > best.percent ? rule : best), undefined);
}

/**
 * The fees and charges due for one case submitted through one channel, itemised. Pure.
 * Throws CatalogueError(FEE_CASE_INVALID) with every field error when the case does not fit the schedule.
 */
export function assessFees(schedule: FeeSchedule, feeCase: FeeCase, channel: Channel): FeeAssessment {
  const errors = validateFeeCase(schedule, feeCase, channel);
  if (errors.length > 0) throw new CatalogueError(CatalogueErrorCode.FeeCaseInvalid, 'The case does not fit the fee schedule', { errors });
  const attributes = new Set(feeCase.attributes);
  const lines: FeeLine[] = [];
  for (const item of schedule.items) {
    const gross = grossAmount(item, feeCase);
    if (gross === 0) continue;
    const line = (type: FeeLineType, amount: number, rule: { code: string; name: string } | null): FeeLine => ({
      item: item.code,
      itemName: item.name,
      kind: item.kind,
      type,
      rule: rule?.code ?? null,
      ruleName: rule?.name ?? null,
      amount,
    });
    lines.push(line('base', gross, null));
    let due = gross;
    const covers = (rule: { items: string[] }) => rule.items.length === 0 || rule.items.includes(item.code);
    const exemption = largest(schedule.exemptions.filter((e) => covers(e) && e.attributes.some((a) => attributes.has(a))));
    if (exemption) {
      const off = reduction(due, exemption.percent);
      if (off > 0) lines.push(line('exemption', -off, exemption));
      due -= off;
    }
    const discount = largest(schedule.discounts.filter((d) => covers(d) && d.channels.includes(channel)));
    if (discount && due > 0) {
      const off = reduction(due, discount.percent);
      if (off > 0) lines.push(line('discount', -off, discount));
      due -= off;
    }
  }
  return { lines, total: lines.reduce((sum, l) => sum + l.amount, 0) };
}
