import { aValidProfessionalClaim } from '@care/contracts';
import type { TestEnvironment } from '@care/testing';

/** Takes every broker of the run's cluster down (the whole cluster unreachable) or back up (-1: all nodes). */
export async function setAllBrokers(environment: TestEnvironment, up: boolean): Promise<void> {
  await (up ? environment.faults.setBrokerUp(-1) : environment.faults.setBrokerDown(-1));
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
