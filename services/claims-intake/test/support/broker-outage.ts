import { aValidProfessionalClaim } from '@care/contracts';
import type { TestEnvironment } from '@care/testing';

/** Broker ids of the local mock cluster the test harness starts (3 brokers). */
export const MOCK_BROKER_IDS = [1, 2, 3] as const;

/** Takes every broker of the local mock cluster down (the whole cluster unreachable) or back up. */
export async function setAllBrokers(environment: TestEnvironment, up: boolean): Promise<void> {
  for (const id of MOCK_BROKER_IDS) {
    await (up ? environment.faults.setBrokerUp(id) : environment.faults.setBrokerDown(id));
  }
}

/** POSTs a valid professional claim with this id (member `M-<claimId>`) and returns the HTTP status. */
export async function submitClaim(url: string, claimId: string): Promise<number> {
  const response = await fetch(`${url}/v1/claims`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(aValidProfessionalClaim({ claimId, memberId: `M-${claimId}` })),
  });
  await response.arrayBuffer();
  return response.status;
}
