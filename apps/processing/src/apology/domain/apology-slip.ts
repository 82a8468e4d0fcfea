import { NATIONAL_HEADING } from '@motcua/printing';
import { ProcessingError, ProcessingErrorCode } from '../../workflow/domain/processing.errors';
import { Workflow, WorkflowAction, WorkflowChange } from '../../workflow/domain/workflow';

/**
 * What the apology slip (form 04, phiếu xin lỗi và hẹn lại ngày trả kết quả) says. Processing
 * holds no personal data of the applicant (only a pseudonym): the slip addresses the applicant
 * by the dossier code; intake, which knows the person, prints names on its own documents.
 */
export interface ApologySlip {
  readonly dossierId: string;
  readonly dossierCode: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  /** The agency at fault as a person reads it: "Name (code)", or its identifier code when the catalogue has no name. */
  readonly agency: string;
  readonly receivedAt: Date;
  /** The appointment the apology replaced. */
  readonly previousAppointmentAt: Date;
  readonly reason: string;
  readonly newAppointmentAt: Date;
  readonly issuedAt: Date;
  /** Subject of the official who recorded the apology. */
  readonly issuedBy: string;
}

/** The texts of the slip, in the order printed. */
export const APOLOGY_SLIP_TEXT = {
  nation: NATIONAL_HEADING.nation,
  motto: NATIONAL_HEADING.motto,
  form: 'Mẫu số 04',
  title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  addressee: 'Kính gửi',
  applicant: (dossierCode: string) => `Ông/Bà (người nộp hồ sơ số ${dossierCode})`,
  received: (agency: string) => `${agency} đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính của Ông/Bà:`,
  dossierCode: 'Mã hồ sơ',
  procedure: 'Thủ tục hành chính',
  agency: 'Cơ quan giải quyết',
  receivedAt: 'Thời gian tiếp nhận',
  previousAppointmentAt: 'Thời gian hẹn trả kết quả',
  late: (agency: string) => `Tuy nhiên, ${agency} chưa trả được kết quả giải quyết hồ sơ cho Ông/Bà đúng hẹn.`,
  reason: 'Lý do',
  sorry: (agency: string) => `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${agency} xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả giải quyết hồ sơ:`,
  newAppointmentAt: 'Thời gian hẹn trả kết quả mới',
  understanding: 'Rất mong nhận được sự thông cảm của Ông/Bà vì sự chậm trễ này.',
  issuedAt: 'Thời gian lập phiếu',
  issuedBy: 'Người lập phiếu',
} as const;


/** The recorded apology: who, when, and the change. */
export type ApologyAction = WorkflowAction & { change: Extract<WorkflowChange, { kind: 'apology_issued' }> };

/** The recorded apology of a dossier (one at most: a new appointment is set only once); WORKFLOW_APOLOGY_NOT_ISSUED when none. */
export function issuedApology(workflow: Workflow, actions: readonly WorkflowAction[]): ApologyAction {
  const action = actions.find((candidate): candidate is ApologyAction => candidate.change.kind === 'apology_issued');
  if (workflow.apology === null || action === undefined) {
    throw new ProcessingError(ProcessingErrorCode.ApologyNotIssued, 'No apology was issued for this dossier', { dossierId: workflow.dossierId });
  }
  return action;
}

/** The slip of `apology`, with the agency at fault named as `agency` (see `nameWithCode` of @motcua/printing). Pure. */
export function apologySlipOf(workflow: Workflow, apology: ApologyAction, agency: string): ApologySlip {
  return {
    dossierId: workflow.dossierId,
    dossierCode: workflow.code,
    procedureCode: workflow.procedureCode,
    procedureName: workflow.procedureName,
    agency,
    receivedAt: workflow.receivedAt,
    previousAppointmentAt: apology.change.previousAppointmentAt,
    reason: apology.change.reason,
    newAppointmentAt: apology.change.appointmentAt,
    issuedAt: apology.at,
    issuedBy: apology.actor,
  };
}
