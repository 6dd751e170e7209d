/** What one line of pip's or uv's output says about the install's progress. */
export type InstallerLine =
  /** pip: `Collecting numpy==2.0.2`, `Processing ./wheels/x.whl`. */
  | { kind: 'collecting'; what: string }
  /** uv: `Resolved 12 packages in 1.2s`. */
  | { kind: 'resolved'; count: number }
  /** pip: `Installing collected packages: a, b`; uv: `Prepared 12 packages in 3s`. */
  | { kind: 'installing'; packages: string[]; count: number }
  /** pip: `Successfully installed a-1.0 b-2.0`; uv: `Installed 12 packages in 40ms`. */
  | { kind: 'installed'; count: number };

const count = (text: string) => Number.parseInt(text, 10);

/** The progress a line of installer output reports, or null for lines that report none. */
export function parseInstallerLine(line: string): InstallerLine | null {
  const text = line.trim();
  let match = /^(?:Collecting|Processing) (\S+)/.exec(text);
  if (match) return { kind: 'collecting', what: match[1]! };
  match = /^Installing collected packages: (.+)$/.exec(text);
  if (match) {
    const packages = match[1]!.split(',').map((name) => name.trim()).filter(Boolean);
    return { kind: 'installing', packages, count: packages.length };
  }
  match = /^Successfully installed (.+)$/.exec(text);
  if (match) return { kind: 'installed', count: match[1]!.split(/\s+/).length };
  match = /^Resolved (\d+) packages? in /.exec(text);
  if (match) return { kind: 'resolved', count: count(match[1]!) };
  match = /^Prepared (\d+) packages? in /.exec(text);
  if (match) return { kind: 'installing', packages: [], count: count(match[1]!) };
  match = /^Installed (\d+) packages? in /.exec(text);
  if (match) return { kind: 'installed', count: count(match[1]!) };
  return null;
}
