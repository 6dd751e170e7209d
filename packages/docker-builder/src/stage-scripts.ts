import { dirname, join } from 'node:path';
import type { StageFamily } from '@bollyx/environment-manager';
import { pythonStageScript, stageFamilyScripts } from '@bollyx/python-stages';

/** The host files an image serving `families` needs: their scripts and the contract module they import, beside them. */
export function stageScriptFiles(families: readonly StageFamily[]): string[] {
  const scripts = families.flatMap((family) => {
    const script = stageFamilyScripts[family];
    return script === undefined ? [] : [pythonStageScript(script)];
  });
  if (scripts.length === 0) return [];
  return [...scripts, join(dirname(scripts[0]!), 'bollyx_stage.py')];
}
