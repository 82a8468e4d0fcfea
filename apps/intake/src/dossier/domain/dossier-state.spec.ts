import fc from 'fast-check';
import { DOSSIER_COMMANDS, DOSSIER_STATES, DossierState, isDossierState, isFinal, NATIONAL_STATUS_OF, NATIONAL_STATUSES, transition } from './dossier-state';

describe('dossier state machine', () => {
  it('maps every state to exactly one national portal status 1..10', () => {
    for (const state of DOSSIER_STATES) {
      expect(Object.keys(NATIONAL_STATUSES).map(Number)).toContain(NATIONAL_STATUS_OF[state]);
    }
    expect(NATIONAL_STATUS_OF.received).toBe(2);
    expect(NATIONAL_STATUS_OF.refused).toBe(3);
    expect(NATIONAL_STATUS_OF.supplement_requested).toBe(5);
    expect(NATIONAL_STATUS_OF.withdrawn).toBe(7);
  });

  it('no command sequence reaches an undefined state; a supplement is requested at most once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DOSSIER_COMMANDS), { maxLength: 40 }), (commands) => {
        let state: DossierState = 'submitted';
        let supplements = 0;
        for (const command of commands) {
          const result = transition(state, command, { supplementRequests: supplements });
          if (!result.ok) continue;
          expect(isDossierState(result.to)).toBe(true);
          expect(isFinal(state)).toBe(false);
          if (command === 'request_supplement') supplements += 1;
          state = result.to;
        }
        expect(isDossierState(state)).toBe(true);
        expect(NATIONAL_STATUS_OF[state]).toBeGreaterThanOrEqual(1);
        expect(supplements).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('refuses a second supplement request after a resubmission', () => {
    expect(transition('submitted', 'request_supplement', { supplementRequests: 0 })).toEqual({ ok: true, to: 'supplement_requested' });
    expect(transition('resubmitted', 'request_supplement', { supplementRequests: 1 })).toEqual({ ok: false, reason: 'not_allowed_in_state' });
    expect(transition('submitted', 'request_supplement', { supplementRequests: 1 })).toEqual({ ok: false, reason: 'supplement_already_requested' });
  });

  it('withdraws before a result but never after a refusal', () => {
    expect(transition('received', 'withdraw', { supplementRequests: 0 })).toEqual({ ok: true, to: 'withdrawn' });
    expect(transition('refused', 'withdraw', { supplementRequests: 0 }).ok).toBe(false);
    expect(transition('withdrawn', 'withdraw', { supplementRequests: 0 }).ok).toBe(false);
  });

  it('follows processing, and lets a decision that crossed a withdrawal stand', () => {
    const facts = { supplementRequests: 1 };
    expect(transition('in_processing', 'processing_awaits_supplement', facts)).toEqual({ ok: true, to: 'processing_awaiting_supplement' });
    expect(transition('processing_awaiting_supplement', 'processing_resumed', facts)).toEqual({ ok: true, to: 'in_processing' });
    expect(transition('in_processing', 'processing_decided', facts)).toEqual({ ok: true, to: 'processed' });
    expect(transition('processed', 'withdraw', facts).ok).toBe(false);
    expect(transition('processed', 'result_returned', facts)).toEqual({ ok: true, to: 'result_returned' });
    // Withdrawn at intake while processing had already decided: the decision and the return stand.
    expect(transition('withdrawn', 'processing_decided', facts)).toEqual({ ok: true, to: 'processed' });
    expect(transition('withdrawn', 'result_returned', facts)).toEqual({ ok: true, to: 'result_returned' });
    expect(transition('withdrawn', 'processing_resumed', facts).ok).toBe(false);
  });
});
