import { aValidProfessionalClaim } from '@care/contracts';
import type { TestEnvironment } from '@care/testing';

/** Takes every broker of the run's cluster down (the whole cluster unreachable) or back up (-1: all nodes). */
export async function setAllBrokers(environment: TestEnvironment, up: boolean): Promise<void> {
  await (up ? environment.faults.setBrokerUp(-1) : environment.faults.setBrokerDown(-1));
}

/** POSTs a valid professional claim with this id (member `M-<claimId>`) as the claims system; returns the status. */
export async function submitClaim(environment: TestEnvironment, url: string, claimId: string): Promise<number> {
  const response = await fetch(`${url}/v1/claims`, {
    method: 'POST',
    headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/json' },
    body: JSON.stringify(aValidProfessionalClaim({ claimId, memberId: `M-${claimId}` })),
  });
  await response.arrayBuffer();
  return response.status;
}
