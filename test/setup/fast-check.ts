/** vitest setup file: applies fastCheckSettings (fixed seed in CI, random elsewhere) to every property. */
import fc from 'fast-check';
import { fastCheckSettings } from './fast-check-settings.ts';

fc.configureGlobal({ ...fc.readConfigureGlobal(), ...fastCheckSettings(process.env) });
