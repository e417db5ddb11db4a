// Prints the script read from stdin minified by Debian's terser (node-terser), compressed and
// with its local names shortened. `page` (the page's scripts, the service worker): top-level
// names are kept, the scripts share globals by name. `program` (Emscripten's app.js, which
// Emscripten 3.1.6 only strips of white space without Closure): top-level names are shortened
// too, all but `Module`, the one global the page and app.js share (window.Module); the page
// reaches everything else as Module's properties, which keep their names.
const terser = require("terser");

const mode = process.argv[2] || "page";
if (mode !== "page" && mode !== "program") {
  process.stderr.write(`minify_js.js: unknown mode ${mode} (page or program)\n`);
  process.exit(2);
}
let source = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { source += chunk; });
process.stdin.on("end", async () => {
  try {
    const program = mode === "program";
    const out = await terser.minify(source, {
      ecma: 2020,
      toplevel: program,
      compress: { passes: 2 },
      mangle: program ? { reserved: ["Module"] } : true,
      format: { comments: false },
    });
    process.stdout.write(out.code + "\n");
  } catch (e) {
    process.stderr.write(String(e && e.stack || e) + "\n");
    process.exit(1);
  }
});
