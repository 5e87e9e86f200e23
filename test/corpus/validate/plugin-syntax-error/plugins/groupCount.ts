export function groupCount( {
  return 1;
}
