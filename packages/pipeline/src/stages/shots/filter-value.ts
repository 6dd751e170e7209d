/**
 * A value (such as a file path) inside an ffmpeg filtergraph option: escaped once for the option parser
 * (`\ ' :`) and again for the graph parser (`\ ' [ ] , ;`), as ffmpeg-filters(1) "Notes on filtergraph
 * escaping" describes, so a path with a colon or comma stays one value.
 */
export function filterValue(value: string): string {
  const option = value.replace(/[\\':]/g, '\\$&');
  return option.replace(/[\\'[\],;]/g, '\\$&');
}
