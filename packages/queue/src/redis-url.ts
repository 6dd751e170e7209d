/** The URL with any user name and password replaced, safe to print or log. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace('://', '://***@');
  } catch {
    // Not a URL: hide whatever sits before an '@'.
    return url.replace(/^([a-z]+:\/\/)?[^@/]*@/i, (_, scheme: string | undefined) => `${scheme ?? ''}***@`);
  }
}
