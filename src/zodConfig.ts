/**
 * Imported first by every entry point. zod compiles fast parsers with `new Function` unless
 * told not to; the app's Content-Security-Policy forbids eval, and even zod's guarded probe
 * is reported as a policy violation. Jitless parsing is plenty fast for our files.
 */
import { config } from 'zod';

config({ jitless: true });
