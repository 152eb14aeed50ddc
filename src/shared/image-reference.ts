// Image references by the engine's own grammar (distribution/reference, regexp.go):
// [domain[:port]/]path[/path…][:tag][@digest], where path components are lowercase.
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${name})(?::${tag})?(?:@${digest})?$`);
const NAME_MAX = 255;

/** Why `text` is not an image reference, or null when it is one. */
export function imageReferenceProblem(text: string): string | null {
  const match = REFERENCE.exec(text);
  if (match) {
    return match[1]!.length > NAME_MAX ? `Image names are at most ${NAME_MAX} characters.` : null;
  }
  if (/\s/.test(text))
    return 'Image references have no spaces: repository[:tag], e.g. alpine:3.20.';
  if (REFERENCE.test(text.toLowerCase())) {
    return `Image names are lowercase: "${text}" is not a valid reference.`;
  }
  return `"${text}" is not a valid image reference: repository[:tag], e.g. alpine:3.20.`;
}
