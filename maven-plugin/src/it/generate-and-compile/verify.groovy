// Checks a generate + compile build run twice with the same input (see invoker.properties).
// Script variables from the invoker: basedir, localRepositoryPath, projectVersion (from the plugin's pom).
import java.nio.file.Files
import java.nio.file.Path

File module = new File(basedir, 'tiny-server')
File generatedRoot = new File(module, 'target/generated-sources/openapi2mcp')
List<String> log = new File(basedir, 'build.log').readLines('UTF-8')

// 1. The generated sources: the server class and the tools class of server "tiny" (the artifactId).
List<String> generated = Files.walk(generatedRoot.toPath())
    .filter { Files.isRegularFile(it) }
    .collect { generatedRoot.toPath().relativize(it).toString().replace(File.separatorChar, (char) '/') }
    .sort()
assert generated == ['com/example/tiny/mcp/TinyServer.java', 'com/example/tiny/mcp/TinyTools.java']

// 2. One summary line per run. The first wrote every file; the second found all of them unchanged.
def summary = ~/^\[INFO\] openapi2mcp: tiny: 4 tools; files: (\d+) written, (\d+) unchanged, (\d+) deleted in (.+)$/
List<List<String>> runs = log.findAll { it ==~ summary }.collect { line ->
  def m = line =~ summary
  m.matches()
  [m.group(1), m.group(2), m.group(3), m.group(4)]
}
assert runs.size() == 2 : "expected one summary line per run, got ${runs}"
String count = String.valueOf(generated.size())
assert runs[0] == [count, '0', '0', generatedRoot.canonicalPath]
assert runs[1] == ['0', count, '0', generatedRoot.canonicalPath]

// 3. The compiler agrees that the second run touched no source: it compiled once, then found nothing stale
//    (it decides by modification times, so a rewritten file would have been recompiled).
assert log.count { it ==~ /\[INFO\] Compiling 2 source files with javac .* to target\/classes/ } == 1
assert log.count { it == '[INFO] Nothing to compile - all classes are up to date.' } == 1
assert !log.any { it.startsWith('[WARNING]') } : 'a clean spec compiles without warnings: ' + log.findAll { it.startsWith('[WARNING]') }

// 4. The compiled server really describes the spec: load it beside the runtime and call definition().
File classes = new File(module, 'target/classes')
File runtimeJar = new File(localRepositoryPath,
    "dev/openapi2mcp/openapi2mcp-runtime/${projectVersion}/openapi2mcp-runtime-${projectVersion}.jar")
assert runtimeJar.isFile()
URLClassLoader loader = new URLClassLoader(
    [classes.toURI().toURL(), runtimeJar.toURI().toURL()] as URL[], ClassLoader.getPlatformClassLoader())
try {
  def definition = loader.loadClass('com.example.tiny.mcp.TinyServer').getMethod('definition').invoke(null)
  assert definition.name() == 'tiny'
  assert definition.version() == '2.1.0'
  assert definition.baseUrl() == 'https://api.example.com/tiny'
  assert definition.tools()*.name() == ['listItems', 'createItem', 'getItem', 'deleteItem']

  def tools = definition.tools().collectEntries { [(it.name()): it] }
  assert tools.getItem.http().method() == 'GET'
  assert tools.getItem.http().pathTemplate() == '/items/{itemId}'
  assert tools.getItem.http().parameters()*.name() == ['itemId'] : 'the path-level parameter'
  assert tools.getItem.annotations().readOnlyHint() == Boolean.TRUE
  assert tools.deleteItem.annotations().destructiveHint() == Boolean.TRUE
  assert tools.listItems.http().parameters()*.name() == ['limit']
  // The Item body is flattened; its read-only id is not an input.
  assert tools.createItem.http().body().properties() == [name: 'name', tags: 'tags']
} finally {
  loader.close()
}
return true
