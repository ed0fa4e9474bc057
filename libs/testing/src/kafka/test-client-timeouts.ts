/**
 * How long a test client's TCP connect to a broker may take. kafkajs allows 1 s, which a host running many suites at
 * once (CI) sometimes exceeds; the services use the same 10 s (KAFKA_CONNECTION_TIMEOUT_MS in @care/messaging).
 */
export const TEST_KAFKA_CONNECTION_TIMEOUT_MS = 10_000;
