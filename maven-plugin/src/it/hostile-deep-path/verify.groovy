// Issue 11: 10,000 segments give one tool whose name stays within the 64 characters MCP clients accept and whose
// path template is the spec's path; 10,000 path parameters are refused with the limit that stops them.
List<String> log = new File(basedir, 'build.log').readLines('UTF-8')

File classes = new File(basedir, 'segments/target/classes')
File runtimeJar = new File(localRepositoryPath,
    "dev/openapi2mcp/openapi2mcp-runtime/${projectVersion}/openapi2mcp-runtime-${projectVersion}.jar")
URLClassLoader loader = new URLClassLoader(
    [classes.toURI().toURL(), runtimeJar.toURI().toURL()] as URL[], ClassLoader.getPlatformClassLoader())
try {
  def definition = loader.loadClass('com.example.deep.SegmentsServer').getMethod('definition').invoke(null)
  assert definition.tools().size() == 1
  def tool = definition.tools()[0]
  assert tool.name().length() <= 64 : tool.name()
  assert tool.name() ==~ /[A-Za-z0-9_.-]+/
  assert tool.http().pathTemplate() == '/a' * 10_000
} finally {
  loader.close()
}

String spec = new File(basedir, 'parameters/target/parameters.json').canonicalPath
List<String> errors = log.findAll { it.startsWith("[ERROR]   ERROR ${spec}") }
assert errors.size() == 1 : log.findAll { it.startsWith('[ERROR]') }
assert errors[0].startsWith("[ERROR]   ERROR ${spec}: the JSON parser's limit is exceeded: Name length (")
assert errors[0].contains('from `StreamReadConstraints.getMaxNameLength()`')
assert !new File(basedir, 'parameters/target/generated-sources/openapi2mcp').exists()

assert !log.any { it.contains('OutOfMemoryError') || it.contains('StackOverflowError') }
assert log.contains('[INFO] BUILD FAILURE')
return true
