/**
 * Every test file runs with this fixed audit key installed (vitest.config.ts setupFiles), as
 * `leitai serve` installs the configured one at start-up: services append keyed digests.
 */
import { installAuditKey } from '../../src/audit/key.ts';

export const TEST_AUDIT_KEY = 'leitai-test-audit-key-0123456789abcdef';

installAuditKey(TEST_AUDIT_KEY);
