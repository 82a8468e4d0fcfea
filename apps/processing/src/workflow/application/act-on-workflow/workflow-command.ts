import { Channel } from '../../domain/workflow';

/** What an officer or leader asks of a dossier's workflow. */
export type WorkflowCommand =
  | { kind: 'claim' }
  | { kind: 'assign'; assignee: string }
  | { kind: 'complete'; note?: string }
  | { kind: 'send_back'; toStep: number; reason: string }
  | { kind: 'request_supplement'; items: string[] }
  | { kind: 'request_payment'; items: string[] }
  | { kind: 'resume'; note?: string }
  | { kind: 'approve'; note?: string }
  | { kind: 'refuse'; reasons: string[] }
  | { kind: 'return_result'; channel: Channel; note?: string }
  | { kind: 'apologise'; reason: string; newAppointmentAt: string }
  | { kind: 'resolve_on_the_spot'; note?: string };

export const WORKFLOW_COMMAND_KINDS: readonly WorkflowCommand['kind'][] = [
  'claim',
  'assign',
  'complete',
  'send_back',
  'request_supplement',
  'request_payment',
  'resume',
  'approve',
  'refuse',
  'return_result',
  'apologise',
  'resolve_on_the_spot',
];
