// Files bundled into the main process as text (the built-in lessons).
declare module '*.yaml?raw' {
  const text: string;
  export default text;
}
