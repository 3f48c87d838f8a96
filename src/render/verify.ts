/**
 * A verification report as plain text or JSON.
 */
import type { Change, InputSource, ResultCheck, VerifyReport } from '../report/verify.js';
import { sourceText } from '../report/wording.js';
import { formatCount } from './numbers.js';

function where(input: InputSource): string {
  return sourceText(input.sheet === undefined ? { kind: 'csv', path: input.path } : { kind: 'sheet', path: input.path, sheet: input.sheet });
}

function figure(r: ResultCheck['manifest']): string {
  if (!r) return '(none)';
  if (r.numerator === null || r.denominator === null) return 'not computable';
  const value = r.value === null ? 'no value' : String(Math.round(r.value * 1000) / 1000);
  return `${formatCount(r.numerator)} / ${formatCount(r.denominator)} = ${value}, target ${r.target ?? 'none'}, ${r.rag}`;
}

function changes(title: string, list: readonly Change[], lines: string[]): void {
  if (list.length === 0) {
    lines.push(`${title}: same`);
    return;
  }
  lines.push(`${title}: CHANGED`);
  for (const c of list.slice(0, 20)) lines.push(`  ${c.key}: manifest ${c.manifest}, now ${c.now}`);
  if (list.length > 20) lines.push(`  ... and ${list.length - 20} more`);
}

export function renderVerifyText(report: VerifyReport): string {
  const lines: string[] = [];
  lines.push(`Manifest made by ${report.generator.manifest}, as at ${report.asAt}; checked with ${report.generator.now}`);
  lines.push('Inputs:');
  for (const i of report.inputs) {
    if (i.status === 'same') lines.push(`  ${i.name}: same (${where(i.now!)}, sha256 ${i.now!.sha256.slice(0, 16)}…)`);
    else if (i.status === 'changed') {
      lines.push(
        `  ${i.name}: CHANGED (${where(i.now!)}): sha256 ${i.manifest!.sha256.slice(0, 16)}… → ${i.now!.sha256.slice(0, 16)}…, ${formatCount(i.manifest!.bytes)} → ${formatCount(i.now!.bytes)} bytes`,
      );
    } else if (i.status === 'missing') lines.push(`  ${i.name}: MISSING now (was ${where(i.manifest!)})`);
    else lines.push(`  ${i.name}: NEW (${where(i.now!)}); the manifest had none`);
  }
  changes('Rules (configuration)', report.rules, lines);
  changes('Targets', report.targets, lines);
  changes('Calendar', report.calendar, lines);
  const differing = report.results.filter((r) => r.status === 'differs');
  lines.push(`Results: ${formatCount(report.results.length - differing.length)} same, ${formatCount(differing.length)} differ`);
  for (const r of differing) {
    lines.push(`  ${r.metric} ${r.period}${r.group === null ? '' : ` ${r.group}`}: manifest ${figure(r.manifest)}; now ${figure(r.now)}`);
    lines.push(`    because: ${r.causes.join('; ')}`);
  }
  lines.push(report.same ? 'Verified: the extracts and rules reproduce the manifest.' : 'NOT verified: see the differences above.');
  return `${lines.join('\n')}\n`;
}

export function renderVerifyJson(report: VerifyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const VERIFY_FORMATS = { table: renderVerifyText, json: renderVerifyJson } as const;
