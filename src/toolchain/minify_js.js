// Prints the script read from stdin without comments and white space, nothing renamed (the
// page's scripts share globals by name). The parser and printer are the ones Emscripten itself
// minifies app.js with: Debian's acorn and the terser copy in Debian's emscripten package.
const acorn = require("acorn");
const terser = require("/usr/share/emscripten/third_party/terser/terser.js");

let source = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { source += chunk; });
process.stdin.on("end", () => {
  const ast = acorn.parse(source, { ecmaVersion: 2021 });
  process.stdout.write(terser.AST_Node.from_mozilla_ast(ast).print_to_string({ beautify: false }) + "\n");
});
