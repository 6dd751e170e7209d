/** What a YAML parse error says went wrong and where: its first line ("… at line 3, column 1"), without the code excerpt after it. */
export function yamlErrorReason(error: Error): string {
  return error.message.split('\n')[0]!.replace(/:$/, '');
}
