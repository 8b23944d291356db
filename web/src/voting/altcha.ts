/// <reference types="vite/client" />
/**
 * The ALTCHA widget, loaded only where someone votes. The `external` build keeps its styles in a
 * stylesheet and its workers in files of their own, both served from this site: the page's
 * Content-Security-Policy (no inline styles, scripts and workers from 'self' only) holds as it is.
 * Only the algorithms that run on Web Crypto are registered; Argon2 and scrypt would need
 * WebAssembly, which the policy does not allow and the server does not ask for.
 */
import 'altcha/external';
import 'altcha/altcha.css';
import 'altcha/i18n/zh-cn';
import Pbkdf2Worker from 'altcha/workers/pbkdf2?worker';
import ShaWorker from 'altcha/workers/sha?worker';

for (const bits of ['256', '384', '512']) {
  $altcha.algorithms.set(`PBKDF2/SHA-${bits}`, () => new Pbkdf2Worker());
  $altcha.algorithms.set(`SHA-${bits}`, () => new ShaWorker());
}
