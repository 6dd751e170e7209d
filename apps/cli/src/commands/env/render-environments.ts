import type { EnvironmentRecord, EnvironmentStatus } from '@bollyx/environment-manager';
import { formatTable } from '../../output/format';

function detail(status: EnvironmentStatus): string {
  if (status.state === 'ok' && status.record) {
    const { record } = status;
    return `Python ${record.pythonVersion}, ${record.variant}, ${record.installer}, created ${record.createdAt.slice(0, 16).replace('T', ' ')}`;
  }
  return status.fix ? `${status.reason}; run \`${status.fix}\`` : status.reason;
}

/** The readable `bollyx env list` / `check`: one row per environment with what to do about it. */
export function renderEnvironmentStatuses(dir: string, statuses: readonly EnvironmentStatus[]): string {
  const rows = statuses.map((status) => [status.name, status.state, status.spec.serves.join(', '), detail(status)]);
  return `Python environments in ${dir}\n${formatTable([['NAME', 'STATE', 'SERVES', 'DETAIL'], ...rows])}\n`;
}

/** The readable result of `bollyx env create`. */
export function renderCreatedEnvironment(record: EnvironmentRecord, created: boolean): string {
  const headline = created
    ? `Created the Python environment ${record.name}`
    : `The Python environment ${record.name} is already created and ok (rebuild with --force)`;
  return `${headline}\n${formatTable([
    ['interpreter', record.interpreter],
    ['python', `${record.pythonVersion} (${record.platform}, ${record.variant}, installed with ${record.installer})`],
    ['requirements', record.inputs.requirements.join(' ') || 'none'],
    ['probes', Object.keys(record.probes).join(', ')],
  ])}\n`;
}
