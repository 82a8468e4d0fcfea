/**
 * The dossier's life at intake as a state machine: pure, total over (state, command).
 * Every state maps to exactly one national portal status (TrangThaiHoSo, DOMAIN.md).
 */
export const DOSSIER_STATES = [
  'submitted',
  'supplement_requested',
  'resubmitted',
  'received',
  'refused',
  'withdrawn',
  'in_processing',
  // Processing's own states, followed from its events for the applicant's view.
  'processing_awaiting_supplement',
  'processing_awaiting_payment',
  'processed',
  'result_returned',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

/** National portal status codes (TrangThaiHoSo 1..10). */
export const NATIONAL_STATUSES = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
} as const;
export type NationalStatus = keyof typeof NATIONAL_STATUSES;

/** One national status per state; the Record type makes a new state without a mapping fail to compile. */
export const NATIONAL_STATUS_OF: Readonly<Record<DossierState, NationalStatus>> = {
  submitted: 1,
  resubmitted: 1,
  supplement_requested: 5,
  received: 2,
  refused: 3,
  withdrawn: 7,
  in_processing: 4,
  processing_awaiting_supplement: 5,
  processing_awaiting_payment: 6,
  processed: 9,
  result_returned: 10,
};

export const DOSSIER_COMMANDS = [
  'receive',
  'request_supplement',
  'resubmit',
  'refuse',
  'withdraw',
  'start_processing',
  'processing_awaits_supplement',
  'processing_awaits_payment',
  'processing_resumed',
  'processing_decided',
  'result_returned',
] as const;
export type DossierCommand = (typeof DOSSIER_COMMANDS)[number];

/** Facts beyond the state a transition depends on. */
export interface TransitionFacts {
  /** Supplement requests already made for this dossier (only one is allowed, Decree 118). */
  supplementRequests: number;
}

export type TransitionResult =
  | { readonly ok: true; readonly to: DossierState }
  | { readonly ok: false; readonly reason: 'not_allowed_in_state' | 'supplement_already_requested' };

const TRANSITIONS: Readonly<Record<DossierState, Readonly<Partial<Record<DossierCommand, DossierState>>>>> = {
  submitted: { receive: 'received', request_supplement: 'supplement_requested', refuse: 'refused', withdraw: 'withdrawn' },
  supplement_requested: { resubmit: 'resubmitted', withdraw: 'withdrawn' },
  resubmitted: { receive: 'received', refuse: 'refused', withdraw: 'withdrawn' },
  // On-the-spot dossiers are decided and returned in one visit, possibly before intake hears processing started.
  received: { withdraw: 'withdrawn', start_processing: 'in_processing', processing_decided: 'processed', result_returned: 'result_returned' },
  in_processing: {
    withdraw: 'withdrawn',
    processing_awaits_supplement: 'processing_awaiting_supplement',
    processing_awaits_payment: 'processing_awaiting_payment',
    processing_decided: 'processed',
    result_returned: 'result_returned',
  },
  processing_awaiting_supplement: { withdraw: 'withdrawn', processing_resumed: 'in_processing' },
  processing_awaiting_payment: { withdraw: 'withdrawn', processing_resumed: 'in_processing' },
  processed: { result_returned: 'result_returned' },
  result_returned: {},
  refused: {},
  // A withdrawal that crossed processing's decision: the decision came first and stands.
  withdrawn: { processing_decided: 'processed', result_returned: 'result_returned' },
};

/** Where `command` takes a dossier in `state`, or why it may not. Never throws. */
export function transition(state: DossierState, command: DossierCommand, facts: TransitionFacts): TransitionResult {
  const to = TRANSITIONS[state][command];
  if (to === undefined) return { ok: false, reason: 'not_allowed_in_state' };
  if (command === 'request_supplement' && facts.supplementRequests >= 1) return { ok: false, reason: 'supplement_already_requested' };
  return { ok: true, to };
}

export function isDossierState(value: string): value is DossierState {
  return (DOSSIER_STATES as readonly string[]).includes(value);
}

/** A state from which no command leads anywhere. */
export function isFinal(state: DossierState): boolean {
  return Object.keys(TRANSITIONS[state]).length === 0;
}

/** Pending a desk officer's check (the worklist). */
export const AWAITING_CHECK: readonly DossierState[] = ['submitted', 'resubmitted'];
