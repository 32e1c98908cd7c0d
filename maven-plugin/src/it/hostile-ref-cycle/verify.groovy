// Issue 11: the recursive schemas became tools whose input schemas keep the recursion as $defs references; every
// reference cycle that defines nothing is an error at its own $ref, naming the cycle.
import groovy.json.JsonSlurper

List<String> log = new File(basedir, 'build.log').readLines('UTF-8')

File classes = new File(basedir, 'recursion/target/classes')
File runtimeJar = new File(localRepositoryPath,
    "dev/openapi2mcp/openapi2mcp-runtime/${projectVersion}/openapi2mcp-runtime-${projectVersion}.jar")
URLClassLoader loader = new URLClassLoader(
    [classes.toURI().toURL(), runtimeJar.toURI().toURL()] as URL[], ClassLoader.getPlatformClassLoader())
try {
  def definition = loader.loadClass('com.example.cycles.RecursionServer').getMethod('definition').invoke(null)
  def tools = definition.tools().collectEntries { [(it.name()): new JsonSlurper().parseText(it.inputSchema())] }
  assert tools.keySet() == ['postMutual', 'postTree'] as Set
  assert tools.postMutual.properties.b == ['$ref': '#/$defs/B']
  assert tools.postMutual.'$defs'.B.properties.a == ['$ref': '#/$defs/A']
  assert tools.postTree.properties.children.items == ['$ref': '#/$defs/Node']
} finally {
  loader.close()
}

String spec = new File(basedir, 'loops/src/main/openapi/loops.yaml').toPath().toAbsolutePath().normalize().toString()
def cycle = { String pointer, List<String> chain ->
  "[ERROR]   ERROR ${spec}#${pointer}/\$ref: \$ref cycle ${chain.collect { '#' + it }.join(' -> ')}: " +
      'the references lead back to themselves and define nothing'
}
List<String> errors = log.findAll { it.startsWith('[ERROR]   ERROR ') }
assert errors as Set == [
    cycle('/paths/~1pointer/get/parameters/0', ['/paths/~1pointer/get/parameters/0', '/paths/~1pointer/get/parameters/0']),
    cycle('/paths/~1item-self', ['/paths/~1item-self', '/paths/~1item-self']),
    cycle('/paths/~1item-a', ['/paths/~1item-a', '/paths/~1item-b', '/paths/~1item-a']),
    cycle('/paths/~1item-b', ['/paths/~1item-b', '/paths/~1item-a', '/paths/~1item-b']),
    cycle('/components/schemas/Self', ['/components/schemas/Self', '/components/schemas/Self']),
    cycle('/components/parameters/There', ['/components/parameters/There', '/components/parameters/Back', '/components/parameters/There']),
    cycle('/components/parameters/Back', ['/components/parameters/Back', '/components/parameters/There', '/components/parameters/Back']),
    cycle('/components/responses/Loop', ['/components/responses/Loop', '/components/responses/Loop']),
    cycle('/components/requestBodies/Loop', ['/components/requestBodies/Loop', '/components/requestBodies/Loop']),
]*.toString() as Set : errors
assert errors.size() == 9
assert !new File(basedir, 'loops/target/generated-sources/openapi2mcp').exists()

assert !log.any { it.contains('OutOfMemoryError') || it.contains('StackOverflowError') }
assert log.contains('[INFO] BUILD FAILURE')
return true
