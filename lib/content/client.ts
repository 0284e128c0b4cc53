/*
 * What the panel asks of the background, over the one sender (lib/messaging/send.ts). Payloads
 * are validated by the background; replies are trusted: they come from our own background, which
 * validated what it stored.
 */
import { send } from '../messaging/send';
import type { MessageReturn } from '../messaging/protocol';
import type { NewCaseInput } from '../cases/model';
import type { Observation } from '../cases/service';

/** What a page shows about an application (one shape with the background's, lib/cases/service.ts). */
export type { Observation };
export type CaseAction = 'confirm' | 'contact-support' | 'close' | 'reopen' | 'cancel-order';

export interface PanelClient {
  getRules(): Promise<MessageReturn<'getRules'>>;
  getCase(orderId: string): Promise<MessageReturn<'getCase'>>;
  getCases(orderIds: string[]): Promise<MessageReturn<'getCases'>>;
  recordSubmit(input: NewCaseInput, submitId: string): Promise<MessageReturn<'recordSubmit'>>;
  reportPage(observations: Observation[]): Promise<MessageReturn<'reportPage'>>;
  caseAction(caseId: string, action: CaseAction): Promise<MessageReturn<'caseAction'>>;
  openCases(caseId?: string): Promise<MessageReturn<'openCases'>>;
}

export const messagingClient: PanelClient = {
  getRules: () => send('getRules'),
  getCase: (orderId) => send('getCase', { orderId }),
  getCases: (orderIds) => send('getCases', { orderIds }),
  recordSubmit: (input, submitId) => send('recordSubmit', { input, submitId }),
  reportPage: (observations) => send('reportPage', { observations }),
  caseAction: (caseId, action) => send('caseAction', { caseId, action, source: 'panel' }),
  openCases: (caseId) => send('openCases', { caseId }),
};
