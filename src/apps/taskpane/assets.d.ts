// Plan text bundled by webpack as a string (asset/source).
declare module '*.txt' {
  const text: string;
  export default text;
}
