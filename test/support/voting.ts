/**
 * Voting in tests: an SMS provider that keeps what it sends (to read a voter's code back), and a
 * solver for the proof-of-work challenge, doing what the widget does in the browser; both are the
 * demo's too, so they live in src.
 */
export { capturingSms, type CapturingSms } from '../../src/platform/sms.ts';
export { solvedChallenge } from '../../src/voting/challenge.ts';
