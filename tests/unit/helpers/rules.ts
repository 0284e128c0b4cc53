/* Rule files for the rules' tests: a fresh, editable copy of the defaults. */
import { DEFAULT_RULES } from '../../../lib/rules/defaults';

// A test edits the file freely, typos included: any shape at all.
export type Any = any;

export function fresh(): Any {
  return JSON.parse(JSON.stringify(DEFAULT_RULES));
}
